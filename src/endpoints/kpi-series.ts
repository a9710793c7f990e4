// What the four KPI endpoints share (BRAZE-EXPORT.md sections 0 "KPIs", 1 rows 1 to 4, 3.1): daily only
// (`unit` is ignored like any unknown parameter), `length`, `ending_at` and `app_id`, one value key per KPI,
// and data: [] for a window of zeros where the workspace asks for it (empty_series). Each endpoint is still
// its own definition file; this builds the definition from the KPI's metric.
import { Type, type TSchema } from '@sinclair/typebox'
import { kpiSeries, type Kpi } from '../world/series/kpis.js'
import type { Metric } from '../world/metrics.js'
import { dayWindow } from '../world/series/window.js'
import { defineEndpoint } from './define.js'
import { appId, endingAt, length, optional, Success } from './parameters.js'
import { appsOf, endingAtOf, lengthOf } from './resolve.js'

export function kpiEndpoint<K extends Kpi> (metric: Metric & { id: K }, summary: string, description: string) {
  return defineEndpoint({
    path: `/kpi/${metric.id}/data_series`,
    permission: `kpi.${metric.id}.data_series`,
    pool: 'default',
    summary,
    parameters: { length, ending_at: optional(endingAt), app_id: optional(appId) },
    response: Type.Object({
      message: Success,
      data: Type.Array(Type.Object<Record<string, TSchema>>({
        time: Type.String({ description: 'The day, YYYY-MM-DD in the workspace\'s zone.' }),
        [metric.key]: Type.Integer({ description }),
      })),
    }),
    metrics: [metric],
    example: { length: '14', ending_at: '2026-11-20', app_id: '2b55067c-998c-424d-89f6-cfbde7af3e2a' },
    handle ({ query, workspace, series }) {
      const end = endingAtOf(query.ending_at, workspace, series.now)
      const days = dayWindow(workspace.calendar, end, lengthOf(query.length))
      const apps = appsOf(workspace, query.app_id)
      const values = kpiSeries(series, workspace, metric.id, apps, days)
      if (workspace.emptySeries === 'empty' && values.every(value => value === 0)) return { message: 'success', data: [] }
      return { message: 'success', data: days.map((day, i) => ({ time: day.date, [metric.key]: values[i]! })) }
    },
  })
}
