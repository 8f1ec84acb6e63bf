import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileSystem, IgnoreMode } from 'aws-cdk-lib'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../infra/paths.js'
import { sourceExcludes } from '../../infra/stacks/publish-stack.js'
import { buildJournal } from './support/synth-journal.js'

/** A synthesis from scratch, in a directory of its own, so every function is bundled again. */
const templates = () => {
  const outdir = mkdtempSync(join(tmpdir(), 'journal-cdk-stability-'))
  try {
    const { app } = buildJournal({}, outdir)
    const assembly = app.synth()
    return { byStack: Object.fromEntries(assembly.stacks.map((s) => [s.stackName, JSON.stringify(s.template)])) }
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}

/** The sources the templates are made from (the repository sent to the build includes all Lambda code). */
const sources = () => FileSystem.fingerprint(REPO_ROOT, { exclude: sourceExcludes(), ignoreMode: IgnoreMode.GIT })

/** Two syntheses of the same sources; again if someone saved a file in between (a shared checkout). */
function twoSyntheses() {
  for (let attempt = 1; ; attempt++) {
    const before = sources()
    const pair = [templates(), templates()] as const
    if (sources() === before || attempt === 3) return pair
  }
}

describe('the synthesized templates', () => {
  it('are the same every time: no random names, no timestamps, the same asset hashes', () => {
    const [first, second] = twoSyntheses()
    expect(Object.keys(first.byStack)).toEqual([
      'Journal-Data',
      'Journal-Site',
      'Journal-Api',
      'Journal-Jobs',
      'Journal-Publish',
      'Journal-Alarms',
    ])
    for (const [name, template] of Object.entries(first.byStack)) expect(second.byStack[name], name).toBe(template)
  }, 300_000) // two (or, after an edit in between, up to six) syntheses: a guard against a hang, not a timing
})
