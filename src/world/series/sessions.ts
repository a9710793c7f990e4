// Sessions per day or hour (GET /sessions/data_series), from the workspace's simulated users
// (series/activity.ts), so the numbers agree with each other and with the KPIs:
// - an app's sessions are its active users' (every active user has one, some more): sessions ≥ DAU;
// - its hours split the day by the daily curve, so hours sum exactly to their day;
// - without app_id the figure is the sum over the workspace's apps, bucket by bucket;
// - a segment's sessions on an app are the app's day total times the members' share of its active users,
//   split in proportion to the app's own hours with each hour capped by the app's, so they never exceed the
//   unfiltered figure.
// A day that "now" cuts is the sum of its hours before now. Overrides enter at the bottom: an app's day
// override fixes its total and its hour overrides fix their hours (the other hours share the rest); hour
// overrides alone replace their share of the generated split and make the day their sum; and a segment's
// size override scales its share.
import type { Metric } from '../metrics.js'
import type { App, Segment, Workspace } from '../world.js'
import type { Day } from '../zone-calendar.js'
import { activityOf, dayCut, dayStarted, maskHours, sum, type WorkspaceActivity } from './activity.js'
import type { SeriesContext } from './context.js'
import { segmentShare } from './segment-size.js'
import { split } from './split.js'
import type { HourSpan } from './window.js'

export const SESSIONS: Metric = { id: 'sessions', key: 'sessions', entity: 'app', hours: true, aggregate: 'sum', salt: 0x5e55 }

export interface SessionsScope {
  readonly workspace: Workspace
  /** One app (app_id given) or all of the workspace's. */
  readonly apps: readonly App[]
  /** Only sessions of this segment's members (segment_id given). */
  readonly segment?: Segment | undefined
}

export function sessionsPerDay (ctx: SeriesContext, scope: SessionsScope, days: readonly Day[]): number[] {
  const activity = activityOf(ctx, scope.workspace)
  return days.map(day => {
    if (!dayStarted(ctx, day)) return 0
    let total = 0
    for (const app of scope.apps) {
      total += dayCut(ctx, day) || scope.segment !== undefined
        ? sum(liveHours(ctx, activity, scope, app, day))
        : appDayTotal(ctx, activity, app, day)
    }
    return total
  })
}

export function sessionsPerHour (ctx: SeriesContext, scope: SessionsScope, spans: readonly HourSpan[]): number[] {
  const activity = activityOf(ctx, scope.workspace)
  const out: number[] = []
  for (const { day, from, to } of spans) {
    const base = out.length
    for (let k = from; k <= to; k++) out.push(0)
    if (!dayStarted(ctx, day)) continue
    for (const app of scope.apps) {
      const hours = liveHours(ctx, activity, scope, app, day)
      for (let k = from; k <= to; k++) out[base + k - from]! += hours[k]!
    }
  }
  return out
}

/** The day's hours for the app (or the segment's members on it), those from now on, or before the segment, 0. */
function liveHours (ctx: SeriesContext, activity: WorkspaceActivity, scope: SessionsScope, app: App, day: Day): number[] {
  const hours = appHours(ctx, activity, app, day)
  const { segment } = scope
  if (segment === undefined) return maskHours(ctx, day, hours)
  const share = segmentShare(ctx, activity, segment, app, day)
  return maskHours(ctx, day, split(Math.floor(sum(hours) * share), hours, true), segment.createdAt)
}

/** The app's sessions on the whole day, overrides applied. */
function appDayTotal (ctx: SeriesContext, activity: WorkspaceActivity, app: App, day: Day): number {
  if (ctx.overrides?.hours(SESSIONS.id, app.id, day.index) !== undefined) return sum(appHours(ctx, activity, app, day))
  return ctx.overrides?.day(SESSIONS.id, app.id, day.index) ?? activity.population.app(app.key).sessions(day.index, 1)[0]!
}

/**
 * The app's sessions in each hour of the whole day, overrides applied: see the header. A day override on a
 * day without generated sessions (before the app's first users) is split evenly.
 */
export function appHours (ctx: SeriesContext, activity: WorkspaceActivity, app: App, day: Day): number[] {
  const generated = activity.population.app(app.key).sessionsPerHour(day)
  const overriddenDay = ctx.overrides?.day(SESSIONS.id, app.id, day.index)
  const overridden = ctx.overrides?.hours(SESSIONS.id, app.id, day.index)
  if (overriddenDay === undefined && overridden === undefined) return generated
  const weights = sum(generated) > 0 ? generated.slice() : generated.map(() => 1)
  if (overridden === undefined) return split(overriddenDay!, weights)
  if (overriddenDay === undefined) {
    for (const [k, value] of overridden) if (k < generated.length) generated[k] = value
    return generated
  }
  let rest = overriddenDay
  for (const [k, value] of overridden) {
    if (k >= weights.length) continue
    weights[k] = 0
    rest -= value
  }
  const hours = split(Math.max(0, rest), weights)
  for (const [k, value] of overridden) if (k < hours.length) hours[k] = value
  return hours
}
