// GET /sessions/data_series through the real app (BRAZE.md sections 4 and 6): days and hours, hour labels in
// the workspace's zone across DST, and numbers that agree with each other (hours sum to days, apps sum to the
// workspace, a segment never exceeds everyone, overlapping windows agree).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
/** Harbor Bank Android, the harbor workspace's second app (fixtures/apps.json). */
const HARBOR_ANDROID = '5a4e2b37-c57a-4e93-bd24-ed8c44c07a02'

interface SessionsPoint { time: string, sessions: number }
interface SessionsSeries { message: string, data: SessionsPoint[] }

/** `count` consecutive dates ending with `last` (YYYY-MM-DD), oldest first. */
function dayRange (last: string, count: number): string[] {
  const end = Date.parse(`${last}T00:00:00Z`)
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10))
}

/** `count` consecutive UTC hour labels ending with the hour that starts at `last` (an ISO instant). */
function utcHourRange (last: string, count: number): string[] {
  const end = Date.parse(last)
  return Array.from({ length: count }, (_, i) => `${new Date(end - (count - 1 - i) * HOUR_MS).toISOString().slice(0, 13)}:00:00+00:00`)
}

async function sessions (app: BrazeMockApp, query: string, key: string = lumen.keys.full): Promise<SessionsSeries> {
  const response = await get(app, `/sessions/data_series?${query}`, key)
  expect(response.status, response.raw).toBe(200)
  return response.body as SessionsSeries
}

const sum = (points: SessionsPoint[]): number => points.reduce((total, p) => total + p.sessions, 0)

describe('GET /sessions/data_series: days', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it('defaults unit to day', async () => {
    const implicit = await get(app, '/sessions/data_series?length=7&ending_at=2025-06-10')
    const explicit = await get(app, '/sessions/data_series?length=7&unit=day&ending_at=2025-06-10')
    expect(implicit.status).toBe(200)
    expect(implicit.raw).toBe(explicit.raw)
    expect((implicit.body as SessionsSeries).data.map(p => p.time)).toStrictEqual(dayRange('2025-06-09', 7))
  })

  it('answers a small request with the whole body in Braze\'s shape', async () => {
    const response = await get(app, `/sessions/data_series?length=2&ending_at=2025-06-10&app_id=${lumen.apps.ios}`)
    expect(response.status).toBe(200)
    expect(response.body).toStrictEqual({
      message: 'success',
      data: [{ time: '2025-06-08', sessions: expect.any(Number) }, { time: '2025-06-09', sessions: expect.any(Number) }],
    })
    const [a, b] = (response.body as SessionsSeries).data
    expect(response.raw).toBe(`{"message":"success","data":[{"time":"2025-06-08","sessions":${a!.sessions}},` +
      `{"time":"2025-06-09","sessions":${b!.sessions}}]}`)
    for (const point of [a!, b!]) {
      expect(Number.isSafeInteger(point.sessions)).toBe(true)
      expect(point.sessions).toBeGreaterThan(0)
    }
  })

  it.each([1, 14, 100])('returns exactly length=%i consecutive days, oldest first', async (length) => {
    const body = await sessions(app, `length=${length}&ending_at=2022-12-09`)
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2022-12-08', length))
  })

  it('defaults ending_at to now: the last day is 2026-11-23', async () => {
    const implicit = await get(app, '/sessions/data_series?length=3')
    const explicit = await get(app, '/sessions/data_series?length=3&ending_at=2026-11-23T12:00:00Z')
    expect((implicit.body as SessionsSeries).data.map(p => p.time)).toStrictEqual(dayRange('2026-11-23', 3))
    expect(implicit.raw).toBe(explicit.raw)
  })

  it('answers the seed page\'s example request (all zero: no app existed in June 2018)', async () => {
    // 23:59:59-05:00 on 2018-06-28 is 04:59:59Z on 2018-06-29, the last day in the UTC workspace.
    const response = await get(app, `/sessions/data_series?length=14&unit=day&ending_at=2018-06-28T23:59:59-5:00&app_id=${lumen.apps.ios}&segment_id=${lumen.segments.allUsers}`)
    expect(response.status).toBe(200)
    expect(response.body).toStrictEqual({
      message: 'success',
      data: dayRange('2018-06-29', 14).map(time => ({ time, sessions: 0 })),
    })
  })

  it('answers the seed page\'s example request shape on dates with data', async () => {
    const body = await sessions(app, `length=14&unit=day&ending_at=2025-06-28T23:59:59-5:00&app_id=${lumen.apps.ios}&segment_id=${lumen.segments.allUsers}`)
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2025-06-29', 14))
    for (const point of body.data) expect(point.sessions).toBeGreaterThan(0)
  })

  it('reads 0 before an app\'s first whole day: Lumen TV was created 2023-09-12T17:45Z, its users start on the 13th', async () => {
    const body = await sessions(app, `length=6&ending_at=2023-09-15&app_id=${lumen.apps.tv}`)
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2023-09-14', 6))
    for (const { time, sessions: n } of body.data) {
      if (time <= '2023-09-12') expect(n, time).toBe(0)
      else expect(n, time).toBeGreaterThan(0)
    }
  })

  it('reads 0 on the days after now', async () => {
    const body = await sessions(app, 'length=6&ending_at=2026-11-26')
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2026-11-25', 6))
    for (const { time, sessions: n } of body.data) {
      if (time <= '2026-11-23') expect(n, time).toBeGreaterThan(0)
      else expect(n, time).toBe(0)
    }
  })
})

describe('GET /sessions/data_series: ending_at outside 0001-01-02 to 9999-12-31', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it('names the range for an ISO 8601 instant outside it, in the Harbor zone too', async () => {
    for (const key of [lumen.keys.full, harbor.keys.full]) {
      const response = await get(app, '/sessions/data_series?length=1&unit=hour&ending_at=9999-12-31T12:00:00Z', key)
      expect([response.status, response.body]).toStrictEqual([400, { message: 'ending_at must be between 0001-01-02 and 9999-12-31 (UTC)' }])
    }
  })
})

describe('GET /sessions/data_series: hours', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it('labels hours YYYY-MM-DDTHH:00:00+00:00 in the UTC workspace, across a day boundary', async () => {
    const body = await sessions(app, 'length=30&unit=hour&ending_at=2022-12-09T03:00:00Z')
    expect(body.data.map(p => p.time)).toStrictEqual(utcHourRange('2022-12-09T02:00:00Z', 30))
    expect(body.data[0]!.time).toBe('2022-12-07T21:00:00+00:00')
    expect(body.data[29]!.time).toBe('2022-12-09T02:00:00+00:00')
  })

  it.each([1, 24, 100])('returns exactly length=%i consecutive hours', async (length) => {
    const body = await sessions(app, `length=${length}&unit=hour&ending_at=2025-01-01T05:00:00Z`)
    expect(body.data.map(p => p.time)).toStrictEqual(utcHourRange('2025-01-01T04:00:00Z', length))
  })

  it.each([
    { endingAt: '2022-12-09T03:30:00Z', last: '2022-12-09T03:00:00Z' },
    { endingAt: '2022-12-09T03:00:00.001Z', last: '2022-12-09T03:00:00Z' },
    { endingAt: '2022-12-09T03:00:00Z', last: '2022-12-09T02:00:00Z' },
    { endingAt: '2022-12-09', last: '2022-12-08T23:00:00Z' },
    { endingAt: '2022-12-09T05:30:00%2B02:00', last: '2022-12-09T03:00:00Z' },
    { endingAt: '2022-12-09T05:30:00+02:00', last: '2022-12-09T03:00:00Z' },
    { endingAt: '2022-12-08T22:30:00-5:00', last: '2022-12-09T03:00:00Z' },
  ])('ending_at=$endingAt ends with the hour that holds it minus 1 ms', async ({ endingAt, last }) => {
    const body = await sessions(app, `length=2&unit=hour&ending_at=${endingAt}`)
    expect(body.data.map(p => p.time)).toStrictEqual(utcHourRange(last, 2))
  })

  it('defaults ending_at to now: the last hour is 2026-11-23T11:00:00+00:00', async () => {
    const body = await sessions(app, 'length=3&unit=hour')
    expect(body.data.map(p => p.time)).toStrictEqual(utcHourRange('2026-11-23T11:00:00Z', 3))
  })

  it('reads 0 from now on: the hour that starts at now and later', async () => {
    const body = await sessions(app, 'length=6&unit=hour&ending_at=2026-11-23T15:00:00Z')
    expect(body.data.map(p => p.time)).toStrictEqual(utcHourRange('2026-11-23T14:00:00Z', 6))
    expect(body.data.slice(0, 3).every(p => p.sessions > 0)).toBe(true)
    expect(body.data.slice(3).map(p => p.sessions)).toStrictEqual([0, 0, 0])
  })

  it('reads 0 in every hour of the day an app was created inside, and counts its users from the next midnight', async () => {
    // Lumen TV was created at 17:45Z: its first users arrive on its first whole day, 2023-09-13.
    const body = await sessions(app, `length=48&unit=hour&ending_at=2023-09-14T00:00:00Z&app_id=${lumen.apps.tv}`)
    expect(body.data.map(p => p.time)).toStrictEqual(utcHourRange('2023-09-13T23:00:00Z', 48))
    expect(body.data.slice(0, 24).map(p => p.sessions)).toStrictEqual(new Array(24).fill(0))
    expect(body.data.slice(24).reduce((total, p) => total + p.sessions, 0)).toBeGreaterThan(0)
  })
})

describe('GET /sessions/data_series: hours in America/New_York (harbor)', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  const hours = (query: string) => sessions(app, `unit=hour&${query}`, harbor.keys.full)

  it('labels winter hours with -05:00', async () => {
    const body = await hours('length=5&ending_at=2022-12-09T03:00:00Z')
    expect(body.data.map(p => p.time)).toStrictEqual([
      '2022-12-08T17:00:00-05:00', '2022-12-08T18:00:00-05:00', '2022-12-08T19:00:00-05:00',
      '2022-12-08T20:00:00-05:00', '2022-12-08T21:00:00-05:00',
    ])
  })

  it('labels summer hours with -04:00, across local midnight', async () => {
    const body = await hours('length=4&ending_at=2022-07-01T06:00:00Z')
    expect(body.data.map(p => p.time)).toStrictEqual([
      '2022-06-30T22:00:00-04:00', '2022-06-30T23:00:00-04:00', '2022-07-01T00:00:00-04:00', '2022-07-01T01:00:00-04:00',
    ])
  })

  it('reads a date-only ending_at as local midnight', async () => {
    const body = await hours('length=1&ending_at=2022-12-08')
    expect(body.data.map(p => p.time)).toStrictEqual(['2022-12-07T23:00:00-05:00'])
  })

  it('defaults ending_at to now: 12:00Z is 07:00 in New York', async () => {
    const body = await hours('length=2')
    expect(body.data.map(p => p.time)).toStrictEqual(['2026-11-23T05:00:00-05:00', '2026-11-23T06:00:00-05:00'])
  })

  it('skips 02:00 on 2026-03-08 (spring forward)', async () => {
    const body = await hours('length=6&ending_at=2026-03-08T10:00:00Z')
    expect(body.data.map(p => p.time)).toStrictEqual([
      '2026-03-07T23:00:00-05:00', '2026-03-08T00:00:00-05:00', '2026-03-08T01:00:00-05:00',
      '2026-03-08T03:00:00-04:00', '2026-03-08T04:00:00-04:00', '2026-03-08T05:00:00-04:00',
    ])
  })

  it('repeats 01:00 on 2026-11-01, first -04:00 then -05:00 (fall back)', async () => {
    const body = await hours('length=6&ending_at=2026-11-01T09:00:00Z')
    expect(body.data.map(p => p.time)).toStrictEqual([
      '2026-10-31T23:00:00-04:00', '2026-11-01T00:00:00-04:00', '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00', '2026-11-01T02:00:00-05:00', '2026-11-01T03:00:00-05:00',
    ])
  })

  it('has 23 hours on 2026-03-08 and 25 on 2026-11-01', async () => {
    const spring = await hours('length=24&ending_at=2026-03-09')
    expect(spring.data[0]!.time).toBe('2026-03-07T23:00:00-05:00')
    expect(spring.data.slice(1).every(p => p.time.startsWith('2026-03-08T'))).toBe(true)
    const autumn = await hours('length=26&ending_at=2026-11-02')
    expect(autumn.data[0]!.time).toBe('2026-10-31T23:00:00-04:00')
    expect(autumn.data.slice(1).every(p => p.time.startsWith('2026-11-01T'))).toBe(true)
    expect(autumn.data.at(-1)!.time).toBe('2026-11-01T23:00:00-05:00')
    // Every instant appears once: no label is repeated with the same offset.
    expect(new Set(autumn.data.map(p => p.time)).size).toBe(26)
  })

  it('numbers a 100-hour window across the autumn change without gaps', async () => {
    const body = await hours('length=100&ending_at=2026-11-03T00:00:00Z')
    const instants = body.data.map(p => Date.parse(p.time))
    for (let i = 1; i < instants.length; i++) expect(instants[i]! - instants[i - 1]!).toBe(HOUR_MS)
    expect(instants.at(-1)).toBe(Date.parse('2026-11-02T23:00:00Z'))
  })
})

describe('GET /sessions/data_series: coherent numbers', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  /** The day's figure and its hours, for the local day that ends at `next` (a date). */
  async function dayAndHours (filters: string, next: string, hourCount: number, key: string = lumen.keys.full) {
    const day = await sessions(app, `length=1&ending_at=${next}${filters}`, key)
    const hours = await sessions(app, `length=${hourCount}&unit=hour&ending_at=${next}${filters}`, key)
    return { day: day.data[0]!, hours: hours.data }
  }

  it.each([
    { case: 'all apps, a full day', filters: '', next: '2025-06-11', date: '2025-06-10' },
    { case: 'iOS, a full day', filters: `&app_id=${lumen.apps.ios}`, next: '2025-06-11', date: '2025-06-10' },
    { case: 'Android, a full day', filters: `&app_id=${lumen.apps.android}`, next: '2025-06-11', date: '2025-06-10' },
    { case: 'Web, a full day', filters: `&app_id=${lumen.apps.web}`, next: '2025-06-11', date: '2025-06-10' },
    { case: 'a segment, a full day', filters: `&segment_id=${lumen.segments.active7Days}`, next: '2025-06-11', date: '2025-06-10' },
    { case: 'a segment on one app, a full day', filters: `&app_id=${lumen.apps.web}&segment_id=${lumen.segments.allUsers}`, next: '2025-06-11', date: '2025-06-10' },
    { case: 'all apps, today (now at 12:00Z)', filters: '', next: '2026-11-24', date: '2026-11-23' },
    { case: 'a segment, today', filters: `&segment_id=${lumen.segments.holidayCampaign}`, next: '2026-11-24', date: '2026-11-23' },
    { case: 'a segment, the day it was created (14:00Z)', filters: `&segment_id=${lumen.segments.holidayCampaign}`, next: '2026-11-11', date: '2026-11-10' },
    { case: 'TV, its first whole day', filters: `&app_id=${lumen.apps.tv}`, next: '2023-09-14', date: '2023-09-13' },
    { case: 'all apps, the day TV was created', filters: '', next: '2023-09-13', date: '2023-09-12' },
  ])('the 24 hours sum exactly to the day: $case', async ({ filters, next, date }) => {
    const { day, hours } = await dayAndHours(filters, next, 24)
    expect(day.time).toBe(date)
    expect(hours.every(h => h.time.startsWith(`${date}T`))).toBe(true)
    expect(sum(hours)).toBe(day.sessions)
    expect(day.sessions).toBeGreaterThan(0)
  })

  it('zeroes the hours before the segment was created on its first day', async () => {
    const { hours } = await dayAndHours(`&segment_id=${lumen.segments.holidayCampaign}`, '2026-11-11', 24)
    expect(hours.slice(0, 14).map(h => h.sessions)).toStrictEqual(new Array(14).fill(0))
    expect(hours.slice(14).every(h => h.sessions > 0)).toBe(true)
  })

  it.each([
    { case: 'a regular day, all apps', filters: '', next: '2026-02-11', date: '2026-02-10', count: 24 },
    { case: 'spring forward, all apps', filters: '', next: '2026-03-09', date: '2026-03-08', count: 23 },
    { case: 'fall back, all apps', filters: '', next: '2026-11-02', date: '2026-11-01', count: 25 },
    { case: 'spring forward, one app', filters: `&app_id=${harbor.apps.ios}`, next: '2026-03-09', date: '2026-03-08', count: 23 },
    { case: 'fall back, a segment', filters: `&segment_id=${harbor.segments.highBalance}`, next: '2026-11-02', date: '2026-11-01', count: 25 },
    { case: 'fall back, a segment on one app', filters: `&app_id=${HARBOR_ANDROID}&segment_id=${harbor.segments.highBalance}`, next: '2026-11-02', date: '2026-11-01', count: 25 },
  ])('the $count hours of a New York day sum exactly to it: $case', async ({ filters, next, date, count }) => {
    const { day, hours } = await dayAndHours(filters, next, count, harbor.keys.full)
    expect(day.time).toBe(date)
    expect(hours).toHaveLength(count)
    expect(hours.every(h => h.time.startsWith(`${date}T`))).toBe(true)
    expect(sum(hours)).toBe(day.sessions)
    expect(day.sessions).toBeGreaterThan(0)
  })

  it.each([
    { case: 'Lumen days across TV\'s creation', key: lumen.keys.full, apps: Object.values(lumen.apps), query: 'length=100&ending_at=2023-10-15', segment: '' },
    { case: 'Lumen hours up to now', key: lumen.keys.full, apps: Object.values(lumen.apps), query: 'length=100&unit=hour&ending_at=2026-11-23T18:00:00Z', segment: '' },
    { case: 'Lumen days for a segment', key: lumen.keys.full, apps: Object.values(lumen.apps), query: 'length=60&ending_at=2026-11-24', segment: lumen.segments.holidayCampaign },
    { case: 'Lumen hours for a segment', key: lumen.keys.full, apps: Object.values(lumen.apps), query: 'length=50&unit=hour&ending_at=2024-05-01', segment: lumen.segments.active7Days },
    { case: 'harbor hours across DST', key: harbor.keys.full, apps: [harbor.apps.ios, HARBOR_ANDROID], query: 'length=100&unit=hour&ending_at=2026-11-03', segment: '' },
    { case: 'harbor days for a segment', key: harbor.keys.full, apps: [harbor.apps.ios, HARBOR_ANDROID], query: 'length=30&ending_at=2026-03-20', segment: harbor.segments.highBalance },
  ])('without app_id is the sum of each app\'s series: $case', async ({ key, apps, query, segment }) => {
    const filter = segment === '' ? '' : `&segment_id=${segment}`
    const whole = await sessions(app, `${query}${filter}`, key)
    const perApp = await Promise.all(apps.map(id => sessions(app, `${query}${filter}&app_id=${id}`, key)))
    const expected = whole.data.map((point, i) => ({ time: point.time, sessions: perApp.reduce((t, s) => t + s.data[i]!.sessions, 0) }))
    expect(whole.data).toStrictEqual(expected)
    for (const series of perApp) expect(series.data.map(p => p.time)).toStrictEqual(whole.data.map(p => p.time))
    expect(sum(whole.data)).toBeGreaterThan(0)
  })

  const SEGMENTS = [lumen.segments.allUsers, lumen.segments.active7Days, lumen.segments.holidayCampaign, lumen.segments.springChallenge]
  const SCOPES = ['', ...Object.values(lumen.apps).map(id => `&app_id=${id}`)]

  it.each(SEGMENTS.flatMap(segment => SCOPES.flatMap(scope => [
    { segment, scope, query: `length=100&ending_at=2026-11-24${scope}` },
    { segment, scope, query: `length=100&unit=hour&ending_at=2026-11-23T20:00:00Z${scope}` },
    { segment, scope, query: `length=100&ending_at=2024-06-01${scope}` },
  ])))('a segment never exceeds the unfiltered figure, bucket by bucket ($segment $query)', async ({ segment, query }) => {
    const everyone = await sessions(app, query)
    const members = await sessions(app, `${query}&segment_id=${segment}`)
    expect(members.data.map(p => p.time)).toStrictEqual(everyone.data.map(p => p.time))
    const over = members.data.filter((p, i) => p.sessions > everyone.data[i]!.sessions)
    expect(over).toStrictEqual([])
  })

  it('a segment\'s sessions are real numbers, not zeros, where it and the apps exist', async () => {
    const premium = '78c23273-' // Premium Subscribers: a trait of about 8% of users
    const id = (await get(app, '/segments/list')).body.segments.find((s: { id: string }) => s.id.startsWith(premium)).id as string
    const members = await sessions(app, `length=30&ending_at=2025-06-01&segment_id=${id}`)
    const everyone = await sessions(app, 'length=30&ending_at=2025-06-01')
    for (let i = 0; i < 30; i++) {
      expect(members.data[i]!.sessions).toBeGreaterThan(0)
      expect(members.data[i]!.sessions).toBeLessThan(everyone.data[i]!.sessions)
    }
  })

  it('counts every session of the day\'s active users for "Active in the Last 7 Days": they all are', async () => {
    const members = await sessions(app, `length=30&ending_at=2025-06-01&segment_id=${lumen.segments.active7Days}`)
    const everyone = await sessions(app, 'length=30&ending_at=2025-06-01')
    expect(members.data).toStrictEqual(everyone.data)
  })

  it('agrees across overlapping day windows: length=10 ending D and length=5 ending D-2', async () => {
    const long = await sessions(app, `length=10&ending_at=2025-06-20&app_id=${lumen.apps.android}`)
    const short = await sessions(app, `length=5&ending_at=2025-06-18&app_id=${lumen.apps.android}`)
    expect(long.data.map(p => p.time)).toStrictEqual(dayRange('2025-06-19', 10))
    expect(short.data).toStrictEqual(long.data.slice(3, 8))
  })

  it('agrees across overlapping hour windows, in both zones', async () => {
    for (const key of [lumen.keys.full, harbor.keys.full]) {
      const long = await sessions(app, 'length=48&unit=hour&ending_at=2026-11-02T12:00:00Z', key)
      const short = await sessions(app, 'length=10&unit=hour&ending_at=2026-11-02T07:00:00Z', key)
      expect(short.data).toStrictEqual(long.data.slice(33, 43))
    }
  })

  it('agrees across overlapping windows for a segment on one app', async () => {
    const filters = `&app_id=${lumen.apps.ios}&segment_id=${lumen.segments.active7Days}`
    const long = await sessions(app, `length=100&ending_at=2026-01-01${filters}`)
    const short = await sessions(app, `length=7&ending_at=2025-12-01${filters}`)
    expect(short.data).toStrictEqual(long.data.slice(62, 69))
  })
})

describe('GET /sessions/data_series: determinism', () => {
  const QUERY = 'length=48&unit=hour&ending_at=2025-06-01'

  it('gives byte-identical bodies to the same request, in the same app and in another', async () => {
    const one = await testApp()
    const other = await testApp()
    try {
      const first = await get(one, `/sessions/data_series?${QUERY}`)
      await get(one, `/sessions/data_series?length=100&segment_id=${lumen.segments.allUsers}`)
      const again = await get(one, `/sessions/data_series?${QUERY}`)
      const elsewhere = await get(other, `/sessions/data_series?${QUERY}`)
      expect(first.status).toBe(200)
      expect(again.raw).toBe(first.raw)
      expect(elsewhere.raw).toBe(first.raw)
    } finally {
      await one.close()
      await other.close()
    }
  })

  it('changes the numbers, not the hours, with another seed', async () => {
    const one = await testApp({ seed: 1 })
    const two = await testApp({ seed: 2 })
    try {
      const a = await sessions(one, QUERY)
      const b = await sessions(two, QUERY)
      expect(b.data.map(p => p.time)).toStrictEqual(a.data.map(p => p.time))
      expect(a.data.filter((p, i) => p.sessions !== b.data[i]!.sessions).length).toBeGreaterThan(24)
    } finally {
      await one.close()
      await two.close()
    }
  })
})
