// Which buckets a request covers. `ending_at` is exclusive: the last bucket is the one that holds
// ending_at minus one millisecond, in the workspace's zone (BRAZE.md, section 4), and `length` buckets
// end there, oldest first, with no gaps.
import type { Day, ZoneCalendar } from '../zone-calendar.js'
import { HOUR_MS } from '../zone-calendar.js'

/** Hour buckets `from`..`to` (inclusive) of one day. */
export interface HourSpan {
  readonly day: Day
  readonly from: number
  readonly to: number
}

export function dayWindow (calendar: ZoneCalendar, endingAt: number, length: number): Day[] {
  const last = calendar.dayContaining(endingAt - 1)
  const days = new Array<Day>(length)
  for (let i = 0; i < length; i++) days[i] = calendar.day(last.index - length + 1 + i)
  return days
}

export function hourWindow (calendar: ZoneCalendar, endingAt: number, length: number): HourSpan[] {
  const instant = endingAt - 1
  let day = calendar.dayContaining(instant)
  let to = Math.min(day.hours - 1, Math.floor((instant - day.start) / HOUR_MS))
  const spans: HourSpan[] = []
  let left = length
  for (;;) {
    const from = Math.max(0, to - left + 1)
    spans.push({ day, from, to })
    left -= to - from + 1
    if (left === 0) break
    day = calendar.day(day.index - 1)
    to = day.hours - 1
  }
  return spans.reverse()
}
