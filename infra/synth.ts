import { App } from 'aws-cdk-lib'
import { cdkJsonContext } from './cdk-context.js'
import { loadConfig } from './config.js'
import { createJournal } from './journal.js'
import { fromRoot } from './paths.js'

/**
 * `npm run synth`: synthesizes every stack into cdk.out without the CDK CLI, AWS credentials
 * or a network, with the same context as `npx cdk` (infra/cdk.json). cdk-nag runs as part of it: an
 * unacknowledged finding fails the synthesis. Context can be overridden like with the CLI:
 * `npm run synth -- -c journal:person=jansen`.
 */
function contextFromArgs(args: string[]): Record<string, string> {
  const context: Record<string, string> = {}
  args.forEach((arg, i) => {
    const pair = arg === '-c' || arg === '--context' ? args[i + 1] : undefined
    const at = pair?.indexOf('=') ?? -1
    if (pair && at > 0) context[pair.slice(0, at)] = pair.slice(at + 1)
  })
  return context
}

const started = performance.now()
const app = new App({
  outdir: fromRoot('cdk.out'),
  context: { ...cdkJsonContext(), ...contextFromArgs(process.argv.slice(2)) },
})
createJournal(app, loadConfig(app.node))
const assembly = app.synth()
const seconds = ((performance.now() - started) / 1000).toFixed(1)
for (const stack of assembly.stacks)
  console.log(`${stack.stackName.padEnd(20)} ${stack.templateFullPath.replace(`${fromRoot('')}`, '')}`)
console.log(
  `Synthesized ${assembly.stacks.length} stacks into cdk.out in ${seconds} s; ` +
    'cdk-nag AwsSolutions: no unacknowledged findings.',
)
