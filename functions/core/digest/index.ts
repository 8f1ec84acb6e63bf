/** The weekly digest, "my week in ten items": which entries, the stored digest, its schedule and its public view. */
export * from './digest.js'
export * from './public-digest.js'
export * from './schedule.js'
export * from './selection.js'
export * from './curation.js'
export * from './digest-days.js'
