// A segment of a workspace's simulated users: its daily size and its members' sessions and custom events, from
// the same population as the unfiltered figures.
//
// Sizes (users(d) is the workspace's unique user base, A_n its rolling audience, φ the trait share):
//   all users          users(d)
//   active, n days     A_n(d)
//   lapsed, n days     users(d) − A_n(d)
//   new, n days        unique users whose first session was in the n days ending d
//   users of an app    the app's user base
//   trait              ⌊users(d) · φ(d)⌋, φ(d) = share · (1 ± drift), drifting over months (never with the week)
// Every size is between 0 and users(d), and All Users never falls (users() is nondecreasing).
//
// Filtered activity: on each app and day the segment's members account for a share s ∈ [0, 1] of the app's
// active users (all users and active: 1, every active user is one; lapsed: 0, an active user is not lapsed;
// new: the share of the day's active users who arrived in the last n days; users of an app: 1 on that app, the
// workspace's overlap on the others; trait: φ(d)). The segment's figure is ⌊value · s⌋ per app, summed over
// apps; its hours are split(⌊value · s⌋, the app's hours, capped), which sum to it and never exceed the app's
// hour, so the filtered figure is at most the unfiltered one for every app, day and hour.
import { mix } from '../hash.js'
import { split } from '../series/split.js'
import type { Day } from '../zone-calendar.js'
import type { AppPopulation } from './app-population.js'
import { clamp, Wander } from './noise.js'
import type { WorkspacePopulation } from './workspace-population.js'

export type SegmentDefinition =
  | { readonly kind: 'all' }
  | { readonly kind: 'active', readonly days: number }
  | { readonly kind: 'lapsed', readonly days: number }
  | { readonly kind: 'new', readonly days: number }
  | { readonly kind: 'app', readonly appKey: number }
  /** `share` of all users, in [0, 1], moving by up to ± `drift` (relative, at most 0.5) over months. */
  | { readonly kind: 'trait', readonly share: number, readonly drift: number }

const TRAIT_SALT = 0x7a17
/** Knots of the trait's drift: a quarter apart, so a month moves it by a few percent at most. */
const TRAIT_SPAN_DAYS = 91

export class SegmentPopulation {
  readonly key: number
  readonly definition: SegmentDefinition
  readonly #workspace: WorkspacePopulation
  readonly #drift: Wander

  constructor (seedKey: number, segmentKey: number, definition: SegmentDefinition, workspace: WorkspacePopulation) {
    this.key = segmentKey
    this.definition = definition
    this.#workspace = workspace
    const drift = definition.kind === 'trait' ? definition.drift : 0
    this.#drift = new Wander(mix(mix(seedKey, segmentKey), TRAIT_SALT), drift, TRAIT_SPAN_DAYS)
    if (definition.kind === 'app') workspace.app(definition.appKey) // fail at construction, not per request
  }

  /** Estimated members on each day. */
  size (first: number, count: number): number[] {
    const ws = this.#workspace
    const def = this.definition
    switch (def.kind) {
      case 'all': return ws.users(first, count)
      case 'active': return ws.activeInLast(def.days, first, count)
      case 'lapsed': return ws.lapsed(def.days, first, count)
      case 'new': return ws.newInLast(def.days, first, count)
      case 'app': return ws.users(first, count, def.appKey)
      case 'trait': {
        const traits = this.#trait(first, count)
        return ws.users(first, count).map((users, i) => Math.floor(users * traits[i]!))
      }
    }
  }

  /** The members' share of an app's active users on each day, in [0, 1]. */
  share (appKey: number, first: number, count: number): number[] {
    const def = this.definition
    switch (def.kind) {
      case 'all':
      case 'active': return new Array<number>(count).fill(1)
      case 'lapsed': return new Array<number>(count).fill(0)
      case 'new': return this.#workspace.app(appKey).newInLastShare(def.days, first, count)
      case 'app': return new Array<number>(count).fill(appKey === def.appKey ? 1 : this.#workspace.overlap)
      case 'trait': return this.#trait(first, count)
    }
  }

  sessions (first: number, count: number, appKey?: number): number[] {
    return this.#filtered(first, count, appKey, app => app.sessions(first, count))
  }

  sessionsPerHour (day: Day, appKey?: number): number[] {
    return this.#filteredHours(day, appKey, app => app.sessions(day.index, 1)[0]!, app => app.sessionsPerHour(day))
  }

  /** The members' occurrences of a custom event. */
  events (eventKey: number, first: number, count: number, appKey?: number): number[] {
    return this.#filtered(first, count, appKey, app => this.#workspace.events(eventKey, first, count, app.key))
  }

  eventsPerHour (eventKey: number, day: Day, appKey?: number): number[] {
    const ws = this.#workspace
    return this.#filteredHours(day, appKey, app => ws.events(eventKey, day.index, 1, app.key)[0]!,
      app => ws.eventsPerHour(eventKey, day, app.key))
  }

  #scope (appKey: number | undefined): readonly AppPopulation[] {
    return appKey === undefined ? this.#workspace.apps : [this.#workspace.app(appKey)]
  }

  #filtered (first: number, count: number, appKey: number | undefined,
    values: (app: AppPopulation) => number[]): number[] {
    const out = new Array<number>(count).fill(0)
    for (const app of this.#scope(appKey)) {
      const shares = this.share(app.key, first, count)
      const unfiltered = values(app)
      for (let i = 0; i < count; i++) out[i]! += Math.floor(unfiltered[i]! * shares[i]!)
    }
    return out
  }

  #filteredHours (day: Day, appKey: number | undefined, dayValue: (app: AppPopulation) => number,
    hourValues: (app: AppPopulation) => number[]): number[] {
    const out = new Array<number>(day.hours).fill(0)
    for (const app of this.#scope(appKey)) {
      const [share] = this.share(app.key, day.index, 1)
      const hours = hourValues(app)
      const parts = split(Math.floor(dayValue(app) * share!), hours, true)
      for (let k = 0; k < day.hours; k++) out[k]! += parts[k]!
    }
    return out
  }

  #trait (first: number, count: number): number[] {
    if (this.definition.kind !== 'trait') return []
    const share = clamp(this.definition.share, 0, 1)
    const out = new Array<number>(count)
    for (let i = 0; i < count; i++) out[i] = clamp(share * this.#drift.at(first + i), 0, 1)
    return out
  }
}
