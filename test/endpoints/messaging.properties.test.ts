// The campaign, send and Canvas rules of BRAZE-EXPORT.md section 7 (13 to 18) as properties of the served answers,
// through the real app, over random seeds, clocks and windows (ending_at as a date or an instant, lengths 1-100 or
// 1-14, ending around first_sent/last_sent, first_entry/last_entry, now, or anywhere 2023-2027), for every campaign,
// variation, send and Canvas of Lumen and Harbor; plus determinism and window invariance. The built-in campaigns
// have at most two conversion behaviours and only two live inside one 100-day window, so two short-lived
// campaigns are added inline (four and three behaviours, a control group, every channel); the built-in ones are
// unchanged. numRuns stays small: a fresh seed costs its simulation once, about 0.2 s.
//
// Readings where the rules leave room (section 0 and the model headers in src/world/series):
//   - rule 13's "0 after last_sent" holds for what is counted on the day a message goes out (funnels, recipients,
//     enrolments, *_by_send_time); conversions and revenue are counted on the day they happen, so they go on for
//     the longest conversion window after last_sent, which rule 15's lifetime equality needs;
//   - in-app entries have no `sent`: their `unique_recipients` stand for it in rule 15;
//   - rule 16's Σ over sends is an equality, unique recipients included (each send's push entry counts its sends).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_FIXTURES, type BrazeMockApp } from '../../src/app.js'
import { FIXTURE_FILES } from '../../src/world/fixture-schema.js'
import { BUILT_IN, get, NOW, testApp } from '../helpers.js'

const DAY_MS = 86_400_000
const enc = encodeURIComponent

interface Space { readonly name: string, readonly id: string, readonly key: string, readonly zone: string }
const SPACES: readonly Space[] = [
  { name: 'lumen', id: BUILT_IN.lumen.workspaceId, key: BUILT_IN.lumen.keys.full, zone: 'UTC' },
  { name: 'harbor', id: BUILT_IN.harbor.workspaceId, key: BUILT_IN.harbor.keys.full, zone: 'America/New_York' },
]

interface CampaignFile { id: string, workspace_id: string, is_api_campaign?: boolean, send_ids?: string[] }
interface CanvasFile { id: string, workspace_id: string }

const SHORT_LIVED = [
  {
    id: '7d0c1a52-5b1e-4c2f-9a61-3e8f0b6d2c01',
    workspace_id: BUILT_IN.lumen.workspaceId,
    name: 'Flash Sale Push',
    created_at: '2025-04-20T10:00:00Z',
    schedule_type: 'action_based',
    channels: ['ios_push', 'android_push', 'in_app_message'],
    variations: [
      { id: '7d0c1a52-5b1e-4c2f-9a61-3e8f0b6d2c11', name: 'iOS', channel: 'ios_push' },
      { id: '7d0c1a52-5b1e-4c2f-9a61-3e8f0b6d2c12', name: 'Android', channel: 'android_push' },
      { id: '7d0c1a52-5b1e-4c2f-9a61-3e8f0b6d2c13', name: 'Banner', channel: 'in_app_message' },
    ],
    control: { id: '7d0c1a52-5b1e-4c2f-9a61-3e8f0b6d2c19', share: 0.2 },
    conversion_behaviors: [
      { type: 'Makes Any Purchase', window: 3 * 86_400 },
      { type: 'Performs Custom Event', window: 7 * 86_400, custom_event_name: 'Class Booked' },
      { type: 'Starts Session', window: 3_600, app_ids: null },
      { type: 'Makes Specific Purchase', window: 14 * 86_400, product: 'Premium Annual' },
    ],
    first_sent: '2025-05-01T09:00:00Z',
    last_sent: '2025-06-15T18:00:00Z',
  },
  {
    // Over New York's 2025 DST start, with a channel that has no variation.
    id: '7d0c1a52-5b1e-4c2f-9a61-3e8f0b6d2c02',
    workspace_id: BUILT_IN.harbor.workspaceId,
    name: 'Spring Digest',
    created_at: '2025-02-20T15:00:00Z',
    schedule_type: 'action_based',
    channels: ['email', 'sms', 'webhook', 'content_cards', 'web_push'],
    variations: [
      { id: '7d0c1a52-5b1e-4c2f-9a61-3e8f0b6d2c21', name: 'Digest', channel: 'email' },
      { id: '7d0c1a52-5b1e-4c2f-9a61-3e8f0b6d2c22', name: 'Text', channel: 'sms' },
      { id: '7d0c1a52-5b1e-4c2f-9a61-3e8f0b6d2c23', name: 'CRM', channel: 'webhook' },
      { id: '7d0c1a52-5b1e-4c2f-9a61-3e8f0b6d2c24', name: 'Card', channel: 'content_cards' },
    ],
    conversion_behaviors: [
      { type: 'Clicks Email', window: 2 * 86_400 },
      { type: 'Opens Email', window: 86_400 },
      { type: 'Upgrades App', window: 5 * 86_400, app_ids: null },
    ],
    first_sent: '2025-03-03T14:00:00Z',
    last_sent: '2025-04-20T14:00:00Z',
  },
]

const BUILT_IN_SET = Object.fromEntries(Object.entries(FIXTURE_FILES).flatMap(([part, file]) => {
  const path = join(BUILT_IN_FIXTURES, file)
  return existsSync(path) ? [[part, JSON.parse(readFileSync(path, 'utf8')) as unknown]] : []
})) as { campaigns: CampaignFile[], canvases: CanvasFile[] }
const FIXTURES = { ...BUILT_IN_SET, campaigns: [...BUILT_IN_SET.campaigns, ...SHORT_LIVED] }
const CAMPAIGNS = FIXTURES.campaigns as CampaignFile[]
const API_CAMPAIGNS = CAMPAIGNS.filter(c => c.is_api_campaign === true)

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
const localDate = (ms: number, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)
const cents = (x: number) => Math.round(x * 100)
const sum = (xs: readonly number[]) => xs.reduce((t, v) => t + v, 0)
const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i])
/** A behaviour's window in whole days, at least 1 (a conversion on the day of receipt counts). */
const windowDays = (seconds: number) => Math.max(1, Math.ceil(seconds / 86_400))

async function withApp<T> (options: { seed: number, now?: number }, run: (app: BrazeMockApp) => Promise<T>): Promise<T> {
  const app = await testApp({ seed: options.seed, now: options.now ?? NOW, fixtures: structuredClone(FIXTURES) })
  try {
    return await run(app)
  } finally {
    await app.close()
  }
}

async function ok (app: BrazeMockApp, space: Space, url: string) {
  const response = await get(app, url, space.key)
  expect(response.status, `${url}: ${response.raw}`).toBe(200)
  return response.body
}

/** Every item of a list endpoint, archived included, paging from 0 to the first empty page. */
async function listAll (app: BrazeMockApp, space: Space, path: string, field: string): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = []
  for (let page = 0; ; page++) {
    const body = await ok(app, space, `${path}?include_archived=true&page=${page}`)
    const found = body[field] as Array<Record<string, unknown>>
    if (found.length === 0) return items
    items.push(...found)
  }
}

// ---- Windows ----

interface WindowSpec { anchor: 'first' | 'last' | 'now' | 'any', offset: number, length: number, day: number, hour: number | undefined }
const ANY_FROM = '2023-01-01'
const windowArb = (maxLength: number) => fc.record({
  anchor: fc.constantFrom<WindowSpec['anchor']>('first', 'last', 'now', 'any'),
  offset: fc.nat({ max: 200 }),
  length: fc.integer({ min: 1, max: maxLength }),
  day: fc.nat({ max: 1825 }),
  hour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined }),
})
const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 })

interface Window { endingAt: string, length: number, days: string[] }

/**
 * The window a spec names for one entity: ending from 3 days before to 3 days after the anchor's window (so the
 * anchor falls inside it most often), as a date or an instant at hh:17Z; `days` the local dates it covers.
 */
function windowOf (spec: WindowSpec, anchors: { first?: string | undefined, last?: string | undefined }, today: string, zone: string): Window {
  const base = spec.anchor === 'first' ? anchors.first : spec.anchor === 'last' ? anchors.last : spec.anchor === 'now' ? today : undefined
  const end = addDays(base ?? addDays(ANY_FROM, spec.day), -3 + spec.offset % (spec.length + 7))
  const endingAt = spec.hour === undefined ? end : `${end}T${String(spec.hour).padStart(2, '0')}:17:00Z`
  const lastDay = spec.hour === undefined ? addDays(end, -1) : localDate(Date.parse(endingAt) - 1, zone)
  return { endingAt, length: spec.length, days: Array.from({ length: spec.length }, (_, i) => addDays(lastDay, i - spec.length + 1)) }
}

const dayOf = (instant: string | null, zone: string) => instant === null ? undefined : localDate(Date.parse(instant), zone)

// ---- Channels (section 3.6, section 5, README) ----

type Entry = Record<string, number | string>
const PUSH = ['sent', 'direct_opens', 'total_opens', 'bounces', 'body_clicks']
const FUNNEL: Record<string, readonly string[]> = {
  email: ['sent', 'opens', 'machine_open', 'unique_opens', 'machine_amp_open', 'clicks', 'unique_clicks', 'unsubscribes', 'bounces', 'delivered', 'reported_spam'],
  ios_push: PUSH,
  android_push: PUSH,
  web_push: PUSH,
  sms: ['sent', 'sent_to_carrier', 'delivered', 'rejected', 'delivery_failed', 'clicks', 'opt_out', 'help'],
  webhook: ['sent', 'errors'],
  content_cards: ['sent', 'total_clicks', 'total_dismissals', 'total_impressions', 'unique_clicks', 'unique_dismissals', 'unique_impressions'],
  in_app_message: ['impressions', 'clicks', 'first_button_clicks', 'second_button_clicks'],
}
/** /sends/data_series's push entry ([D19]); other channels read as in campaigns. */
const SEND_PUSH = ['sent', 'delivered', 'undelivered', 'delivery_failed', 'direct_opens', 'total_opens', 'bounces', 'body_clicks']
/** A Canvas step's push message: `opens` direct, `influenced_opens` direct and influenced together ([L4]). */
const CANVAS_PUSH = ['sent', 'opens', 'influenced_opens', 'bounces', 'body_clicks']
const isPush = (channel: string) => channel === 'ios_push' || channel === 'android_push' || channel === 'web_push'
/** Channels whose entries carry their variation's own revenue, recipients and conversions (section 5). */
const carries = (channel: string) => isPush(channel) || channel === 'in_app_message'

const num = (o: Record<string, unknown>, key: string) => (o[key] as number | undefined) ?? Number.NaN

/** What rule 14 (and funnels.ts's in-app reading) says of one entry: the broken rules, if any. */
function rule14 (channel: string, e: Entry): string[] {
  const v = (key: string) => num(e, key)
  const rules: Array<[boolean, string]> = []
  switch (channel) {
    case 'email':
      rules.push([v('unique_opens') <= v('opens'), 'unique_opens <= opens'], [v('unique_clicks') <= v('clicks'), 'unique_clicks <= clicks'],
        [v('delivered') === v('sent') - v('bounces'), 'delivered = sent - bounces'], [v('machine_open') <= v('opens'), 'machine_open <= opens'])
      break
    case 'ios_push': case 'android_push': case 'web_push':
      if ('total_opens' in e) rules.push([v('total_opens') >= v('direct_opens'), 'total_opens >= direct_opens'])
      if ('influenced_opens' in e) rules.push([v('influenced_opens') >= v('opens'), 'influenced_opens >= opens'])
      rules.push([v('bounces') <= v('sent'), 'bounces <= sent'])
      break
    case 'sms':
      rules.push([v('delivery_failed') === v('sent') - v('sent_to_carrier'), 'delivery_failed = sent - sent_to_carrier'],
        [v('delivered') <= v('sent_to_carrier') && v('sent_to_carrier') <= v('sent'), 'delivered <= sent_to_carrier <= sent'],
        [v('rejected') <= v('sent_to_carrier'), 'rejected <= sent_to_carrier'])
      break
    case 'webhook':
      rules.push([v('errors') <= v('sent'), 'errors <= sent'])
      break
    case 'content_cards':
      for (const what of ['impressions', 'clicks', 'dismissals']) rules.push([v(`unique_${what}`) <= v(`total_${what}`), `unique_${what} <= total_${what}`])
      break
    case 'in_app_message':
      rules.push([v('first_button_clicks') + v('second_button_clicks') <= v('clicks'), 'button clicks <= clicks'])
      break
  }
  for (const [key, value] of Object.entries(e)) {
    if (typeof value !== 'number') continue
    const whole = key === 'revenue' ? Math.abs(value * 100 - cents(value)) < 1e-6 : Number.isInteger(value)
    if (!whole || value < 0) rules.push([false, `${key}=${value} is not a non-negative ${key === 'revenue' ? 'amount in cents' : 'integer'}`])
  }
  return rules.filter(([holds]) => !holds).map(([, rule]) => rule)
}

const conversionNames = (behaviours: number) => ['conversions', 'conversions1', 'conversions2', 'conversions3'].slice(0, behaviours)
/** conversions, conversions_by_send_time, conversions1, ... as section 5 orders them in an entry. */
const countedKeys = (behaviours: number) => conversionNames(behaviours).flatMap(k => [k, `${k}_by_send_time`])

// ---- Campaigns ----

interface CampaignDetails {
  name: string
  channels: string[]
  first_sent: string | null
  last_sent: string | null
  messages: Record<string, { channel: string, type?: string }>
  conversion_behaviors: Array<{ type: string, window: number }>
}
interface Point { time: string, messages: Record<string, Entry[]>, [key: string]: unknown }

/** A collector, so that one failing run lists every counterexample it holds (the first 25). */
class Problems {
  readonly list: string[] = []
  that (holds: boolean, what: string): void { if (!holds) this.list.push(what) }
  check (): void { expect(this.list.slice(0, 25), `${this.list.length} problems`).toStrictEqual([]) }
}

const entriesOf = (point: Point) => Object.entries(point.messages).flatMap(([channel, list]) => list.map(entry => ({ channel, entry })))
const isControl = (entry: Entry) => 'enrolled' in entry
/** Fields counted on the day a message goes out: what rule 13 keeps at 0 after last_sent. */
const sendDayKeys = (key: string) => key !== 'revenue' && !/^conversions\d?$/.test(key)

/** Rules 13, 14 and 15 (per day) on one campaign's window; `revenue` is /purchases/revenue_series in cents. */
function campaignRules (p: Problems, details: CampaignDetails, data: Point[], window: Window, revenue: number[], zone: string, today: string): void {
  const behaviours = details.conversion_behaviors.length
  const names = conversionNames(behaviours)
  const own = ['revenue', 'unique_recipients', ...countedKeys(behaviours)]
  const topKeys = ['time', 'messages', ...names.map(k => `${k}_by_send_time`), ...names, 'unique_recipients', 'revenue']
  const controlId = Object.keys(details.messages).find(id => details.messages[id]!.type === 'control')
  const variations = Object.keys(details.messages).filter(id => id !== controlId).sort()
  const first = dayOf(details.first_sent, zone)
  const last = dayOf(details.last_sent, zone)
  // Conversions and revenue land up to the longest window after the last receipt (3 days when there is no behaviour).
  const tail = Math.max(...(behaviours === 0 ? [3] : details.conversion_behaviors.map(b => windowDays(b.window))))
  const allCarry = details.channels.every(carries)
  p.that(same(data.map(x => x.time), window.days), `${details.name} ${window.endingAt}/${window.length}: days ${data.map(x => x.time).join(',')}`)

  data.forEach((point, i) => {
    const at = `${details.name} ${point.time} (${window.endingAt}/${window.length})`
    const top = point as Record<string, unknown>
    p.that(same(Object.keys(point), topKeys), `${at}: keys ${Object.keys(point).join(',')}`)
    p.that(same(Object.keys(point.messages), details.channels), `${at}: channels ${Object.keys(point.messages).join(',')} vs ${details.channels.join(',')}`)
    const entries = entriesOf(point)
    const ids = entries.filter(x => !isControl(x.entry)).map(x => x.entry.variation_api_id as string).sort()
    p.that(same(ids, variations), `${at}: variation ids ${ids.join(',')} vs details ${variations.join(',')}`)
    const controls = entries.filter(x => isControl(x.entry)).map(x => x.entry.variation_api_id)
    p.that(same(controls, controlId === undefined ? [] : [controlId]), `${at}: control ${controls.join(',')} vs ${controlId}`)

    for (const { channel, entry } of entries) {
      const id = entry.variation_api_id as string
      p.that(details.messages[id]?.channel === channel, `${at}: ${id} under ${channel}, details say ${details.messages[id]?.channel}`)
      const keys = isControl(entry)
        ? ['variation_name', 'variation_api_id', 'enrolled', ...own]
        : [...(carries(channel) ? ['variation_name'] : []), 'variation_api_id', ...FUNNEL[channel]!, ...(carries(channel) ? own : [])]
      p.that(same(Object.keys(entry), keys), `${at} ${id}: keys ${Object.keys(entry).join(',')}`)
      for (const broken of rule14(isControl(entry) ? 'control' : channel, entry)) p.that(false, `${at} ${channel} ${id}: ${broken}`)
    }

    // Rule 15: recipients are the sends less webhook errors (in-app: those it reached); the control group receives nothing.
    const variationEntries = entries.filter(x => !isControl(x.entry))
    const recipients = sum(variationEntries.map(({ channel, entry: e }) =>
      channel === 'webhook' ? num(e, 'sent') - num(e, 'errors') : channel === 'in_app_message' ? num(e, 'unique_recipients') : num(e, 'sent')))
    const sent = sum(variationEntries.map(({ channel, entry: e }) => channel === 'in_app_message' ? num(e, 'unique_recipients') : num(e, 'sent')))
    p.that(num(top, 'unique_recipients') === recipients, `${at}: unique_recipients ${top.unique_recipients} vs sent less errors ${recipients}`)
    p.that(num(top, 'unique_recipients') <= sent, `${at}: unique_recipients ${top.unique_recipients} > sent ${sent}`)
    const carriers = entries.filter(x => 'revenue' in x.entry).map(x => x.entry)
    for (const key of countedKeys(behaviours)) {
      const parts = sum(carriers.map(e => num(e, key)))
      p.that(allCarry ? num(top, key) === parts : num(top, key) >= parts, `${at}: ${key} ${top[key]} vs entries ${parts}`)
    }
    const revenueParts = sum(carriers.map(e => cents(num(e, 'revenue'))))
    const ownCents = cents(num(top, 'revenue'))
    p.that(allCarry ? ownCents === revenueParts : ownCents >= revenueParts, `${at}: revenue ${ownCents} cents vs entries ${revenueParts}`)
    p.that(ownCents <= revenue[i]!, `${at}: revenue ${ownCents} cents > the workspace's ${revenue[i]}`)
    p.that(Math.abs(num(top, 'revenue') * 100 - ownCents) < 1e-6, `${at}: revenue ${top.revenue} not in cents`)

    // Rule 13: quiet before first_sent and from now on; after last_sent, only late conversions and revenue.
    const silent = first === undefined || point.time < first || point.time > today || point.time > addDays(last ?? first, tail - 1)
    const sendsOver = silent || last === undefined || point.time > last
    if (!sendsOver) return
    const loud = (o: Record<string, unknown>) => Object.entries(o).filter(([k, v]) => typeof v === 'number' && v !== 0 && (silent || sendDayKeys(k)))
    const noisy = [...loud(top), ...entries.flatMap(({ entry }) => loud(entry))]
    p.that(noisy.length === 0, `${at}: ${silent ? 'outside its days' : 'after last_sent'} reads ${noisy.map(([k, v]) => `${k}=${String(v)}`).join(',')}`)
  })
}

describe('campaigns (section 7 rules 13 to 15)', () => {
  it('every listed campaign joins its details, keeps its funnels, adds up recipients, conversions and revenue, and is quiet outside its days', async () => {
    await fc.assert(fc.asyncProperty(seedArb, windowArb(100), async (seed, spec) => {
      await withApp({ seed }, async (app) => {
        const p = new Problems()
        for (const space of SPACES) {
          const today = localDate(NOW, space.zone)
          const listed = await listAll(app, space, '/campaigns/list', 'campaigns')
          expect(listed.map(c => c.id).sort()).toStrictEqual(CAMPAIGNS.filter(c => c.workspace_id === space.id).map(c => c.id).sort())
          for (const { id } of listed) {
            const details = await ok(app, space, `/campaigns/details?campaign_id=${String(id)}`) as CampaignDetails
            const window = windowOf(spec, { first: dayOf(details.first_sent, space.zone), last: dayOf(details.last_sent, space.zone) }, today, space.zone)
            const query = `length=${window.length}&ending_at=${enc(window.endingAt)}`
            const series = await ok(app, space, `/campaigns/data_series?campaign_id=${String(id)}&${query}`)
            const revenue = (await ok(app, space, `/purchases/revenue_series?${query}`)).data as Array<{ revenue: number }>
            campaignRules(p, details, series.data as Point[], window, revenue.map(x => cents(x.revenue)), space.zone, today)
          }
        }
        p.check()
      })
    }), { numRuns: 8 })
  }, 120_000)

  it('rule 15: over a whole life, conversions counted by send day and by conversion day are the same, in total and per entry', async () => {
    await fc.assert(fc.asyncProperty(seedArb, async (seed) => {
      await withApp({ seed }, async (app) => {
        const p = new Problems()
        const lived: string[] = []
        for (const space of SPACES) {
          for (const { id } of await listAll(app, space, '/campaigns/list', 'campaigns')) {
            const details = await ok(app, space, `/campaigns/details?campaign_id=${String(id)}`) as CampaignDetails
            const first = dayOf(details.first_sent, space.zone)
            const last = dayOf(details.last_sent, space.zone)
            if (first === undefined || last === undefined) continue
            // From 3 quiet days before the first send to 31 days after the last (windows are at most 30 days).
            const from = addDays(first, -3)
            const length = (Date.parse(last) - Date.parse(from)) / DAY_MS + 32
            if (length > 100) continue
            lived.push(details.name)
            const data = (await ok(app, space, `/campaigns/data_series?campaign_id=${String(id)}&length=${length}&ending_at=${addDays(last, 32)}`)).data as Point[]
            expect(data[0]!.time).toBe(from)
            p.that(sum(data.map(x => x.unique_recipients as number)) > 0, `${details.name}: nobody reached in its life`)
            p.that(data.slice(0, 3).every(x => x.unique_recipients === 0 && x.revenue === 0), `${details.name}: figures before ${first}`)
            for (const name of conversionNames(details.conversion_behaviors.length)) {
              const total = (key: string) => sum(data.map(x => num(x as Record<string, unknown>, key)))
              p.that(total(name) === total(`${name}_by_send_time`), `${details.name}: ${name} ${total(name)} vs by send time ${total(`${name}_by_send_time`)}`)
              const carriers = [...new Set(data.flatMap(x => entriesOf(x).filter(e => 'revenue' in e.entry).map(e => e.entry.variation_api_id as string)))]
              for (const variation of carriers) {
                const entry = (key: string) => sum(data.flatMap(x => entriesOf(x).filter(e => e.entry.variation_api_id === variation).map(e => num(e.entry, key))))
                p.that(entry(name) === entry(`${name}_by_send_time`), `${details.name} ${variation}: ${name} ${entry(name)} vs by send time ${entry(`${name}_by_send_time`)}`)
              }
            }
          }
        }
        expect(lived.sort()).toStrictEqual(['Flash Sale Push', 'Paper Statement Sunset', 'Spring Challenge 2024 Launch', 'Spring Digest'])
        p.check()
      })
    }), { numRuns: 4 })
  }, 120_000)
})

describe('sends (section 7 rule 16)', () => {
  const SEND_MESSAGE = { message: 'send_id must be a string of the Send api identifier' }

  it('an API campaign\'s sends add up to it on each day of the last 14 and read 0 before; other campaigns have no sends', async () => {
    const nowArb = fc.record({ days: fc.nat({ max: 20 }), ms: fc.nat({ max: DAY_MS - 1 }) }).map(x => NOW - x.days * DAY_MS - x.ms)
    await fc.assert(fc.asyncProperty(seedArb, nowArb, fc.integer({ min: -3, max: 4 }), fc.integer({ min: 1, max: 40 }), async (seed, now, offset, length) => {
      await withApp({ seed, now }, async (app) => {
        const p = new Problems()
        for (const space of SPACES) {
          const today = localDate(now, space.zone)
          // A day is kept while its end is less than 14 days before now: from the day holding now - 14 days on.
          const kept = localDate(now - 14 * DAY_MS, space.zone)
          const query = `length=${length}&ending_at=${addDays(today, offset)}`
          for (const listed of await listAll(app, space, '/campaigns/list', 'campaigns')) {
            const id = listed.id as string
            const sendIds = CAMPAIGNS.find(c => c.id === id)!.send_ids ?? []
            const foreign = API_CAMPAIGNS.flatMap(c => c.id === id ? [] : c.send_ids!)
            for (const sendId of foreign.slice(0, 2)) {
              const response = await get(app, `/sends/data_series?campaign_id=${id}&send_id=${sendId}&${query}`, space.key)
              p.that(response.status === 400 && same(Object.entries(response.body as object).flat(), Object.entries(SEND_MESSAGE).flat()),
                `${listed.name as string}: send ${sendId} of another campaign answered ${response.status} ${response.raw}`)
            }
            p.that((listed.is_api_campaign === true) === (sendIds.length > 0), `${listed.name as string}: is_api_campaign ${String(listed.is_api_campaign)} with ${sendIds.length} sends`)
            if (sendIds.length === 0) continue
            const details = await ok(app, space, `/campaigns/details?campaign_id=${id}`) as CampaignDetails
            const keys = countedKeys(details.conversion_behaviors.length)
            const campaign = (await ok(app, space, `/campaigns/data_series?campaign_id=${id}&${query}`)).data as Point[]
            const sends = await Promise.all(sendIds.map(async sendId => (await ok(app, space, `/sends/data_series?campaign_id=${id}&send_id=${sendId}&${query}`)).data as Point[]))
            campaign.forEach((point, i) => {
              const at = `${details.name} ${point.time} (now ${new Date(now).toISOString()})`
              const days = sends.map(s => s[i]!)
              p.that(days.every(d => d.time === point.time && same(Object.keys(d), Object.keys(point))), `${at}: days or keys differ from the campaign's`)
              for (const d of days) {
                for (const { channel, entry } of entriesOf(d)) {
                  const fields = isPush(channel) ? SEND_PUSH : FUNNEL[channel]!
                  const expected = [...(carries(channel) ? ['variation_name'] : []), 'variation_api_id', ...fields, ...(carries(channel) ? ['revenue', 'unique_recipients', ...keys] : [])]
                  p.that(same(Object.keys(entry), expected), `${at}: send entry keys ${Object.keys(entry).join(',')}`)
                  for (const broken of rule14(channel, entry)) p.that(false, `${at} send ${channel}: ${broken}`)
                }
              }
              if (point.time < kept) {
                const loud = days.flatMap(d => [...Object.entries(d), ...entriesOf(d).flatMap(e => Object.entries(e.entry))]).filter(([, v]) => typeof v === 'number' && v !== 0)
                p.that(loud.length === 0, `${at}: older than 14 days yet reads ${loud.map(([k, v]) => `${k}=${String(v)}`).join(',')}`)
                return
              }
              const top = (d: Point, key: string) => key === 'revenue' ? cents(num(d as Record<string, unknown>, key)) : num(d as Record<string, unknown>, key)
              for (const key of ['unique_recipients', 'revenue', ...keys]) {
                const total = sum(days.map(d => top(d, key)))
                p.that(total === top(point, key), `${at}: Σ sends ${key} ${total} vs campaign ${top(point, key)}`)
              }
              for (const { entry } of entriesOf(point)) {
                const id = entry.variation_api_id
                const parts = days.map(d => entriesOf(d).find(e => e.entry.variation_api_id === id)?.entry ?? {})
                for (const key of ['sent', 'unique_recipients', 'revenue', ...keys]) {
                  const value = (e: Entry) => key === 'revenue' ? cents(num(e, key)) : num(e, key)
                  p.that(sum(parts.map(value)) === value(entry), `${at} ${String(id)}: Σ sends ${key} ${sum(parts.map(value))} vs campaign ${value(entry)}`)
                }
              }
            })
          }
        }
        p.check()
      })
    }), { numRuns: 6 })
  }, 120_000)
})

// ---- Canvases ----

interface CanvasDetails {
  name: string
  first_entry: string | null
  last_entry: string | null
  variants: Array<{ id: string, name: string }>
  steps: Array<{ id: string, name: string, channels: string[], messages: Record<string, { channel: string }> }>
}
interface Figures { revenue: number, entries: number, conversions: number, conversions_by_entry_time: number }
interface StepFigures { name: string, revenue: number, conversions: number, conversions_by_entry_time: number, messages: Record<string, Entry[]> }
interface CanvasPoint { time: string, total_stats: Figures, variant_stats?: Record<string, Figures & { name: string }>, step_stats?: Record<string, StepFigures> }

const canvasArb = fc.record({
  window: windowArb(14),
  form: fc.constantFrom('length', 'starting_at', 'both'),
  variants: fc.constantFrom(undefined, 'true', 'false'),
  steps: fc.constantFrom(undefined, 'true', 'false'),
  noEnd: fc.boolean(),
})

/**
 * A Canvas window's spec as a query form can take it. starting_at bounds the window by elapsed time (at most
 * 14 days, canvas-data-series.test.ts), so 14 dates that span a fall-back DST change (14 days and an hour in
 * America/New_York) are a 400 by that rule: a starting_at window here is at most 13 dates.
 */
const canvasSpec = (spec: WindowSpec, form: string): WindowSpec => form === 'starting_at' ? { ...spec, length: Math.min(spec.length, 13) } : spec

/** The query of a Canvas window in one of its forms; `both` sends a starting_at that length overrides. */
function canvasQuery (window: Window, form: string, flags: { variants?: string | undefined, steps?: string | undefined }): string {
  const parts = [`ending_at=${enc(window.endingAt)}`]
  if (form !== 'starting_at') parts.push(`length=${window.length}`)
  if (form === 'starting_at') parts.push(`starting_at=${window.days[0]!}`)
  if (form === 'both') parts.push(`starting_at=${addDays(window.days[0]!, -30)}`)
  if (flags.variants !== undefined) parts.push(`include_variant_breakdown=${flags.variants}`)
  if (flags.steps !== undefined) parts.push(`include_step_breakdown=${flags.steps}`)
  return parts.join('&')
}

/** Rule 17 (and rule 14 on step messages, rule 13's quiet days by entry dates) on one Canvas series with both breakdowns. */
function canvasRules (p: Problems, details: CanvasDetails, stats: CanvasPoint[], window: Window, zone: string, today: string): void {
  const first = dayOf(details.first_entry, zone)
  const last = dayOf(details.last_entry, zone)
  p.that(same(stats.map(x => x.time), window.days), `${details.name} ${window.endingAt}/${window.length}: days ${stats.map(x => x.time).join(',')}`)
  for (const point of stats) {
    const at = `${details.name} ${point.time} (${window.endingAt}/${window.length})`
    p.that(same(Object.keys(point), ['time', 'total_stats', 'variant_stats', 'step_stats']), `${at}: keys ${Object.keys(point).join(',')}`)
    p.that(same(Object.keys(point.total_stats), ['revenue', 'entries', 'conversions', 'conversions_by_entry_time']), `${at}: total_stats keys`)
    const variants = point.variant_stats ?? {}
    p.that(same(Object.keys(variants), details.variants.map(v => v.id)), `${at}: variants ${Object.keys(variants).join(',')}`)
    for (const v of details.variants) p.that(variants[v.id]?.name === v.name, `${at}: variant ${v.id} named ${variants[v.id]?.name}`)
    for (const key of ['entries', 'conversions', 'conversions_by_entry_time', 'revenue'] as const) {
      const value = (f: Figures) => key === 'revenue' ? cents(f.revenue) : f[key]
      const parts = sum(Object.values(variants).map(value))
      p.that(value(point.total_stats) === parts, `${at}: total ${key} ${value(point.total_stats)} vs Σ variants ${parts}`)
    }
    const steps = point.step_stats ?? {}
    p.that(same(Object.keys(steps), details.steps.map(s => s.id)), `${at}: steps ${Object.keys(steps).join(',')}`)
    const entered = first !== undefined && point.time >= first && point.time <= today
    const entering = entered && last !== undefined && point.time <= last
    if (!entering) p.that(point.total_stats.entries === 0, `${at}: ${point.total_stats.entries} entries outside ${first}..${last}`)
    if (!entered) p.that(cents(point.total_stats.revenue) === 0 && point.total_stats.conversions === 0, `${at}: conversions or revenue before the first entry`)
    for (const step of details.steps) {
      const s = steps[step.id]
      if (s === undefined) continue
      p.that(s.name === step.name && same(Object.keys(s), ['name', 'revenue', 'conversions', 'conversions_by_entry_time', 'messages']), `${at}: step ${step.id} ${Object.keys(s).join(',')}`)
      p.that(s.conversions <= point.total_stats.conversions && cents(s.revenue) <= cents(point.total_stats.revenue), `${at}: step ${step.name} converts more than the Canvas`)
      for (const [channel, list] of Object.entries(s.messages)) {
        p.that(step.channels.includes(channel), `${at}: step ${step.name} has ${channel}, not among ${step.channels.join(',')}`)
        const count = Object.values(step.messages).filter(m => m.channel === channel).length
        p.that(list.length === count, `${at}: step ${step.name} ${channel} has ${list.length} entries for ${count} messages`)
        for (const entry of list) {
          p.that(same(Object.keys(entry), isPush(channel) ? CANVAS_PUSH : FUNNEL[channel]!), `${at}: step ${step.name} ${channel} keys ${Object.keys(entry).join(',')}`)
          for (const broken of rule14(channel, entry)) p.that(false, `${at}: step ${step.name} ${channel}: ${broken}`)
          if (!entering) p.that(Object.values(entry).every(v => v === 0), `${at}: step ${step.name} ${channel} sends outside the entry days`)
        }
      }
    }
  }
}

describe('Canvases (section 7 rules 17 and 18)', () => {
  it('rule 17: variants and steps join the details, totals are the sum of the variants, step messages stay on the step\'s channels', async () => {
    await fc.assert(fc.asyncProperty(seedArb, windowArb(14), fc.constantFrom('length', 'starting_at'), async (seed, spec, form) => {
      await withApp({ seed }, async (app) => {
        const p = new Problems()
        for (const space of SPACES) {
          const today = localDate(NOW, space.zone)
          for (const { id } of await listAll(app, space, '/canvas/list', 'canvases')) {
            const details = await ok(app, space, `/canvas/details?canvas_id=${String(id)}`) as CanvasDetails
            const window = windowOf(canvasSpec(spec, form), { first: dayOf(details.first_entry, space.zone), last: dayOf(details.last_entry, space.zone) }, today, space.zone)
            const body = await ok(app, space, `/canvas/data_series?canvas_id=${String(id)}&${canvasQuery(window, form, { variants: 'true', steps: 'true' })}`)
            p.that(body.data.name === details.name, `${details.name}: series named ${String(body.data.name)}`)
            canvasRules(p, details, body.data.stats as CanvasPoint[], window, space.zone, today)
          }
        }
        p.check()
      })
    }), { numRuns: 8 })
  }, 120_000)

  it('rule 18: /canvas/data_summary is the exact roll-up of /canvas/data_series over the same query', async () => {
    await fc.assert(fc.asyncProperty(seedArb, canvasArb, async (seed, { window: spec, form, variants, steps, noEnd }) => {
      await withApp({ seed }, async (app) => {
        const p = new Problems()
        for (const space of SPACES) {
          const today = localDate(NOW, space.zone)
          for (const { id } of await listAll(app, space, '/canvas/list', 'canvases')) {
            const details = await ok(app, space, `/canvas/details?canvas_id=${String(id)}`) as CanvasDetails
            const window = windowOf(canvasSpec(spec, form), { first: dayOf(details.first_entry, space.zone), last: dayOf(details.last_entry, space.zone) }, today, space.zone)
            let query = canvasQuery(window, form, { variants, steps })
            if (noEnd && form === 'length') query = query.replace(/^ending_at=[^&]*&/, '')
            const series = (await ok(app, space, `/canvas/data_series?canvas_id=${String(id)}&${query}`)).data as { name: string, stats: CanvasPoint[] }
            const summary = (await ok(app, space, `/canvas/data_summary?canvas_id=${String(id)}&${query}`)).data as {
              name: string, total_stats: Figures, variant_stats?: Record<string, Omit<Figures, 'conversions_by_entry_time'> & { name: string }>, step_stats?: Record<string, StepFigures>
            }
            const at = `${details.name} ${query}`
            const stats = series.stats
            p.that(stats.length === window.length, `${at}: ${stats.length} days`)
            p.that(same(Object.keys(summary), ['name', 'total_stats', ...(variants === 'true' ? ['variant_stats'] : []), ...(steps === 'true' ? ['step_stats'] : [])]),
              `${at}: summary keys ${Object.keys(summary).join(',')}`)
            p.that(stats.every(x => same(Object.keys(x), ['time', 'total_stats', ...(variants === 'true' ? ['variant_stats'] : []), ...(steps === 'true' ? ['step_stats'] : [])])),
              `${at}: series keys ${Object.keys(stats[0] ?? {}).join(',')}`)
            p.that(summary.name === series.name, `${at}: names`)
            p.that(same(Object.keys(summary.total_stats), ['revenue', 'conversions', 'conversions_by_entry_time', 'entries']), `${at}: total_stats keys`)
            const rolled = (figures: Array<Record<string, unknown>>, key: string) => sum(figures.map(f => key === 'revenue' ? cents(num(f, key)) : num(f, key)))
            const value = (f: Record<string, unknown>, key: string) => key === 'revenue' ? cents(num(f, key)) : num(f, key)
            for (const key of ['revenue', 'conversions', 'conversions_by_entry_time', 'entries']) {
              const total = rolled(stats.map(x => x.total_stats as unknown as Record<string, unknown>), key)
              p.that(value(summary.total_stats as unknown as Record<string, unknown>, key) === total, `${at}: total ${key} ${value(summary.total_stats as unknown as Record<string, unknown>, key)} vs Σ days ${total}`)
            }
            for (const v of details.variants) {
              if (summary.variant_stats === undefined) break
              const got = summary.variant_stats[v.id] as Record<string, unknown> | undefined
              p.that(got !== undefined && same(Object.keys(got), ['name', 'revenue', 'conversions', 'entries']) && got.name === v.name, `${at}: variant ${v.id} ${Object.keys(got ?? {}).join(',')}`)
              for (const key of ['revenue', 'conversions', 'entries']) {
                const total = rolled(stats.map(x => (x.variant_stats?.[v.id] ?? {}) as Record<string, unknown>), key)
                p.that(got !== undefined && value(got, key) === total, `${at}: variant ${v.name} ${key} vs Σ days ${total}`)
              }
            }
            for (const step of details.steps) {
              if (summary.step_stats === undefined) break
              const got = summary.step_stats[step.id]
              const days = stats.map(x => x.step_stats![step.id]!)
              p.that(got?.name === step.name, `${at}: step ${step.id}`)
              if (got === undefined) continue
              for (const key of ['revenue', 'conversions', 'conversions_by_entry_time']) {
                const total = rolled(days as unknown as Array<Record<string, unknown>>, key)
                p.that(value(got as unknown as Record<string, unknown>, key) === total, `${at}: step ${step.name} ${key} vs Σ days ${total}`)
              }
              p.that(same(Object.keys(got.messages), Object.keys(days[0]!.messages)), `${at}: step ${step.name} channels`)
              for (const [channel, list] of Object.entries(got.messages)) {
                list.forEach((entry, m) => {
                  const fields = Object.keys(days[0]!.messages[channel]![m]!)
                  p.that(same(Object.keys(entry), fields), `${at}: step ${step.name} ${channel}[${m}] keys`)
                  for (const field of fields) {
                    const total = sum(days.map(d => num(d.messages[channel]![m]!, field)))
                    p.that(entry[field] === total, `${at}: step ${step.name} ${channel}[${m}].${field} ${String(entry[field])} vs Σ days ${total}`)
                  }
                })
              }
            }
          }
        }
        p.check()
      })
    }), { numRuns: 8 })
  }, 120_000)

  it('over a Canvas\'s whole life, conversions by conversion day and by entry day are the same, in total and per variant', async () => {
    await fc.assert(fc.asyncProperty(seedArb, async (seed) => {
      await withApp({ seed }, async (app) => {
        const lived: string[] = []
        for (const space of SPACES) {
          for (const { id } of await listAll(app, space, '/canvas/list', 'canvases')) {
            const details = await ok(app, space, `/canvas/details?canvas_id=${String(id)}`) as CanvasDetails
            const first = dayOf(details.first_entry, space.zone)
            const last = dayOf(details.last_entry, space.zone)
            if (first === undefined || last === undefined || (Date.parse(last) - Date.parse(first)) / DAY_MS > 120) continue
            lived.push(details.name)
            // 14-day windows from 2 days before the first entry to 14 after the last (conversions land within 3 days).
            const stats: CanvasPoint[] = []
            for (let start = addDays(first, -2); start <= addDays(last, 14); start = addDays(start, 14)) {
              const body = await ok(app, space, `/canvas/data_series?canvas_id=${String(id)}&length=14&ending_at=${addDays(start, 14)}&include_variant_breakdown=true`)
              stats.push(...body.data.stats as CanvasPoint[])
            }
            expect(sum(stats.map(x => x.total_stats.entries)), details.name).toBeGreaterThan(0)
            expect(stats.slice(0, 2).map(x => x.total_stats)).toStrictEqual([0, 0].map(() => ({ revenue: 0, entries: 0, conversions: 0, conversions_by_entry_time: 0 })))
            const figures = [stats.map(x => x.total_stats), ...details.variants.map(v => stats.map(x => x.variant_stats![v.id]!))]
            for (const days of figures) {
              expect(sum(days.map(d => d.conversions)), details.name).toBe(sum(days.map(d => d.conversions_by_entry_time)))
            }
          }
        }
        expect(lived).toStrictEqual(['Win-back 2025'])
      })
    }), { numRuns: 3 })
  }, 120_000)
})

describe('messaging: determinism and window invariance', () => {
  type Kind = 'campaign' | 'send' | 'canvas' | 'summary'
  const kindArb = fc.constantFrom<Kind>('campaign', 'send', 'canvas', 'summary')
  const CANVASES = FIXTURES.canvases

  /** An entity of the kind (by pick), its workspace, and the path and query of its series for a window. */
  function target (kind: Kind, pick: number) {
    if (kind === 'send') {
      const sends = API_CAMPAIGNS.flatMap(c => c.send_ids!.map(sendId => ({ c, sendId })))
      const { c, sendId } = sends[pick % sends.length]!
      return { space: SPACES.find(s => s.id === c.workspace_id)!, url: (q: string) => `/sends/data_series?campaign_id=${c.id}&send_id=${sendId}&${q}` }
    }
    if (kind === 'campaign') {
      const c = CAMPAIGNS[pick % CAMPAIGNS.length]!
      return { space: SPACES.find(s => s.id === c.workspace_id)!, url: (q: string) => `/campaigns/data_series?campaign_id=${c.id}&${q}` }
    }
    const c = CANVASES[pick % CANVASES.length]!
    const path = kind === 'canvas' ? '/canvas/data_series' : '/canvas/data_summary'
    return { space: SPACES.find(s => s.id === c.workspace_id)!, url: (q: string) => `${path}?canvas_id=${c.id}&${q}&include_variant_breakdown=true&include_step_breakdown=true` }
  }
  const dateArb = fc.oneof(
    fc.nat({ max: 1825 }).map(n => addDays(ANY_FROM, n)),
    fc.integer({ min: -20, max: 3 }).map(n => addDays(localDate(NOW, 'UTC'), n)))

  it('the same request gives the same bytes twice, and in another app built with the same seed', async () => {
    await fc.assert(fc.asyncProperty(seedArb, kindArb, fc.nat(), dateArb, fc.integer({ min: 1, max: 100 }), async (seed, kind, pick, end, length) => {
      const { space, url } = target(kind, pick)
      const request = url(`length=${kind === 'canvas' || kind === 'summary' ? 1 + length % 14 : length}&ending_at=${end}`)
      const [first, again] = await withApp({ seed }, async app => [(await get(app, request, space.key)), (await get(app, request, space.key))])
      const elsewhere = await withApp({ seed }, async app => (await get(app, request, space.key)).raw)
      expect(first.status, `${request}: ${first.raw}`).toBe(200)
      expect(again.raw).toBe(first.raw)
      expect(elsewhere).toBe(first.raw)
    }), { numRuns: 8 })
  }, 120_000)

  it('overlapping windows agree on the days they share', async () => {
    await fc.assert(fc.asyncProperty(seedArb, fc.constantFrom<Kind>('campaign', 'send', 'canvas'), fc.nat(), dateArb, fc.integer({ min: 2, max: 100 }), fc.nat(), fc.nat(),
      async (seed, kind, pick, end, longSeed, shiftSeed, shortSeed) => {
        const { space, url } = target(kind, pick)
        const length = kind === 'canvas' ? 2 + longSeed % 13 : longSeed
        const shift = shiftSeed % length
        const shortLength = 1 + shortSeed % (length - shift)
        await withApp({ seed }, async (app) => {
          const read = async (n: number, ending: string) => {
            const body = await ok(app, space, url(`length=${n}&ending_at=${ending}`))
            return (kind === 'canvas' ? body.data.stats : body.data) as Array<{ time: string }>
          }
          const long = await read(length, end)
          const short = await read(shortLength, addDays(end, -shift))
          const from = length - shift - shortLength
          expect(short).toStrictEqual(long.slice(from, from + shortLength))
        })
      }), { numRuns: 8 })
  }, 120_000)
})
