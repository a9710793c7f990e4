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
    const parts = Array.isArray(seed) ? seed : [seed]
    this.#key = parts.reduce((key: number, part) => mix(key, part >>> 0), 0x2545f491)
    this.#draw = 0
  }

  /** Uniform in [0, 1). */
  next (): number {
    return unit(mix(this.#key, this.#draw++))
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

  /** A version 4 UUID built from four draws. */
  uuid (): string {
    const hex = (n: number) => Math.floor(n).toString(16).padStart(8, '0')
    const a = hex(this.next() * 2 ** 32)
    const b = hex(this.next() * 2 ** 32)
    const c = hex(this.next() * 2 ** 32)
    const d = hex(this.next() * 2 ** 32)
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16)
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`
  }
}
