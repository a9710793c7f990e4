// Answers already computed, serialized, kept per emulator and world (issue 16): the same request against the
// same world, seed and overrides is answered from here instead of recomputing its series. What keys an answer,
// and when one may be kept at all, is the emulator's call (Emulator.answerKey); this only bounds the memory,
// by bytes, dropping first what was least recently used, as a second-chance (CLOCK) list: a Map in insertion
// order, where a hit only marks its entry, and the eviction that meets a marked entry moves it to the end
// instead. Moving every hit to the end (a delete and a set) cost about 6 µs a hit on a Map of 3,000 answers
// (V8 rebuilds an ordered table as deleted entries fill it), a fifth of a kept answer's CPU (BENCHMARKS.md,
// fourth pass).

export interface CachedAnswer {
  /**
   * The answer's body as the route's serializer wrote it, in UTF-8: a kept answer is sent as these bytes, not
   * encoded again on every request (a 27 KB Canvas answer cost 9 µs more as a string), and they live outside
   * the JavaScript heap the collector walks.
   */
  readonly body: Buffer
  /** Headers the handler set beside the body (a Link to the next page). */
  readonly headers: ReadonlyArray<readonly [string, string]>
}

/** About a megabyte per 100 days of a campaign's series is the most one answer takes; 32 MB keeps thousands. */
export const DEFAULT_ANSWER_CACHE_BYTES = 32 * 1024 * 1024

/** An answer as kept: `used` says it was read since the eviction last passed it. */
interface Kept {
  readonly answer: CachedAnswer
  used: boolean
}

export class AnswerCache {
  readonly maxBytes: number
  readonly #entries = new Map<string, Kept>()
  #bytes = 0

  constructor (maxBytes = DEFAULT_ANSWER_CACHE_BYTES) {
    this.maxBytes = maxBytes
  }

  get size (): number {
    return this.#entries.size
  }

  /** Bytes held: the bodies', and the keys' and headers' characters. */
  get bytes (): number {
    return this.#bytes
  }

  clear (): void {
    this.#entries.clear()
    this.#bytes = 0
  }

  get (key: string): CachedAnswer | undefined {
    const kept = this.#entries.get(key)
    if (kept === undefined) return undefined
    kept.used = true
    return kept.answer
  }

  set (key: string, answer: CachedAnswer): void {
    const size = sizeOf(key, answer)
    // One answer may not take more than a sixteenth of the cache, or a few large ones would empty it.
    if (size * 16 > this.maxBytes || this.#entries.has(key)) return
    // An entry moved to the end is met again only after every other, unmarked: the loop ends.
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes + size <= this.maxBytes) break
      this.#entries.delete(oldest)
      if (old.used) {
        old.used = false
        this.#entries.set(oldest, old)
      } else {
        this.#bytes -= sizeOf(oldest, old.answer)
      }
    }
    this.#entries.set(key, { answer, used: false })
    this.#bytes += size
  }
}

function sizeOf (key: string, { body, headers }: CachedAnswer): number {
  let size = key.length + body.length
  for (const [name, value] of headers) size += name.length + value.length
  return size
}
