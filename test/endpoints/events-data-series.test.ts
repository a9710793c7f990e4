// GET /events/data_series through the real app (BRAZE-EXPORT.md sections 0, 2.1, 3.3; section 7 rules 7 to 9):
// parameters and their 400s, an unknown event name reading zeros, hours summing to days (New York DST days
// included), the app filter adding up, a segment never exceeding everyone, and the default pool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const HARBOR_ANDROID = '5a4e2b37-c57a-4e93-bd24-ed8c44c07a02'
interface Point { time: string, count: number }

const enc = encodeURIComponent
const total = (points: Point[]) => points.reduce((t, p) => t + p.count, 0)

describe('GET /events/data_series', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  async function series (query: string, key: string = lumen.keys.full): Promise<Point[]> {
    const response = await get(app, `/events/data_series?${query}`, key)
    expect(response.status, response.raw).toBe(200)
    expect(response.body.message).toBe('success')
    return response.body.data as Point[]
  }

  it('answers a small request with the whole body, in the default pool', async () => {
    const response = await get(app, `/events/data_series?event=${enc('Workout Completed')}&length=2&ending_at=2025-06-10&app_id=${lumen.apps.ios}`)
    expect(response.status).toBe(200)
    expect(response.headers['x-ratelimit-limit']).toBe('250000')
    const [a, b] = response.body.data as Point[]
    expect(response.raw).toBe(`{"message":"success","data":[{"time":"2025-06-08","count":${a!.count}},{"time":"2025-06-09","count":${b!.count}}]}`)
    expect(a!.count).toBeGreaterThan(0)
    expect(Number.isSafeInteger(b!.count)).toBe(true)
  })

  it('answers 400 in Braze\'s words for each bad parameter', async () => {
    const ev = `event=${enc('Workout Completed')}`
    const cases: Array<[string, string]> = [
      ['length=3', 'event must be the name of a custom event'],
      ['event=&length=3', 'event must be the name of a custom event'],
      [`${ev}`, 'length must be an integer between 1 and 100'],
      [`${ev}&length=101`, 'length must be an integer between 1 and 100'],
      [`${ev}&length=3&unit=week`, 'unit must be one of: day, hour'],
      [`${ev}&length=3&ending_at=soon`, 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00'],
      [`${ev}&length=3&app_id=nope`, 'app_id must be a string of the App api identifier'],
      [`${ev}&length=3&app_id=${harbor.apps.ios}`, 'app_id must be a string of the App api identifier'],
      [`${ev}&length=3&segment_id=nope`, 'segment_id must be a string of the Segment api identifier'],
      [`${ev}&length=3&segment_id=${harbor.segments.highBalance}`, 'segment_id must be a string of the Segment api identifier'],
    ]
    for (const [query, message] of cases) {
      const response = await get(app, `/events/data_series?${query}`)
      expect([query, response.status, response.body]).toStrictEqual([query, 400, { message }])
    }
  })

  it('answers 400 for a segment without analytics tracking (Lumen "Push Opted In")', async () => {
    const response = await get(app, `/events/data_series?event=${enc('Workout Completed')}&length=3&ending_at=2025-06-10&segment_id=${lumen.segments.pushOptedIn}`)
    expect(response.status).toBe(400)
    expect(response.body.message).toMatch(/segment/i)
  })

  it('answers 200 with zeros for an event name the workspace never saw, and for another workspace\'s event', async () => {
    for (const event of ['No Such Event', 'Login Succeeded']) {
      const points = await series(`event=${enc(event)}&length=3&ending_at=2025-06-10`)
      expect(points).toStrictEqual([
        { time: '2025-06-07', count: 0 }, { time: '2025-06-08', count: 0 }, { time: '2025-06-09', count: 0 },
      ])
    }
  })

  it('returns exactly length days or hours, ascending, the last holding ending_at - 1 ms', async () => {
    const days = await series(`event=${enc('Workout Started')}&length=100&ending_at=2025-06-10T00:00:00.001Z`)
    expect(days).toHaveLength(100)
    expect(days.at(-1)!.time).toBe('2025-06-10')
    expect(days[0]!.time).toBe('2025-03-03')
    const hours = await series(`event=${enc('Workout Started')}&length=30&unit=hour&ending_at=2025-06-10T05:30:00Z`)
    expect(hours).toHaveLength(30)
    expect(hours.at(-1)!.time).toBe('2025-06-10T05:00:00+00:00')
    expect(hours[0]!.time).toBe('2025-06-09T00:00:00+00:00')
  })

  it.each([
    { case: 'a Lumen day, all apps', key: lumen.keys.full, event: 'Workout Completed', filters: '', next: '2025-06-11', count: 24 },
    { case: 'a Lumen day, a segment on one app', key: lumen.keys.full, event: 'Gear Viewed', filters: `&app_id=${lumen.apps.web}&segment_id=${lumen.segments.active7Days}`, next: '2025-06-11', count: 24 },
    { case: 'spring forward in New York', key: harbor.keys.full, event: 'Login Succeeded', filters: '', next: '2026-03-09', count: 23 },
    { case: 'fall back in New York', key: harbor.keys.full, event: 'Transfer Sent', filters: '', next: '2026-11-02', count: 25 },
    { case: 'fall back, a segment on one app', key: harbor.keys.full, event: 'Bill Paid', filters: `&app_id=${HARBOR_ANDROID}&segment_id=${harbor.segments.highBalance}`, next: '2026-11-02', count: 25 },
    { case: 'today, cut at now', key: lumen.keys.full, event: 'Workout Started', filters: '', next: '2026-11-24', count: 24 },
  ])('the hours of a day sum exactly to it: $case', async ({ key, event, filters, next, count }) => {
    const [day] = await series(`event=${enc(event)}&length=1&ending_at=${next}${filters}`, key)
    const hours = await series(`event=${enc(event)}&length=${count}&unit=hour&ending_at=${next}${filters}`, key)
    expect(hours.every(h => h.time.startsWith(`${day!.time}T`))).toBe(true)
    expect(total(hours)).toBe(day!.count)
    expect(day!.count).toBeGreaterThan(0)
  })

  it.each([
    { key: lumen.keys.full, event: 'Workout Completed', apps: Object.values(lumen.apps), query: 'length=100&ending_at=2023-10-15' },
    { key: lumen.keys.full, event: 'Gear Purchased', apps: Object.values(lumen.apps), query: 'length=100&unit=hour&ending_at=2026-11-23T18:00:00Z' },
    { key: harbor.keys.full, event: 'Card Activated', apps: [harbor.apps.ios, HARBOR_ANDROID], query: 'length=100&unit=hour&ending_at=2026-11-03' },
  ])('the app filter is additive: $event $query', async ({ key, event, apps, query }) => {
    const whole = await series(`event=${enc(event)}&${query}`, key)
    const perApp = await Promise.all(apps.map(id => series(`event=${enc(event)}&${query}&app_id=${id}`, key)))
    expect(whole.map((p, i) => perApp.reduce((t, s) => t + s[i]!.count, 0))).toStrictEqual(whole.map(p => p.count))
    expect(total(whole)).toBeGreaterThan(0)
  })

  it('an event logged in some apps only reads 0 in the others (Class Cast to TV)', async () => {
    const ios = await series(`event=${enc('Class Cast to TV')}&length=30&ending_at=2025-06-10&app_id=${lumen.apps.ios}`)
    const tv = await series(`event=${enc('Class Cast to TV')}&length=30&ending_at=2025-06-10&app_id=${lumen.apps.tv}`)
    expect(total(ios)).toBe(0)
    expect(total(tv)).toBeGreaterThan(0)
  })

  it('a segment never exceeds the unfiltered figure, bucket by bucket', async () => {
    const segments = (await get(app, '/segments/list')).body.segments as Array<{ id: string, analytics_tracking_enabled: boolean }>
    for (const segment of segments.filter(s => s.analytics_tracking_enabled)) {
      for (const query of [`event=${enc('Workout Started')}&length=100&ending_at=2026-11-24`, `event=${enc('Plan Subscribed')}&length=100&unit=hour&ending_at=2026-11-23T20:00:00Z`]) {
        const everyone = await series(query)
        const members = await series(`${query}&segment_id=${segment.id}`)
        expect(members.filter((p, i) => p.count > everyone[i]!.count), `${segment.id} ${query}`).toStrictEqual([])
      }
    }
  })

  it('gives the same bytes to the same request, and overlapping windows agree', async () => {
    const query = `event=${enc('Workout Started')}&length=48&unit=hour&ending_at=2025-06-01`
    const first = await get(app, `/events/data_series?${query}`)
    const again = await get(app, `/events/data_series?${query}`)
    expect(again.raw).toBe(first.raw)
    const long = await series(`event=${enc('Challenge Joined')}&length=10&ending_at=2025-06-20`)
    const short = await series(`event=${enc('Challenge Joined')}&length=5&ending_at=2025-06-18`)
    expect(short).toStrictEqual(long.slice(3, 8))
  })
})

describe('GET /events/data_series: empty_series', () => {
  const fixtures = (emptySeries: 'empty' | 'zeros') => ({
    workspaces: [{ id: 'ws-quiet', name: 'Quiet', time_zone: 'UTC', population: 10000, empty_series: emptySeries }],
    apps: [{ id: 'app-quiet', workspace_id: 'ws-quiet', name: 'Quiet iOS', platform: 'ios', created_at: '2024-01-10T08:00:00Z', series: { daily_sessions: 2000 } }],
    segments: [],
    api_keys: [{ key: 'quiet-key', workspace_id: 'ws-quiet', permissions: ['*'] }],
  })

  it('answers data: [] for a window of zeros where the workspace asks for it, and zero-filled by default', async () => {
    const empty = await testApp({ fixtures: fixtures('empty') })
    const zeros = await testApp({ fixtures: fixtures('zeros') })
    try {
      for (const query of ['event=Anything&length=5&ending_at=2025-01-05', 'event=Anything&length=5&unit=hour&ending_at=2023-01-05']) {
        const answer = await get(empty, `/events/data_series?${query}`, 'quiet-key')
        expect([answer.status, answer.body]).toStrictEqual([200, { message: 'success', data: [] }])
        const filled = await get(zeros, `/events/data_series?${query}`, 'quiet-key')
        expect((filled.body.data as Point[]).map(p => p.count)).toStrictEqual([0, 0, 0, 0, 0])
      }
    } finally {
      await empty.close()
      await zeros.close()
    }
  })
})
