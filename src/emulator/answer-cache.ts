// Answers already computed, serialized, kept per emulator and world (issue 16): the same request against the
// same world, seed and overrides is answered from here instead of recomputing its series. What keys an answer,
// and when one may be kept at all, is the emulator's call (Emulator.answerKey); this only bounds the memory,
// by bytes, dropping the least recently used first. A Map in insertion order is the whole LRU: a hit moves
// its entry to the end.

export interface CachedAnswer {
  /** The answer's body, as the route's serializer wrote it. */
  readonly body: string
  /** The body's length in UTF-8 bytes, its Content-Length. */
  readonly bytes: number
  /** Headers the handler set beside the body (a Link to the next page). */
  readonly headers: ReadonlyArray<readonly [string, string]>
}

/** About a megabyte per 100 days of a campaign's series is the most one answer takes; 32 MB keeps thousands. */
export const DEFAULT_ANSWER_CACHE_BYTES = 32 * 1024 * 1024

export class AnswerCache {
  readonly maxBytes: number
  readonly #entries = new Map<string, CachedAnswer>()
  #bytes = 0

  constructor (maxBytes = DEFAULT_ANSWER_CACHE_BYTES) {
    this.maxBytes = maxBytes
  }

  get size (): number {
    return this.#entries.size
  }

  /** Characters held, keys included: a bound on bytes for the ASCII answers are. */
  get bytes (): number {
    return this.#bytes
  }

  clear (): void {
    this.#entries.clear()
    this.#bytes = 0
  }

  get (key: string): CachedAnswer | undefined {
    const answer = this.#entries.get(key)
    if (answer !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, answer)
    }
    return answer
  }

  set (key: string, answer: CachedAnswer): void {
    const size = sizeOf(key, answer)
    // One answer may not take more than a sixteenth of the cache, or a few large ones would empty it.
    if (size * 16 > this.maxBytes || this.#entries.has(key)) return
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes + size <= this.maxBytes) break
      this.#entries.delete(oldest)
      this.#bytes -= sizeOf(oldest, old)
    }
    this.#entries.set(key, answer)
    this.#bytes += size
  }
}

function sizeOf (key: string, { body, headers }: CachedAnswer): number {
  let size = key.length + body.length
  for (const [name, value] of headers) size += name.length + value.length
  return size
}
