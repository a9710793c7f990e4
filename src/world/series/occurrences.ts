// Custom events (GET /events/data_series) and purchases (GET /purchases/quantity_series and
// revenue_series) per day or hour, from the workspace's simulated users: each app's active users log an
// event, or buy a product's items, at its rate (src/world/population). Every figure is additive over apps,
// products and hours (BRAZE-EXPORT.md section 0 "Purchases", section 7 rules 7, 8 and 12): the hours of a
// day split its count in proportion to its sessions, a day "now" cuts is the sum of its hours before now,
// and revenue is whole cents (items times the price in cents) until the answer writes it.
import type { App, CustomEvent, Product, Segment, Workspace } from '../world.js'
import type { Day } from '../zone-calendar.js'
import { activityOf, dayCut, dayStarted, maskHours, sum, type WorkspaceActivity } from './activity.js'
import type { SeriesContext } from './context.js'
import { segmentShare } from './segment-size.js'
import { split } from './split.js'
import type { HourSpan } from './window.js'

/** What is counted: a custom event's occurrences (optionally by a segment's members), or purchases. */
export type Occurrences =
  | { readonly kind: 'event', readonly event: CustomEvent | undefined, readonly segment?: Segment | undefined }
  /** `product`: one product, every product (undefined), or a name the workspace never saw (null). */
  | { readonly kind: 'quantity' | 'revenue', readonly product: Product | null | undefined }

export interface OccurrenceScope {
  readonly workspace: Workspace
  readonly apps: readonly App[]
  readonly what: Occurrences
}

export function occurrencesPerDay (ctx: SeriesContext, scope: OccurrenceScope, days: readonly Day[]): number[] {
  if (days.length === 0 || unknown(scope.what)) return days.map(() => 0)
  const activity = activityOf(ctx, scope.workspace)
  const first = days[0]!.index
  const out = new Array<number>(days.length).fill(0)
  for (const app of scope.apps) {
    const whole = scope.what.kind === 'event' && scope.what.segment !== undefined ? undefined : dayValues(activity, scope.what, app, first, days.length)
    for (let i = 0; i < days.length; i++) {
      const day = days[i]!
      if (!dayStarted(ctx, day)) continue
      out[i]! += whole !== undefined && !dayCut(ctx, day) ? whole[i]! : sum(liveHours(ctx, activity, scope.what, app, day))
    }
  }
  return out
}

export function occurrencesPerHour (ctx: SeriesContext, scope: OccurrenceScope, spans: readonly HourSpan[]): number[] {
  const out: number[] = []
  const activity = unknown(scope.what) ? undefined : activityOf(ctx, scope.workspace)
  for (const { day, from, to } of spans) {
    const base = out.length
    for (let k = from; k <= to; k++) out.push(0)
    if (activity === undefined || !dayStarted(ctx, day)) continue
    for (const app of scope.apps) {
      const hours = liveHours(ctx, activity, scope.what, app, day)
      for (let k = from; k <= to; k++) out[base + k - from]! += hours[k]!
    }
  }
  return out
}

/** A name the workspace never saw counts nothing (a name is not an id: a 200 with zeros, section 0). */
function unknown (what: Occurrences): boolean {
  return what.kind === 'event' ? what.event === undefined : what.product === null
}

function dayValues (activity: WorkspaceActivity, what: Occurrences, app: App, first: number, count: number): number[] {
  const population = activity.population
  if (what.kind === 'event') return population.events(what.event!.key, first, count, app.key)
  const product = what.product?.key
  return what.kind === 'quantity' ? population.quantity(product, first, count, app.key) : population.revenue(product, first, count, app.key)
}

function liveHours (ctx: SeriesContext, activity: WorkspaceActivity, what: Occurrences, app: App, day: Day): number[] {
  const population = activity.population
  if (what.kind === 'event') {
    const hours = population.eventsPerHour(what.event!.key, day, app.key)
    const { segment } = what
    if (segment === undefined) return maskHours(ctx, day, hours)
    const share = segmentShare(ctx, activity, segment, app, day)
    return maskHours(ctx, day, split(Math.floor(sum(hours) * share), hours, true), segment.createdAt)
  }
  const product = what.product?.key
  const hours = what.kind === 'quantity' ? population.quantityPerHour(product, day, app.key) : population.revenuePerHour(product, day, app.key)
  return maskHours(ctx, day, hours)
}
