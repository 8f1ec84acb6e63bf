import { execFileSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import type { JournalFunction } from '../../../infra/constructs/journal-function.js'
import { logicalId, type SynthesizedJournal } from './synth-journal.js'

/** The directory of a function's bundled code in the synthesized cloud assembly. */
export function bundleDir(journal: SynthesizedJournal, fn: JournalFunction): string {
  const assembly = journal.app.synth()
  const stack = assembly.getStackByName(fn.stack.stackName)
  const resources = stack.template.Resources as Record<string, { Properties: { Code?: { S3Key?: string } } }>
  const key = resources[logicalId(fn)]?.Properties.Code?.S3Key
  if (!key) throw new Error(`no bundled code for ${fn.node.path}`)
  return `${assembly.directory}/asset.${key.replace(/\.zip$/, '')}`
}

const RESULT_MARK = '@@handler-result@@'

/**
 * Loads a bundle in a plain Node.js process, as Lambda does (ESM `index.mjs`, export `handler`),
 * calls the handler with `event` and answers what it returned.
 */
export function invokeBundle(dir: string, event: unknown, env: Record<string, string> = {}): unknown {
  const script = `const MARK = ${JSON.stringify(RESULT_MARK)};
const { handler } = await import(${JSON.stringify(pathToFileURL(`${dir}/index.mjs`).href)});
const result = await handler(${JSON.stringify(event)}, { getRemainingTimeInMillis: () => 10000 });
process.stdout.write('\\n' + MARK + JSON.stringify(result ?? null));`
  const output = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, AWS_REGION: 'eu-west-1', ...env },
    encoding: 'utf8',
    timeout: 20_000,
    stdio: 'pipe',
  })
  // What the handler logged comes first; its result follows the mark.
  return JSON.parse(output.slice(output.lastIndexOf(RESULT_MARK) + RESULT_MARK.length))
}
