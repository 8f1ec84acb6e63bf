/**
 * How much work one calendar file may ask of the importer, counted in occurrences evaluated:
 * every appointment, every date a repeat rule tries, every RDATE, EXDATE and RECURRENCE-ID and
 * every time-zone change worked out counts one; placing a wall-clock time in its zone (which asks
 * `Intl`, some twenty times slower) counts PLACE_IN_TIME. A real export stays far below it:
 * 5,000 appointments in the period (MAX_IMPORTED_EVENTS) take about 150,000, and repeats are
 * only worked out near the period. A file that would hold the server for seconds goes over and
 * is refused, naming the appointment that went over. docs/decisions.md has the measurements.
 */
export const MAX_OCCURRENCES_EVALUATED = 250_000

/** What placing one wall-clock time in a time zone costs, in occurrences evaluated. */
export const PLACE_IN_TIME = 10

/** Work between two turns of the event loop, so other requests are answered during a long import. */
const WORK_BETWEEN_TURNS = 1_000

export class WorkBudgetExceeded extends Error {
  override name = 'WorkBudgetExceeded'
  constructor(readonly limit: number) {
    super(`more than ${limit} occurrences evaluated`)
  }
}

export class WorkBudget {
  /** Occurrences evaluated so far. */
  used = 0
  private usedAtLastTurn = 0

  constructor(readonly limit = MAX_OCCURRENCES_EVALUATED) {}

  /** Counts `units` of work; throws WorkBudgetExceeded once the file has asked for more than the limit. */
  spend(units = 1): void {
    this.used += units
    if (this.used > this.limit) throw new WorkBudgetExceeded(this.limit)
  }

  /** Lets the event loop run other requests when enough work was done since the last turn. */
  async yieldTurn(): Promise<void> {
    if (this.used - this.usedAtLastTurn < WORK_BETWEEN_TURNS) return
    this.usedAtLastTurn = this.used
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
}
