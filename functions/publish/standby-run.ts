/**
 * A build started before the publish that will use it, waiting for its inputs. A site build's
 * Astro run spends its first seconds starting, syncing content and compiling the site (about 5 s
 * of a change's 10 s on `npm start`), none of which depends on the journal; a run started when the
 * last publish ended has done all that when the next change comes. It is used once, or cancelled.
 */
export interface StandbyRun<Inputs> {
  /**
   * Hands the run its inputs and answers as the run does, with its times counted from now (see
   * `sinceHanded`). A run that ended meanwhile (its process was killed) is started again.
   */
  use(inputs: Promise<Inputs>): Promise<unknown>
  /** Ends the run unused; resolves once it has ended (its process is gone, its lock let go). */
  cancel(): Promise<void>
}

/** Starts `start` now with inputs that come when the run is used. */
export function standbyRun<Inputs>(start: (inputs: Promise<Inputs>) => Promise<unknown>): StandbyRun<Inputs> {
  let hand!: (inputs: Promise<Inputs>) => void
  let drop!: (reason: Error) => void
  const handed = new Promise<Inputs>((resolve, reject) => {
    hand = resolve
    drop = reject
  })
  let ended = false
  const run = start(handed).finally(() => {
    ended = true
  })
  // A run that fails while it waits is found when it is used (and started again) or cancelled.
  run.catch(() => {})
  let taken = false
  return {
    use: (inputs) => {
      if (taken) throw new Error('A standby run is used once.')
      taken = true
      const usedAt = performance.now()
      if (ended) return start(inputs)
      hand(inputs)
      return run.then((answer) => sinceHanded(answer, usedAt))
    },
    cancel: async () => {
      taken = true
      drop(new Error('The standby build was not needed.'))
      await run.catch(() => {})
    },
  }
}

/**
 * A builder's times (`SiteBuildTimes`) count from its process's start; a standby's process had
 * waited, idle, before its inputs came. Astro's share is what followed the hand-over: the time
 * since, less the indexing after it.
 */
function sinceHanded(answer: unknown, usedAt: number): unknown {
  if (typeof answer !== 'object' || answer === null) return answer
  const { astroSeconds, indexSeconds = 0 } = answer as { astroSeconds?: unknown; indexSeconds?: number }
  if (typeof astroSeconds !== 'number') return answer
  const since = (performance.now() - usedAt) / 1000 - indexSeconds
  return { ...answer, astroSeconds: Math.min(astroSeconds, since) }
}
