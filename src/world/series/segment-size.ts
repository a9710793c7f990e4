// A segment's daily estimated size (GET /segments/data_series), and its members' share of an app's activity,
// both from the workspace's simulated users: All Users is the user base, a rolling audience is the users
// active in its window, a trait is a stable share of all users (series/activity.ts, src/world/population).
import type { Metric } from '../metrics.js'
import type { App, Segment, Workspace } from '../world.js'
import type { Day } from '../zone-calendar.js'
import { activityOf, type WorkspaceActivity } from './activity.js'
import type { SeriesContext } from './context.js'

export const SEGMENT_SIZE: Metric = { id: 'size', key: 'size', entity: 'segment', hours: false, aggregate: 'unique', salt: 0x51ce }

/** Sizes for `days` (consecutive): 0 before the segment existed and from now on; a size override wins. */
export function segmentSizeSeries (ctx: SeriesContext, workspace: Workspace, segment: Segment, days: readonly Day[]): number[] {
  if (days.length === 0) return []
  const sizes = activityOf(ctx, workspace).segment(segment).size(days[0]!.index, days.length)
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!
    if (day.hours === 0 || day.end <= segment.createdAt || day.start >= ctx.now) sizes[i] = 0
    else sizes[i] = ctx.overrides?.day(SEGMENT_SIZE.id, segment.id, day.index) ?? sizes[i]!
  }
  return sizes
}

/**
 * The members' share of the app's activity on the day, in [0, 1]. A size override scales it by the set size
 * over the generated one (a segment set to twice its size has twice the share, at most all of it).
 */
export function segmentShare (ctx: SeriesContext, activity: WorkspaceActivity, segment: Segment, app: App, day: Day): number {
  const population = activity.segment(segment)
  const share = population.share(app.key, day.index, 1)[0]!
  const overridden = ctx.overrides?.day(SEGMENT_SIZE.id, segment.id, day.index)
  if (overridden === undefined) return share
  const generated = population.size(day.index, 1)[0]!
  return generated > 0 ? Math.min(1, share * overridden / generated) : share
}
