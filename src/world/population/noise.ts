// Rhythms and noise of the simulation. Each is a pure function of a hash key and a day index (never of a
// position in a stream), so a day reads the same in every window that contains it.
import { mix, signed } from '../hash.js'

/** 2026-01-01 as days since 1970-01-01: the date an app's typical arrivals describe (as in series/shape.ts). */
export const TREND_ORIGIN_DAY = 20_454

const DAYS_PER_YEAR = 365.25
/** Amplitudes are held under these so that every factor stays positive whatever a fixture says. */
const MAX_WEEKLY = 0.5
const MAX_WANDER = 0.5
const MAX_JITTER = 0.5
/** Day-level noise of an app is held under this. */
export const MAX_NOISE = 0.25
/** Days from launch to full size: the "first 14 days ramping up", spread over eight weeks. */
export const RAMP_DAYS = 56

/** 0 = Sunday; 1970-01-01 (day 0) was a Thursday. */
export function weekdayOf (dayIndex: number): number {
  return ((dayIndex % 7) + 11) % 7
}

/** Compound yearly growth around the origin, held within [1/100, 100] so centuries away stay finite. */
export class Trend {
  readonly #rate: number

  constructor (growth: number) {
    this.#rate = Math.log(1 + Math.max(growth, -0.99)) / DAYS_PER_YEAR
  }

  at (dayIndex: number): number {
    return clamp(Math.exp(this.#rate * (dayIndex - TREND_ORIGIN_DAY)), 0.01, 100)
  }
}

/** 1 ± amplitude over the week, highest on `peakWeekday` (0 = Sunday); seven numbers, computed once. */
export class WeeklyRhythm {
  readonly #byWeekday = new Float64Array(7)

  constructor (amplitude: number, peakWeekday: number) {
    const a = clamp(amplitude, 0, MAX_WEEKLY)
    for (let w = 0; w < 7; w++) this.#byWeekday[w] = 1 + a * Math.cos((2 * Math.PI * (w - peakWeekday)) / 7)
  }

  at (dayIndex: number): number {
    return this.#byWeekday[weekdayOf(dayIndex)]!
  }

  /** The busiest weekday's factor. */
  get peak (): number {
    return Math.max(...this.#byWeekday)
  }
}

/**
 * Slow noise, 1 ± amplitude: a random value at a knot every `span` days, eased between knots (smoothstep), so
 * consecutive days differ by at most about 1.5 × 2 × amplitude / span. Keeps the last pair of knots it hashed:
 * days are mostly asked in order.
 */
export class Wander {
  readonly #key: number
  readonly #amplitude: number
  readonly #span: number
  #knot = Number.NaN
  #from = 0
  #to = 0

  constructor (key: number, amplitude: number, span: number) {
    this.#key = key
    this.#amplitude = clamp(amplitude, 0, MAX_WANDER)
    this.#span = span
  }

  at (dayIndex: number): number {
    const knot = Math.floor(dayIndex / this.#span)
    if (knot !== this.#knot) {
      this.#knot = knot
      this.#from = signed(mix(this.#key, knot))
      this.#to = signed(mix(this.#key, knot + 1))
    }
    const t = (dayIndex - knot * this.#span) / this.#span
    return 1 + this.#amplitude * (this.#from + (this.#to - this.#from) * t * t * (3 - 2 * t))
  }
}

/** Independent noise per index, 1 ± amplitude. */
export function jitter (key: number, index: number, amplitude: number): number {
  return 1 + clamp(amplitude, 0, MAX_JITTER) * signed(mix(key, index))
}

/**
 * Share of full size `age` days after launch: 0 before, 1 − (1 − x)³ with x = (age + 1) / RAMP_DAYS, so about 5%
 * on launch day, 60% two weeks in and full size, with a flat tangent, after eight weeks.
 */
export function launchRamp (age: number): number {
  if (age < 0) return 0
  const x = Math.min(1, (age + 1) / RAMP_DAYS)
  return 1 - (1 - x) ** 3
}

export function clamp (value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}
