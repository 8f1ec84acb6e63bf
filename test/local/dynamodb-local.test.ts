import { spawn, spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const tsx = ['--import', 'tsx']
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('embedded DynamoDB Local', () => {
  it('says how to install Java when it is missing', () => {
    const out = spawnSync(
      process.execPath,
      [
        ...tsx,
        '-e',
        "import('./functions/local/dynamodb-local.ts')" +
          '.then((m) => m.assertJava())' +
          '.catch((e) => { console.error(e.message); process.exit(3) })',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: '/nonexistent' },
      },
    )
    expect(out.status).toBe(3)
    expect(out.stderr).toContain('needs Java 17 or newer')
    expect(out.stderr).toContain('apt-get install')
    expect(out.stderr).toContain('JOURNAL_DYNAMODB_ENDPOINT')
  })

  it('stops the Java process when the process that started it is killed outright', async () => {
    const script =
      "import('./functions/local/dynamodb-local.ts').then(async (m) => { " +
      'const db = await m.startDynamoDbLocal(); ' +
      "console.log('JAVA ' + db.pid); " +
      'setInterval(() => {}, 1000) })'
    const parent = spawn(process.execPath, [...tsx, '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    const javaPid = await new Promise<number>((resolve, reject) => {
      let out = ''
      parent.stdout.on('data', (chunk) => {
        out += chunk
        const match = /JAVA (\d+)/.exec(out)
        if (match) resolve(Number(match[1]))
      })
      parent.once('exit', () => reject(new Error(`parent exited early: ${out}`)))
    })
    expect(alive(javaPid)).toBe(true)
    parent.kill('SIGKILL')
    const deadline = Date.now() + 10_000
    while (alive(javaPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
    expect(alive(javaPid)).toBe(false)
  })
})
