// The request journal: what the code under test sent, as the emulator saw it. A fixed-size ring, so a long
// CI run cannot grow memory without bound: past the capacity the oldest entry is dropped.

export interface JournalEntry {
  /** 1 for the first request since start (or the last clear), counting up. */
  readonly seq: number
  /** When the request arrived, on the emulator's clock (ISO 8601). */
  readonly time: string
  readonly method: string
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  /** The workspace of the key, when the key was valid; never the key itself. */
  readonly workspace_id: string | null
  /** The status sent, or null when a fault dropped the connection. */
  readonly status: number | null
  readonly request_id: string
  /** The fault rule that shaped this answer, if any. */
  readonly fault: string | null
}

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
