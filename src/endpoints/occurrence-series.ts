// The time axis the occurrence series share (events and purchases): days or hours of the window, each
// labelled as the sessions series labels them (BRAZE.md section 4).
import type { SeriesContext } from '../world/series/context.js'
import type { OccurrenceScope } from '../world/series/occurrences.js'
import { dayWindow, hourWindow, type HourSpan } from '../world/series/window.js'
import type { Workspace } from '../world/world.js'
import type { Day } from '../world/zone-calendar.js'

export function occurrenceData<K extends string> (
  ctx: SeriesContext, workspace: Workspace, scope: OccurrenceScope, unit: 'day' | 'hour' | undefined, end: number, length: number,
  key: K,
  perDay: (ctx: SeriesContext, scope: OccurrenceScope, days: readonly Day[]) => number[],
  perHour: (ctx: SeriesContext, scope: OccurrenceScope, spans: readonly HourSpan[]) => number[],
  write: (value: number) => number = value => value
): Array<{ time: string } & Record<K, number>> {
  const data: Array<{ time: string } & Record<K, number>> = []
  const point = (time: string, value: number) => ({ time, [key]: write(value) }) as { time: string } & Record<K, number>
  if (unit === 'hour') {
    const spans = hourWindow(workspace.calendar, end, length)
    const values = perHour(ctx, scope, spans)
    for (const { day, from, to } of spans) {
      for (let k = from; k <= to; k++) data.push(point(day.hourLabel(k), values[data.length]!))
    }
    return data
  }
  const days = dayWindow(workspace.calendar, end, length)
  const values = perDay(ctx, scope, days)
  for (let i = 0; i < days.length; i++) data.push(point(days[i]!.date, values[i]!))
  return data
}
