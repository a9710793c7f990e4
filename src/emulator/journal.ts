// The request journal: what the code under test sent, as the emulator saw it. A fixed-size ring, so a long
// CI run cannot grow memory without bound: past the capacity the oldest entry is dropped.
import type { JournalEntryView } from './control-schema.js'

/** An entry as the journal lists it (its type comes from its schema, src/emulator/control-schema.ts). */
export type JournalEntry = JournalEntryView

export interface JournalFilter {
  /** Exact path, e.g. /segments/list. */
  readonly path?: string | undefined
  /** Exact status, e.g. 429. */
  readonly status?: number | undefined
  /** Entries at or after this instant (ms). */
  readonly since?: number | undefined
  /** Entries before this instant (ms). */
  readonly until?: number | undefined
}

/** What the ring holds: the entry as recorded, its number and its instant, formatted only when listed. */
interface Recorded {
  readonly seq: number
  readonly at: number
  readonly entry: Omit<JournalEntry, 'seq' | 'time'>
}

export class Journal {
  readonly capacity: number
  readonly #entries: Recorded[] = []
  #next = 0
  #seq = 0
  #dropped = 0

  constructor (capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError('journal capacity must be an integer of 0 or more')
    this.capacity = capacity
  }

  /** Called on every request, so it keeps what it is given as it is: no copy, no date formatting. */
  record (at: number, entry: Omit<JournalEntry, 'seq' | 'time'>): void {
    if (this.capacity === 0) return
    const recorded = { seq: ++this.#seq, at, entry }
    if (this.#entries.length < this.capacity) {
      this.#entries.push(recorded)
    } else {
      this.#entries[this.#next] = recorded
      this.#next = (this.#next + 1) % this.capacity
      this.#dropped++
    }
  }

  /** Entries oldest first, filtered. */
  list (filter: JournalFilter = {}): JournalEntry[] {
    const ordered = [...this.#entries.slice(this.#next), ...this.#entries.slice(0, this.#next)]
    return ordered
      .filter(({ at, entry }) => (filter.path === undefined || entry.path === filter.path) &&
        (filter.status === undefined || entry.status === filter.status) &&
        (filter.since === undefined || at >= filter.since) &&
        (filter.until === undefined || at < filter.until))
      .map(({ seq, at, entry }) => ({ seq, time: new Date(at).toISOString(), ...entry }))
  }

  /** How many entries it holds, and how many were dropped to stay within the capacity. */
  get size (): number {
    return this.#entries.length
  }

  get dropped (): number {
    return this.#dropped
  }

  clear (): void {
    this.#entries.length = 0
    this.#next = 0
    this.#seq = 0
    this.#dropped = 0
  }
}
