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
   * A version 4 UUID built from the next four draws (uuidOf). A large workspace draws one per generated
   * segment, campaign, Canvas, message and step, so it is written character by character into one flat
   * string (below). The ids are the ones the first implementation wrote (test/world/random-stream.test.ts).
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

/**
 * The UUID that draws `first` to `first + 3` of the stream with this key make (RandomStream.uuid), as one
 * flat string. Joined from hex pieces with `+`, as it was, V8 kept each id as a rope of a dozen small
 * strings: about 380 bytes where a flat id takes 56, 15 MB of a large workspace's heap after its mix, and
 * twice the time to build (BENCHMARKS.md, eighth pass).
 */
function uuidOf (key: number, first: number): string {
  const a = Math.floor(drawOf(key, first) * 2 ** 32)
  const b = Math.floor(drawOf(key, first + 1) * 2 ** 32)
  const c = Math.floor(drawOf(key, first + 2) * 2 ** 32)
  const d = Math.floor(drawOf(key, first + 3) * 2 ** 32)
  const codes = new Array<number>(36)
  hexInto(codes, 0, a, 8)
  codes[8] = DASH
  hexInto(codes, 9, b >>> 16, 4)
  codes[13] = DASH
  codes[14] = VERSION
  hexInto(codes, 15, b, 3)
  codes[18] = DASH
  codes[19] = VARIANT[(c >>> 28) & 0x3]!
  hexInto(codes, 20, c >>> 16, 3)
  codes[23] = DASH
  hexInto(codes, 24, c, 4)
  hexInto(codes, 28, d, 8)
  return String.fromCharCode.apply(null, codes)
}

const HEX = Array.from('0123456789abcdef', digit => digit.charCodeAt(0))
const DASH = '-'.charCodeAt(0)
const VERSION = '4'.charCodeAt(0)
const VARIANT = Array.from('89ab', digit => digit.charCodeAt(0))

/** The low `digits` hex digits of `n`, written at `at`. */
function hexInto (codes: number[], at: number, n: number, digits: number): void {
  for (let i = digits - 1; i >= 0; i--) {
    codes[at + i] = HEX[n & 0xf]!
    n >>>= 4
  }
}
