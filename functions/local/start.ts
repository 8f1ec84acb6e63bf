import { join } from 'node:path'
import { startLocalStack } from './local-stack.js'
import { localSettings } from './settings.js'

/**
 * `npm start`: DynamoDB Local (persisted under .journal/), the table, the demo organisation (three
 * servants, content/demo/) on first start, and the API on http://localhost:8787. Ctrl-C stops
 * everything; the data stays.
 */
async function main() {
  // Locally we run on Node 20 knowingly; the SDK's upgrade notice would bury the start-up lines.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const settings = localSettings()
  let stop: (() => Promise<void>) | undefined
  const shutdown = async (code: number) => {
    await stop?.()
    process.exit(code)
  }
  process.once('SIGINT', () => void shutdown(0))
  process.once('SIGTERM', () => void shutdown(0))

  try {
    const stack = await startLocalStack(settings, { stopWith: (s) => (stop = s) })
    console.log(
      [
        '',
        'Open Agenda Journal is running:',
        `  Site         ${stack.siteUrl}  (rebuilt a few seconds after the journal changes)`,
        `  API          http://localhost:${settings.apiPort}/api/entries`,
        `  API docs     http://localhost:${settings.apiPort}/api/openapi.json`,
        `  Admin        http://localhost:${settings.apiPort}/admin  (sign in with the owner token)`,
        `  Owner token  ${stack.token}`,
        `  Organisation administrator token in ${join(settings.dataDir, 'administrator-token')}`,
        '',
        'Press Ctrl-C to stop (your journal is kept in .journal/).',
      ].join('\n'),
    )
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    const message =
      e.code === 'EADDRINUSE'
        ? `Port ${settings.apiPort} is in use: stop what runs there or set JOURNAL_API_PORT to another port.`
        : e.message
    console.error(`\n${message}`)
    await shutdown(1)
  }
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
