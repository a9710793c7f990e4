// GET /events/data_series: occurrences of one custom event per day or hour, for one app or all, optionally
// by a segment's members (BRAZE-EXPORT.md sections 1 row 11, 2.1, 3.3). An event name the workspace never
// saw is a 200 with zeros (section 0: a name is not an id).
import { Type } from '@sinclair/typebox'
import { occurrencesPerDay, occurrencesPerHour } from '../world/series/occurrences.js'
import { defineEndpoint } from './define.js'
import { appId, endingAt, length, optional, parameter, segmentId, Success, unit } from './parameters.js'
import { endingAtOf, lengthOf, segmentFilterOf } from './resolve.js'
import { occurrenceData } from './occurrence-series.js'

export const eventsDataSeries = defineEndpoint({
  path: '/events/data_series',
  permission: 'events.data_series',
  pool: 'default',
  summary: 'Export custom events analytics: occurrences of a custom event per day or hour',
  parameters: {
    event: parameter(Type.String({ minLength: 1, description: 'The name of the custom event.' }),
      'event must be the name of a custom event'),
    length,
    unit: optional(unit),
    ending_at: optional(endingAt),
    app_id: optional(appId),
    segment_id: optional(segmentId('An analytics-enabled segment whose members\' events to count.')),
  },
  response: Type.Object({
    message: Success,
    data: Type.Array(Type.Object({
      time: Type.String({ description: 'YYYY-MM-DD for days; YYYY-MM-DDTHH:00:00±HH:MM for hours.' }),
      count: Type.Integer({ description: 'Occurrences of the event.' }),
    })),
  }),
  example: { event: 'Workout Completed', length: '14', unit: 'day', ending_at: '2026-11-20' },
  handle ({ query, workspace, series }) {
    const { apps, segment } = segmentFilterOf(workspace, query.app_id, query.segment_id)
    const scope = { workspace, apps, what: { kind: 'event', event: workspace.eventsByName.get(query.event), segment } as const }
    const end = endingAtOf(query.ending_at, workspace, series.now)
    const data = occurrenceData(series, workspace, scope, query.unit, end, lengthOf(query.length), 'count',
      occurrencesPerDay, occurrencesPerHour)
    if (workspace.emptySeries === 'empty' && data.every(point => point.count === 0)) return { message: 'success', data: [] }
    return { message: 'success', data }
  },
})
