// Daily estimated size of a segment (GET /segments/data_series).
import { mix } from '../hash.js'
import type { Metric } from '../metrics.js'
import type { Segment } from '../world.js'
import type { Day } from '../zone-calendar.js'
import { isLive, type SeriesContext } from './context.js'
import { jitter, trend, wander, weekly } from './shape.js'

export const SEGMENT_SIZE: Metric = { id: 'size', key: 'size', entity: 'segment', hours: false, aggregate: 'unique', salt: 0x51ce }

/** The size on a day (an override's, if set), before masking: it also sets the segment's share of sessions. */
export function segmentSizeOn (ctx: SeriesContext, segment: Segment, day: Day): number {
  return sizeOn(ctx, segment, day, keyOf(ctx, segment))
}

export function segmentSizeSeries (ctx: SeriesContext, segment: Segment, days: readonly Day[]): number[] {
  const key = keyOf(ctx, segment)
  const sizes = new Array<number>(days.length)
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!
    sizes[i] = isLive(day.start, day.end, segment.createdAt, ctx.now) ? sizeOn(ctx, segment, day, key) : 0
  }
  return sizes
}

function keyOf (ctx: SeriesContext, segment: Segment): number {
  return mix(mix(ctx.seed, SEGMENT_SIZE.salt), segment.key)
}

function sizeOn (ctx: SeriesContext, segment: Segment, day: Day, key: number): number {
  const overridden = ctx.overrides?.day(SEGMENT_SIZE.id, segment.id, day.index)
  if (overridden !== undefined) return overridden
  const { size, growth, weekly: amplitude, noise } = segment.shape
  return Math.round(size * trend(growth, day.index) * weekly(amplitude, 1, day.weekday) *
    wander(key, day.index, noise * 3) * jitter(key, day.index, noise))
}
