// New users of one app per day, and their running total (the app's user base).
//
//   N(d) = round(arrivals · ramp(d − launch) · trend(d) · weekly(d) · wander(d) · jitter(d)),  0 before launch
//
// Every factor is positive and a pure function of the key and d, so N(d) is a whole number ≥ 0 that reads the
// same in any window. The user base through d is the exact sum Σ_{j ≤ d} N(j) (whole numbers below 2^53, so
// the order of addition cannot change it).
//
// Caches, owned by the instance: N(d) in blocks of BLOCK days (bounded), and the user base at each block
// boundary from launch on (one number per BLOCK days, filled forward once), so the user base on any day costs
// one lookup and at most BLOCK − 1 additions after the first request.
import { mix } from '../hash.js'
import { clamp, jitter, launchRamp, MAX_NOISE, Trend, Wander, WeeklyRhythm } from './noise.js'

export interface ArrivalShape {
  /** Day index of the app's first day. */
  readonly launchDay: number
  /** New users per day at full size, on TREND_ORIGIN_DAY, before rhythm and noise. */
  readonly arrivals: number
  /** Yearly growth, e.g. 0.2 for +20% a year. */
  readonly growth: number
  /** Weekly amplitude, 0 to 0.5. */
  readonly weekly: number
  /** Busiest weekday, 0 = Sunday. */
  readonly peakWeekday: number
  /** Day-to-day noise amplitude; the slow wander is twice it. */
  readonly noise: number
}

const BLOCK = 64
const MAX_BLOCKS = 256
const WANDER_SALT = 0xa221
const JITTER_SALT = 0xa222
const WANDER_SPAN_DAYS = 21

export class Arrivals {
  readonly launchDay: number
  readonly #size: number
  readonly #noise: number
  readonly #trend: Trend
  readonly #weekly: WeeklyRhythm
  readonly #wander: Wander
  readonly #jitterKey: number
  readonly #blocks = new Map<number, Float64Array>()
  /** #prefix[i] = Σ N(j) for j < (first block + i) · BLOCK. */
  readonly #prefix: number[] = [0]
  readonly #firstBlock: number

  constructor (key: number, shape: ArrivalShape) {
    this.launchDay = Math.floor(shape.launchDay)
    this.#size = Math.max(0, shape.arrivals)
    this.#noise = clamp(shape.noise, 0, MAX_NOISE)
    this.#trend = new Trend(shape.growth)
    this.#weekly = new WeeklyRhythm(shape.weekly, shape.peakWeekday)
    this.#wander = new Wander(mix(key, WANDER_SALT), 2 * this.#noise, WANDER_SPAN_DAYS)
    this.#jitterKey = mix(key, JITTER_SALT)
    this.#firstBlock = Math.floor(this.launchDay / BLOCK)
  }

  /** N(d) for d in [first, first + count). */
  span (first: number, count: number): Float64Array {
    const out = new Float64Array(count)
    const last = first + count - 1
    const from = Math.max(first, this.launchDay)
    for (let b = Math.floor(from / BLOCK); b * BLOCK <= last; b++) {
      const block = this.#block(b)
      const start = Math.max(from, b * BLOCK)
      const end = Math.min(last, b * BLOCK + BLOCK - 1)
      for (let d = start; d <= end; d++) out[d - first] = block[d - b * BLOCK]!
    }
    return out
  }

  /** The user base through each day of [first, first + count): Σ_{j ≤ d} N(j). */
  cumulative (first: number, count: number): number[] {
    const out = new Array<number>(count)
    let total = this.#through(first)
    out[0] = total
    const arrivals = this.span(first, count)
    for (let i = 1; i < count; i++) out[i] = total += arrivals[i]!
    return out
  }

  #through (day: number): number {
    if (day < this.launchDay) return 0
    const b = Math.floor(day / BLOCK)
    const i = b - this.#firstBlock
    while (this.#prefix.length <= i) {
      const at = this.#prefix.length
      this.#prefix.push(this.#prefix[at - 1]! + sum(this.#cachedBlock(this.#firstBlock + at - 1) ??
        this.#compute(this.#firstBlock + at - 1)))
    }
    let total = this.#prefix[i]!
    const block = this.#block(b)
    for (let d = b * BLOCK; d <= day; d++) total += block[d - b * BLOCK]!
    return total
  }

  #cachedBlock (b: number): Float64Array | undefined {
    return this.#blocks.get(b)
  }

  #block (b: number): Float64Array {
    let block = this.#blocks.get(b)
    if (block === undefined) {
      if (this.#blocks.size >= MAX_BLOCKS) this.#blocks.clear()
      block = this.#compute(b)
      this.#blocks.set(b, block)
    }
    return block
  }

  #compute (b: number): Float64Array {
    const block = new Float64Array(BLOCK)
    if (this.#size === 0) return block
    for (let i = Math.max(0, this.launchDay - b * BLOCK); i < BLOCK; i++) {
      const d = b * BLOCK + i
      block[i] = Math.round(this.#size * launchRamp(d - this.launchDay) * this.#trend.at(d) * this.#weekly.at(d) *
        this.#wander.at(d) * jitter(this.#jitterKey, d, this.#noise))
    }
    return block
  }
}

function sum (values: Float64Array): number {
  let total = 0
  for (let i = 0; i < values.length; i++) total += values[i]!
  return total
}
