// What every generated number depends on besides its entity and bucket, passed in by the emulator that
// owns it: nothing here outlives the emulator, or a reload of its world.
import { mix } from '../hash.js'
import type { Workspace } from '../world.js'

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
 * What the series keep between requests, for one world and seed: the simulated users of each workspace
 * (series/activity.ts), whose cohort tables are the costly part. An emulator holds one per world, so a
 * reload or another emulator never sees it.
 */
export class SeriesCache {
  readonly #activity = new Map<Workspace, object>()

  /** The simulated users of a workspace (series/activity.ts), made once per world and seed. */
  activity<T extends object> (workspace: Workspace, make: () => T): T {
    let activity = this.#activity.get(workspace)
    if (activity === undefined) this.#activity.set(workspace, activity = make())
    return activity as T
  }
}

/**
 * How long after a window's end its answer stops depending on now: no series reads further past its window
 * than a campaign's longest conversion window (30 days, for conversions by send time), and what depends on
 * the age of a day (send analytics, kept 14 days) is settled by then too. A margin of two days covers zones.
 */
export const SETTLED_AFTER_MS = 32 * 86_400_000

/** The one place a configured seed becomes the key every series mixes in. */
export function decodeSeed (seed: number): number {
  return mix(0x6d2b79f5, seed >>> 0)
}

/** A bucket [start, end) holds data when the entity existed before its end and it began before now. */
export function isLive (start: number, end: number, since: number, now: number): boolean {
  return end > since && start < now
}
