// GET /canvas/data_summary: the roll-up of /canvas/data_series over the same window (BRAZE-EXPORT.md sections 0
// "Canvases", 1 row 23, 3.7, rule 18): each figure, each variant's, each step's and each step message's is the
// exact sum of the series' days. Keys in the documented order; variants carry no conversions_by_entry_time
// there ([D23]).
import { Type } from '@sinclair/typebox'
import { canvasDays, sumFigures, type StepDay } from '../world/series/canvas-stats.js'
import { sumStats } from '../world/series/funnels.js'
import { StepStats, stepStats } from './canvas-data-series.js'
import { canvasSeriesParameters, canvasWindow } from './canvas-series.js'
import { defineEndpoint } from './define.js'
import { Success } from './parameters.js'
import { canvasOf } from './resolve.js'

export const canvasDataSummary = defineEndpoint({
  path: '/canvas/data_summary',
  permission: 'canvas.data_summary',
  pool: 'default',
  summary: 'Export Canvas data summary analytics: the window\'s entries, conversions and revenue, by variant and step',
  parameters: canvasSeriesParameters,
  response: Type.Object({
    data: Type.Object({
      name: Type.String(),
      total_stats: Type.Object({
        revenue: Type.Number(),
        conversions: Type.Integer(),
        conversions_by_entry_time: Type.Integer(),
        entries: Type.Integer(),
      }),
      variant_stats: Type.Optional(Type.Record(Type.String(), Type.Object({
        name: Type.String(),
        revenue: Type.Number(),
        conversions: Type.Integer(),
        entries: Type.Integer(),
      }))),
      step_stats: Type.Optional(Type.Record(Type.String(), StepStats)),
    }),
    message: Success,
  }),
  example: { canvas_id: '0b6f2d4e-7a1c-4e38-9f25-3c8d1a6e5b47', ending_at: '2026-11-20', length: '14', include_variant_breakdown: 'true', include_step_breakdown: 'true' },
  handle ({ query, workspace, series }) {
    const canvas = canvasOf(workspace, query.canvas_id)
    const days = canvasDays(series, workspace, canvas, canvasWindow(workspace, series.now, query))
    const total = sumFigures(days.map(d => d.total))
    return {
      data: {
        name: canvas.name,
        total_stats: {
          revenue: total.revenueCents / 100,
          conversions: total.conversions,
          conversions_by_entry_time: total.conversionsByEntryTime,
          entries: total.entries,
        },
        ...(query.include_variant_breakdown === 'true'
          ? {
              variant_stats: Object.fromEntries(canvas.variants.map((v, i) => {
                const sum = sumFigures(days.map(d => d.variants[i]!))
                return [v.id, { name: v.name, revenue: sum.revenueCents / 100, conversions: sum.conversions, entries: sum.entries }]
              })),
            }
          : {}),
        ...(query.include_step_breakdown === 'true'
          ? { step_stats: stepStats(canvas.steps.map((step, s) => sumStep(days.map(d => d.steps[s]!)))) }
          : {}),
      },
      message: 'success',
    }
  },
})

/** A step over the window: its figures summed, and each message's funnel summed field by field. */
function sumStep (days: readonly StepDay[]): StepDay {
  const first = days[0]!
  const messages = first.messages.map(({ channel, stats }, c) => ({
    channel,
    stats: stats.map((_, m) => sumStats(days.map(day => day.messages[c]!.stats[m]!))),
  }))
  const { entries: _, ...figures } = sumFigures(days.map(d => ({ ...d, entries: 0 })))
  return { step: first.step, ...figures, messages }
}
