/** The annual report: figures counted from the public agenda, and a first draft in words. */
export * from './accounting-year.js'
export * from './organisation-phrases.js'
export * from './report-draft.js'
export * from './report-figures.js'
export * from './report-period.js'
export * from './report-stats.js'
