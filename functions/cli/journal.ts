import { main } from './main.js'

/**
 * The `journal` command (package bin, see bin/journal.js). It talks to the API (JOURNAL_API_URL,
 * default the local `npm start`) with the owner token (JOURNAL_TOKEN or .journal/owner-token).
 * One file per command in commands/; `journal --help` lists them.
 */
const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(text.startsWith('\r') ? text : `${text}\n`),
  env: process.env,
  isTTY: process.stderr.isTTY === true,
})
process.exitCode = code
