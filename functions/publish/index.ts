/**
 * The publish pipeline: the journal's public snapshot, exported from the store, becomes the static
 * site. The same steps run on the servant's machine (`npm start`'s site preview, `npm run build`,
 * both in functions/local) and in AWS (the CodeBuild project the publish trigger starts:
 * infra/publish/export-snapshot.ts, then `npm run build` from the exported file).
 *
 * - export the public snapshot of a journal to a file     → exportSnapshot (the only store read of the path)
 * - whether the store changed since an export read it     → changeLogFingerprint
 * - build the site from a snapshot with Astro, then index it for search with Pagefind → buildSite
 * - an organisation: its layout, every servant's snapshot and its own, its sections and pages
 *                                                          → siteLayout, exportOrganisation, buildOrganisationSite,
 *                                                            buildOrganisationChange
 * - a build started before the change it builds, waiting compiled for its inputs
 *                                                          → standbyRun, standbyChange
 */
export { changeLogFingerprint, exportSnapshot, type ExportedSnapshot } from './export-snapshot.js'
export {
  buildSite,
  siteSourcesChangedAt,
  type SiteBuildOptions,
  type SiteBuildTimes,
  type SiteInputs,
} from './build-site.js'
export {
  exportOrganisation,
  ORGANISATION_PART,
  organisationFingerprints,
  siteLayout,
  type ExportedOrganisation,
  type SiteLayout,
} from './organisation-export.js'
export {
  buildOrganisationChange,
  buildOrganisationSite,
  freshStaging,
  standbyChange,
  standbyStaging,
  swapInto,
  type PartTimes,
  type StandbyChange,
  type OrganisationBuildOptions,
} from './organisation-site.js'
export { standbyRun, type StandbyRun } from './standby-run.js'
