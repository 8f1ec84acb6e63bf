/**
 * The journal's use-cases: what the API, the admin, the CLI and the Lambdas do to a journal,
 * written once. Each reads and writes through the store and leaves every decision to core.
 *
 * - change an entry or a post as the writer who read version N → changeVersioned (API, admin)
 * - generate (or regenerate) the digest of one week             → generateDigest (API, admin)
 * - the weekly run with its catch-up (Lambda); every past week  → runWeeklyDigest / generatePastDigests (npm start)
 * - queue the weekly runs due this quarter hour, per journal     → queueDueDigests (Lambda, every 15 minutes)
 * - import a calendar file, updating what earlier imports made  → runImport (API, admin)
 * - draft an annual report from the figures of a period          → draftReport (API, admin)
 * - back up a journal; restore a backup into an empty journal   → takeBackup / restoreBackup (CLI)
 */
export * from './backup.js'
export * from './digest-fan-out.js'
export * from './digest-job.js'
export * from './import-job.js'
export * from './report-draft.js'
export * from './versioned-change.js'
