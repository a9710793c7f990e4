// The emulated world, resolved from fixtures: what a request is answered from. Everything here is built once
// per (re)load and read-only afterwards, so requests only look things up.
import type { Channel, Industry } from './fixture-schema.js'
import type { AppParams, SegmentDefinition } from './population/index.js'
import type { PoolName } from './pools.js'
import type { ZoneCalendar } from './zone-calendar.js'

export interface App {
  readonly id: string
  readonly name: string
  readonly platform: string
  readonly createdAt: number
  /** What drives its simulated users (src/world/population): arrivals, retention, sessions, the daily curve. */
  readonly activity: AppParams
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
  /** Who its members are among the simulated users. */
  readonly audience: SegmentDefinition
  readonly key: number
}

/** A workspace's segments, by id and every one oldest first (ties by id). */
export interface Segments {
  readonly size: number
  get: (id: string) => Segment | undefined
  values: () => IterableIterator<Segment>
  keys: () => IterableIterator<string>
}

/** Segments in a fixed order, read by position: a listing's pages are slices of it. */
export interface SegmentList {
  readonly length: number
  at: (position: number) => Segment | undefined
}

export interface CustomEvent {
  readonly name: string
  readonly description: string
  readonly tags: readonly string[]
  readonly status: 'Active' | 'Inactive'
  readonly includedInAnalyticsReport: boolean
  /** Occurrences per active user per day. */
  readonly rate: number
  /** The apps it is logged in (all of the workspace's when the fixture names none). */
  readonly apps: readonly App[]
  readonly key: number
}

export interface Product {
  readonly name: string
  /** Price of one item in whole cents, so that revenue adds up exactly. */
  readonly priceCents: number
  /** Items bought per active user per day. */
  readonly rate: number
  readonly apps: readonly App[]
  readonly key: number
}

export interface CustomAttribute {
  readonly name: string
  readonly dataType: string
  readonly arrayLength: number | null
  readonly description: string
  readonly status: 'Active' | 'Inactive'
  readonly tags: readonly string[]
}

/** A message variation: its channel's fields in the order Braze writes them, every one present. */
export interface Message {
  readonly id: string
  readonly name: string
  readonly channel: Channel
  readonly content: Readonly<Record<string, unknown>>
}

export interface ConversionBehavior {
  readonly type: string
  /** Seconds. */
  readonly window: number
  readonly product?: string
  readonly customEventName?: string
  readonly appIds?: readonly string[] | null
}

/** What campaigns and Canvases share: identity, dates (epoch ms) and state. */
export interface Messaging {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly tags: readonly string[]
  readonly teams: readonly string[]
  readonly createdAt: number
  readonly updatedAt: number
  readonly lastEdited: number
  readonly archived: boolean
  readonly draft: boolean
  readonly enabled: boolean
  readonly hasPostLaunchDraft: boolean
  readonly scheduleType: string
  /** Its audience, when it names one. */
  readonly segment: Segment | undefined
  readonly key: number
}

export interface Campaign extends Messaging {
  readonly isApiCampaign: boolean
  readonly channels: readonly Channel[]
  readonly variations: readonly Message[]
  readonly control: { readonly id: string, readonly share: number } | undefined
  readonly conversionBehaviors: readonly ConversionBehavior[]
  readonly firstSent: number | undefined
  readonly lastSent: number | undefined
  readonly sendIds: readonly string[]
}

export interface CanvasStep {
  readonly id: string
  readonly name: string
  readonly type: string
  readonly nextStepIds: readonly string[]
  readonly nextPaths: ReadonlyArray<{ readonly name: string, readonly nextStepId: string }>
  readonly channels: readonly Channel[]
  readonly messages: readonly Message[]
}

export interface Canvas extends Messaging {
  readonly firstEntry: number | undefined
  readonly lastEntry: number | undefined
  readonly variants: ReadonlyArray<{ readonly id: string, readonly name: string, readonly firstStepIds: readonly string[] }>
  readonly steps: readonly CanvasStep[]
  /** The steps' channels, each once, in step order. */
  readonly channels: readonly Channel[]
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
  /** By id, and every one oldest first (`values()`); generated ones are made as they are read. */
  readonly segmentsById: Segments
  /** Segments that /segments/list shows (not archived), oldest first: pages are slices, never re-sorted. */
  readonly listedSegments: SegmentList
  readonly industry: Industry
  /** Share of active users who use more than one app (counted once in all-apps DAU and MAU). */
  readonly overlap: number
  /** KPI and event series whose every point is 0: zero-filled, or an empty data array. */
  readonly emptySeries: 'zeros' | 'empty'
  /** The catalogs, each sorted by name (code-unit order) once per load, as Braze lists them alphabetically. */
  readonly events: readonly CustomEvent[]
  readonly eventsByName: ReadonlyMap<string, CustomEvent>
  /** The events that occur in the world (a rate above 0 in at least one app): what /events/list lists (rule 11). */
  readonly recordedEvents: readonly CustomEvent[]
  readonly products: readonly Product[]
  readonly productsByName: ReadonlyMap<string, Product>
  /** The products bought in the world: what /purchases/product_list lists (rule 12). */
  readonly purchasedProducts: readonly Product[]
  readonly attributes: readonly CustomAttribute[]
  /** Campaigns and Canvases, archived ones included, oldest first: the lists filter and slice, never re-sort. */
  readonly campaigns: readonly Campaign[]
  readonly campaignsById: ReadonlyMap<string, Campaign>
  readonly canvases: readonly Canvas[]
  readonly canvasesById: ReadonlyMap<string, Canvas>
}

export interface ApiKey {
  readonly name: string
  readonly workspace: Workspace
  /** Permission names; a fixture's "*" is expanded to every permission the emulator serves. */
  readonly permissions: ReadonlySet<string>
  /** SHA-256 of the key: a fixed-length value to compare in constant time. */
  readonly digest: Buffer
  /** The key, for the world listing (never for a log): a fixture's test key, or the extra key, which is masked there. */
  readonly key: string
  /** The extra key (BRAZE_MOCK_API_KEY): it may be an application's real key, so listings show its last four characters only. */
  readonly extra: boolean
}

export interface World {
  readonly workspaces: readonly Workspace[]
  readonly keys: readonly ApiKey[]
  /** Settings the fixtures carry (emulator.json); configuration wins over them. */
  readonly settings: { readonly now?: number, readonly seed?: number }
}
