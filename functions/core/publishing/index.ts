/** The public snapshot the site is built from, and the feeds, CSV, indexes and paths made from it. */
export * from './agenda-csv.js'
export * from './agenda-index.js'
export * from './entry-filter.js'
export * from './feed-formats.js'
export * from './journal-feeds.js'
export * from './paths.js'
export * from './public-snapshot.js'
