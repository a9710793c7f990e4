// GET /canvas/data_series: a Canvas's entries, conversions and revenue per day, nested under `data.stats`
// (BRAZE-EXPORT.md sections 0 "Canvases", 1 row 22, 2.2, 3.7, 5), with each variant's and each step's figures
// when asked. `total_stats` keys in the recorded order (revenue, entries, conversions, conversions_by_entry_time,
// section 5); the breakdowns in the documented one. Totals are the sums over variants (rule 17).
import { Type } from '@sinclair/typebox'
import { canvasDays, CANVAS_ENTRIES, type CanvasFigures, type StepDay } from '../world/series/canvas-stats.js'
import { canvasSeriesParameters, canvasWindow } from './canvas-series.js'
import { defineEndpoint } from './define.js'
import { Success } from './parameters.js'
import { canvasOf } from './resolve.js'

const Figures = {
  revenue: Type.Number({ description: 'Revenue from entrants within three days of entry.' }),
  conversions: Type.Integer(),
  conversions_by_entry_time: Type.Integer({ description: 'The same conversions, counted on the day the user entered.' }),
}

export const StepStats = Type.Object({
  name: Type.String(),
  ...Figures,
  messages: Type.Record(Type.String(), Type.Array(Type.Object({}, { additionalProperties: true })), {
    description: 'By channel: one entry per message of the step on it.',
  }),
})

export const canvasDataSeries = defineEndpoint({
  path: '/canvas/data_series',
  permission: 'canvas.data_series',
  pool: 'default',
  summary: 'Export Canvas data series analytics: entries, conversions and revenue per day, by variant and step',
  parameters: canvasSeriesParameters,
  response: Type.Object({
    data: Type.Object({
      name: Type.String(),
      stats: Type.Array(Type.Object({
        time: Type.String({ description: 'YYYY-MM-DD in the workspace\'s zone.' }),
        total_stats: Type.Object({ revenue: Figures.revenue, entries: Type.Integer(), conversions: Figures.conversions, conversions_by_entry_time: Figures.conversions_by_entry_time }),
        variant_stats: Type.Optional(Type.Record(Type.String(), Type.Object({ name: Type.String(), ...Figures, entries: Type.Integer() }))),
        step_stats: Type.Optional(Type.Record(Type.String(), StepStats)),
      })),
    }),
    message: Success,
  }),
  metrics: [CANVAS_ENTRIES],
  example: { canvas_id: '0b6f2d4e-7a1c-4e38-9f25-3c8d1a6e5b47', ending_at: '2026-11-20', length: '14', include_variant_breakdown: 'true', include_step_breakdown: 'true' },
  handle ({ query, workspace, series }) {
    const canvas = canvasOf(workspace, query.canvas_id)
    const days = canvasDays(series, workspace, canvas, canvasWindow(workspace, series.now, query))
    return {
      data: {
        name: canvas.name,
        stats: days.map(({ day, total, variants, steps }) => ({
          time: day.date,
          total_stats: {
            revenue: total.revenueCents / 100,
            entries: total.entries,
            conversions: total.conversions,
            conversions_by_entry_time: total.conversionsByEntryTime,
          },
          ...(query.include_variant_breakdown === 'true'
            ? { variant_stats: Object.fromEntries(canvas.variants.map((v, i) => [v.id, { name: v.name, ...figures(variants[i]!), entries: variants[i]!.entries }])) }
            : {}),
          ...(query.include_step_breakdown === 'true' ? { step_stats: stepStats(steps) } : {}),
        })),
      },
      message: 'success',
    }
  },
})

function figures (f: Omit<CanvasFigures, 'entries'>) {
  return { revenue: f.revenueCents / 100, conversions: f.conversions, conversions_by_entry_time: f.conversionsByEntryTime }
}

export function stepStats (steps: readonly StepDay[]) {
  return Object.fromEntries(steps.map(s => [s.step.id, {
    name: s.step.name,
    ...figures(s),
    messages: Object.fromEntries(s.messages.map(({ channel, stats }) => [channel, stats.map(entry => ({ ...entry }))])),
  }]))
}
