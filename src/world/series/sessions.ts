// Sessions per day or hour (GET /sessions/data_series), built so the numbers agree with each other:
// - an app's day total is split into its hours by the daily curve, so hours sum exactly to their day;
// - without app_id the figure is the sum over the workspace's apps, bucket by bucket;
// - a segment's sessions on an app are the app's day total times the segment's share (its size over the
//   workspace's population, times its engagement, at most 1), split in proportion to the app's own hours,
//   so they never exceed the unfiltered figure and move with the segment's size.
// A day that is only partly live (the entity was created, or "now" falls, inside it) is the sum of its live
// hours, which keeps the hour rule exact on those days too. Overrides enter at the bottom: an app's day
// override fixes its total and its hour overrides fix their hours (the other hours share the rest); hour
// overrides alone replace their share of the generated split and make the day their sum; and a segment's
// size override sets its share.
import { mix } from '../hash.js'
import type { Metric } from '../metrics.js'
import type { App, Segment, Workspace } from '../world.js'
import type { Day } from '../zone-calendar.js'
import { isLive, type SeriesContext } from './context.js'
import { segmentSizeOn } from './segment-size.js'
import { dailyCurve, jitter, trend, wander, weekly } from './shape.js'
import { split } from './split.js'
import type { HourSpan } from './window.js'

const HOUR_SALT = 0x4077
const HOUR_NOISE = 0.15

export const SESSIONS: Metric = { id: 'sessions', key: 'sessions', entity: 'app', hours: true, aggregate: 'sum', salt: 0x5e55 }

export interface SessionsScope {
  readonly workspace: Workspace
  /** One app (app_id given) or all of the workspace's. */
  readonly apps: readonly App[]
  /** Only sessions of this segment's members (segment_id given). */
  readonly segment?: Segment | undefined
}

export function sessionsPerDay (ctx: SeriesContext, scope: SessionsScope, days: readonly Day[]): number[] {
  return days.map(day => {
    let total = 0
    for (const app of scope.apps) total += dayValue(ctx, scope, app, day)
    return total
  })
}

export function sessionsPerHour (ctx: SeriesContext, scope: SessionsScope, spans: readonly HourSpan[]): number[] {
  const out: number[] = []
  for (const { day, from, to } of spans) {
    const base = out.length
    for (let k = from; k <= to; k++) out.push(0)
    for (const app of scope.apps) {
      if (!isLive(day.hourStart(from), day.hourEnd(to), since(app, scope.segment), ctx.now)) continue
      const hours = liveHours(ctx, scope, app, day)
      for (let k = from; k <= to; k++) out[base + k - from]! += hours[k]!
    }
  }
  return out
}

function since (app: App, segment: Segment | undefined): number {
  return segment === undefined ? app.createdAt : Math.max(app.createdAt, segment.createdAt)
}

function dayValue (ctx: SeriesContext, scope: SessionsScope, app: App, day: Day): number {
  const from = since(app, scope.segment)
  if (day.hours === 0 || !isLive(day.start, day.end, from, ctx.now)) return 0 // a date the zone skipped
  if (day.start >= from && day.end <= ctx.now) return fullDay(ctx, scope, app, day)
  let total = 0
  for (const value of liveHours(ctx, scope, app, day)) total += value
  return total
}

/** The day's total for the app, or for the segment's members on the app, ignoring creation and now. */
function fullDay (ctx: SeriesContext, scope: SessionsScope, app: App, day: Day): number {
  const appTotal = appDayTotal(ctx, app, day)
  return scope.segment === undefined ? appTotal : Math.floor(appTotal * share(ctx, scope, scope.segment, day))
}

/** The day's hours, with the hours before the entities existed or from now on read as 0. */
function liveHours (ctx: SeriesContext, scope: SessionsScope, app: App, day: Day): number[] {
  const hours = scope.segment === undefined
    ? appHours(ctx, app, day)
    : split(fullDay(ctx, scope, app, day), appHours(ctx, app, day), true)
  const from = since(app, scope.segment)
  for (let k = 0; k < day.hours; k++) {
    if (!isLive(day.hourStart(k), day.hourEnd(k), from, ctx.now)) hours[k] = 0
  }
  return hours
}

/**
 * The app's sessions in each hour of the day. A day override fixes the total and hour overrides fix their
 * hours; the other hours share what is left by the daily curve (the control plane refuses overrides that
 * leave less than nothing). Without a day override, the generated total is split and the overridden hours
 * replace their share, so the day becomes the sum of its hours.
 */
function appHours (ctx: SeriesContext, app: App, day: Day): number[] {
  const overriddenDay = ctx.overrides?.day(SESSIONS.id, app.id, day.index)
  const overridden = ctx.overrides?.hours(SESSIONS.id, app.id, day.index)
  if (overriddenDay === undefined && overridden === undefined) return generatedHours(ctx, app, day).slice()
  if (overridden === undefined) return split(overriddenDay!, hourWeights(ctx, app, day))
  if (overriddenDay === undefined) {
    const hours = generatedHours(ctx, app, day).slice()
    for (const [k, value] of overridden) if (k < hours.length) hours[k] = value
    return hours
  }
  const weights = hourWeights(ctx, app, day)
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

function generatedHours (ctx: SeriesContext, app: App, day: Day): readonly number[] {
  const compute = () => split(generatedDayTotal(ctx, app, day), hourWeights(ctx, app, day))
  return ctx.cache === undefined ? compute() : ctx.cache.hours(app, day, compute)
}

/** The app's sessions on the day: the sum of its hours where an hour is overridden, else the day's total. */
function appDayTotal (ctx: SeriesContext, app: App, day: Day): number {
  if (ctx.overrides?.hours(SESSIONS.id, app.id, day.index) === undefined) return overriddenDayTotal(ctx, app, day)
  let total = 0
  for (const value of appHours(ctx, app, day)) total += value
  return total
}

function overriddenDayTotal (ctx: SeriesContext, app: App, day: Day): number {
  return ctx.overrides?.day(SESSIONS.id, app.id, day.index) ?? generatedDayTotal(ctx, app, day)
}

function generatedDayTotal (ctx: SeriesContext, app: App, day: Day): number {
  const key = mix(mix(ctx.seed, SESSIONS.salt), app.key)
  const { dailySessions, growth, weekly: amplitude, peakWeekday, noise } = app.shape
  return Math.round(dailySessions * trend(growth, day.index) * weekly(amplitude, peakWeekday, day.weekday) *
    wander(key, day.index, noise * 2.5) * jitter(key, day.index, noise))
}

function hourWeights (ctx: SeriesContext, app: App, day: Day): number[] {
  const key = mix(mix(ctx.seed, HOUR_SALT), app.key)
  const weights = new Array<number>(day.hours)
  for (let k = 0; k < day.hours; k++) {
    weights[k] = dailyCurve(app.shape.peakHour, day.hourOfDay(k)) * jitter(key, day.index * 32 + k, HOUR_NOISE)
  }
  return weights
}

function share (ctx: SeriesContext, scope: SessionsScope, segment: Segment, day: Day): number {
  const size = segmentSizeOn(ctx, segment, day)
  return Math.min(1, (size / scope.workspace.population) * segment.shape.engagement)
}
