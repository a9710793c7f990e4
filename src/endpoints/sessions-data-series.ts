// GET /sessions/data_series: sessions per day or hour, for one app or all, optionally for a segment's
// members (seeds/004, BRAZE.md section 4).
import { Type } from '@sinclair/typebox'
import { SESSIONS, sessionsPerDay, sessionsPerHour, type SessionsScope } from '../world/series/sessions.js'
import { dayWindow, hourWindow } from '../world/series/window.js'
import { defineEndpoint } from './define.js'
import { appId, endingAt, length, optional, segmentId, Success, unit } from './parameters.js'
import { endingAtOf, lengthOf, segmentFilterOf } from './resolve.js'

export const sessionsDataSeries = defineEndpoint({
  path: '/sessions/data_series',
  permission: 'sessions.data_series',
  pool: 'default',
  summary: 'Export app sessions by time: sessions per day or hour',
  parameters: {
    length,
    unit: optional(unit),
    ending_at: optional(endingAt),
    app_id: optional(appId),
    segment_id: optional(segmentId('An analytics-enabled segment whose members\' sessions to count.')),
  },
  response: Type.Object({
    message: Success,
    data: Type.Array(Type.Object({
      time: Type.String({ description: 'YYYY-MM-DD for days; YYYY-MM-DDTHH:00:00±HH:MM for hours.' }),
      sessions: Type.Integer(),
    })),
  }),
  metrics: [SESSIONS],
  example: { length: '14', unit: 'day', ending_at: '2026-11-20', app_id: '2b55067c-998c-424d-89f6-cfbde7af3e2a' },
  handle ({ query, workspace, series }) {
    const count = lengthOf(query.length)
    const end = endingAtOf(query.ending_at, workspace, series.now)
    const scope: SessionsScope = { workspace, ...segmentFilterOf(workspace, query.app_id, query.segment_id) }
    if (query.unit === 'hour') {
      const spans = hourWindow(workspace.calendar, end, count)
      const sessions = sessionsPerHour(series, scope, spans)
      const data = []
      for (const { day, from, to } of spans) {
        for (let k = from; k <= to; k++) data.push({ time: day.hourLabel(k), sessions: sessions[data.length]! })
      }
      return { message: 'success', data }
    }
    const days = dayWindow(workspace.calendar, end, count)
    const sessions = sessionsPerDay(series, scope, days)
    return { message: 'success', data: days.map((day, i) => ({ time: day.date, sessions: sessions[i]! })) }
  },
})
