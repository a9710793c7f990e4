// GET /purchases/quantity_series and /purchases/revenue_series through the real app (BRAZE-EXPORT.md sections
// 0 "Purchases" and "Rate-limit pools", 2.1, 3.5; section 7 rules 7, 8 and 12): parameters and their 400s, an
// unknown product reading zeros, revenue in cents, hours summing to days (New York DST days included), apps
// and products adding up, and the 1,000-an-hour pool they share with /events/list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const HARBOR_ANDROID = '5a4e2b37-c57a-4e93-bd24-ed8c44c07a02'
const KINDS = [
  { path: '/purchases/quantity_series', key: 'purchase_quantity' },
  { path: '/purchases/revenue_series', key: 'revenue' },
] as const
type Point = { time: string } & Record<string, number>
const enc = encodeURIComponent
/** Sums in cents, so that float revenue adds exactly. */
const cents = (v: number) => Math.round(v * 100)

describe.each(KINDS)('GET $path', ({ path, key }) => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  async function series (query: string, apiKey: string = lumen.keys.full): Promise<number[]> {
    const response = await get(app, `${path}?${query}`, apiKey)
    expect(response.status, response.raw).toBe(200)
    expect(response.body.message).toBe('success')
    return (response.body.data as Point[]).map(p => cents(p[key]!))
  }

  it('answers a small request with the whole body, in the custom-data pool', async () => {
    const response = await get(app, `${path}?length=2&ending_at=2025-06-10&app_id=${lumen.apps.ios}`)
    expect(response.status).toBe(200)
    expect(response.headers['x-ratelimit-limit']).toBe('1000')
    const [a, b] = response.body.data as Point[]
    expect(response.raw).toBe(`{"message":"success","data":[{"time":"2025-06-08","${key}":${a![key]}},{"time":"2025-06-09","${key}":${b![key]}}]}`)
    expect(a![key]).toBeGreaterThan(0)
  })

  it('answers 400 in Braze\'s words for each bad parameter', async () => {
    const cases: Array<[string, string]> = [
      ['', 'length must be an integer between 1 and 100'],
      ['length=0', 'length must be an integer between 1 and 100'],
      ['length=3&unit=minute', 'unit must be one of: day, hour'],
      ['length=3&ending_at=later', 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00'],
      ['length=3&app_id=nope', 'app_id must be a string of the App api identifier'],
      [`length=3&app_id=${harbor.apps.ios}`, 'app_id must be a string of the App api identifier'],
      ['length=3&product=', 'product must be the name of a product'],
    ]
    for (const [query, message] of cases) {
      const response = await get(app, `${path}?${query}`)
      expect([query, response.status, response.body]).toStrictEqual([query, 400, { message }])
    }
  })

  it('answers 200 with zeros for a product the workspace never sold, and for another workspace\'s product', async () => {
    for (const product of ['No Such Product', 'Metal Card Upgrade']) {
      const response = await get(app, `${path}?product=${enc(product)}&length=2&ending_at=2025-06-10`)
      expect(response.body).toStrictEqual({ message: 'success', data: [{ time: '2025-06-08', [key]: 0 }, { time: '2025-06-09', [key]: 0 }] })
    }
  })

  it('writes whole numbers for quantity and numbers with at most 2 decimals for revenue', async () => {
    for (const query of ['length=100&ending_at=2026-11-24', 'length=100&unit=hour&ending_at=2026-11-23T12:00:00Z']) {
      const response = await get(app, `${path}?${query}`)
      for (const point of response.body.data as Point[]) {
        const value = point[key]!
        expect(typeof value).toBe('number')
        if (key === 'purchase_quantity') expect(Number.isSafeInteger(value)).toBe(true)
        else expect(String(value)).toMatch(/^\d+(\.\d{1,2})?$/)
      }
    }
  })

  it.each([
    { case: 'a Lumen day', apiKey: lumen.keys.full, filters: '', next: '2025-06-11', count: 24 },
    { case: 'a Lumen day, one product on one app', apiKey: lumen.keys.full, filters: `&app_id=${lumen.apps.ios}&product=${enc('Premium Monthly')}`, next: '2025-06-11', count: 24 },
    { case: 'spring forward in New York', apiKey: harbor.keys.full, filters: '', next: '2026-03-09', count: 23 },
    { case: 'fall back in New York', apiKey: harbor.keys.full, filters: '', next: '2026-11-02', count: 25 },
    { case: 'fall back, one app', apiKey: harbor.keys.full, filters: `&app_id=${HARBOR_ANDROID}`, next: '2026-11-02', count: 25 },
    { case: 'today, cut at now', apiKey: lumen.keys.full, filters: '', next: '2026-11-24', count: 24 },
  ])('the hours of a day sum exactly to it: $case', async ({ apiKey, filters, next, count }) => {
    const [day] = await series(`length=1&ending_at=${next}${filters}`, apiKey)
    const hours = await series(`length=${count}&unit=hour&ending_at=${next}${filters}`, apiKey)
    expect(hours.reduce((t, v) => t + v, 0)).toBe(day)
    expect(day).toBeGreaterThan(0)
  })

  it.each([
    { apiKey: lumen.keys.full, apps: Object.values(lumen.apps), query: 'length=100&ending_at=2023-10-15' },
    { apiKey: lumen.keys.full, apps: Object.values(lumen.apps), query: 'length=100&unit=hour&ending_at=2026-11-23T18:00:00Z' },
    { apiKey: harbor.keys.full, apps: [harbor.apps.ios, HARBOR_ANDROID], query: 'length=100&unit=hour&ending_at=2026-11-03' },
  ])('the app filter is additive: $query', async ({ apiKey, apps, query }) => {
    const whole = await series(query, apiKey)
    const perApp = await Promise.all(apps.map(id => series(`${query}&app_id=${id}`, apiKey)))
    expect(whole.map((_, i) => perApp.reduce((t, s) => t + s[i]!, 0))).toStrictEqual(whole)
  })

  it.each([
    { apiKey: lumen.keys.full, query: 'length=100&ending_at=2026-11-24' },
    { apiKey: harbor.keys.full, query: 'length=100&unit=hour&ending_at=2026-11-02' },
    { apiKey: lumen.keys.full, query: `length=60&ending_at=2024-01-01&app_id=${lumen.apps.android}` },
  ])('the products of /purchases/product_list sum to the unfiltered series (rule 12): $query', async ({ apiKey, query }) => {
    const list = await get(app, '/purchases/product_list', apiKey)
    const products = list.body.products as string[]
    expect(products.length).toBeGreaterThan(5)
    const whole = await series(query, apiKey)
    const perProduct = await Promise.all(products.map(p => series(`${query}&product=${enc(p)}`, apiKey)))
    expect(whole.map((_, i) => perProduct.reduce((t, s) => t + s[i]!, 0))).toStrictEqual(whole)
    expect(whole.some(v => v > 0)).toBe(true)
  })

  it('gives the same bytes to the same request, and overlapping windows agree', async () => {
    const first = await get(app, `${path}?length=48&unit=hour&ending_at=2025-06-01`)
    const again = await get(app, `${path}?length=48&unit=hour&ending_at=2025-06-01`)
    expect(again.raw).toBe(first.raw)
    const long = await series('length=10&ending_at=2025-06-20')
    const short = await series('length=5&ending_at=2025-06-18')
    expect(short).toStrictEqual(long.slice(3, 8))
  })
})

describe('the custom-data pool (1,000 an hour) is shared by the purchases series and /events/list, not by the rest', () => {
  it('counts down across its members and leaves the default pool alone', async () => {
    const app = await testApp()
    try {
      const remaining = async (url: string) => Number((await get(app, url)).headers['x-ratelimit-remaining'])
      const a = await remaining('/purchases/quantity_series?length=1')
      const b = await remaining('/events/list')
      const c = await remaining('/purchases/revenue_series?length=1')
      const d = await remaining('/purchases/product_list')
      expect([a, b, c, d]).toStrictEqual([999, 998, 997, 996])
      const series = await get(app, `/events/data_series?event=${enc('Workout Started')}&length=1`)
      expect(series.headers['x-ratelimit-limit']).toBe('250000')
      expect(series.headers['x-ratelimit-remaining']).toBe('249999')
      expect(await remaining('/purchases/quantity_series?length=1')).toBe(995)
    } finally {
      await app.close()
    }
  })
})
