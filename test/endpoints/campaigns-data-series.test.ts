// GET /campaigns/data_series through the real app (BRAZE-EXPORT.md sections 0 "Campaigns and sends", 2.1, 3.6, 4
// and 5, section 7 rules 13 to 15): Braze-worded 400s, every ending_at form, the recorded key order of a point and
// of each channel's entry, conversions keys for exactly the behaviours a campaign has, the control group, the
// campaign's send dates and "now", its own pool, and overrides of its sends through both doors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { campaignsDataSeries } from '../../src/endpoints/campaigns-data-series.js'
import { startEmulator } from '../../src/index.js'
import { builtInFixtureSet, ENDPOINT_TABLE, fixturesFor, type FixtureObject } from '../endpoints.js'
import { BUILT_IN, get, NOW, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const PATH = '/campaigns/data_series'
const RULES = campaignsDataSeries.rules

const CAMPAIGNS = {
  welcomeEmail: '5f0c3a8e-2b7d-4c61-9e4a-8d1f6b2c7a90', // email, two behaviours, every day
  springChallenge: 'e3d6e4b9-d96e-482d-8d50-2d42af1ffe0d', // email and ios_push, one behaviour (7 days), sent once, archived
  workoutReminder: '1221b5a2-2155-441c-aff7-c0fcbbe8f88d', // multivariate push, 10 % control, two behaviours
  premiumInApp: 'cb4ac8b4-df0c-441f-95bf-54df258ececb',
  classSms: '6fcfd73d-bea7-4239-b379-0dfbd38cadcd',
  trialWebhook: '3be93fb8-d995-4a62-9b11-96f741b79d35',
  weeklyCard: 'abb4da1c-6df8-4cf6-bb3e-7196906b630c',
  personalRecordApi: '58921843-1e0b-4ee5-a7be-99ae5052aa32',
  holidayDraft: '5b331999-85cf-4a6b-aded-f12233df56d4', // email and sms, the sms channel without a variation
} as const
const HARBOR_CAMPAIGN = 'e3a707d6-6550-4ac4-87b7-097b9b01f7cc'
const CANVAS = '0b6f2d4e-7a1c-4e38-9f25-3c8d1a6e5b47'

type Entry = Readonly<Record<string, number | string>>
interface Point {
  readonly time: string
  readonly messages: Readonly<Record<string, readonly Entry[]>>
  readonly [field: string]: unknown
}
interface Details {
  readonly channels: readonly string[]
  readonly first_sent: string | null
  readonly last_sent: string | null
  readonly messages: Readonly<Record<string, { channel: string, type?: string }>>
  readonly conversion_behaviors: readonly unknown[]
}

/** A field that must be a number: ids and names are the only strings of an answer. */
function count (record: Readonly<Record<string, unknown>>, field: string): number {
  const value = record[field]
  if (typeof value !== 'number') throw new TypeError(`${field} is ${JSON.stringify(value)}, not a number`)
  return value
}
const cents = (amount: number) => Math.round(amount * 100)
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)
/** Every message sent that day, over channels and variations (in-app messages are shown, not sent). */
const sentOf = (point: Point) => sum(Object.values(point.messages).flat().map(entry => typeof entry.sent === 'number' ? entry.sent : 0))
/** Messages sent, or shown for in-app messages: whether the campaign went out that day. */
const wentOut = (point: Point) => sentOf(point) + sum(Object.values(point.messages).flat().map(e => typeof e.impressions === 'number' ? e.impressions : 0)) > 0
/** Every number of a point, for "this day reads 0" (messages included). */
const numbersOf = (value: unknown): number[] => typeof value === 'number'
  ? [value]
  : value !== null && typeof value === 'object' ? Object.values(value).flatMap(numbersOf) : []

const behaviourName = (b: number) => b === 0 ? 'conversions' : `conversions${b}`
const behaviours = (n: number) => Array.from({ length: n }, (_, b) => behaviourName(b))
/** A point's keys in the recorded order (section 5), for a campaign of `n` conversion behaviours. */
const pointKeys = (n: number) => ['time', 'messages', ...behaviours(n).map(name => `${name}_by_send_time`), ...behaviours(n),
  'unique_recipients', 'revenue']
/** What a push or in-app entry adds after its channel's figures: its own revenue, recipients and conversions. */
const ownKeys = (n: number) => ['revenue', 'unique_recipients', ...behaviours(n).flatMap(name => [name, `${name}_by_send_time`])]
const PUSH = ['variation_name', 'variation_api_id', 'sent', 'direct_opens', 'total_opens', 'bounces', 'body_clicks']
const ENTRY_KEYS: Record<string, (n: number) => string[]> = {
  email: () => ['variation_api_id', 'sent', 'opens', 'machine_open', 'unique_opens', 'machine_amp_open', 'clicks', 'unique_clicks',
    'unsubscribes', 'bounces', 'delivered', 'reported_spam'],
  ios_push: n => [...PUSH, ...ownKeys(n)],
  android_push: n => [...PUSH, ...ownKeys(n)],
  web_push: n => [...PUSH, ...ownKeys(n)],
  in_app_message: n => ['variation_name', 'variation_api_id', 'impressions', 'clicks', 'first_button_clicks', 'second_button_clicks', ...ownKeys(n)],
  sms: () => ['variation_api_id', 'sent', 'sent_to_carrier', 'delivered', 'rejected', 'delivery_failed', 'clicks', 'opt_out', 'help'],
  webhook: () => ['variation_api_id', 'sent', 'errors'],
  content_cards: () => ['variation_api_id', 'sent', 'total_clicks', 'total_dismissals', 'total_impressions', 'unique_clicks',
    'unique_dismissals', 'unique_impressions'],
}
const controlKeys = (n: number) => ['variation_name', 'variation_api_id', 'enrolled', ...ownKeys(n)]

/** Rule 14's identities and inequalities an entry of `channel` breaks, as readable lines (none: []). */
function funnelBreaks (channel: string, entry: Entry): string[] {
  const f = (field: string) => count(entry, field)
  const checks: Array<[string, boolean]> = []
  if (channel === 'email') {
    checks.push(['unique_opens <= opens', f('unique_opens') <= f('opens')], ['unique_clicks <= clicks', f('unique_clicks') <= f('clicks')],
      ['delivered = sent - bounces', f('delivered') === f('sent') - f('bounces')], ['machine_open <= opens', f('machine_open') <= f('opens')],
      ['machine_amp_open <= machine_open', f('machine_amp_open') <= f('machine_open')])
  } else if (channel.endsWith('_push') && entry.variation_name !== 'Control Group') {
    checks.push(['direct_opens <= total_opens', f('direct_opens') <= f('total_opens')], ['bounces <= sent', f('bounces') <= f('sent')])
  } else if (channel === 'sms') {
    checks.push(['delivery_failed = sent - sent_to_carrier', f('delivery_failed') === f('sent') - f('sent_to_carrier')],
      ['delivered <= sent_to_carrier <= sent', f('delivered') <= f('sent_to_carrier') && f('sent_to_carrier') <= f('sent')],
      ['rejected <= sent_to_carrier', f('rejected') <= f('sent_to_carrier')])
  } else if (channel === 'webhook') {
    checks.push(['errors <= sent', f('errors') <= f('sent')])
  } else if (channel === 'content_cards') {
    for (const what of ['impressions', 'clicks', 'dismissals']) checks.push([`unique_${what} <= total_${what}`, f(`unique_${what}`) <= f(`total_${what}`)])
  } else if (channel === 'in_app_message') {
    checks.push(['unique_recipients <= impressions', f('unique_recipients') <= f('impressions')],
      ['button clicks <= clicks', f('first_button_clicks') + f('second_button_clicks') <= f('clicks')])
  }
  return checks.filter(([, holds]) => !holds).map(([rule]) => `${channel} ${String(entry.variation_api_id)}: ${rule}`)
}

/** The dates `length` days ending the day before `end` (YYYY-MM-DD), oldest first. */
function datesBefore (end: string, length: number): string[] {
  const last = Date.parse(`${end}T00:00:00Z`)
  return Array.from({ length }, (_, i) => new Date(last - (length - i) * 86_400_000).toISOString().slice(0, 10))
}
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

async function series (app: BrazeMockApp, query: string, key: string = lumen.keys.full): Promise<Point[]> {
  const response = await get(app, `${PATH}?${query}`, key)
  expect(response.status, response.raw).toBe(200)
  expect(response.body.message).toBe('success')
  return response.body.data as Point[]
}

async function details (app: BrazeMockApp, id: string, key: string = lumen.keys.full): Promise<Details> {
  const response = await get(app, `/campaigns/details?campaign_id=${id}`, key)
  expect(response.status, response.raw).toBe(200)
  return response.body as Details
}

/** The campaign's variation ids on `channel`, in details' order, the control group left out. */
const variationIds = (d: Details, channel: string) =>
  Object.entries(d.messages).filter(([, m]) => m.channel === channel && m.type !== 'control').map(([id]) => id)
const controlId = (d: Details) => Object.entries(d.messages).find(([, m]) => m.type === 'control')?.[0]

/** Checks every point of `points` has the recorded keys and entries of the campaign `d` describes. */
function expectRecordedShape (d: Details, points: readonly Point[]) {
  const n = d.conversion_behaviors.length
  const control = controlId(d)
  const firstChannel = control === undefined ? undefined : d.messages[control]!.channel
  for (const point of points) {
    expect(Object.keys(point), point.time).toEqual(pointKeys(n))
    expect(Object.keys(point.messages), point.time).toEqual(d.channels)
    for (const channel of d.channels) {
      const entries = point.messages[channel]!
      const ids = variationIds(d, channel)
      const controlHere = channel === firstChannel
      expect(entries.map(e => e.variation_api_id), `${point.time} ${channel}`).toEqual(controlHere ? [...ids, control] : ids)
      entries.forEach((entry, i) => {
        const expected = controlHere && i === entries.length - 1 ? controlKeys(n) : ENTRY_KEYS[channel]!(n)
        expect(Object.keys(entry), `${point.time} ${channel} ${i}`).toEqual(expected)
      })
    }
    expect(typeof point.revenue).toBe('number')
  }
}

describe('GET /campaigns/data_series', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(() => app.close())

  it('words each bad parameter as Braze does', () => {
    expect(RULES).toStrictEqual({
      campaign_id: 'campaign_id must be a string of the Campaign api identifier',
      length: 'length must be an integer between 1 and 100',
      ending_at: 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00',
    })
  })

  it.each([
    ['no campaign_id', 'length=3', RULES.campaign_id],
    ['an empty campaign_id', 'campaign_id=&length=3', RULES.campaign_id],
    ['an unknown campaign_id', 'campaign_id=nope&length=3', RULES.campaign_id],
    ['Harbor\'s campaign with Lumen\'s key', `campaign_id=${HARBOR_CAMPAIGN}&length=3`, RULES.campaign_id],
    ['a Canvas id', `campaign_id=${CANVAS}&length=3`, RULES.campaign_id],
    ['no length', `campaign_id=${CAMPAIGNS.welcomeEmail}`, RULES.length],
    ['length=0', `campaign_id=${CAMPAIGNS.welcomeEmail}&length=0`, RULES.length],
    ['length=101', `campaign_id=${CAMPAIGNS.welcomeEmail}&length=101`, RULES.length],
    ['length=1.5', `campaign_id=${CAMPAIGNS.welcomeEmail}&length=1.5`, RULES.length],
    ['length=" 3"', `campaign_id=${CAMPAIGNS.welcomeEmail}&length=%203`, RULES.length],
    ['length=-1', `campaign_id=${CAMPAIGNS.welcomeEmail}&length=-1`, RULES.length],
    ['ending_at=yesterday', `campaign_id=${CAMPAIGNS.welcomeEmail}&length=3&ending_at=yesterday`, RULES.ending_at],
  ])('answers 400 for %s', async (_, query, message) => {
    const response = await get(app, `${PATH}?${query}`)
    expect([response.status, response.body]).toStrictEqual([400, { message }])
  })

  it('answers Harbor\'s campaign for Harbor\'s key, its days in New York time', async () => {
    const id = `campaign_id=${HARBOR_CAMPAIGN}&length=2`
    // A date alone starts in the workspace's zone: 2026-11-20 is 05:00Z in New York.
    expect((await series(app, `${id}&ending_at=2026-11-20`, harbor.keys.full)).map(p => p.time)).toEqual(['2026-11-18', '2026-11-19'])
    expect((await series(app, `${id}&ending_at=2026-11-20T05:00:00.001Z`, harbor.keys.full)).map(p => p.time)).toEqual(['2026-11-19', '2026-11-20'])
    expect((await get(app, `${PATH}?${id}&ending_at=2026-11-20`, harbor.keys.full)).raw)
      .toBe((await get(app, `${PATH}?${id}&ending_at=2026-11-20T05:00:00Z`, harbor.keys.full)).raw)
  })

  it('takes every ending_at form: a date alone, an offset of -5:00 or -05:00, Z, and none (now)', async () => {
    const id = `campaign_id=${CAMPAIGNS.welcomeEmail}&length=2`
    const raw = async (endingAt: string) => (await get(app, `${PATH}?${id}${endingAt}`)).raw
    const times = async (endingAt: string) => (await series(app, `${id}${endingAt}`)).map(p => p.time)
    expect(await times('&ending_at=2026-11-20')).toEqual(['2026-11-18', '2026-11-19'])
    expect(await raw('&ending_at=2026-11-20T00:00:00Z')).toBe(await raw('&ending_at=2026-11-20'))
    // 23:59:59 at -5:00 is 04:59:59Z the next day: that day is the last.
    expect(await times('&ending_at=2026-11-19T23:59:59-5:00')).toEqual(['2026-11-19', '2026-11-20'])
    expect(await raw('&ending_at=2026-11-19T23:59:59-5:00')).toBe(await raw('&ending_at=2026-11-20T04:59:59Z'))
    expect(await raw('&ending_at=2026-11-19T23:59:59-05:00')).toBe(await raw('&ending_at=2026-11-20T04:59:59Z'))
    expect(await times('')).toEqual(['2026-11-22', '2026-11-23'])
    expect(await raw('')).toBe(await raw(`&ending_at=${new Date(NOW).toISOString()}`))
  })

  it('answers exactly `length` consecutive days, oldest first, the day before ending_at last', async () => {
    for (const length of [1, 7, 100]) {
      const points = await series(app, `campaign_id=${CAMPAIGNS.welcomeEmail}&length=${length}&ending_at=2026-11-20`)
      expect(points.map(p => p.time)).toEqual(datesBefore('2026-11-20', length))
    }
  })

  it('keeps the recorded key order on every Lumen campaign: conversions keys for its behaviours only, its channels, its variations', async () => {
    const list = (await get(app, '/campaigns/list?include_archived=true')).body.campaigns as Array<{ id: string }>
    expect(list).toHaveLength(Object.keys(CAMPAIGNS).length)
    const seen = new Set<number>()
    for (const { id } of list) {
      const d = await details(app, id)
      seen.add(d.conversion_behaviors.length)
      const end = id === CAMPAIGNS.springChallenge ? '2024-03-20' : '2026-11-24'
      expectRecordedShape(d, await series(app, `campaign_id=${id}&length=7&ending_at=${end}`))
    }
    expect([...seen].sort()).toEqual([1, 2])
  })

  it('answers the multivariate campaign\'s day whole: per-variation conversions and revenue, then the control group', async () => {
    const d = await details(app, CAMPAIGNS.workoutReminder)
    const control = controlId(d)!
    expect(control).toBe('d59a0625-469d-4e78-be33-9eca03b1d74b')
    const [point] = await series(app, `campaign_id=${CAMPAIGNS.workoutReminder}&length=1&ending_at=2026-11-20`)
    const figures = (...fields: string[]) => Object.fromEntries(fields.map(field => [field, expect.any(Number)]))
    const variation = (name: string, id: string) => ({
      variation_name: name,
      variation_api_id: id,
      ...figures('sent', 'direct_opens', 'total_opens', 'bounces', 'body_clicks', 'revenue', 'unique_recipients', 'conversions',
        'conversions_by_send_time', 'conversions1', 'conversions1_by_send_time'),
    })
    expect(point).toStrictEqual({
      time: '2026-11-19',
      messages: {
        ios_push: [
          variation('Variant 1', 'bea4256e-36c2-44c7-9885-bbac88043e5f'),
          variation('Variant 2', '2054fa81-6e7c-4c6a-87ac-5fed4b6ea010'),
          {
            variation_name: 'Control Group',
            variation_api_id: control,
            enrolled: expect.any(Number),
            revenue: expect.any(Number),
            unique_recipients: 0,
            ...figures('conversions', 'conversions_by_send_time', 'conversions1', 'conversions1_by_send_time'),
          },
        ],
        android_push: [variation('Variant 1', 'ff7d5ec0-9bc0-4e20-af25-29cad670a838')],
      },
      ...figures('conversions_by_send_time', 'conversions1_by_send_time', 'conversions', 'conversions1', 'unique_recipients', 'revenue'),
    })
    // 2026-11-19 is a Thursday, the weekday it goes out: every arm has something to show.
    const entries = Object.values(point!.messages).flat()
    const sent = sum(entries.filter(e => e.variation_api_id !== control).map(e => count(e, 'sent')))
    const enrolled = count(entries.find(e => e.variation_api_id === control)!, 'enrolled')
    expect(sent).toBeGreaterThan(0)
    // The control group holds out a tenth of those the send targeted.
    expect(Math.abs(enrolled - 0.1 * (enrolled + sent))).toBeLessThan(1)
  })

  it('answers the draft that never sent with zeros, an empty array for its SMS channel without a variation', async () => {
    const response = await get(app, `${PATH}?campaign_id=${CAMPAIGNS.holidayDraft}&length=2&ending_at=2026-11-24`)
    const email = '{"variation_api_id":"4302da54-759f-4b43-9f01-3c8240d90a1e","sent":0,"opens":0,"machine_open":0,"unique_opens":0,' +
      '"machine_amp_open":0,"clicks":0,"unique_clicks":0,"unsubscribes":0,"bounces":0,"delivered":0,"reported_spam":0}'
    const day = (time: string) => `{"time":"${time}","messages":{"email":[${email}],"sms":[]},"conversions_by_send_time":0,` +
      '"conversions":0,"unique_recipients":0,"revenue":0}'
    expect(response.status).toBe(200)
    expect(response.raw).toBe(`{"message":"success","data":[${day('2026-11-22')},${day('2026-11-23')}]}`)
  })

  it('keeps every channel\'s funnel (rule 14) and sums the arms into the day\'s totals, control group included (rule 15)', async () => {
    const breaks: string[] = []
    for (const id of Object.values(CAMPAIGNS)) {
      const n = (await details(app, id)).conversion_behaviors.length
      for (const point of await series(app, `campaign_id=${id}&length=30&ending_at=2026-11-24`)) {
        for (const [channel, entries] of Object.entries(point.messages)) for (const entry of entries) breaks.push(...funnelBreaks(channel, entry))
        const entries = Object.values(point.messages).flat()
        if (entries.some(e => 'sent' in e)) expect(count(point, 'unique_recipients'), `${id} ${point.time}`).toBeLessThanOrEqual(sentOf(point))
        const revenue = count(point, 'revenue')
        expect(Math.abs(revenue * 100 - cents(revenue)), `${id} ${point.time} revenue in cents`).toBeLessThan(1e-6)
        // Where every entry carries its own figures (push and in-app campaigns), they add up to the day's.
        if (!Object.keys(point.messages).every(channel => ENTRY_KEYS[channel]!(n).includes('revenue'))) continue
        const own = entries
        for (const name of behaviours(n).flatMap(b => [b, `${b}_by_send_time`]).concat('unique_recipients')) {
          expect(count(point, name), `${id} ${point.time} ${name}`).toBe(sum(own.map(e => count(e, name))))
        }
        expect(cents(count(point, 'revenue')), `${id} ${point.time} revenue`).toBe(sum(own.map(e => cents(count(e, 'revenue')))))
      }
    }
    expect(breaks).toEqual([])
  })

  it('counts a webhook\'s errors as sends but not as recipients', async () => {
    for (const point of await series(app, `campaign_id=${CAMPAIGNS.trialWebhook}&length=14&ending_at=2026-11-24`)) {
      const [entry] = point.messages.webhook!
      expect(count(point, 'unique_recipients')).toBe(count(entry!, 'sent') - count(entry!, 'errors'))
    }
  })

  it('reads a day the same in every window that holds it', async () => {
    for (const id of [CAMPAIGNS.welcomeEmail, CAMPAIGNS.workoutReminder, CAMPAIGNS.premiumInApp]) {
      const long = await series(app, `campaign_id=${id}&length=21&ending_at=2026-11-24`)
      for (const point of long) {
        const [alone] = await series(app, `campaign_id=${id}&length=1&ending_at=${dayAfter(point.time)}`)
        expect(alone, `${id} ${point.time}`).toStrictEqual(point)
      }
    }
  })

  it('reads 0 before first_sent, sends nothing after last_sent, and converts only within the window after (rule 15)', async () => {
    // Spring Challenge 2024 Launch went out once, on 2024-03-18, with a 7-day conversion window.
    const points = await series(app, `campaign_id=${CAMPAIGNS.springChallenge}&length=14&ending_at=2024-03-28`)
    expect(points.map(p => p.time)).toEqual(datesBefore('2024-03-28', 14))
    const byTime = new Map(points.map(p => [p.time, p]))
    for (const point of points.filter(p => p.time < '2024-03-18' || p.time > '2024-03-24')) {
      expect(numbersOf(point).every(value => value === 0), point.time).toBe(true)
    }
    const sendDay = byTime.get('2024-03-18')!
    expect(sentOf(sendDay)).toBeGreaterThan(0)
    expect(count(sendDay, 'unique_recipients')).toBe(sentOf(sendDay))
    const after = points.filter(p => p.time > '2024-03-18' && p.time <= '2024-03-24')
    expect(after.map(p => [sentOf(p), count(p, 'unique_recipients'), count(p, 'conversions_by_send_time')]))
      .toEqual(after.map(() => [0, 0, 0]))
    expect(after.every(p => count(p, 'conversions') > 0)).toBe(true)
    // Over its life, by send day and by conversion day count the same conversions.
    expect(sum(points.map(p => count(p, 'conversions')))).toBe(count(sendDay, 'conversions_by_send_time'))
  })

  it('reads the archived campaign as 0 on every day of 2026', async () => {
    const points = await series(app, `campaign_id=${CAMPAIGNS.springChallenge}&length=100&ending_at=2026-11-24`)
    expect(points).toHaveLength(100)
    expect(numbersOf(points).every(value => value === 0)).toBe(true)
  })

  it('reads 0 on the days before first_sent and from now on', async () => {
    const first = await series(app, `campaign_id=${CAMPAIGNS.welcomeEmail}&length=3&ending_at=2024-02-07`)
    expect(first.map(p => [p.time, sentOf(p) > 0])).toEqual([['2024-02-04', false], ['2024-02-05', false], ['2024-02-06', true]])
    expect(numbersOf(first.slice(0, 2)).every(value => value === 0)).toBe(true)
    const late = await series(app, `campaign_id=${CAMPAIGNS.welcomeEmail}&length=6&ending_at=2026-11-27`)
    expect(late.map(p => p.time)).toEqual(datesBefore('2026-11-27', 6))
    expect(late.slice(0, 3).every(p => sentOf(p) > 0)).toBe(true)
    expect(numbersOf(late.slice(3)).every(value => value === 0)).toBe(true)
  })

  it('sends on the days /campaigns/details names as first_sent and last_sent', async () => {
    const owners = [
      { key: lumen.keys.full, ids: Object.values(CAMPAIGNS) },
      { key: harbor.keys.full, ids: [HARBOR_CAMPAIGN, '218fdc13-5dcf-419d-b398-8b5231c8b788', '71f33313-d690-421c-b2b8-af9ace5c4299', '4053bcf1-de45-4397-bc7b-3b1669da8a2e'] },
    ]
    const silent: string[] = []
    for (const { key, ids } of owners) {
      for (const id of ids) {
        const d = await details(app, id, key)
        for (const instant of [d.first_sent, d.last_sent]) {
          // A send still to come (after the pinned now) has nothing to show yet.
          if (instant === null || Date.parse(instant) >= NOW) continue
          // ending_at is exclusive: a millisecond later, the window's one day is the one that holds the instant.
          const days = await series(app, `campaign_id=${id}&length=1&ending_at=${new Date(Date.parse(instant) + 1).toISOString()}`, key)
          if (!wentOut(days[0]!)) silent.push(`${id} sent nothing on ${days[0]!.time}, its ${instant === d.first_sent ? 'first' : 'last'}_sent ${instant}`)
        }
      }
    }
    expect(silent).toEqual([])
  })

  it('keeps each campaign\'s revenue within the workspace\'s (rule 15)', async () => {
    const workspace = (await get(app, '/purchases/revenue_series?length=30&ending_at=2026-11-24')).body.data as Array<{ revenue: number }>
    for (const id of Object.values(CAMPAIGNS)) {
      const points = await series(app, `campaign_id=${id}&length=30&ending_at=2026-11-24`)
      points.forEach((point, i) => expect(count(point, 'revenue'), `${id} ${point.time}`).toBeLessThanOrEqual(workspace[i]!.revenue))
    }
  })
})

describe('GET /campaigns/data_series: campaigns of no and of four conversion behaviours', () => {
  const NONE = 'c0000000-0000-4000-8000-000000000001'
  const FOUR = 'c0000000-0000-4000-8000-000000000002'
  let app: BrazeMockApp
  beforeAll(async () => {
    const set = builtInFixtureSet() as FixtureObject & { campaigns: Array<Record<string, unknown>> }
    const byId = (id: string) => set.campaigns.find(c => c.id === id)!
    const inApp = byId(CAMPAIGNS.premiumInApp)
    const email = byId(CAMPAIGNS.welcomeEmail)
    const renamed = (campaign: Record<string, unknown>, id: string, variationId: string) => ({
      ...campaign,
      id,
      name: `${String(campaign.name)} (test copy)`,
      variations: (campaign.variations as Array<Record<string, unknown>>).map(v => ({ ...v, id: variationId })),
    })
    set.campaigns.push(
      { ...renamed(inApp, NONE, 'c0000000-0000-4000-8000-0000000000a1'), conversion_behaviors: [] },
      {
        ...renamed(email, FOUR, 'c0000000-0000-4000-8000-0000000000a2'),
        conversion_behaviors: [
          { type: 'Opens Email', window: 259_200 },
          { type: 'Clicks Email', window: 259_200 },
          { type: 'Makes Any Purchase', window: 604_800 },
          { type: 'Starts Session', window: 86_400, app_ids: null },
        ],
      })
    app = await testApp({ fixtures: set })
  })
  afterAll(() => app.close())

  it('writes no conversions key at all for a campaign without behaviours, its entries keeping revenue and recipients', async () => {
    const points = await series(app, `campaign_id=${NONE}&length=3&ending_at=2026-11-24`)
    expectRecordedShape(await details(app, NONE), points)
    expect(Object.keys(points[0]!)).toEqual(['time', 'messages', 'unique_recipients', 'revenue'])
    expect(Object.keys(points[0]!.messages.in_app_message![0]!)).toEqual(['variation_name', 'variation_api_id', 'impressions', 'clicks',
      'first_button_clicks', 'second_button_clicks', 'revenue', 'unique_recipients'])
    expect(points.some(p => count(p, 'revenue') > 0)).toBe(true)
  })

  it('writes conversions to conversions3 for four behaviours, in the recorded order', async () => {
    const points = await series(app, `campaign_id=${FOUR}&length=3&ending_at=2026-11-24`)
    expectRecordedShape(await details(app, FOUR), points)
    expect(Object.keys(points[0]!)).toEqual(['time', 'messages', 'conversions_by_send_time', 'conversions1_by_send_time',
      'conversions2_by_send_time', 'conversions3_by_send_time', 'conversions', 'conversions1', 'conversions2', 'conversions3',
      'unique_recipients', 'revenue'])
    // Opens and clicks of the email are its own conversions A and B, counted on the day it went out.
    for (const point of points) {
      const [entry] = point.messages.email!
      expect([count(point, 'conversions'), count(point, 'conversions1')]).toEqual([count(entry!, 'unique_opens'), count(entry!, 'unique_clicks')])
    }
  })
})

describe('GET /campaigns/data_series: its own pool and its permission', () => {
  const limits = (response: { headers: Record<string, unknown> }) => ({
    limit: response.headers['x-ratelimit-limit'],
    remaining: response.headers['x-ratelimit-remaining'],
    reset: response.headers['x-ratelimit-reset'],
  })
  const url = `${PATH}?campaign_id=${CAMPAIGNS.welcomeEmail}&length=3&ending_at=2026-11-20`

  it('counts against campaign-analytics, 50,000 a minute, resetting at the next whole minute; /campaigns/list does not', async () => {
    const app = await testApp()
    try {
      const nextMinute = String(NOW / 1000 + 60)
      expect(limits(await get(app, url))).toEqual({ limit: '50000', remaining: '49999', reset: nextMinute })
      const bad = await get(app, `${PATH}?campaign_id=nope&length=3`)
      expect([bad.status, limits(bad)]).toEqual([400, { limit: '50000', remaining: '49998', reset: nextMinute }])
      expect(limits(await get(app, '/campaigns/list'))).toEqual({ limit: '250000', remaining: '249999', reset: String(NOW / 1000 + 3600) })
      expect(limits(await get(app, url)).remaining).toBe('49997')
    } finally {
      await app.close()
    }
  })

  it('answers 429 once a campaign-analytics limit of 2 is spent, while /campaigns/list still answers', async () => {
    const set = builtInFixtureSet()
    const fixtures = {
      ...set,
      workspaces: set.workspaces.map(w => w.id === lumen.workspaceId ? { ...w, rate_limits: { 'campaign-analytics': 2 } } : w),
    }
    const app = await testApp({ fixtures })
    try {
      expect((await get(app, url)).status).toBe(200)
      expect((await get(app, url)).status).toBe(200)
      const third = await get(app, url)
      expect([third.status, third.body, third.headers['retry-after']]).toEqual([429, { message: 'Rate limit exceeded' }, '60'])
      expect(limits(third)).toEqual({ limit: '2', remaining: '0', reset: String(NOW / 1000 + 60) })
      expect((await get(app, '/campaigns/list')).status).toBe(200)
      app.emulator.clock.advance(60_000)
      expect((await get(app, url)).status).toBe(200)
    } finally {
      await app.close()
    }
  })

  it('answers 403 to a key without campaigns.data_series, which still reads the campaign\'s details', async () => {
    const row = ENDPOINT_TABLE.find(r => r.path === PATH)!
    expect([row.permission, row.pool]).toEqual(['campaigns.data_series', 'campaign-analytics'])
    const app = await testApp({ fixtures: fixturesFor(ENDPOINT_TABLE) })
    try {
      const denied = await get(app, url, row.lacking)
      expect([denied.status, denied.body]).toStrictEqual([403, { message: 'Access Denied: this API key lacks the campaigns.data_series permission' }])
      expect((await get(app, `/campaigns/details?campaign_id=${CAMPAIGNS.welcomeEmail}`, row.lacking)).status).toBe(200)
    } finally {
      await app.close()
    }
  })
})

describe('GET /campaigns/data_series: overrides of a campaign\'s sends', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(() => app.close())
  const query = `campaign_id=${CAMPAIGNS.workoutReminder}&length=4&ending_at=2026-11-21`

  it('sets a day\'s sends over the variations, the control group held out beside them, through POST /_mock/overrides', async () => {
    await app.inject({ method: 'DELETE', url: '/_mock/overrides' })
    const before = await series(app, query)
    // 2026-11-18 is a Wednesday, when the weekly campaign sends nothing; 2026-11-19 a Thursday, when it does.
    expect(before.map(sentOf).map(value => value > 0)).toEqual([false, false, true, false])
    const response = await app.inject({
      method: 'POST',
      url: '/_mock/overrides',
      payload: { campaign_id: CAMPAIGNS.workoutReminder, values: { '2026-11-18': 1000, '2026-11-19': 1000 } },
    })
    expect(response.statusCode, response.body).toBe(201)
    expect((response.json() as { overrides: Array<{ metric: string, entity: string }> }).overrides.map(o => [o.entity, o.metric]))
      .toEqual([['campaign', 'sends'], ['campaign', 'sends']])
    const after = await series(app, query)
    expect(after.map(sentOf)).toEqual([sentOf(before[0]!), 1000, 1000, sentOf(before[3]!)])
    expect([after[0], after[3]]).toStrictEqual([before[0], before[3]])
    for (const point of after.slice(1, 3)) {
      expect(count(point, 'unique_recipients')).toBe(1000)
      const enrolled = count(point.messages.ios_push!.at(-1)!, 'enrolled')
      expect(Math.abs(enrolled - 0.1 * (enrolled + 1000))).toBeLessThan(1)
    }
    await app.inject({ method: 'DELETE', url: '/_mock/overrides' })
    expect(await series(app, query)).toStrictEqual(before)
  })

  it('refuses a day before the campaign was created', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/_mock/overrides',
      payload: { campaign_id: CAMPAIGNS.workoutReminder, values: { '2024-09-09': 5 } },
    })
    expect(response.statusCode).toBe(400)
    expect((response.json() as { message: string }).message).toBe('values: 2024-09-09 is before campaign "1221b5a2-2155-441c-aff7-c0fcbbe8f88d" ' +
      'existed (created 2024-09-10T08:45:00.000Z); its series reads 0 there whatever is set')
    expect((await app.inject({ url: '/_mock/overrides' })).json()).toEqual({ overrides: [] })
  })

  it('sets a day\'s sends through the in-process API too, read over a socket', async () => {
    const braze = await startEmulator({ now: NOW })
    try {
      const { overrides } = braze.overrides.set({ campaign_id: CAMPAIGNS.welcomeEmail, values: { '2026-11-19': 1000 } })
      expect(overrides.map(o => [o.entity, o.metric, o.time, o.value])).toEqual([['campaign', 'sends', '2026-11-19', 1000]])
      const response = await fetch(`${braze.url}${PATH}?campaign_id=${CAMPAIGNS.welcomeEmail}&length=2&ending_at=2026-11-21`, {
        headers: { authorization: `Bearer ${lumen.keys.full}` },
      })
      const points = (await response.json() as { data: Point[] }).data
      expect(points.map(p => [p.time, sentOf(p)])).toEqual([['2026-11-19', 1000], ['2026-11-20', sentOf(points[1]!)]])
      expect(sentOf(points[1]!)).toBeGreaterThan(1000)
    } finally {
      await braze.close()
    }
  })
})

describe('GET /campaigns/data_series: a control group with no variation to hold out from', () => {
  it('answers 200, the control group in the first channel, in the series as in the details', async () => {
    const set = builtInFixtureSet() as FixtureObject & { campaigns: Array<Record<string, unknown>> }
    const id = '0f1e2d3c-4b5a-4697-8877-665544332211'
    const control = '1f1e2d3c-4b5a-4697-8877-665544332211'
    const app = await testApp({
      fixtures: {
        ...set,
        campaigns: [...set.campaigns, {
          id,
          workspace_id: lumen.workspaceId,
          name: 'Held Out Only',
          created_at: '2026-01-01T00:00:00Z',
          channels: ['sms'],
          control: { id: control, share: 0.1 },
          first_sent: '2026-01-02T00:00:00Z',
          last_sent: '2026-11-20T00:00:00Z',
        }],
      },
    })
    try {
      const series = await get(app, `${PATH}?campaign_id=${id}&length=2&ending_at=2026-11-20`)
      expect(series.status).toBe(200)
      expect(series.body.data[0].messages.sms.map((entry: { variation_api_id: string }) => entry.variation_api_id)).toStrictEqual([control])
      const details = await get(app, `/campaigns/details?campaign_id=${id}`)
      expect(details.body.messages[control]).toStrictEqual({ channel: 'sms', type: 'control' })
    } finally {
      await app.close()
    }
  })
})
