// GET /segments/data_series: the daily estimated size of a segment (seeds/000, BRAZE.md section 4).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Emulator } from '../emulator.js'
import { BRAZE_ERRORS, SegmentsDataSeriesQuery, SegmentsDataSeriesResponse } from '../schemas/braze.js'
import { segmentSizeSeries } from '../series/segment-size.js'
import { dayWindow } from '../series/window.js'
import { endingAtOf, lengthOf, segmentOf } from './resolve.js'

export const segmentsDataSeries: FastifyPluginAsyncTypebox<{ emulator: Emulator }> = async (app, { emulator }) => {
  app.get('/segments/data_series', {
    config: { permission: 'segments.data_series' },
    schema: {
      summary: 'Export segment analytics: the daily estimated size of a segment',
      tags: ['Braze'],
      security: [{ bearer: [] }],
      querystring: SegmentsDataSeriesQuery,
      response: { 200: SegmentsDataSeriesResponse, ...BRAZE_ERRORS },
    },
  }, async (request) => {
    const workspace = request.apiKey!.workspace
    const ctx = emulator.seriesContext()
    const segment = segmentOf(workspace, request.query.segment_id)
    const endingAt = endingAtOf(request.query.ending_at, workspace, ctx.now)
    const days = dayWindow(workspace.calendar, endingAt, lengthOf(request.query.length))
    const sizes = segmentSizeSeries(ctx, segment, days)
    const data = new Array<{ time: string, size: number }>(days.length)
    for (let i = 0; i < days.length; i++) data[i] = { time: days[i]!.date, size: sizes[i]! }
    return { message: 'success', data }
  })
}
