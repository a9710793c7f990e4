// GET /sends/data_series through the real app (BRAZE-EXPORT.md sections 0 "Campaigns and sends", 2.1, 3.6 and 4,
// section 7 rules 14 and 16): Braze-worded 400s for the campaign and for a send it does not have, every ending_at
// form, the documented push entry ([D19]), 14 days of send analytics, the sends of a day adding up to their
// campaign's, the default pool, the permission, and a campaign override split over its sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { sendsDataSeries } from '../../src/endpoints/sends-data-series.js'
import { ENDPOINT_TABLE, fixturesFor } from '../endpoints.js'
import { BUILT_IN, get, NOW, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const PATH = '/sends/data_series'
const RULES = sendsDataSeries.rules

// Personal Record Alert (API): ios_push and android_push, one behaviour, three sends.
const API_CAMPAIGN = '58921843-1e0b-4ee5-a7be-99ae5052aa32'
const SENDS = ['fcb627af-bf97-4520-9c76-df528de1c743', 'ba9c678a-ad44-4d8b-b0bc-b8e32285c6af', '4b1634e1-2d37-4e81-8935-b8267182a8d0']
const VARIATIONS = { ios_push: 'a23fb787-cc5a-4d8f-983c-a1bed1d42a63', android_push: '72c8dd98-b0e0-4e90-834c-bf26fc559a25' }
const WELCOME_EMAIL = '5f0c3a8e-2b7d-4c61-9e4a-8d1f6b2c7a90' // not an API campaign
// Low Balance Alert (API), Harbor's, and its sends.
const HARBOR_API_CAMPAIGN = '218fdc13-5dcf-419d-b398-8b5231c8b788'
const HARBOR_SENDS = ['de14bff2-eed7-424a-ac9f-ee24b808a677', '7f7eb689-2449-4fe3-b993-5c590b0fb71c']

const PUSH_ENTRY = ['variation_name', 'variation_api_id', 'sent', 'delivered', 'undelivered', 'delivery_failed', 'direct_opens',
  'total_opens', 'bounces', 'body_clicks', 'revenue', 'unique_recipients', 'conversions', 'conversions_by_send_time']

type Entry = Readonly<Record<string, number | string>>
interface Point {
  readonly time: string
  readonly messages: Readonly<Record<string, readonly Entry[]>>
  readonly [field: string]: unknown
}

/** A field that must be a number: ids and names are the only strings of an answer. */
function count (record: Readonly<Record<string, unknown>>, field: string): number {
  const value = record[field]
  if (typeof value !== 'number') throw new TypeError(`${field} is ${JSON.stringify(value)}, not a number`)
  return value
}
const cents = (amount: number) => Math.round(amount * 100)
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)
const sentOf = (point: Point) => sum(Object.values(point.messages).flat().map(e => count(e, 'sent')))
const numbersOf = (value: unknown): number[] => typeof value === 'number'
  ? [value]
  : value !== null && typeof value === 'object' ? Object.values(value).flatMap(numbersOf) : []

/** The dates `length` days ending the day before `end` (YYYY-MM-DD), oldest first. */
function datesBefore (end: string, length: number): string[] {
  const last = Date.parse(`${end}T00:00:00Z`)
  return Array.from({ length }, (_, i) => new Date(last - (length - i) * 86_400_000).toISOString().slice(0, 10))
}

async function answer (app: BrazeMockApp, path: string, query: string, key: string = lumen.keys.full): Promise<Point[]> {
  const response = await get(app, `${path}?${query}`, key)
  expect(response.status, response.raw).toBe(200)
  expect(response.body.message).toBe('success')
  return response.body.data as Point[]
}
const send = (app: BrazeMockApp, sendId: string, window: string) => answer(app, PATH, `campaign_id=${API_CAMPAIGN}&send_id=${sendId}&${window}`)
const campaign = (app: BrazeMockApp, window: string) => answer(app, '/campaigns/data_series', `campaign_id=${API_CAMPAIGN}&${window}`)

describe('GET /sends/data_series', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(() => app.close())

  it('words each bad parameter as Braze does', () => {
    expect(RULES).toStrictEqual({
      campaign_id: 'campaign_id must be a string of the Campaign api identifier',
      send_id: 'send_id must be a string of the Send api identifier',
      length: 'length must be an integer between 1 and 100',
      ending_at: 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00',
    })
  })

  it.each([
    ['no campaign_id', `send_id=${SENDS[0]}&length=3`, RULES.campaign_id],
    ['an unknown campaign_id', `campaign_id=nope&send_id=${SENDS[0]}&length=3`, RULES.campaign_id],
    ['Harbor\'s API campaign and send with Lumen\'s key', `campaign_id=${HARBOR_API_CAMPAIGN}&send_id=${HARBOR_SENDS[0]}&length=3`, RULES.campaign_id],
    ['no send_id', `campaign_id=${API_CAMPAIGN}&length=3`, RULES.send_id],
    ['an empty send_id', `campaign_id=${API_CAMPAIGN}&send_id=&length=3`, RULES.send_id],
    ['an unknown send_id', `campaign_id=${API_CAMPAIGN}&send_id=nope&length=3`, RULES.send_id],
    ['another campaign\'s send_id', `campaign_id=${API_CAMPAIGN}&send_id=${HARBOR_SENDS[0]}&length=3`, RULES.send_id],
    ['a send_id with a campaign that is not an API campaign', `campaign_id=${WELCOME_EMAIL}&send_id=${SENDS[0]}&length=3`, RULES.send_id],
    ['no length', `campaign_id=${API_CAMPAIGN}&send_id=${SENDS[0]}`, RULES.length],
    ['length=0', `campaign_id=${API_CAMPAIGN}&send_id=${SENDS[0]}&length=0`, RULES.length],
    ['length=101', `campaign_id=${API_CAMPAIGN}&send_id=${SENDS[0]}&length=101`, RULES.length],
    ['length=1.5', `campaign_id=${API_CAMPAIGN}&send_id=${SENDS[0]}&length=1.5`, RULES.length],
    ['length=" 3"', `campaign_id=${API_CAMPAIGN}&send_id=${SENDS[0]}&length=%203`, RULES.length],
    ['ending_at=yesterday', `campaign_id=${API_CAMPAIGN}&send_id=${SENDS[0]}&length=3&ending_at=yesterday`, RULES.ending_at],
  ])('answers 400 for %s', async (_, query, message) => {
    const response = await get(app, `${PATH}?${query}`)
    expect([response.status, response.body]).toStrictEqual([400, { message }])
  })

  it('answers Harbor\'s sends for Harbor\'s key, its days in New York time, and not Lumen\'s sends with Harbor\'s campaign', async () => {
    const query = `campaign_id=${HARBOR_API_CAMPAIGN}&send_id=${HARBOR_SENDS[1]}&length=2`
    const points = await answer(app, PATH, `${query}&ending_at=2026-11-20`, harbor.keys.full)
    expect(points.map(p => p.time)).toEqual(['2026-11-18', '2026-11-19'])
    expect(points.every(p => sentOf(p) > 0)).toBe(true)
    expect((await get(app, `${PATH}?${query}&ending_at=2026-11-20`, harbor.keys.full)).raw)
      .toBe((await get(app, `${PATH}?${query}&ending_at=2026-11-20T05:00:00Z`, harbor.keys.full)).raw)
    const lumenSend = await get(app, `${PATH}?campaign_id=${HARBOR_API_CAMPAIGN}&send_id=${SENDS[0]}&length=2`, harbor.keys.full)
    expect([lumenSend.status, lumenSend.body]).toStrictEqual([400, { message: RULES.send_id }])
  })

  it('takes every ending_at form: a date alone, an offset of -5:00, Z, and none (now)', async () => {
    const query = `campaign_id=${API_CAMPAIGN}&send_id=${SENDS[0]}&length=2`
    const raw = async (endingAt: string) => (await get(app, `${PATH}?${query}${endingAt}`)).raw
    expect((await answer(app, PATH, `${query}&ending_at=2026-11-20`)).map(p => p.time)).toEqual(['2026-11-18', '2026-11-19'])
    expect(await raw('&ending_at=2026-11-20T00:00:00Z')).toBe(await raw('&ending_at=2026-11-20'))
    expect((await answer(app, PATH, `${query}&ending_at=2026-11-19T23:59:59-5:00`)).map(p => p.time)).toEqual(['2026-11-19', '2026-11-20'])
    expect(await raw('&ending_at=2026-11-19T23:59:59-5:00')).toBe(await raw('&ending_at=2026-11-20T04:59:59Z'))
    expect((await answer(app, PATH, query)).map(p => p.time)).toEqual(['2026-11-22', '2026-11-23'])
    expect(await raw('')).toBe(await raw(`&ending_at=${new Date(NOW).toISOString()}`))
  })

  it('writes the campaign\'s shape with push entries as Braze documents them for sends, and no control group', async () => {
    const points = await send(app, SENDS[0]!, 'length=3&ending_at=2026-11-20')
    expect(points.map(p => p.time)).toEqual(datesBefore('2026-11-20', 3))
    for (const point of points) {
      // One conversion behaviour (Starts Session): conversions, and no conversions1.
      expect(Object.keys(point)).toEqual(['time', 'messages', 'conversions_by_send_time', 'conversions', 'unique_recipients', 'revenue'])
      expect(Object.keys(point.messages)).toEqual(['ios_push', 'android_push'])
      for (const [channel, entries] of Object.entries(point.messages)) {
        expect(entries.map(e => [e.variation_api_id, Object.keys(e)])).toEqual([[VARIATIONS[channel as keyof typeof VARIATIONS], PUSH_ENTRY]])
      }
    }
    expect(points[0]!.messages.ios_push![0]!.variation_name).toBe('iOS')
    expect(points[0]!.messages.android_push![0]!.variation_name).toBe('Android')
  })

  it('keeps the send\'s push funnel: delivered = sent - bounces, undelivered = bounces, failures among them (rule 14)', async () => {
    for (const sendId of SENDS) {
      for (const point of await send(app, sendId, 'length=14')) {
        for (const entry of Object.values(point.messages).flat()) {
          const f = (field: string) => count(entry, field)
          expect([f('delivered'), f('undelivered')]).toEqual([f('sent') - f('bounces'), f('bounces')])
          expect(f('delivery_failed')).toBeLessThanOrEqual(f('undelivered'))
          expect(f('direct_opens')).toBeLessThanOrEqual(f('total_opens'))
          expect(f('unique_recipients')).toBe(f('sent'))
        }
        expect(count(point, 'unique_recipients')).toBe(sentOf(point))
      }
    }
  })

  it('keeps 14 days of send analytics: earlier days read 0 while the campaign still shows them', async () => {
    const window = 'length=18&ending_at=2026-11-25'
    const points = await send(app, SENDS[1]!, window)
    expect(points.map(p => p.time)).toEqual(datesBefore('2026-11-25', 18))
    // Now is 2026-11-23T12:00Z: 2026-11-09 ended less than 14 days ago, 2026-11-08 more.
    const kept = points.filter(p => p.time >= '2026-11-09' && p.time <= '2026-11-23')
    expect(kept).toHaveLength(15)
    expect(kept.every(p => sentOf(p) > 0 && count(p, 'revenue') > 0)).toBe(true)
    expect(numbersOf(points.filter(p => p.time < '2026-11-09')).every(value => value === 0)).toBe(true)
    expect(numbersOf(points.at(-1)).every(value => value === 0)).toBe(true) // 2026-11-24, after now
    expect((await campaign(app, window)).slice(0, 2).every(p => sentOf(p) > 0)).toBe(true)
  })

  it('moves the 14 days with the clock', async () => {
    const other = await testApp({ now: NOW + 86_400_000 })
    try {
      const points = await answer(other, PATH, `campaign_id=${API_CAMPAIGN}&send_id=${SENDS[1]}&length=2&ending_at=2026-11-11`)
      expect(points.map(p => [p.time, sentOf(p) > 0])).toEqual([['2026-11-09', false], ['2026-11-10', true]])
    } finally {
      await other.close()
    }
  })

  it('splits each variation\'s sends, conversions and revenue of a day over the campaign\'s sends exactly (rule 16)', async () => {
    const window = 'length=14&ending_at=2026-11-24'
    const whole = await campaign(app, window)
    const parts = await Promise.all(SENDS.map(id => send(app, id, window)))
    whole.forEach((day, d) => {
      for (const [channel, [entry]] of Object.entries(day.messages)) {
        const ofSends = parts.map(points => points[d]!.messages[channel]![0]!)
        for (const field of ['sent', 'conversions', 'conversions_by_send_time']) {
          expect(sum(ofSends.map(e => count(e, field))), `${day.time} ${channel} ${field}`).toBe(count(entry!, field))
        }
        expect(sum(ofSends.map(e => cents(count(e, 'revenue')))), `${day.time} ${channel} revenue`).toBe(cents(count(entry!, 'revenue')))
      }
      for (const field of ['conversions', 'conversions_by_send_time']) {
        expect(sum(parts.map(points => count(points[d]!, field))), `${day.time} ${field}`).toBe(count(day, field))
      }
      // Unique recipients are counted by campaign, not by send: the sends' need not add up, only stay within.
      expect(sum(parts.map(points => count(points[d]!, 'unique_recipients')))).toBeLessThanOrEqual(count(day, 'unique_recipients'))
    })
  })

  it('keeps every figure of the sends of a day within their campaign\'s (rule 16)', async () => {
    const window = 'length=14&ending_at=2026-11-24'
    const whole = await campaign(app, window)
    const parts = await Promise.all(SENDS.map(id => send(app, id, window)))
    const over: string[] = []
    whole.forEach((day, d) => {
      for (const [channel, [entry]] of Object.entries(day.messages)) {
        for (const field of Object.keys(entry!).filter(field => typeof entry![field] === 'number')) {
          const ofSends = sum(parts.map(points => count(points[d]!.messages[channel]![0]!, field)))
          if (cents(ofSends) > cents(count(entry!, field))) over.push(`${day.time} ${channel} ${field}: sends ${ofSends} > campaign ${count(entry!, field)}`)
        }
      }
    })
    expect(over).toEqual([])
  })

  it('counts against the default pool, not the campaign-analytics one', async () => {
    const fresh = await testApp()
    try {
      const first = await get(fresh, `${PATH}?campaign_id=${API_CAMPAIGN}&send_id=${SENDS[0]}&length=3`)
      expect([first.headers['x-ratelimit-limit'], first.headers['x-ratelimit-remaining'], first.headers['x-ratelimit-reset']])
        .toEqual(['250000', '249999', String(NOW / 1000 + 3600)])
      const analytics = await get(fresh, `/campaigns/data_series?campaign_id=${API_CAMPAIGN}&length=3`)
      expect([analytics.headers['x-ratelimit-limit'], analytics.headers['x-ratelimit-remaining']]).toEqual(['50000', '49999'])
    } finally {
      await fresh.close()
    }
  })

  it('answers 403 to a key without sends.data_series', async () => {
    const row = ENDPOINT_TABLE.find(r => r.path === PATH)!
    expect([row.permission, row.pool]).toEqual(['sends.data_series', 'default'])
    const fresh = await testApp({ fixtures: fixturesFor(ENDPOINT_TABLE) })
    try {
      const denied = await get(fresh, row.url, row.lacking)
      expect([denied.status, denied.body]).toStrictEqual([403, { message: 'Access Denied: this API key lacks the sends.data_series permission' }])
    } finally {
      await fresh.close()
    }
  })

  it('splits an overridden day of the campaign over its sends', async () => {
    const window = 'length=1&ending_at=2026-11-20'
    const response = await app.inject({ method: 'POST', url: '/_mock/overrides', payload: { campaign_id: API_CAMPAIGN, values: { '2026-11-19': 1000 } } })
    try {
      expect(response.statusCode, response.body).toBe(201)
      expect(sentOf((await campaign(app, window))[0]!)).toBe(1000)
      const sends = await Promise.all(SENDS.map(async id => sentOf((await send(app, id, window))[0]!)))
      expect(sum(sends)).toBe(1000)
      expect(sends.every(value => value > 0)).toBe(true)
    } finally {
      await app.inject({ method: 'DELETE', url: '/_mock/overrides' })
    }
  })
})
