// The emulated world, resolved from fixtures: what a request is answered from. Everything here is built once
// per (re)load and read-only afterwards, so requests only look things up.
import type { PoolName } from './pools.js'
import type { ZoneCalendar } from './zone-calendar.js'

export interface AppShape {
  readonly dailySessions: number
  readonly growth: number
  readonly weekly: number
  readonly peakWeekday: number
  readonly peakHour: number
  readonly noise: number
}

export interface SegmentShape {
  readonly size: number
  readonly growth: number
  readonly weekly: number
  readonly noise: number
  readonly engagement: number
}

export interface App {
  readonly id: string
  readonly name: string
  readonly platform: string
  readonly createdAt: number
  readonly shape: AppShape
  /** Hash of the workspace and app ids: the entity's part of every number's key. */
  readonly key: number
}

export interface Segment {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly textDescription: string
  readonly tags: readonly string[]
  readonly teams: readonly string[]
  readonly createdAt: number
  readonly updatedAt: number
  readonly analyticsTrackingEnabled: boolean
  readonly archived: boolean
  readonly shape: SegmentShape
  readonly key: number
}

export interface Workspace {
  readonly id: string
  readonly name: string
  readonly calendar: ZoneCalendar
  /** Requests per window of each rate-limit pool. */
  readonly rateLimits: Readonly<Record<PoolName, number>>
  readonly population: number
  readonly nonAnalyticsSegmentSessions: 'error' | 'zeros'
  readonly apps: readonly App[]
  readonly appsById: ReadonlyMap<string, App>
  readonly segmentsById: ReadonlyMap<string, Segment>
  /** Segments that /segments/list shows (not archived), oldest first: pages are slices, never re-sorted. */
  readonly listedSegments: readonly Segment[]
}

export interface ApiKey {
  readonly name: string
  readonly workspace: Workspace
  /** Permission names; a fixture's "*" is expanded to every permission the emulator serves. */
  readonly permissions: ReadonlySet<string>
  /** SHA-256 of the key: a fixed-length value to compare in constant time. The key itself is not kept. */
  readonly digest: Buffer
}

export interface World {
  readonly workspaces: readonly Workspace[]
  readonly keys: readonly ApiKey[]
  /** Settings the fixtures carry (emulator.json); configuration wins over them. */
  readonly settings: { readonly now?: number, readonly seed?: number }
}
