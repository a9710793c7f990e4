// Airbyte's Braze source, replayed against the app: the requests its declarative manifest makes for the campaign
// and Canvas streams, and the records it extracts from the answers, held to the shapes Airbyte recorded from Braze
// (BRAZE-EXPORT.md section 5, O2).
//
// What the connector sends (airbytehq/airbyte airbyte-integrations/connectors/source-braze: manifest.yaml @1da529d1,
// components.py @058ebf16; the older source_braze/manifest.yaml @05c75b66 is the same but for the Canvas flags and
// the two details streams), with config {url, api_key, start_date}:
//   - every request: GET, `Authorization: Bearer <api_key>`, python-requests' default headers;
//   - check: the campaigns stream's first page;
//   - campaigns, canvases: /campaigns/list, /canvas/list with `last_edit.time[gt]=<start_date>`, a PageIncrement
//     paginator of page_size 2 (the CDK sends no `page` first, then 1, 2, ... and stops on a page of fewer than 2);
//     records under `campaigns` / `canvases`;
//   - campaigns_analytics: /campaigns/data_series per campaign id, in P100D slices from start_date to today (UTC),
//     `ending_at` the slice's last date, `length` its span in days, plus 1 after the first slice
//     (DatetimeIncrementalSyncComponent); records under `data`, with `campaign_id` added;
//   - canvases_analytics: /canvas/data_series the same way in P14D slices, with include_variant_breakdown=true and
//     include_step_breakdown=true (the older manifest sent neither); records under `data.stats`, `canvas_id` added;
//   - campaigns_details, canvases_details: /campaigns/details, /canvas/details per id; the whole body is the record.
// Exclusive ending_at makes those slices tile the days from start_date to yesterday exactly; the test checks that.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILT_IN_FIXTURES, type BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, NOW, testApp } from '../helpers.js'

const DAY_MS = 86_400_000
const START_DATE = '2026-01-01'
/** today_utc() on the day the emulator's clock is pinned to. */
const TODAY = new Date(NOW).toISOString().slice(0, 10)
const PAGE_SIZE = 2

/** What python-requests sends on its own, beside the connector's bearer token. */
const HEADERS = {
  authorization: `Bearer ${BUILT_IN.lumen.keys.full}`,
  'user-agent': 'python-requests/2.32.3',
  'accept-encoding': 'gzip, deflate',
  accept: '*/*',
  connection: 'keep-alive',
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS
const datesFrom = (from: string, count: number) => Array.from({ length: count }, (_, i) => addDays(from, i))

/** DatetimeBasedCursor's slices with DatetimeIncrementalSyncComponent's `length`, as request parameters. */
function slices (start: string, end: string, stepDays: number): Array<{ ending_at: string, length: string }> {
  const out: Array<{ ending_at: string, length: string }> = []
  for (let from = start; from <= end; from = addDays(from, stepDays)) {
    const to = addDays(from, stepDays - 1) < end ? addDays(from, stepDays - 1) : end
    if (from < to) out.push({ ending_at: to, length: String(daysBetween(from, to) + (out.length > 0 ? 1 : 0)) })
  }
  return out
}

type Body = Record<string, unknown>
type Kind = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'date-time' | 'strings' | 'objects'

/**
 * The field types the manifest's inline schemas give each stream (every field nullable there; this test also
 * wants them present), restated: `strings` and `objects` are arrays of those.
 */
const SCHEMAS: Record<string, Record<string, Kind>> = {
  campaigns: { id: 'string', is_api_campaign: 'boolean', last_edited: 'date-time', name: 'string', tags: 'strings' },
  canvases: { id: 'string', last_edited: 'date-time', name: 'string', tags: 'array' },
  campaigns_analytics: { campaign_id: 'string', conversions: 'integer', conversions_by_send_time: 'integer', messages: 'object', revenue: 'number', time: 'string', unique_recipients: 'integer' },
  canvases_analytics: { canvas_id: 'string', time: 'string', total_stats: 'object' },
  campaigns_details: {
    description: 'string',
    archived: 'boolean',
    campaign_id: 'string',
    channels: 'strings',
    conversion_behaviors: 'objects',
    created_at: 'date-time',
    draft: 'boolean',
    enabled: 'boolean',
    has_post_launch_draft: 'boolean',
    message: 'string',
    messages: 'object',
    name: 'string',
    schedule_type: 'string',
    tags: 'strings',
    teams: 'strings',
    updated_at: 'date-time',
  },
  canvases_details: {
    description: 'string',
    archived: 'boolean',
    canvas_id: 'string',
    channels: 'strings',
    created_at: 'date-time',
    draft: 'boolean',
    enabled: 'boolean',
    message: 'string',
    name: 'string',
    schedule_type: 'string',
    steps: 'objects',
    tags: 'strings',
    updated_at: 'date-time',
    variants: 'objects',
  },
}
/** Fields the schemas allow null for and Braze may leave null: a campaign or Canvas that never sent. */
const NULLABLE: Record<string, Record<string, Kind>> = {
  campaigns_details: { first_sent: 'date-time', last_sent: 'date-time' },
  canvases_details: { first_entry: 'date-time', last_entry: 'date-time' },
}

function isKind (value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'integer': return Number.isInteger(value)
    case 'number': return typeof value === 'number'
    case 'string': return typeof value === 'string'
    case 'boolean': return typeof value === 'boolean'
    case 'date-time': return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)
    case 'array': return Array.isArray(value)
    case 'strings': return Array.isArray(value) && value.every(x => typeof x === 'string')
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'objects': return Array.isArray(value) && value.every(x => isKind(x, 'object'))
  }
}

/** The fields of a record that do not match its stream's schema (empty when it does). */
function mismatches (stream: string, record: Body): string[] {
  const wrong = Object.entries(SCHEMAS[stream]!).filter(([field, kind]) => !isKind(record[field], kind)).map(([field]) => field)
  const nullable = Object.entries(NULLABLE[stream] ?? {}).filter(([field, kind]) => record[field] !== null && !isKind(record[field], kind)).map(([field]) => field)
  return [...wrong, ...nullable]
}

/** Whether `keys` appear in `order`'s order, each of them in it. */
const inOrder = (keys: readonly string[], order: readonly string[]) => keys.every((k, i) => order.includes(k) && (i === 0 || order.indexOf(keys[i - 1]!) < order.indexOf(k)))

// What Airbyte recorded from Braze (section 5): campaign series items and their entries, and Canvas stats.
const CONVERSIONS = ['conversions_by_send_time', 'conversions1_by_send_time', 'conversions2_by_send_time', 'conversions3_by_send_time',
  'conversions', 'conversions1', 'conversions2', 'conversions3']
const SERIES_ITEM = ['time', 'messages', ...CONVERSIONS, 'unique_recipients', 'revenue']
const EMAIL_ENTRY = ['variation_api_id', 'sent', 'opens', 'machine_open', 'unique_opens', 'machine_amp_open', 'clicks', 'unique_clicks', 'unsubscribes', 'bounces', 'delivered', 'reported_spam']
const OWN = ['revenue', 'unique_recipients', 'conversions', 'conversions_by_send_time', 'conversions1', 'conversions1_by_send_time',
  'conversions2', 'conversions2_by_send_time', 'conversions3', 'conversions3_by_send_time']
const PUSH_ENTRY = ['variation_name', 'variation_api_id', 'sent', 'direct_opens', 'total_opens', 'bounces', 'body_clicks', ...OWN]
const CONTROL_ENTRY = ['variation_name', 'variation_api_id', 'enrolled', ...OWN]
// Not recorded: the documented entries (section 3.6), with the variation id every entry carries.
const DOCUMENTED: Record<string, readonly string[]> = {
  sms: ['variation_api_id', 'sent', 'sent_to_carrier', 'delivered', 'rejected', 'delivery_failed', 'clicks', 'opt_out', 'help'],
  webhook: ['variation_api_id', 'sent', 'errors'],
  content_cards: ['variation_api_id', 'sent', 'total_clicks', 'total_dismissals', 'total_impressions', 'unique_clicks', 'unique_dismissals', 'unique_impressions'],
  in_app_message: ['variation_name', 'variation_api_id', 'impressions', 'clicks', 'first_button_clicks', 'second_button_clicks', ...OWN],
}
const TOTAL_STATS = ['revenue', 'entries', 'conversions', 'conversions_by_entry_time']

/** The entry keys a channel may carry, in order, and those it must. */
function entryShape (channel: string, entry: Body): { order: readonly string[], required: readonly string[] } {
  if ('enrolled' in entry) return { order: CONTROL_ENTRY, required: ['variation_name', 'variation_api_id', 'enrolled', 'revenue', 'unique_recipients'] }
  if (channel === 'email') return { order: EMAIL_ENTRY, required: EMAIL_ENTRY }
  if (channel.endsWith('_push')) return { order: PUSH_ENTRY, required: PUSH_ENTRY.slice(0, 9) }
  const documented = DOCUMENTED[channel]!
  return { order: documented, required: documented.filter(k => !OWN.includes(k) || k === 'revenue' || k === 'unique_recipients') }
}

interface CampaignFile { id: string, workspace_id: string, archived?: boolean, updated_at: string, last_edited?: string }
const fixture = <T>(file: string): T[] => JSON.parse(readFileSync(join(BUILT_IN_FIXTURES, file), 'utf8')) as T[]
/** Lumen's unarchived campaigns or Canvases last edited after a date (the start of its day in UTC, Lumen's zone). */
const editedAfter = (file: string, date: string) => fixture<CampaignFile>(file)
  .filter(c => c.workspace_id === BUILT_IN.lumen.workspaceId && c.archived !== true && Date.parse(c.last_edited ?? c.updated_at) > Date.parse(`${date}T00:00:00Z`))
  .map(c => c.id)

describe('Airbyte\'s Braze source (manifest 5.16.0) on the campaign and Canvas streams', () => {
  let app: BrazeMockApp
  const statuses: Array<[string, number]> = []
  beforeAll(async () => { app = await testApp() })
  afterAll(() => app.close())

  /** One request as the connector's requester makes it; every answer must be a 200 JSON body. */
  async function request (path: string, params: Record<string, string>): Promise<Body> {
    const query = new URLSearchParams(params).toString()
    const url = query === '' ? path : `${path}?${query}`
    const response = await app.inject({ method: 'GET', url, headers: HEADERS })
    statuses.push([url, response.statusCode])
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    return response.json()
  }

  /** A list stream: its records, following PageIncrement until a page holds fewer than page_size. */
  async function readList (path: string, field: string, startDate: string): Promise<Body[]> {
    const records: Body[] = []
    for (let page: number | undefined; ; page = (page ?? 0) + 1) {
      const params: Record<string, string> = { 'last_edit.time[gt]': startDate }
      if (page !== undefined) params.page = String(page)
      const found = (await request(path, params))[field] as Body[]
      records.push(...found)
      if (found.length < PAGE_SIZE) return records
    }
  }

  it('passes the connection check: the campaigns stream\'s first page, 200 with records', async () => {
    const body = await request('/campaigns/list', { 'last_edit.time[gt]': START_DATE })
    expect(body.message).toBe('success')
    expect((body.campaigns as Body[]).length).toBeGreaterThan(0)
  })

  it('reads the campaigns and canvases streams: the ids edited after start_date, records of the recorded fields', async () => {
    for (const [path, field, stream, file] of [['/campaigns/list', 'campaigns', 'campaigns', 'campaigns.json'], ['/canvas/list', 'canvases', 'canvases', 'canvases.json']] as const) {
      for (const startDate of [START_DATE, '2022-09-01']) {
        const records = await readList(path, field, startDate)
        expect(records.map(r => r.id), `${path} after ${startDate}`).toStrictEqual(editedAfter(file, startDate))
        expect(records.length).toBeGreaterThan(0)
        for (const record of records) {
          // Section 5's records hold exactly these fields (Braze wrote them id, name, is_api_campaign, tags, last_edited).
          expect(Object.keys(record).sort()).toStrictEqual(Object.keys(SCHEMAS[stream]!).sort())
          expect(mismatches(stream, record), JSON.stringify(record)).toStrictEqual([])
        }
      }
    }
  })

  it('reads campaigns_analytics: 100-day slices that tile start_date to yesterday, records of the recorded shape', async () => {
    const windows = slices(START_DATE, TODAY, 100)
    expect(windows).toStrictEqual([
      { ending_at: '2026-04-10', length: '99' },
      { ending_at: '2026-07-19', length: '100' },
      { ending_at: '2026-10-27', length: '100' },
      { ending_at: '2026-11-23', length: '27' },
    ])
    const campaigns = await readList('/campaigns/list', 'campaigns', START_DATE)
    expect(campaigns.length).toBeGreaterThan(0)
    for (const { id } of campaigns) {
      const records: Body[] = []
      for (const window of windows) {
        const body = await request('/campaigns/data_series', { campaign_id: id as string, ...window })
        records.push(...(body.data as Body[]).map(record => ({ ...record, campaign_id: id })))
      }
      expect(records.map(r => r.time), String(id)).toStrictEqual(datesFrom(START_DATE, daysBetween(START_DATE, TODAY)))
      for (const record of records) {
        const at = `${String(id)} ${String(record.time)}`
        expect(mismatches('campaigns_analytics', record), at).toStrictEqual([])
        const keys = Object.keys(record)
        expect(keys.at(-1), at).toBe('campaign_id')
        expect(inOrder(keys.slice(0, -1), SERIES_ITEM), `${at}: ${keys.join(',')}`).toBe(true)
        for (const [channel, entries] of Object.entries(record.messages as Record<string, Body[]>)) {
          expect(Array.isArray(entries), `${at} ${channel}`).toBe(true)
          for (const entry of entries) {
            const { order, required } = entryShape(channel, entry)
            const entryKeys = Object.keys(entry)
            expect(inOrder(entryKeys, order) && required.every(k => entryKeys.includes(k)), `${at} ${channel}: ${entryKeys.join(',')}`).toBe(true)
            for (const key of entryKeys.filter(k => k !== 'variation_name' && k !== 'variation_api_id')) {
              expect(key === 'revenue' ? typeof entry[key] : Number.isInteger(entry[key]), `${at} ${channel}.${key}`).toBe(key === 'revenue' ? 'number' : true)
            }
          }
        }
      }
    }
  })

  it('reads canvases_analytics: 14-day slices with both breakdowns (and without, as the older manifest asked), records from data.stats', async () => {
    const windows = slices(START_DATE, TODAY, 14)
    expect(windows[0]).toStrictEqual({ ending_at: '2026-01-14', length: '13' })
    expect(windows.slice(1).every(w => Number(w.length) <= 14)).toBe(true)
    const canvases = await readList('/canvas/list', 'canvases', START_DATE)
    expect(canvases.length).toBeGreaterThan(0)
    const asked: Array<Record<string, string>> = [{ include_variant_breakdown: 'true', include_step_breakdown: 'true' }, {}]
    for (const breakdowns of asked) {
      for (const { id } of canvases) {
        const records: Body[] = []
        for (const window of windows) {
          const body = await request('/canvas/data_series', { ...breakdowns, canvas_id: id as string, ...window })
          records.push(...((body.data as Body).stats as Body[]).map(record => ({ ...record, canvas_id: id })))
        }
        expect(records.map(r => r.time), String(id)).toStrictEqual(datesFrom(START_DATE, daysBetween(START_DATE, TODAY)))
        const fields = 'include_step_breakdown' in breakdowns ? ['time', 'total_stats', 'variant_stats', 'step_stats', 'canvas_id'] : ['time', 'total_stats', 'canvas_id']
        for (const record of records) {
          const at = `${String(id)} ${String(record.time)}`
          expect(Object.keys(record), at).toStrictEqual(fields)
          expect(mismatches('canvases_analytics', record), at).toStrictEqual([])
          const total = record.total_stats as Body
          expect(Object.keys(total), at).toStrictEqual(TOTAL_STATS)
          expect([total.revenue, total.entries, total.conversions, total.conversions_by_entry_time].map((v, i) => i === 0 ? typeof v === 'number' : Number.isInteger(v)), at)
            .toStrictEqual([true, true, true, true])
          if ('variant_stats' in record) expect([isKind(record.variant_stats, 'object'), isKind(record.step_stats, 'object')], at).toStrictEqual([true, true])
        }
      }
    }
  })

  it('reads campaigns_details and canvases_details: the whole body per id, with the id added', async () => {
    for (const [list, field, path, param, stream] of [
      ['/campaigns/list', 'campaigns', '/campaigns/details', 'campaign_id', 'campaigns_details'],
      ['/canvas/list', 'canvases', '/canvas/details', 'canvas_id', 'canvases_details'],
    ] as const) {
      for (const { id } of await readList(list, field, START_DATE)) {
        const record = { ...await request(path, { [param]: id as string }), [param]: id }
        expect(record.message).toBe('success')
        expect(mismatches(stream, record), `${String(id)}: ${JSON.stringify(record).slice(0, 300)}`).toStrictEqual([])
      }
    }
  })

  it('got a 200 for every request it made', () => {
    expect(statuses.length).toBeGreaterThan(100)
    expect(statuses.filter(([, status]) => status !== 200)).toStrictEqual([])
  })
})
