// What campaigns and Canvases share on top of the simulated users (BRAZE-EXPORT.md section 0 "One world",
// section 7 rules 15 and 17): how many of an audience a message reaches on a day, how many of the users it
// reached convert, attributed back to the day they were reached, and their revenue. Every input is a series
// as the emulator serves it (DAU, sessions, events, purchases, revenue, segment sizes, with their overrides
// and the cut at "now"), so a campaign's conversions never exceed the occurrences the workspace's own series
// show for that day, and its revenue never exceeds the workspace's revenue (rule 15).
import { mix, unit } from '../hash.js'
import type { ConversionBehavior, Segment, Workspace } from '../world.js'
import type { Day } from '../zone-calendar.js'
import { activityOf } from './activity.js'
import type { SeriesContext } from './context.js'
import { kpiSeries } from './kpis.js'
import { occurrencesPerDay } from './occurrences.js'
import { segmentSizeSeries } from './segment-size.js'
import { sessionsPerDay } from './sessions.js'
import { split } from './split.js'

export const DAY_SECONDS = 86_400

/** A behaviour's window in whole days (a conversion on the day of receipt counts: at least 1). */
export function windowDays (seconds: number): number {
  return Math.max(1, Math.ceil(seconds / DAY_SECONDS))
}

/**
 * The days a window of messaging statistics reads, and the workspace's figures on them: the requested days
 * plus `before` days of receipts whose conversions land in them, and `after` days in which receipts of the
 * requested days still convert.
 */
export class Reach {
  readonly days: readonly Day[]
  /** Index in `days` of the first requested day. */
  readonly offset: number
  readonly count: number
  /** All-apps DAU as served. */
  readonly dau: readonly number[]
  /** All-apps user base. */
  readonly users: readonly number[]
  readonly #ctx: SeriesContext
  readonly #workspace: Workspace

  constructor (ctx: SeriesContext, workspace: Workspace, requested: readonly Day[], before: number, after: number) {
    this.#ctx = ctx
    this.#workspace = workspace
    const first = requested[0]!.index
    this.offset = before
    this.count = requested.length
    const days: Day[] = []
    for (let i = first - before; i < first + requested.length + after; i++) days.push(workspace.calendar.day(i))
    this.days = days
    this.dau = kpiSeries(ctx, workspace, 'dau', workspace.apps, days)
    const users = activityOf(ctx, workspace).population.users(days[0]!.index, days.length)
    this.users = users.map((value, i) => days[i]!.start < ctx.now ? value : 0)
  }

  /** Share of the user base active on day i, in [0, 1]. */
  active (i: number): number {
    const users = this.users[i]!
    return users > 0 ? Math.min(1, this.dau[i]! / users) : 0
  }

  /** The audience on each day: the segment's estimated size as served, or the whole user base. */
  audience (segment: Segment | undefined): number[] {
    return segment === undefined ? [...this.users] : segmentSizeSeries(this.#ctx, this.#workspace, segment, this.days)
  }

  /** Revenue in whole cents on each day, all apps and products, as /purchases/revenue_series serves it. */
  revenue (): number[] {
    return occurrencesPerDay(this.#ctx, { workspace: this.#workspace, apps: this.#workspace.apps, what: { kind: 'revenue', product: undefined } }, this.days)
  }

  /**
   * What a behaviour counts among all users on each day, as the workspace's series serve it: an event's
   * occurrences, items bought (of one product or any), sessions in its apps; a share of sessions for app
   * upgrades, which no series shows. The email behaviours count the campaign's own opens and clicks, which
   * the caller has.
   */
  occurrences (behaviour: ConversionBehavior): number[] {
    const ctx = this.#ctx
    const workspace = this.#workspace
    const apps = workspace.apps
    switch (behaviour.type) {
      case 'Performs Custom Event':
        return occurrencesPerDay(ctx, { workspace, apps, what: { kind: 'event', event: workspace.eventsByName.get(behaviour.customEventName!) } }, this.days)
      case 'Makes Specific Purchase':
        return occurrencesPerDay(ctx, { workspace, apps, what: { kind: 'quantity', product: workspace.productsByName.get(behaviour.product!) ?? null } }, this.days)
      case 'Makes Any Purchase':
        return occurrencesPerDay(ctx, { workspace, apps, what: { kind: 'quantity', product: undefined } }, this.days)
      case 'Starts Session':
      case 'Upgrades App': {
        const chosen = behaviour.appIds === null || behaviour.appIds === undefined ? apps : apps.filter(app => behaviour.appIds!.includes(app.id))
        const sessions = sessionsPerDay(ctx, { workspace, apps: chosen }, this.days)
        return behaviour.type === 'Starts Session' ? sessions : sessions.map(value => Math.floor(value * 0.003))
      }
      default:
        return this.days.map(() => 0)
    }
  }
}

/** How much likelier than the average active user to act a reached user is: control groups are not lifted. */
export function liftOf (key: number, control: boolean): number {
  return control ? 1 : 1 + 0.6 * unit(mix(key, 0x11f7))
}

/**
 * Conversions of each arm (variations, a control group, Canvas variants) on each day of `reach`, from the
 * users it reached in the `window` days ending that day: their share of the day's active users, lifted, of
 * the day's occurrences; at most one conversion a day per window's worth of receipts; and together at most
 * the occurrences themselves (a capped split when the raw figures would pass them).
 */
export function conversionsByDay (reach: Reach, arms: ReadonlyArray<{ readonly recipients: readonly number[], readonly lift: number }>,
  occurrences: readonly number[], window: number, onePerReceipt = true): number[][] {
  const n = reach.days.length
  const out = arms.map(() => new Array<number>(n).fill(0))
  const raw = new Array<number>(arms.length)
  for (let c = 0; c < n; c++) {
    const total = occurrences[c]!
    const dau = reach.dau[c]!
    if (total <= 0 || dau <= 0) continue
    let rawSum = 0
    for (let a = 0; a < arms.length; a++) {
      const { recipients, lift } = arms[a]!
      let inWindow = 0
      for (let s = Math.max(0, c - window + 1); s <= c; s++) inWindow += recipients[s]!
      const share = Math.min(1, inWindow * reach.active(c) * lift / dau)
      const value = Math.floor(total * share)
      raw[a] = onePerReceipt ? Math.min(Math.floor(inWindow / window), value) : value
      rawSum += raw[a]!
    }
    const parts = rawSum > total ? split(total, raw, true) : raw
    for (let a = 0; a < arms.length; a++) out[a]![c] = parts[a]!
  }
  return out
}

/**
 * The same conversions by the day the user was reached (conversions_by_send_time, by_entry_time): each day's
 * conversions go back to the `window` days of receipts before it, in proportion to them, so over a lifetime
 * both attributions count the same conversions (rule 15).
 */
export function bySendDay (conversions: readonly number[], recipients: readonly number[], window: number): number[] {
  const out = new Array<number>(conversions.length).fill(0)
  for (let c = 0; c < conversions.length; c++) {
    const value = conversions[c]!
    if (value === 0) continue
    const from = Math.max(0, c - window + 1)
    const parts = split(value, recipients.slice(from, c + 1))
    for (let s = 0; s < parts.length; s++) out[from + s]! += parts[s]!
  }
  return out
}

/** Revenue (cents) of each arm: its in-window recipients' share of the day's revenue, together at most all of it. */
export function revenueByDay (reach: Reach, arms: ReadonlyArray<{ readonly recipients: readonly number[], readonly lift: number }>,
  revenue: readonly number[], window: number): number[][] {
  return conversionsByDay(reach, arms, revenue, window, false)
}

/** Noise of one entity's reach on a day, in [0.85, 1.15). */
export function dayNoise (key: number, day: Day): number {
  return 0.85 + 0.3 * unit(mix(key, day.index))
}
