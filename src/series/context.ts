import type { OverrideLookup } from '../control/overrides.js'
import { mix } from '../hash.js'

/** What every generated number depends on besides its entity and bucket. */
export interface SeriesContext {
  /** The decoded seed (see decodeSeed). */
  readonly seed: number
  /** The emulator's "now": buckets that start at or after it read 0. */
  readonly now: number
  /** Values set through the control plane; absent when there are none. */
  readonly overrides?: OverrideLookup | undefined
}

/** The one place a configured seed becomes the key every series mixes in. */
export function decodeSeed (seed: number): number {
  return mix(0x6d2b79f5, seed >>> 0)
}

/** A bucket [start, end) holds data when the entity existed before its end and it began before now. */
export function isLive (start: number, end: number, since: number, now: number): boolean {
  return end > since && start < now
}
