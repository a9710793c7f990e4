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

type Recorded = Omit<JournalEntry, 'seq' | 'time'>

const NO_QUERY: Readonly<Record<string, string>> = Object.freeze({})

/**
 * A place in the ring, written over when its turn comes round: its number, its instant (formatted only when
 * listed) and a copy of the entry's fields. Each place is made once, so what every request leaves behind is
 * its own strings, not two objects that live for a thousand requests. Those objects survived every
 * scavenge and were promoted: about half of what a kept answer's scavenges copied (BENCHMARKS.md,
 * seventh pass).
 */
class Place {
  seq = 0
  at = Number.NaN
  method = ''
  path = ''
  query: Readonly<Record<string, string>> = NO_QUERY
  workspace_id: string | null = null
  status: number | null = null
  request_id = ''
  fault: string | null = null

  write (seq: number, at: number, entry: Recorded): void {
    this.seq = seq
    this.at = at
    this.method = entry.method
    this.path = entry.path
    this.query = entry.query
    this.workspace_id = entry.workspace_id
    this.status = entry.status
    this.request_id = entry.request_id
    this.fault = entry.fault
  }

  view (): JournalEntry {
    return {
      seq: this.seq,
      time: new Date(this.at).toISOString(),
      method: this.method,
      path: this.path,
      query: this.query,
      workspace_id: this.workspace_id,
      status: this.status,
      request_id: this.request_id,
      fault: this.fault,
    }
  }
}

export class Journal {
  readonly capacity: number
  readonly #places: Place[] = []
  #next = 0
  #seq = 0
  #dropped = 0

  constructor (capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError('journal capacity must be an integer of 0 or more')
    this.capacity = capacity
  }

  /** Called on every request: copies the entry's fields into the next place, no date formatting. */
  record (at: number, entry: Recorded): void {
    if (this.capacity === 0) return
    if (this.#places.length < this.capacity) {
      const place = new Place()
      place.write(++this.#seq, at, entry)
      this.#places.push(place)
    } else {
      this.#places[this.#next]!.write(++this.#seq, at, entry)
      this.#next = (this.#next + 1) % this.capacity
      this.#dropped++
    }
  }

  /** Entries oldest first, filtered. */
  list (filter: JournalFilter = {}): JournalEntry[] {
    const ordered = [...this.#places.slice(this.#next), ...this.#places.slice(0, this.#next)]
    return ordered
      .filter(({ at, path, status }) => (filter.path === undefined || path === filter.path) &&
        (filter.status === undefined || status === filter.status) &&
        (filter.since === undefined || at >= filter.since) &&
        (filter.until === undefined || at < filter.until))
      .map(place => place.view())
  }

  /** How many entries it holds, and how many were dropped to stay within the capacity. */
  get size (): number {
    return this.#places.length
  }

  get dropped (): number {
    return this.#dropped
  }

  clear (): void {
    this.#places.length = 0
    this.#next = 0
    this.#seq = 0
    this.#dropped = 0
  }
}
