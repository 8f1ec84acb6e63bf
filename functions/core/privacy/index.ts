/**
 * The privacy rule: what of an entry, post or profile the public may see (one projection), and
 * which entries a summary counts.
 */
export * from './counted-entries.js'
export * from './organisation-projection.js'
export * from './public-projection.js'
