/**
 * Small helpers with no domain in them and no dependency, used across the server-side layers
 * (journal, store, publish, local, lambda). Domain rules belong in core, not here.
 */
export { chunks } from './chunks.js'
export { mapAtMost } from './map-at-most.js'
