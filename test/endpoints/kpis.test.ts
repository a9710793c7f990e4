// The four KPI endpoints through the real app (BRAZE-EXPORT.md sections 0 "KPIs" and "Series shape", 3.1,
// section 7 rules 3 to 5): whole bodies, Braze-worded 400s, `unit` ignored, days after now, MAU on the day
// that holds now, empty_series, and overrides of each KPI with the all-apps figure following.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const KPIS = ['new_users', 'dau', 'mau', 'uninstalls'] as const
type KpiName = typeof KPIS[number]
type Point = Record<string, number | string> & { time: string }

async function kpi (app: BrazeMockApp, name: KpiName, query: string, key: string = lumen.keys.full): Promise<Point[]> {
  const response = await get(app, `/kpi/${name}/data_series?${query}`, key)
  expect(response.status, response.raw).toBe(200)
  expect(response.body.message).toBe('success')
  return response.body.data as Point[]
}
const values = (points: Point[], name: KpiName) => points.map(p => p[name] as number)

describe('GET /kpi/*/data_series on the built-in fixtures', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it.each(KPIS)('%s answers a small request with the whole body: one key named for the KPI, whole numbers', async (name) => {
    const response = await get(app, `/kpi/${name}/data_series?length=2&ending_at=2025-06-10&app_id=${lumen.apps.ios}`)
    expect(response.status).toBe(200)
    const [a, b] = response.body.data as Point[]
    expect(response.raw).toBe(`{"message":"success","data":[{"time":"2025-06-08","${name}":${a![name]}},{"time":"2025-06-09","${name}":${b![name]}}]}`)
    for (const point of [a!, b!]) {
      expect(Number.isSafeInteger(point[name])).toBe(true)
      if (name !== 'uninstalls') expect(point[name]).toBeGreaterThan(0)
    }
  })

  it.each(KPIS)('%s: length, ending_at and app_id 400s in Braze\'s words', async (name) => {
    const cases: Array<[string, string]> = [
      ['', 'length must be an integer between 1 and 100'],
      ['length=0', 'length must be an integer between 1 and 100'],
      ['length=101', 'length must be an integer between 1 and 100'],
      ['length=1.5', 'length must be an integer between 1 and 100'],
      ['length=3&ending_at=yesterday', 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00'],
      ['length=3&app_id=nope', 'app_id must be a string of the App api identifier'],
      [`length=3&app_id=${harbor.apps.ios}`, 'app_id must be a string of the App api identifier'],
    ]
    for (const [query, message] of cases) {
      const response = await get(app, `/kpi/${name}/data_series?${query}`)
      expect([query, response.status, response.body], query).toStrictEqual([query, 400, { message }])
    }
  })

  it.each(KPIS)('%s ignores unit (daily only): unit=hour and unit=nonsense answer as without it', async (name) => {
    const plain = await get(app, `/kpi/${name}/data_series?length=5&ending_at=2025-06-10`)
    for (const unit of ['hour', 'day', 'nonsense']) {
      const withUnit = await get(app, `/kpi/${name}/data_series?length=5&ending_at=2025-06-10&unit=${unit}`)
      expect(withUnit.raw).toBe(plain.raw)
    }
  })

  it.each(KPIS)('%s reads 0 on the days after now (2026-11-23T12:00Z)', async (name) => {
    const points = await kpi(app, name, 'length=6&ending_at=2026-11-27')
    expect(points.map(p => p.time)).toStrictEqual(['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'])
    expect(values(points, name).slice(3)).toStrictEqual([0, 0, 0])
    if (name !== 'uninstalls') expect(values(points, name).slice(0, 3).every(v => v > 0)).toBe(true)
  })

  it('MAU of the day holding now repeats the day before (computed nightly), per app and for all apps', async () => {
    for (const filter of ['', ...Object.values(lumen.apps).map(id => `&app_id=${id}`)]) {
      const mau = values(await kpi(app, 'mau', `length=3&ending_at=2026-11-24${filter}`), 'mau')
      const dau = values(await kpi(app, 'dau', `length=1&ending_at=2026-11-24${filter}`), 'dau')
      // The day before's value, unless today's DAU (a partial day here) would lift MAU above it.
      expect(mau[2], filter).toBe(Math.max(mau[1]!, dau[0]!))
      expect(mau[2], filter).toBe(mau[1])
      expect(mau[1], filter).not.toBe(mau[0])
    }
  })

  it('keeps MAU within its DAU bounds on every day of 100 (rule 3)', async () => {
    const mau = values(await kpi(app, 'mau', 'length=100&ending_at=2026-11-24'), 'mau')
    const dau = values(await kpi(app, 'dau', 'length=100&ending_at=2026-11-24'), 'dau')
    const earlier = values(await kpi(app, 'dau', 'length=29&ending_at=2026-08-16'), 'dau')
    const all = [...earlier, ...dau]
    for (let i = 0; i < 100; i++) {
      const window = all.slice(i, i + 30)
      expect(mau[i]).toBeGreaterThanOrEqual(Math.max(...window))
      expect(mau[i]).toBeLessThanOrEqual(window.reduce((t, v) => t + v, 0))
    }
  })
})

describe('GET /kpi/*/data_series: empty_series', () => {
  const fixtures = (emptySeries: 'empty' | 'zeros') => ({
    workspaces: [{ id: 'ws-quiet', name: 'Quiet', time_zone: 'UTC', population: 10000, empty_series: emptySeries }],
    apps: [{ id: 'app-quiet', workspace_id: 'ws-quiet', name: 'Quiet iOS', platform: 'ios', created_at: '2024-01-10T08:00:00Z', series: { daily_sessions: 2000 } }],
    segments: [],
    api_keys: [{ key: 'quiet-key', workspace_id: 'ws-quiet', permissions: ['*'] }],
  })

  it.each(KPIS)('%s: data: [] for a window before any app, zero-filled otherwise, and zeros under "zeros"', async (name) => {
    const empty = await testApp({ fixtures: fixtures('empty') })
    const zeros = await testApp({ fixtures: fixtures('zeros') })
    try {
      const before = await get(empty, `/kpi/${name}/data_series?length=5&ending_at=2024-01-05`, 'quiet-key')
      expect([before.status, before.body]).toStrictEqual([200, { message: 'success', data: [] }])
      // A window reaching past the app's first whole day (2024-01-11) is zero-filled before it.
      const across = await get(empty, `/kpi/${name}/data_series?length=20&ending_at=2024-01-28`, 'quiet-key')
      const points = across.body.data as Point[]
      expect(points.map(p => p.time)).toStrictEqual(Array.from({ length: 20 }, (_, i) => `2024-01-${String(8 + i).padStart(2, '0')}`))
      expect(values(points, name).slice(0, 3)).toStrictEqual([0, 0, 0])
      if (name === 'uninstalls') expect(values(points, name).slice(3).some(v => v > 0)).toBe(true)
      else expect(values(points, name).slice(3).every(v => v > 0)).toBe(true)
      const zeroFilled = await get(zeros, `/kpi/${name}/data_series?length=2&ending_at=2024-01-05`, 'quiet-key')
      expect(zeroFilled.body).toStrictEqual({ message: 'success', data: [{ time: '2024-01-03', [name]: 0 }, { time: '2024-01-04', [name]: 0 }] })
    } finally {
      await empty.close()
      await zeros.close()
    }
  })
})

describe('GET /kpi/*/data_series: overrides', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  async function override (appId: string, metric: KpiName, values: Record<string, number>) {
    const response = await app.inject({ method: 'POST', url: '/_mock/overrides', payload: { app_id: appId, metric, values } })
    expect(response.statusCode, response.body).toBeLessThan(300)
  }

  it.each(['new_users', 'uninstalls'] as const)('%s: an override shows in the app and the all-apps sum follows', async (name) => {
    await app.inject({ method: 'DELETE', url: '/_mock/overrides' })
    const query = 'length=3&ending_at=2025-06-11'
    const beforeAll = values(await kpi(app, name, query), name)
    const beforeIos = values(await kpi(app, name, `${query}&app_id=${lumen.apps.ios}`), name)
    await override(lumen.apps.ios, name, { '2025-06-09': 12345 })
    const afterIos = values(await kpi(app, name, `${query}&app_id=${lumen.apps.ios}`), name)
    const afterAll = values(await kpi(app, name, query), name)
    expect(afterIos).toStrictEqual([beforeIos[0], 12345, beforeIos[2]])
    expect(afterAll).toStrictEqual([beforeAll[0], beforeAll[1]! - beforeIos[1]! + 12345, beforeAll[2]])
  })

  it('dau: an override shows in the app, and the all-apps unique count moves with it, within max and sum', async () => {
    await app.inject({ method: 'DELETE', url: '/_mock/overrides' })
    const query = 'length=3&ending_at=2025-06-11'
    const beforeAll = values(await kpi(app, 'dau', query), 'dau')
    const big = 5_000_000
    await override(lumen.apps.web, 'dau', { '2025-06-09': big })
    const afterWeb = values(await kpi(app, 'dau', `${query}&app_id=${lumen.apps.web}`), 'dau')
    const perApp = await Promise.all(Object.values(lumen.apps).map(async id => values(await kpi(app, 'dau', `${query}&app_id=${id}`), 'dau')))
    const afterAll = values(await kpi(app, 'dau', query), 'dau')
    expect(afterWeb[1]).toBe(big)
    expect(afterAll[0]).toBe(beforeAll[0])
    expect(afterAll[2]).toBe(beforeAll[2])
    expect(afterAll[1]).toBeGreaterThanOrEqual(big)
    expect(afterAll[1]).toBeLessThanOrEqual(perApp.reduce((t, s) => t + s[1]!, 0))
    expect(afterAll[1]).toBeGreaterThan(beforeAll[1]!)
  })

  it('mau: an override shows in the app and lifts the all-apps figure', async () => {
    await app.inject({ method: 'DELETE', url: '/_mock/overrides' })
    const query = 'length=3&ending_at=2025-06-11'
    const beforeAll = values(await kpi(app, 'mau', query), 'mau')
    await override(lumen.apps.tv, 'mau', { '2025-06-09': 9_000_000 })
    expect(values(await kpi(app, 'mau', `${query}&app_id=${lumen.apps.tv}`), 'mau')[1]).toBe(9_000_000)
    const afterAll = values(await kpi(app, 'mau', query), 'mau')
    expect(afterAll[0]).toBe(beforeAll[0])
    expect(afterAll[1]).toBeGreaterThanOrEqual(9_000_000)
    expect(afterAll[1]).toBeGreaterThan(beforeAll[1]!)
  })
})
