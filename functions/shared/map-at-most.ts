/**
 * Maps `items` through `run`, at most `atOnce` of them at a time, and answers the results in the
 * items' order. Each finished item starts the next, so one slow item holds up one slot, not a
 * whole batch. A failure starts no further item and rejects with the first error once the items
 * already running have settled: when the caller hears of it, none of the work is still going on
 * (a build's staging folder can be removed, a store write is not left running).
 *
 * @example
 * // at most 8 writes in flight
 * await mapAtMost(entries, 8, (entry) => createEntry(db, entry, { by }))
 */
export async function mapAtMost<T, R>(
  items: readonly T[],
  atOnce: number,
  run: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async () => {
    while (!failure && next < items.length) {
      const index = next++
      try {
        results[index] = await run(items[index] as T, index)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(atOnce, items.length)) }, worker))
  if (failure) throw failure.error
  return results
}
