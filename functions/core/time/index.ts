/** Dates in the journal's time zone and ISO weeks. */
export * from './dates.js'
export * from './iso-weeks.js'
export * from './remembered.js'
