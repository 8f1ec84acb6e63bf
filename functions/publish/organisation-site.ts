import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { buildSite } from './build-site.js'
import type { ExportedOrganisation } from './organisation-export.js'

export interface OrganisationBuildOptions {
  /** The live site: the organisation's pages at its root, each servant's section in `<person>/`. */
  outDir: string
  /** The servants whose sections are built; the others keep theirs. @default every servant */
  sections?: Iterable<string>
  siteUrl?: string
  /** Builds one site from one snapshot (Astro and Pagefind; a test may pass a faster one). */
  build?: (options: {
    snapshotFile: string
    outDir: string
    base: string
    siteUrl?: string
    signal?: AbortSignal
  }) => Promise<unknown>
  /** Stops the build between and inside its parts (see `buildSite`). */
  signal?: AbortSignal
}

/**
 * Builds an organisation's site: the sections asked for, then the organisation's own pages. Each
 * is built beside the live site and swapped in (Astro empties the folder it builds into), so a
 * reader never meets a half-built section; a section that was not rebuilt is not touched.
 */
export async function buildOrganisationSite(
  exported: ExportedOrganisation,
  options: OrganisationBuildOptions,
): Promise<{ sections: string[] }> {
  const { outDir, siteUrl, signal, build = buildSite } = options
  const people = [...exported.snapshotFiles.keys()]
  const sections = [...(options.sections ?? people)].filter((person) => exported.snapshotFiles.has(person))
  const staging = `${outDir}.next`
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  try {
    for (const person of sections) {
      const snapshotFile = exported.snapshotFiles.get(person)!
      await build({ snapshotFile, outDir: join(staging, person), base: `/${person}`, siteUrl, signal })
      signal?.throwIfAborted()
      swapInto(join(staging, person), join(outDir, person))
    }
    const own = join(staging, '@organisation')
    await build({ snapshotFile: exported.organisationFile, outDir: own, base: '/', siteUrl, signal })
    signal?.throwIfAborted()
    const names = new Set(readdirSync(own))
    for (const name of names) swapInto(join(own, name), join(outDir, name))
    // What the organisation's pages or an earlier layout (one journal at the root) left behind.
    for (const name of readdirSync(outDir))
      if (!names.has(name) && !exported.snapshotFiles.has(name)) rmSync(join(outDir, name), { recursive: true })
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  return { sections }
}

/** Replaces `live` by `staged` with two renames (a moment, not a build long). */
export function swapInto(staged: string, live: string): void {
  const old = `${live}.old`
  rmSync(old, { recursive: true, force: true })
  if (existsSync(live)) renameSync(live, old)
  renameSync(staged, live)
  rmSync(old, { recursive: true, force: true })
}
