/** What the journal says in words: labels per language, lists, counts, history lines, Markdown. */
export * from './history-text.js'
export * from './labels.js'
export * from './markdown.js'
export * from './natural-list.js'
export * from './summary-words.js'
