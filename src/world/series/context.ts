// What every generated number depends on besides its entity and bucket, passed in by the emulator that
// owns it: nothing here outlives the emulator, or a reload of its world.
import { mix } from '../hash.js'
import type { App } from '../world.js'
import type { Day } from '../zone-calendar.js'

/** Values set through the control plane, as the generators ask for them: undefined where none is set. */
export interface OverrideLookup {
  day (metric: string, entityId: string, dayIndex: number): number | undefined
  hours (metric: string, entityId: string, dayIndex: number): ReadonlyMap<number, number> | undefined
}

export interface SeriesContext {
  /** The decoded seed (see decodeSeed). */
  readonly seed: number
  /** The emulator's "now": buckets that start at or after it read 0. */
  readonly now: number
  /** Values set through the control plane; absent when there are none. */
  readonly overrides?: OverrideLookup | undefined
  /** Work kept between requests, for one world and seed; absent, nothing is kept. */
  readonly cache?: SeriesCache | undefined
}

/**
 * The generated split of an app's day into hours is a pure function of the seed, the app and the day, and the
 * costliest step of an hourly series (a weight per hour, then the split); it is kept for the days asked for,
 * up to a bound. An emulator holds one per world, so a reload or another emulator never sees it.
 */
export class SeriesCache {
  static readonly MAX_DAYS = 20_000
  readonly #hours = new Map<App, Map<Day, readonly number[]>>()
  #size = 0

  hours (app: App, day: Day, compute: () => readonly number[]): readonly number[] {
    if (this.#size >= SeriesCache.MAX_DAYS) {
      this.#hours.clear()
      this.#size = 0
    }
    let days = this.#hours.get(app)
    if (days === undefined) this.#hours.set(app, days = new Map())
    let hours = days.get(day)
    if (hours === undefined) {
      days.set(day, hours = compute())
      this.#size++
    }
    return hours
  }
}

/** The one place a configured seed becomes the key every series mixes in. */
export function decodeSeed (seed: number): number {
  return mix(0x6d2b79f5, seed >>> 0)
}

/** A bucket [start, end) holds data when the entity existed before its end and it began before now. */
export function isLive (start: number, end: number, since: number, now: number): boolean {
  return end > since && start < now
}
