// GET /segments/data_series: the daily estimated size of a segment (seeds/000, BRAZE.md section 4).
import { Type } from '@sinclair/typebox'
import { segmentSizeSeries, SEGMENT_SIZE } from '../world/series/segment-size.js'
import { dayWindow } from '../world/series/window.js'
import { defineEndpoint } from './define.js'
import { endingAt, length, optional, segmentId, Success } from './parameters.js'
import { endingAtOf, lengthOf, segmentOf } from './resolve.js'

export const segmentsDataSeries = defineEndpoint({
  path: '/segments/data_series',
  permission: 'segments.data_series',
  pool: 'default',
  summary: 'Export segment analytics: the daily estimated size of a segment',
  parameters: { segment_id: segmentId(), length, ending_at: optional(endingAt) },
  response: Type.Object({
    message: Success,
    data: Type.Array(Type.Object({
      time: Type.String({ description: 'The day, YYYY-MM-DD in the workspace\'s zone.' }),
      size: Type.Integer({ description: 'Estimated size of the segment on that day.' }),
    })),
  }),
  metrics: [SEGMENT_SIZE],
  example: { segment_id: '2526216c-722a-4946-9d15-921eb0fa454e', length: '14', ending_at: '2026-11-20' },
  handle ({ query, workspace, series }) {
    const segment = segmentOf(workspace, query.segment_id)
    const end = endingAtOf(query.ending_at, workspace, series.now)
    const days = dayWindow(workspace.calendar, end, lengthOf(query.length))
    const sizes = segmentSizeSeries(series, workspace, segment, days)
    const data = new Array<{ time: string, size: number }>(days.length)
    for (let i = 0; i < days.length; i++) data[i] = { time: days[i]!.date, size: sizes[i]! }
    return { message: 'success', data }
  },
})
