/** What the journal says in words: its catalogue, labels, dates, lists, counts, history lines, Markdown, escaping. */
export * from './catalogue.js'
export * from './escape-html.js'
export * from './history-text.js'
export * from './labels.js'
export * from './markdown.js'
export * from './natural-list.js'
export * from './summary-words.js'
export * from './digest-words.js'
