import { execFile, execFileSync } from 'node:child_process'
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

/** A script that loads the bundle as Lambda does (ESM `index.mjs`, export `handler`) and calls it once per event. */
function invocationScript(dir: string, events: unknown[]): string {
  return `const MARK = ${JSON.stringify(RESULT_MARK)};
const { handler } = await import(${JSON.stringify(pathToFileURL(`${dir}/index.mjs`).href)});
const results = [];
for (const event of ${JSON.stringify(events)})
  results.push((await handler(event, { getRemainingTimeInMillis: () => 10000 })) ?? null);
process.stdout.write('\\n' + MARK + JSON.stringify(results));`
}

const processEnv = (env: Record<string, string>) => ({ PATH: process.env.PATH, AWS_REGION: 'eu-west-1', ...env })
const ARGS = ['--enable-source-maps', '--input-type=module', '-e']

/**
 * Loads a bundle in a plain Node.js process, as Lambda does (ESM `index.mjs`, export `handler`),
 * calls the handler with `event` and answers what it returned.
 */
export function invokeBundle(dir: string, event: unknown, env: Record<string, string> = {}): unknown {
  const output = execFileSync(process.execPath, [...ARGS, invocationScript(dir, [event])], {
    env: processEnv(env),
    encoding: 'utf8',
    timeout: 20_000,
    stdio: 'pipe',
  })
  // What the handler logged comes first; its result follows the mark.
  return (JSON.parse(output.slice(output.lastIndexOf(RESULT_MARK) + RESULT_MARK.length)) as unknown[])[0]
}

/**
 * Like invokeBundle, but without blocking this process (so a test can answer the bundle's own
 * calls, e.g. a fake AWS endpoint) and with several events in one process, as one warm instance
 * receives them. Answers each result and everything the process logged.
 */
export function invokeBundleWarm(
  dir: string,
  events: unknown[],
  env: Record<string, string> = {},
): Promise<{ results: unknown[]; log: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...ARGS, invocationScript(dir, events)],
      { env: processEnv(env), encoding: 'utf8', timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stdout}${stderr}`))
        const at = stdout.lastIndexOf(RESULT_MARK)
        resolve({ results: JSON.parse(stdout.slice(at + RESULT_MARK.length)), log: stdout.slice(0, at) + stderr })
      },
    )
  })
}
