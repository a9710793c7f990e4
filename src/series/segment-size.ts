// Daily estimated size of a segment (GET /segments/data_series).
import { mix } from '../hash.js'
import type { Segment } from '../world/world.js'
import type { Day } from '../world/zone-calendar.js'
import { isLive, type SeriesContext } from './context.js'
import { jitter, trend, wander, weekly } from './shape.js'

const SALT = 0x51ce

/** The size on a day (an override's, if set), before masking: it also sets the segment's share of sessions. */
export function segmentSizeOn (ctx: SeriesContext, segment: Segment, day: Day): number {
  const overridden = ctx.overrides?.day(segment.id, day.index)
  if (overridden !== undefined) return overridden
  const key = mix(mix(ctx.seed, SALT), segment.key)
  const { size, growth, weekly: amplitude, noise } = segment.shape
  return Math.round(size * trend(growth, day.index) * weekly(amplitude, 1, day.weekday) *
    wander(key, day.index, noise * 3) * jitter(key, day.index, noise))
}

export function segmentSizeSeries (ctx: SeriesContext, segment: Segment, days: readonly Day[]): number[] {
  return days.map(day => isLive(day.start, day.end, segment.createdAt, ctx.now) ? segmentSizeOn(ctx, segment, day) : 0)
}
