import { describe, expect, it } from 'vitest'
import { mapAtMost } from '../../functions/shared/index.js'

/** A job per item whose end the test decides: it records which items started and how many ran at once. */
function controlledJobs() {
  const started: number[] = []
  const ends = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void }>()
  let running = 0
  let most = 0
  const run = (item: number) => {
    started.push(item)
    running++
    most = Math.max(most, running)
    return new Promise<string>((resolve, reject) => ends.set(item, { resolve, reject })).finally(() => running--)
  }
  return { run, started, ends, most: () => most }
}

/** Lets every job that can start or finish do so (one turn of the event loop, no clock). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('mapAtMost', () => {
  it('runs at most the given number of jobs at once, starting the next as each one ends', async () => {
    const jobs = controlledJobs()
    const all = mapAtMost([0, 1, 2, 3, 4], 2, jobs.run)
    await settle()
    expect(jobs.started).toEqual([0, 1])
    jobs.ends.get(1)!.resolve('b')
    await settle()
    expect(jobs.started).toEqual([0, 1, 2])
    for (const item of [0, 2, 3, 4]) {
      jobs.ends.get(item)?.resolve(`item ${item}`)
      await settle()
    }
    await all
    expect(jobs.started).toEqual([0, 1, 2, 3, 4])
    expect(jobs.most()).toBe(2)
  })

  it('answers the results in the order of the items, not the order they ended in', async () => {
    const jobs = controlledJobs()
    const all = mapAtMost(['a', 'b', 'c'], 3, (letter, index) => jobs.run(index).then(() => letter.toUpperCase()))
    await settle()
    for (const item of [2, 0, 1]) jobs.ends.get(item)!.resolve('')
    expect(await all).toEqual(['A', 'B', 'C'])
  })

  it('rejects with the first error once the running jobs have ended, and starts no job after it', async () => {
    const jobs = controlledJobs()
    let outcome: unknown = 'pending'
    const all = mapAtMost([0, 1, 2, 3], 2, jobs.run).then(
      () => 'resolved',
      (error: Error) => error.message,
    )
    void all.then((value) => (outcome = value))
    await settle()
    jobs.ends.get(1)!.reject(new Error('job 1 failed'))
    await settle()
    expect(outcome).toBe('pending') // job 0 is still running
    jobs.ends.get(0)!.reject(new Error('job 0 failed too'))
    expect(await all).toBe('job 1 failed')
    expect(jobs.started).toEqual([0, 1])
  })

  it('treats a job that throws before its first await as a failure', async () => {
    const run = (item: number) => {
      if (item === 1) throw new Error('bad item 1')
      return Promise.resolve(item)
    }
    await expect(mapAtMost([0, 1, 2], 1, run)).rejects.toThrow('bad item 1')
  })

  it.each([
    { items: [], atOnce: 4, expected: [] },
    { items: [7], atOnce: 0, expected: [14] },
    { items: [1, 2, 3], atOnce: 10, expected: [2, 4, 6] },
  ])('maps $items with $atOnce at once to $expected', async ({ items, atOnce, expected }) => {
    expect(await mapAtMost(items, atOnce, async (n) => n * 2)).toEqual(expected)
  })
})
