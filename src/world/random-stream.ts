import { mix, unit } from './hash.js'

/**
 * A stream of uniform numbers that is a pure function of its seed: draw n is hash(seed, n). Reseeding costs
 * nothing, so each generated entity gets its own stream keyed by its index, and entity 70,000 reads the same
 * whether or not 69,999 were generated first. It also serves as faker's randomizer (faker's own Mersenne
 * Twister costs ~70 µs per reseed, which would dominate generating thousands of entities).
 */
export class RandomStream {
  #key = 0
  #draw = 0

  constructor (seed: number | number[] = 0) {
    this.seed(seed)
  }

  seed (seed: number | number[]): void {
    this.#key = streamKey(Array.isArray(seed) ? seed : [seed])
    this.#draw = 0
  }

  /** Uniform in [0, 1). */
  next (): number {
    return drawOf(this.#key, this.#draw++)
  }

  /** Uniform integer in [min, max]. */
  int (min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** Uniform in [min, max), on a log scale: for sizes that span orders of magnitude. */
  logUniform (min: number, max: number): number {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)))
  }

  chance (probability: number): boolean {
    return this.next() < probability
  }

  /**
   * A version 4 UUID built from the next four draws (uuidOf). Written out byte by byte: a large workspace
   * draws one per generated segment, campaign and Canvas, and toString(16) with padStart took about a sixth of
   * building one with 100,000 segments. The ids are the ones the first implementation wrote
   * (test/world/random-stream.test.ts).
   */
  uuid (): string {
    const id = uuidOf(this.#key, this.#draw)
    this.#draw += 4
    return id
  }
}

/**
 * The key of the stream seeded with `parts`, and the draws of a stream from its key alone: for reading one
 * draw of many streams (a field of 100,000 generated segments) without making a stream for each.
 * `extendKey(streamKey(parts), part)` is `streamKey([...parts, part])`.
 */
export function streamKey (parts: readonly number[]): number {
  return parts.reduce(extendKey, 0x2545f491)
}

export function extendKey (key: number, part: number): number {
  return mix(key, part >>> 0)
}

/** Draw `n` (from 0) of the stream with this key: uniform in [0, 1). */
export function drawOf (key: number, n: number): number {
  return unit(mix(key, n))
}

/** The UUID that draws `first` to `first + 3` of the stream with this key make (RandomStream.uuid). */
function uuidOf (key: number, first: number): string {
  const a = Math.floor(drawOf(key, first) * 2 ** 32)
  const b = Math.floor(drawOf(key, first + 1) * 2 ** 32)
  const c = Math.floor(drawOf(key, first + 2) * 2 ** 32)
  const d = Math.floor(drawOf(key, first + 3) * 2 ** 32)
  return `${hex8(a)}-${hex4(b >>> 16)}-4${hex4(b & 0xffff).slice(1)}-${VARIANT[(c >>> 28) & 0x3]}${hex4(c >>> 16).slice(1)}-` +
    `${hex4(c & 0xffff)}${hex8(d)}`
}

const BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const VARIANT = ['8', '9', 'a', 'b']
const hex4 = (n: number): string => BYTES[(n >>> 8) & 0xff]! + BYTES[n & 0xff]!
const hex8 = (n: number): string => hex4(n >>> 16) + hex4(n & 0xffff)
