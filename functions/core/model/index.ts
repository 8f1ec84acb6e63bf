/**
 * The journal's things as stored: entries, posts, profile, tokens and revisions, their
 * vocabulary and their input schemas.
 */
export * from './backup-format.js'
export * from './built-on-first-use.js'
export * from './control-characters.js'
export * from './entry-authoring.js'
export * from './entry-status.js'
export * from './entry.js'
export * from './front-matter.js'
export * from './journal-items.js'
export * from './organisation.js'
export * from './post.js'
export * from './primitives.js'
export * from './profile.js'
export * from './revision.js'
export * from './slug.js'
export * from './theme.js'
export * from './token.js'
export * from './validation.js'
export * from './vocabulary.js'
