// A Canvas's daily statistics (GET /canvas/data_series and /canvas/data_summary) from the workspace's simulated
// users (BRAZE-EXPORT.md sections 0 "Canvases", 3.7 and section 7 rules 17 and 18):
//
//   - entries: a share of the entry audience's active users each day between first_entry and last_entry
//     (an override sets a day's entries), split over the variants;
//   - each variant's entrants flow from its first steps along next steps and paths, a share going on at
//     each step; a step's users receive its messages, split over them, with each channel's funnel
//     (funnels.ts);
//   - conversions: a purchase within three days of entry (the fixtures name no Canvas conversion event),
//     from the entrants' share of the workspace's purchases; revenue the same way (reach.ts);
//   - totals are the sums over variants; a step's conversions and revenue are those of the entrants who
//     reached it.
import { hashString, mix, unit } from '../hash.js'
import type { Metric } from '../metrics.js'
import type { Channel } from '../fixture-schema.js'
import type { Canvas, CanvasStep, Workspace } from '../world.js'
import type { Day } from '../zone-calendar.js'
import type { SeriesContext } from './context.js'
import { canvasStats, hasAmp, type ChannelStats } from './funnels.js'
import { bySendDay, conversionsByDay, dayNoise, liftOf, Reach, revenueByDay } from './reach.js'
import { split } from './split.js'

export const CANVAS_ENTRIES: Metric = { id: 'entries', key: 'entries', entity: 'canvas', hours: false, aggregate: 'sum', salt: 0xca27 }

/** The conversion a Canvas counts: any purchase within three days of entry. */
const CONVERSION = { type: 'Makes Any Purchase', window: 3 * 86_400 } as const
const CONVERSION_DAYS = 3

/** Share of a step's users who go on to the steps after it. */
const CARRY_ON = 0.9

export interface CanvasFigures {
  readonly entries: number
  readonly conversions: number
  readonly conversionsByEntryTime: number
  readonly revenueCents: number
}

export interface StepDay extends Omit<CanvasFigures, 'entries'> {
  readonly step: CanvasStep
  /** By channel, in the step's channel order: one entry per message of the step on that channel. */
  readonly messages: ReadonlyArray<{ readonly channel: Channel, readonly stats: readonly ChannelStats[] }>
}

export interface CanvasDay {
  readonly day: Day
  readonly total: CanvasFigures
  readonly variants: readonly CanvasFigures[]
  readonly steps: readonly StepDay[]
}

/** The share of a variant's entrants who reach each step (by step index), following next steps and paths. */
export function stepReach (canvas: Canvas): number[][] {
  const index = new Map(canvas.steps.map((step, i) => [step.id, i]))
  return canvas.variants.map(variant => {
    const reach = new Array<number>(canvas.steps.length).fill(0)
    // Shares pass along edges as increments, so a step reached by two routes gets both; a cycle in the
    // fixture stops after as many hops as there are steps.
    const queue = variant.firstStepIds.map(id => ({ step: index.get(id)!, share: 1 / variant.firstStepIds.length, hops: 0 }))
    while (queue.length > 0) {
      const { step, share, hops } = queue.shift()!
      reach[step]! += share
      if (hops >= canvas.steps.length) continue
      const { nextPaths, nextStepIds } = canvas.steps[step]!
      const next = nextPaths.length > 0 ? nextPaths.map(p => p.nextStepId) : nextStepIds
      for (const id of next) queue.push({ step: index.get(id)!, share: share * CARRY_ON / next.length, hops: hops + 1 })
    }
    return reach.map(value => Math.min(1, value))
  })
}

/** The Canvas's statistics on `days` (consecutive, oldest first). */
export function canvasDays (ctx: SeriesContext, workspace: Workspace, canvas: Canvas, days: readonly Day[]): CanvasDay[] {
  const reach = new Reach(ctx, workspace, days, CONVERSION_DAYS - 1, CONVERSION_DAYS - 1)
  const n = reach.days.length
  const entries = entriesPerDay(ctx, workspace, canvas, reach)
  const variantKeys = canvas.variants.map(v => mix(canvas.key, hashString(v.id)))
  const weights = variantKeys.map(key => 1 + unit(mix(key, 0x7a21)))
  const perVariant = canvas.variants.map(() => new Array<number>(n).fill(0))
  for (let i = 0; i < n; i++) {
    const parts = split(entries[i]!, weights)
    for (let v = 0; v < parts.length; v++) perVariant[v]![i] = parts[v]!
  }
  const arms = perVariant.map((recipients, v) => ({ recipients, lift: liftOf(variantKeys[v]!, false) }))
  const conversions = conversionsByDay(reach, arms, reach.occurrences(CONVERSION), CONVERSION_DAYS)
  const byEntry = conversions.map((values, v) => bySendDay(values, perVariant[v]!, CONVERSION_DAYS))
  const revenue = revenueByDay(reach, arms, reach.revenue(), CONVERSION_DAYS)
  const shares = stepReach(canvas)

  const out: CanvasDay[] = []
  for (let k = 0; k < reach.count; k++) {
    const i = reach.offset + k
    const day = reach.days[i]!
    const variants = canvas.variants.map((_, v): CanvasFigures => ({
      entries: perVariant[v]![i]!,
      conversions: conversions[v]![i]!,
      conversionsByEntryTime: byEntry[v]![i]!,
      revenueCents: revenue[v]![i]!,
    }))
    const reached = (step: number, value: (figures: CanvasFigures) => number): number =>
      variants.reduce((total, figures, v) => total + Math.floor(value(figures) * shares[v]![step]!), 0)
    const steps = canvas.steps.map((step, s): StepDay => ({
      step,
      conversions: reached(s, f => f.conversions),
      conversionsByEntryTime: reached(s, f => f.conversionsByEntryTime),
      revenueCents: reached(s, f => f.revenueCents),
      messages: stepMessages(canvas, step, reached(s, f => f.entries), day),
    }))
    out.push({
      day,
      total: sumFigures(variants),
      variants,
      steps,
    })
  }
  return out
}

/** Figures summed: a day's over its variants (rule 17), a window's over its days (rule 18). */
export function sumFigures (parts: readonly CanvasFigures[]): CanvasFigures {
  const out = { entries: 0, conversions: 0, conversionsByEntryTime: 0, revenueCents: 0 }
  for (const f of parts) {
    out.entries += f.entries
    out.conversions += f.conversions
    out.conversionsByEntryTime += f.conversionsByEntryTime
    out.revenueCents += f.revenueCents
  }
  return out
}

/** A step's users split over its messages, each message's funnel on its channel, grouped by channel. */
function stepMessages (canvas: Canvas, step: CanvasStep, users: number, day: Day): StepDay['messages'] {
  if (step.messages.length === 0) return []
  const keys = step.messages.map(m => mix(canvas.key, hashString(m.id)))
  const parts = split(users, keys.map(key => 1 + unit(mix(key, 0x3e16))))
  return step.channels.map(channel => ({
    channel,
    stats: step.messages.flatMap((message, m) => message.channel === channel
      ? [canvasStats(channel, parts[m]!, keys[m]!, day.index, hasAmp(message))]
      : []),
  }))
}

function entriesPerDay (ctx: SeriesContext, workspace: Workspace, canvas: Canvas, reach: Reach): number[] {
  const n = reach.days.length
  const out = new Array<number>(n).fill(0)
  // A Canvas that never had an entry reads only what overrides set.
  const { firstEntry } = canvas
  const firstDay = firstEntry === undefined ? Infinity : workspace.calendar.dayContaining(firstEntry).index
  const lastDay = firstEntry === undefined ? -Infinity : workspace.calendar.dayContaining(canvas.lastEntry ?? firstEntry).index
  const rho = 0.005 + 0.045 * unit(mix(canvas.key, 0x4eac))
  const audience = firstEntry === undefined ? [] : reach.audience(canvas.segment)
  for (let i = 0; i < n; i++) {
    const day = reach.days[i]!
    if (day.hours === 0 || day.start >= ctx.now) continue
    const overridden = ctx.overrides?.day(CANVAS_ENTRIES.id, canvas.id, day.index)
    if (overridden !== undefined) out[i] = overridden
    else if (day.index >= firstDay && day.index <= lastDay) {
      out[i] = Math.floor(audience[i]! * reach.active(i) * rho * dayNoise(canvas.key, day))
    }
  }
  return out
}
