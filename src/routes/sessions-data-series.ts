// GET /sessions/data_series: sessions per day or hour, for one app or all, optionally for a segment's
// members (seeds/004, BRAZE.md section 4).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Emulator } from '../emulator.js'
import { segmentNotAnalyticsEnabled } from '../errors.js'
import { BRAZE_ERRORS, SessionsDataSeriesQuery, SessionsDataSeriesResponse } from '../schemas/braze.js'
import { sessionsPerDay, sessionsPerHour, type SessionsScope } from '../series/sessions.js'
import { dayWindow, hourWindow } from '../series/window.js'
import { appOf, endingAtOf, lengthOf, segmentOf } from './resolve.js'

export const sessionsDataSeries: FastifyPluginAsyncTypebox<{ emulator: Emulator }> = async (app, { emulator }) => {
  app.get('/sessions/data_series', {
    config: { permission: 'sessions.data_series' },
    schema: {
      summary: 'Export app sessions by time: sessions per day or hour',
      tags: ['Braze'],
      security: [{ bearer: [] }],
      querystring: SessionsDataSeriesQuery,
      response: { 200: SessionsDataSeriesResponse, ...BRAZE_ERRORS },
    },
  }, async (request) => {
    const { query } = request
    const workspace = request.apiKey!.workspace
    const ctx = emulator.seriesContext()
    const length = lengthOf(query.length)
    const endingAt = endingAtOf(query.ending_at, workspace, ctx.now)
    const apps = query.app_id === undefined ? workspace.apps : [appOf(workspace, query.app_id)]
    const segment = query.segment_id === undefined ? undefined : segmentOf(workspace, query.segment_id)
    const zeros = segment !== undefined && !segment.analyticsTrackingEnabled
    if (zeros && workspace.nonAnalyticsSegmentSessions === 'error') throw segmentNotAnalyticsEnabled()

    const scope: SessionsScope = { workspace, apps: zeros ? [] : apps, segment }
    if (query.unit === 'hour') {
      const spans = hourWindow(workspace.calendar, endingAt, length)
      const sessions = sessionsPerHour(ctx, scope, spans)
      const data = []
      for (const { day, from, to } of spans) {
        for (let k = from; k <= to; k++) data.push({ time: day.hourLabel(k), sessions: sessions[data.length]! })
      }
      return { message: 'success', data }
    }
    const days = dayWindow(workspace.calendar, endingAt, length)
    const sessions = sessionsPerDay(ctx, scope, days)
    return { message: 'success', data: days.map((day, i) => ({ time: day.date, sessions: sessions[i]! })) }
  })
}
