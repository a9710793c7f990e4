// The requests of the golden test (test/golden.test.ts), in groups, generated from tables: the four Braze
// endpoints with their valid variations, every error, rate limits, and the control plane. Each group builds
// its own app (so that its rate-limit counts, journal and fault ids do not depend on the groups before it)
// and sends its requests in a fixed order. A new request goes at the end of its group; then record again.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { HTTPMethods } from 'fastify'
import { BUILT_IN_FIXTURES, startEmulator, type AppConfig, type BrazeMockApp } from '../../src/index.js'
import { BUILT_IN, NOW } from '../helpers.js'

export interface SentRequest {
  readonly method: HTTPMethods
  readonly url: string
  readonly headers: Record<string, string>
  readonly body?: string
}

export interface RecordedAnswer {
  /** null: the connection closed without an answer (a drop fault, over a real socket). */
  readonly status: number | null
  /** Every header, in the order sent; Date and X-Request-Id as placeholders. */
  readonly headers: Record<string, string | string[]>
  /** The body exactly, request ids replaced. */
  readonly body: string
}

/** What a group records its requests with (test/golden.test.ts). */
export interface Recorder {
  /** Sends `request` to `app` with inject() and records its answer as `name`, reshaped by `shape` if given. */
  send (app: BrazeMockApp, name: string, request: SentRequest, shape?: (answer: RecordedAnswer) => RecordedAnswer): Promise<RecordedAnswer>
  /** Records what a request sent outside inject() got; `requestId` is the id the emulator gave it, if known. */
  note (name: string, request: SentRequest, answer: RecordedAnswer, requestId?: string): void
}

// ---------------------------------------------------------------------------------------------------------
// Requests.

const { lumen, harbor } = BUILT_IN
const LUMEN_KEY = lumen.keys.full
const HARBOR_KEY = harbor.keys.full

function url (path: string, params: Record<string, string | number | undefined> = {}): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&')
  return query === '' ? path : `${path}?${query}`
}

/** A Braze request with a bearer key (Lumen's full-access key unless given; null sends no Authorization). */
function braze (target: string, key: string | null = LUMEN_KEY, method: HTTPMethods = 'GET'): SentRequest {
  return { method, url: target, headers: key === null ? {} : { authorization: `Bearer ${key}` } }
}

/** A request with exactly these headers. */
function raw (method: HTTPMethods, target: string, headers: Record<string, string> = {}, body?: string): SentRequest {
  return { method, url: target, headers, ...(body === undefined ? {} : { body }) }
}

/** A control-plane request; an object body is sent as JSON, a string as it is. */
function control (method: HTTPMethods, target: string, body?: unknown, headers: Record<string, string> = {}): SentRequest {
  if (body === undefined) return raw(method, target, headers)
  return raw(method, target, { 'content-type': 'application/json', ...headers }, typeof body === 'string' ? body : JSON.stringify(body))
}

const SEGMENTS_DATA_SERIES = '/segments/data_series'
const SESSIONS_DATA_SERIES = '/sessions/data_series'
const SEGMENTS_LIST = '/segments/list'
const SEGMENTS_DETAILS = '/segments/details'

/** Every Lumen segment of the built-in fixtures, archived and non-analytics ones included. */
const LUMEN_SEGMENTS = {
  'All Users': '2526216c-722a-4946-9d15-921eb0fa454e',
  'Active in the Last 7 Days': '7a87c40a-f87e-464b-91cf-5b03c875d500',
  'Lapsed 30+ Days': 'db6210ac-0e03-449b-a077-0d6e0a824e01',
  'Premium Subscribers': '78c23273-ec25-4c16-bf74-ebe5e648fee2',
  'Free Trial': '4e922982-3aa9-49e6-85d3-78f270e91cde',
  'Push Opted-In (no analytics)': 'c1198bb8-86f1-4b9c-9b74-0773ae31215e',
  'Marathon Training Plan': '39e2e61b-18fb-41cc-9d08-9464cc3445da',
  'Churn Risk (High)': 'fc94f344-1320-40b0-b986-9783089ab13c',
  'Internal QA Testers (no analytics)': 'dd6e92ad-ce6d-4644-a33e-5ed5f95171b6',
  'Spring Challenge 2024 (archived)': 'f6746b82-f869-4932-a23e-df463dd76508',
  'Yoga Enthusiasts': '96e1cbcd-0192-4d5b-bb65-c8d1d1722957',
  'Lapsed Payers': '68b4b0fb-64c0-4de4-91b5-b626021d3822',
  Canada: 'a3e5163e-1c26-40e2-b163-07d0ae12372c',
  'Holiday Campaign 2026 (created 2026-11-10)': 'c37c3c51-45ee-47d7-8e32-e3b575c943c2',
} as const
const ANALYTICS_SEGMENTS = Object.entries(LUMEN_SEGMENTS).filter(([name]) => !name.includes('no analytics'))

/** Harbor Bank's hand-written segments and two of those its faker generates (ids from its generate seed). */
const HARBOR_SEGMENTS = {
  'High Balance Customers': 'f3ea5adc-6cd3-4299-b4d6-9033c812cbae',
  'New Accounts (30 Days)': '97e214a6-4c41-4339-9a19-30dc347eae9a',
  'Card Activation Pending': 'c573d588-8fa9-48cd-b831-8cc6fe135d5f',
  'generated, first created': '2db1e1cb-e12b-49ca-93a7-bec403aa7b0d',
  'generated, last created': '6d1e9bb6-3583-4049-bbba-f1555a6303fa',
} as const
const LUMEN_APPS = { 'all apps': undefined, iOS: lumen.apps.ios, Android: lumen.apps.android, Web: lumen.apps.web, TV: lumen.apps.tv }
const HARBOR_APPS = { 'all apps': undefined, iOS: harbor.apps.ios, Android: '5a4e2b37-c57a-4e93-bd24-ed8c44c07a02' }
const ALL_USERS = lumen.segments.allUsers

/** Every form of ending_at that BRAZE.md lists as accepted, and a few neighbours; values as sent, unencoded. */
const ENDING_AT_FORMS: Record<string, string> = {
  'one-digit hour offset -5:00': '2026-11-20T23:59:59-5:00',
  'offset -05:00': '2026-11-20T23:59:59-05:00',
  Z: '2026-11-20T23:59:59Z',
  'offset +0200': '2026-11-20T23:59:59+0200',
  'offset +02': '2026-11-20T23:59:59+02',
  'offset +5:30': '2026-11-20T23:59:59+5:30',
  'fractional seconds .5Z': '2026-11-20T23:59:59.5Z',
  'fractional seconds, 9 digits': '2026-11-20T23:59:59.123456789-05:00',
  'no seconds': '2026-11-20T23:59Z',
  'no offset (UTC)': '2026-11-20T23:59:59',
  'date only': '2026-11-20',
  'midnight Z': '2026-11-21T00:00:00Z',
  'one millisecond past midnight': '2026-11-21T00:00:00.001Z',
}

/** One valid request per Braze endpoint, with the built-in key that lacks its permission. */
const ENDPOINTS = [
  { name: 'segments/data_series', target: url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 3 }), limited: lumen.keys.noSegmentsDataSeries },
  { name: 'sessions/data_series', target: url(SESSIONS_DATA_SERIES, { length: 3, app_id: lumen.apps.ios }), limited: lumen.keys.noSessionsDataSeries },
  { name: 'segments/list', target: SEGMENTS_LIST, limited: lumen.keys.noSegmentsList },
  { name: 'segments/details', target: url(SEGMENTS_DETAILS, { segment_id: ALL_USERS }), limited: lumen.keys.noSegmentsDetails },
] as const

// ---------------------------------------------------------------------------------------------------------
// The groups.

export type Send = (name: string, request: SentRequest, shape?: (answer: RecordedAnswer) => RecordedAnswer) => Promise<RecordedAnswer>

export interface Group {
  readonly name: string
  readonly config?: AppConfig | (() => Promise<AppConfig>)
  readonly run?: (send: Send, app: BrazeMockApp) => Promise<void>
  /** Instead of config and run: a group that manages its own emulator (the drop fault's real socket). */
  readonly runAlone?: (run: Recorder, prefix: string) => Promise<void>
}

export const GROUPS: Group[] = [
  {
    name: 'segments/data_series, valid',
    async run (send) {
      for (const [segment, id] of Object.entries(LUMEN_SEGMENTS)) {
        await send(`${segment}, length 14`, braze(url(SEGMENTS_DATA_SERIES, { segment_id: id, length: 14 })))
      }
      for (const length of [1, 100]) {
        await send(`All Users, length ${length}`, braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length })))
      }
      await send('Holiday Campaign, length 100', braze(url(SEGMENTS_DATA_SERIES, { segment_id: lumen.segments.holidayCampaign, length: 100 })))
      await send('All Users, length 007', braze(`${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&length=007`))
      await send('All Users, length 0100', braze(`${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&length=0100`))
      for (const [form, endingAt] of Object.entries(ENDING_AT_FORMS)) {
        await send(`All Users, ending_at ${form}`, braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 3, ending_at: endingAt })))
      }
      // An unencoded + arrives decoded as a space, which ending_at reads as +.
      await send('All Users, ending_at with an unencoded + (a space)', braze(`${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&length=3&ending_at=2026-11-20T23:59:59+0200`))
      await send('All Users, ending_at with a literal space', braze(`${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&length=3&ending_at=2026-11-20T23:59:59%2002:00`))
      await send('All Users, ending_at before it existed', braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 5, ending_at: '2019-03-06' })))
      await send('Holiday Campaign, ending_at across its creation', braze(url(SEGMENTS_DATA_SERIES, { segment_id: lumen.segments.holidayCampaign, length: 5, ending_at: '2026-11-12' })))
      await send('Holiday Campaign, ending_at long before its creation', braze(url(SEGMENTS_DATA_SERIES, { segment_id: lumen.segments.holidayCampaign, length: 3, ending_at: '2025-01-01' })))
      await send('All Users, ending_at after now', braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 5, ending_at: '2026-11-26' })))
      await send('All Users, ending_at far in the future', braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 2, ending_at: '9999-12-31' })))
      await send('All Users, ending_at at the earliest instant', braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 2, ending_at: '0001-01-02' })))
      await send('All Users, unknown parameters ignored', braze(`${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&length=2&colour=red&unit=hour`))
      for (const [segment, id] of Object.entries(HARBOR_SEGMENTS)) {
        await send(`Harbor ${segment}, length 14`, braze(url(SEGMENTS_DATA_SERIES, { segment_id: id, length: 14 }), HARBOR_KEY))
      }
      // America/New_York: DST starts 2026-03-08 and ends 2026-11-01; date-only ending_at is local midnight.
      for (const endingAt of ['2026-03-10', '2026-11-03', '2026-11-20', '2026-11-20T23:59:59', '2026-11-20T23:59:59-05:00', '2026-11-21T04:59:59.999Z']) {
        await send(`Harbor High Balance, ending_at ${endingAt}`, braze(url(SEGMENTS_DATA_SERIES, { segment_id: harbor.segments.highBalance, length: 4, ending_at: endingAt }), HARBOR_KEY))
      }
    },
  },
  {
    name: 'sessions/data_series, valid',
    async run (send) {
      for (const unit of ['day', 'hour']) {
        for (const [app, id] of Object.entries(LUMEN_APPS)) {
          for (const length of [1, 14]) {
            await send(`${app}, ${unit}, length ${length}`, braze(url(SESSIONS_DATA_SERIES, { length, unit, app_id: id })))
          }
        }
      }
      await send('all apps, no unit, length 7', braze(url(SESSIONS_DATA_SERIES, { length: 7 })))
      await send('all apps, day, length 100', braze(url(SESSIONS_DATA_SERIES, { length: 100, unit: 'day' })))
      await send('iOS, hour, length 100', braze(url(SESSIONS_DATA_SERIES, { length: 100, unit: 'hour', app_id: lumen.apps.ios })))
      for (const [segment, id] of ANALYTICS_SEGMENTS) {
        await send(`all apps, segment ${segment}, day, length 7`, braze(url(SESSIONS_DATA_SERIES, { length: 7, segment_id: id })))
      }
      await send('Android, segment Active 7 Days, hour, length 6', braze(url(SESSIONS_DATA_SERIES, { length: 6, unit: 'hour', app_id: lumen.apps.android, segment_id: lumen.segments.active7Days })))
      await send('Web, segment All Users, day, length 5', braze(url(SESSIONS_DATA_SERIES, { length: 5, app_id: lumen.apps.web, segment_id: ALL_USERS })))
      await send('all apps, segment Holiday Campaign, hour across its creation', braze(url(SESSIONS_DATA_SERIES, { length: 6, unit: 'hour', segment_id: lumen.segments.holidayCampaign, ending_at: '2026-11-10T17:00:00Z' })))
      for (const [form, endingAt] of Object.entries(ENDING_AT_FORMS)) {
        await send(`iOS, hour, ending_at ${form}`, braze(url(SESSIONS_DATA_SERIES, { length: 3, unit: 'hour', app_id: lumen.apps.ios, ending_at: endingAt })))
      }
      await send('iOS, hour, ending_at with an unencoded + (a space)', braze(`${SESSIONS_DATA_SERIES}?length=3&unit=hour&app_id=${lumen.apps.ios}&ending_at=2026-11-20T23:59:59+0200`))
      await send('all apps, day, ending_at date only', braze(url(SESSIONS_DATA_SERIES, { length: 3, ending_at: '2026-11-20' })))
      await send('TV, day, ending_at across its creation', braze(url(SESSIONS_DATA_SERIES, { length: 5, app_id: lumen.apps.tv, ending_at: '2023-09-14' })))
      await send('TV, hour, ending_at across its creation', braze(url(SESSIONS_DATA_SERIES, { length: 5, unit: 'hour', app_id: lumen.apps.tv, ending_at: '2023-09-12T20:00:00Z' })))
      await send('all apps, day, ending_at before every app', braze(url(SESSIONS_DATA_SERIES, { length: 3, ending_at: '2019-01-01' })))
      await send('all apps, hour, ending_at after now', braze(url(SESSIONS_DATA_SERIES, { length: 6, unit: 'hour', ending_at: '2026-11-23T15:00:00Z' })))
      await send('all apps, day, ending_at after now', braze(url(SESSIONS_DATA_SERIES, { length: 5, ending_at: '2026-11-26' })))
      await send('all apps, hour, ending_at mid-hour of now', braze(url(SESSIONS_DATA_SERIES, { length: 2, unit: 'hour', ending_at: '2026-11-23T12:30:00Z' })))
      // Harbor Bank, America/New_York: hours read with the zone's offset, and the DST changes of 2026.
      for (const unit of ['day', 'hour']) {
        for (const [app, id] of Object.entries(HARBOR_APPS)) {
          await send(`Harbor ${app}, ${unit}, length 14`, braze(url(SESSIONS_DATA_SERIES, { length: 14, unit, app_id: id }), HARBOR_KEY))
        }
      }
      const dst = {
        'spring forward, 2026-03-08T12:00Z': '2026-03-08T12:00:00Z',
        'spring forward, in the skipped hour': '2026-03-08T02:30:00-05:00',
        'fall back, 2026-11-01T10:00Z': '2026-11-01T10:00:00Z',
        'fall back, the repeated hour': '2026-11-01T01:30:00-05:00',
        'date only 2026-03-09': '2026-03-09',
        'date only 2026-11-02': '2026-11-02',
      }
      for (const [when, endingAt] of Object.entries(dst)) {
        await send(`Harbor all apps, hour, length 12, ${when}`, braze(url(SESSIONS_DATA_SERIES, { length: 12, unit: 'hour', ending_at: endingAt }), HARBOR_KEY))
        await send(`Lumen all apps, hour, length 12, ${when}`, braze(url(SESSIONS_DATA_SERIES, { length: 12, unit: 'hour', ending_at: endingAt })))
      }
      await send('Harbor all apps, hour, length 26 over the fall-back day', braze(url(SESSIONS_DATA_SERIES, { length: 26, unit: 'hour', ending_at: '2026-11-02' }), HARBOR_KEY))
      await send('Harbor iOS, hour, length 24 over the spring-forward day', braze(url(SESSIONS_DATA_SERIES, { length: 24, unit: 'hour', app_id: harbor.apps.ios, ending_at: '2026-03-09' }), HARBOR_KEY))
      await send('Harbor all apps, day, length 5 over spring forward', braze(url(SESSIONS_DATA_SERIES, { length: 5, ending_at: '2026-03-10' }), HARBOR_KEY))
      await send('Harbor all apps, day, length 5 over fall back', braze(url(SESSIONS_DATA_SERIES, { length: 5, ending_at: '2026-11-03' }), HARBOR_KEY))
      await send('Harbor segment High Balance, hour, length 5', braze(url(SESSIONS_DATA_SERIES, { length: 5, unit: 'hour', segment_id: harbor.segments.highBalance }), HARBOR_KEY))
    },
  },
  {
    name: 'segments/list and segments/details, valid',
    async run (send) {
      const listings: Record<string, string> = {
        'no parameters': SEGMENTS_LIST,
        'page 0': url(SEGMENTS_LIST, { page: 0 }),
        'page 00': url(SEGMENTS_LIST, { page: '00' }),
        'page 1 (past the end)': url(SEGMENTS_LIST, { page: 1 }),
        'page 99999999999999999999': url(SEGMENTS_LIST, { page: '99999999999999999999' }),
        'sort_direction asc': url(SEGMENTS_LIST, { sort_direction: 'asc' }),
        'sort_direction desc': url(SEGMENTS_LIST, { sort_direction: 'desc' }),
        'page 0, desc': url(SEGMENTS_LIST, { page: 0, sort_direction: 'desc' }),
        'page 1, desc': url(SEGMENTS_LIST, { page: 1, sort_direction: 'desc' }),
      }
      for (const [workspace, key] of [['Lumen', LUMEN_KEY], ['Harbor', HARBOR_KEY]] as const) {
        for (const [variation, target] of Object.entries(listings)) await send(`list, ${workspace}, ${variation}`, braze(target, key))
      }
      for (const [segment, id] of Object.entries(LUMEN_SEGMENTS)) {
        await send(`details, ${segment}`, braze(url(SEGMENTS_DETAILS, { segment_id: id })))
      }
      for (const [segment, id] of Object.entries(HARBOR_SEGMENTS)) {
        await send(`details, Harbor ${segment}`, braze(url(SEGMENTS_DETAILS, { segment_id: id }), HARBOR_KEY))
      }
    },
  },
  {
    name: 'authentication and permissions',
    async run (send) {
      const unknown = '00000000-0000-4000-8000-000000000000'
      const authorizations: Record<string, string | null> = {
        'no Authorization': null,
        'empty Authorization': '',
        'Bearer and nothing': 'Bearer',
        'Bearer and spaces': 'Bearer   ',
        'Basic scheme': `Basic ${LUMEN_KEY}`,
        'Token scheme': `Token ${LUMEN_KEY}`,
        'key without a scheme': LUMEN_KEY,
        'unknown key': `Bearer ${unknown}`,
        'quoted key': `Bearer "${LUMEN_KEY}"`,
        'key with a suffix': `Bearer ${LUMEN_KEY}x`,
        'key of another case': `Bearer ${LUMEN_KEY.toUpperCase()}`,
        'scheme in lower case (accepted)': `bearer ${LUMEN_KEY}`,
        'scheme in upper case, extra spaces (accepted)': `BEARER   ${LUMEN_KEY}  `,
      }
      for (const endpoint of ENDPOINTS) {
        for (const [variation, authorization] of Object.entries(authorizations)) {
          await send(`${endpoint.name}, ${variation}`, raw('GET', endpoint.target, authorization === null ? {} : { authorization }))
        }
      }
      // Every built-in key against every endpoint: each limited key gets 403 on the one it lacks.
      const keys = { ...lumen.keys, harborFull: HARBOR_KEY }
      for (const endpoint of ENDPOINTS) {
        for (const [keyName, key] of Object.entries(keys)) {
          await send(`${endpoint.name}, key ${keyName}`, braze(endpoint.target, key))
        }
      }
      // Auth comes before parameters: a bad key or a missing permission never learns that its query was bad.
      const bad = {
        'segments/data_series': `${SEGMENTS_DATA_SERIES}?length=0`,
        'sessions/data_series': `${SESSIONS_DATA_SERIES}?unit=week`,
        'segments/list': `${SEGMENTS_LIST}?page=-1`,
        'segments/details': SEGMENTS_DETAILS,
      }
      for (const endpoint of ENDPOINTS) {
        const target = bad[endpoint.name]
        await send(`${endpoint.name}, bad query and unknown key`, braze(target, unknown))
        await send(`${endpoint.name}, bad query and key without the permission`, braze(target, endpoint.limited))
        await send(`${endpoint.name}, bad query and full key`, braze(target))
      }
    },
  },
  {
    name: 'bad parameters',
    async run (send) {
      const lengths = ['0', '101', 'abc', '1.5', '-1', '', ' 5', '1e2', '0x10', '00', '1000']
      const badEndingAt = [
        'yesterday', '2026-11-20T24:00:00Z', '2026-02-29', '2026-13-01', '2026-11-20T12:00:00+19:00',
        '2026-11-20T12:00:00+05:60', '2026-11-20T12', '20261120', '2026-11-20T12:00:00.Z', '2026-11-20 12:00:00',
        '', '0001-01-01', '0001-01-01T23:59:59Z', '9999-12-31T00:00:01Z', '10000-01-01', '2026-11-20T12:00:00z',
      ]
      const dataSeries = (params: Record<string, string | number | undefined>) => url(SEGMENTS_DATA_SERIES, params)
      await send('segments/data_series, nothing', braze(SEGMENTS_DATA_SERIES))
      await send('segments/data_series, no segment_id', braze(dataSeries({ length: 3 })))
      await send('segments/data_series, no length', braze(dataSeries({ segment_id: ALL_USERS })))
      for (const length of lengths) {
        await send(`segments/data_series, length "${length}"`, braze(dataSeries({ segment_id: ALL_USERS, length })))
      }
      for (const endingAt of badEndingAt) {
        await send(`segments/data_series, ending_at "${endingAt}"`, braze(dataSeries({ segment_id: ALL_USERS, length: 3, ending_at: endingAt })))
      }
      const segmentIds = {
        unknown: '00000000-0000-4000-8000-000000000000',
        empty: '',
        "Harbor's, from a Lumen key": harbor.segments.highBalance,
        'an app id': lumen.apps.ios,
        'in upper case': ALL_USERS.toUpperCase(),
      }
      for (const [variation, id] of Object.entries(segmentIds)) {
        await send(`segments/data_series, segment_id ${variation}`, braze(dataSeries({ segment_id: id, length: 3 })))
      }
      await send("segments/data_series, Lumen's segment from a Harbor key", braze(dataSeries({ segment_id: ALL_USERS, length: 3 }), HARBOR_KEY))
      await send('segments/data_series, bad length and bad segment_id', braze(dataSeries({ segment_id: 'nope', length: 0 })))
      await send('segments/data_series, bad ending_at and bad segment_id', braze(dataSeries({ segment_id: 'nope', length: 3, ending_at: 'soon' })))

      const sessions = (params: Record<string, string | number | undefined>) => url(SESSIONS_DATA_SERIES, params)
      await send('sessions/data_series, nothing', braze(SESSIONS_DATA_SERIES))
      for (const length of lengths) {
        await send(`sessions/data_series, length "${length}"`, braze(sessions({ length })))
      }
      for (const unit of ['days', 'HOUR', 'Day', '', 'week', 'minute']) {
        await send(`sessions/data_series, unit "${unit}"`, braze(sessions({ length: 3, unit })))
      }
      for (const endingAt of badEndingAt.slice(0, 8)) {
        await send(`sessions/data_series, hour, ending_at "${endingAt}"`, braze(sessions({ length: 3, unit: 'hour', ending_at: endingAt })))
      }
      const appIds = {
        unknown: '00000000-0000-4000-8000-000000000000',
        empty: '',
        "Harbor's, from a Lumen key": harbor.apps.ios,
        'a segment id': ALL_USERS,
      }
      for (const [variation, id] of Object.entries(appIds)) {
        await send(`sessions/data_series, app_id ${variation}`, braze(sessions({ length: 3, app_id: id })))
      }
      await send("sessions/data_series, Lumen's app from a Harbor key", braze(sessions({ length: 3, app_id: lumen.apps.ios }), HARBOR_KEY))
      for (const [variation, id] of Object.entries(segmentIds)) {
        await send(`sessions/data_series, segment_id ${variation}`, braze(sessions({ length: 3, segment_id: id })))
      }
      await send('sessions/data_series, non-analytics segment Push Opted-In', braze(sessions({ length: 3, segment_id: lumen.segments.pushOptedIn })))
      await send('sessions/data_series, non-analytics segment Internal QA, hour, with an app', braze(sessions({ length: 3, unit: 'hour', app_id: lumen.apps.ios, segment_id: lumen.segments.internalQa })))
      await send('sessions/data_series, non-analytics segment and unknown app', braze(sessions({ length: 3, app_id: 'nope', segment_id: lumen.segments.internalQa })))
      await send('sessions/data_series, bad unit and bad length', braze(sessions({ length: 'x', unit: 'x' })))

      for (const page of ['-1', 'abc', '1.5', '', ' 1', '0x1']) {
        await send(`segments/list, page "${page}"`, braze(url(SEGMENTS_LIST, { page })))
      }
      for (const direction of ['ASC', 'Desc', 'up', '', 'ascending']) {
        await send(`segments/list, sort_direction "${direction}"`, braze(url(SEGMENTS_LIST, { sort_direction: direction })))
      }
      await send('segments/list, bad page and bad sort_direction', braze(url(SEGMENTS_LIST, { page: 'x', sort_direction: 'x' })))

      await send('segments/details, no segment_id', braze(SEGMENTS_DETAILS))
      for (const [variation, id] of Object.entries(segmentIds)) {
        await send(`segments/details, segment_id ${variation}`, braze(url(SEGMENTS_DETAILS, { segment_id: id })))
      }
      await send("segments/details, Lumen's segment from a Harbor key", braze(url(SEGMENTS_DETAILS, { segment_id: ALL_USERS }), HARBOR_KEY))
    },
  },
  {
    name: 'paths, methods and query strings',
    async run (send) {
      for (const path of ['/', '/segments', '/sessions', '/segments/data_series/extra', '/segmente/data_series', '/SEGMENTS/LIST',
        '/segments/list.json', '/_mock', '/_mock/', '/_mock/nothing', '/users/track', '/segments//list', '//segments/list']) {
        await send(`GET ${path}`, braze(path))
      }
      await send('GET an unknown path without a key', braze('/nowhere', null))
      for (const endpoint of ENDPOINTS) {
        for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
          await send(`${method} ${endpoint.name}`, braze(endpoint.target, LUMEN_KEY, method))
        }
        await send(`POST ${endpoint.name} with a JSON body`, { ...control('POST', endpoint.target, { length: 3 }), headers: { 'content-type': 'application/json', authorization: `Bearer ${LUMEN_KEY}` } })
        await send(`HEAD ${endpoint.name}`, braze(endpoint.target, LUMEN_KEY, 'HEAD'))
        await send(`OPTIONS ${endpoint.name}, not a preflight`, braze(endpoint.target, LUMEN_KEY, 'OPTIONS'))
        await send(`OPTIONS ${endpoint.name}, a CORS preflight`, raw('OPTIONS', endpoint.target, {
          origin: 'http://localhost:5173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization',
        }))
        await send(`GET ${endpoint.name} from a browser origin`, raw('GET', endpoint.target, { origin: 'http://localhost:5173', authorization: `Bearer ${LUMEN_KEY}` }))
        const [path, query] = endpoint.target.split('?') as [string, string | undefined]
        const withQuery = (p: string) => query === undefined ? p : `${p}?${query}`
        await send(`GET ${endpoint.name} with a trailing slash`, braze(withQuery(`${path}/`)))
        const last = path.length - 1
        await send(`GET ${endpoint.name} with its last letter percent-encoded`, braze(withQuery(`${path.slice(0, last)}%${path.charCodeAt(last).toString(16)}`)))
        await send(`GET ${endpoint.name} with an encoded slash`, braze(withQuery(path.replace(/\/(?=[^/]*$)/, '%2F'))))
      }
      await send('GET /%73egments/lis%74/ (encoded and a trailing slash)', braze('/%73egments/lis%74/'))
      await send('GET /segments/lis%ZZ (bad percent-encoding)', braze('/segments/lis%ZZ'))
      await send('GET /segments/list%', braze('/segments/list%'))
      await send('GET /segments/list? (empty query)', braze('/segments/list?'))
      await send('OPTIONS /nowhere, not a preflight', raw('OPTIONS', '/nowhere'))
      await send('OPTIONS /_mock/clock, a CORS preflight', raw('OPTIONS', '/_mock/clock', { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' }))
      // Repeated parameters: the last value wins.
      const repeated: Record<string, string> = {
        'length 3 then 5': `${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&length=3&length=5`,
        'length 0 then 2': `${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&length=0&length=2`,
        'length 2 then 0': `${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&length=2&length=0`,
        'segment_id unknown then All Users': `${SEGMENTS_DATA_SERIES}?segment_id=nope&segment_id=${ALL_USERS}&length=2`,
        'segment_id All Users then unknown': `${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&segment_id=nope&length=2`,
        'ending_at twice': `${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&length=2&ending_at=2026-01-01&ending_at=2026-06-01`,
        'unit hour then day': `${SESSIONS_DATA_SERIES}?length=2&unit=hour&unit=day`,
        'unit day then hour': `${SESSIONS_DATA_SERIES}?length=2&unit=day&unit=hour`,
        'app_id iOS then TV': `${SESSIONS_DATA_SERIES}?length=2&app_id=${lumen.apps.ios}&app_id=${lumen.apps.tv}`,
        'page 1 then 0': `${SEGMENTS_LIST}?page=1&page=0`,
        'sort_direction desc then asc': `${SEGMENTS_LIST}?sort_direction=desc&sort_direction=asc`,
        'sort_direction asc then desc, three times': `${SEGMENTS_LIST}?sort_direction=asc&sort_direction=asc&sort_direction=desc`,
      }
      for (const [variation, target] of Object.entries(repeated)) await send(`repeated parameter, ${variation}`, braze(target))
      const queries: Record<string, string> = {
        'an encoded parameter name': `${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&%6Cength=2`,
        'length[]': `${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&length[]=2`,
        'a parameter without a value': `${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&length`,
        'a parameter without a name': `${SEGMENTS_DATA_SERIES}?segment_id=${ALL_USERS}&=x&length=2`,
        'a stray ampersand': `${SEGMENTS_DATA_SERIES}?&segment_id=${ALL_USERS}&&length=2&`,
        'a + in segment_id': `${SEGMENTS_DETAILS}?segment_id=${ALL_USERS}+`,
        'an encoded segment_id': `${SEGMENTS_DETAILS}?segment_id=${encodeURIComponent(ALL_USERS).replace(/-/g, '%2D')}`,
        'a bad percent-encoding in the query': `${SEGMENTS_DETAILS}?segment_id=%ZZ`,
      }
      for (const [variation, target] of Object.entries(queries)) await send(`query with ${variation}`, braze(target))
    },
  },
  {
    name: 'rate limit of 3 (inline fixtures)',
    config: async () => ({ fixtures: await builtInFixturesWithLumenLimit(3) }),
    async run (send) {
      for (let round = 1; round <= 2; round++) {
        for (const endpoint of ENDPOINTS) await send(`round ${round}, ${endpoint.name}`, braze(endpoint.target))
      }
      await send('over the limit, key without the permission', braze(ENDPOINTS[2].target, lumen.keys.noSegmentsList))
      await send('over the limit, bad parameters', braze(`${SEGMENTS_DATA_SERIES}?length=0`))
      await send('over the limit, unknown key (401, not counted)', braze(SEGMENTS_LIST, 'not-a-key'))
      await send('over the limit, unknown path (404, not counted)', braze('/nowhere'))
      await send('Harbor, its own pool', braze(SEGMENTS_LIST, HARBOR_KEY))
      await send('clock to 12:59:59', control('POST', '/_mock/clock/pin', { at: '2026-11-23T12:59:59Z' }))
      await send('over the limit, one second before the window ends', braze(SEGMENTS_LIST))
      await send('clock advanced 1 s, into the next window', control('POST', '/_mock/clock/advance', { by: 1000 }))
      for (const endpoint of ENDPOINTS) await send(`next window, ${endpoint.name}`, braze(endpoint.target))
      await send('journal of the 429s', control('GET', '/_mock/journal?status=429'))
      await send('reset', control('POST', '/_mock/reset'))
      await send('after reset, a fresh pool', braze(SEGMENTS_LIST))
    },
  },
  {
    name: 'control plane: clock',
    async run (send) {
      const oneDay = url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 3 })
      const hours = url(SESSIONS_DATA_SERIES, { length: 3, unit: 'hour', app_id: lumen.apps.ios })
      await send('GET clock', control('GET', '/_mock/clock'))
      const pins = ['2026-12-01T00:00:00Z', '2026-12-01T05:30:00+05:00', '2026-12-01', '2026-12-01T10:15:30.123456Z', '2026-12-01T10:15:30']
      for (const at of pins) await send(`pin ${at}`, control('POST', '/_mock/clock/pin', { at }))
      await send('segments/data_series at the pinned clock', braze(oneDay))
      await send('sessions/data_series hours at the pinned clock', braze(hours))
      const advances: Array<string | number> = ['P1D', 'PT1H30M', 3_600_000, -86_400_000, 'PT0.0001S', 'PT0.5S', 'P1W', 'P1M', -1, 0]
      for (const by of advances) await send(`advance by ${JSON.stringify(by)}`, control('POST', '/_mock/clock/advance', { by }))
      await send('segments/data_series after the advances', braze(oneDay))
      await send('sessions/data_series hours after the advances', braze(hours))
      const badPins: Record<string, unknown> = {
        'no body': undefined,
        'empty object': {},
        'at a number': { at: 5 },
        'at a word': { at: 'noon' },
        'at empty': { at: '' },
        'at before the range': { at: '0001-01-01T00:00:00Z' },
        'at after the range': { at: '9999-12-31T00:00:01Z' },
        'an extra property': { at: '2026-12-01', zone: 'UTC' },
        'not JSON': '{"at":',
        'an array': [],
        null: 'null',
      }
      for (const [variation, body] of Object.entries(badPins)) {
        await send(`pin, ${variation}`, body === undefined ? control('POST', '/_mock/clock/pin') : control('POST', '/_mock/clock/pin', body))
      }
      await send('pin, text/plain body', raw('POST', '/_mock/clock/pin', { 'content-type': 'text/plain' }, '2026-12-01'))
      const badAdvances: Record<string, unknown> = {
        'empty object': {},
        'by one character': { by: '5' },
        'by a float': { by: 1.5 },
        'by true': { by: true },
        'by a word': { by: 'soon' },
        'by past the range': { by: 1e15 },
        'by back past the range': { by: -1e15 },
        'by a duration past the range': { by: 'P9000Y' },
        'an extra property': { by: 'PT1H', again: true },
      }
      for (const [variation, body] of Object.entries(badAdvances)) {
        await send(`advance, ${variation}`, control('POST', '/_mock/clock/advance', body))
      }
      await send('GET clock after the refusals', control('GET', '/_mock/clock'))
      // Release goes to real time: only the status, the mode and the offset are recorded.
      await send('release (status, mode and offset only)', control('POST', '/_mock/clock/release'), (answer) => {
        const { mode, offset_ms: offset } = JSON.parse(answer.body) as { mode: string, offset_ms: number }
        return { ...answer, body: JSON.stringify({ mode, offset_ms: offset }) }
      })
      await send('pin again after the release', control('POST', '/_mock/clock/pin', { at: '2026-11-23T12:00:00Z' }))
      await send('GET clock, pinned again', control('GET', '/_mock/clock'))
      await send('segments/data_series at the pin', braze(oneDay))
      for (const method of ['GET', 'PUT', 'DELETE'] as const) {
        await send(`${method} /_mock/clock/pin`, control(method, '/_mock/clock/pin'))
      }
      await send('POST /_mock/clock', control('POST', '/_mock/clock', { at: '2026-12-01' }))
    },
  },
  {
    name: 'control plane: journal',
    async run (send) {
      const requests: Array<[string, SentRequest]> = [
        ['list', braze(SEGMENTS_LIST)],
        ['details', braze(url(SEGMENTS_DETAILS, { segment_id: ALL_USERS }))],
        ['bad length', braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 0 }))],
        ['unknown key', braze(SEGMENTS_LIST, 'not-a-key')],
        ['limited key', braze(SEGMENTS_LIST, lumen.keys.noSegmentsList)],
        ['unknown path', braze('/nowhere?x=1')],
        ['trailing slash', braze('/segments/list/?page=0')],
        ['percent-encoded', braze('/segments/lis%74?sort_direction=desc')],
        ['repeated parameter', braze(`${SESSIONS_DATA_SERIES}?length=2&length=3`)],
        ['POST to a Braze path', braze(SEGMENTS_LIST, LUMEN_KEY, 'POST')],
      ]
      for (const [name, request] of requests) await send(`request: ${name}`, request)
      await send('health (not journaled)', control('GET', '/_mock/health'))
      await send('advance 1 h', control('POST', '/_mock/clock/advance', { by: 'PT1H' }))
      await send('request an hour later', braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 1 })))
      const filters: Record<string, string> = {
        'no filter': '',
        'path /segments/list': 'path=/segments/list',
        'path /nowhere': 'path=/nowhere',
        'status 200': 'status=200',
        'status 400': 'status=400',
        'status 401': 'status=401',
        'status 404': 'status=404',
        'status 500 (none)': 'status=500',
        'since 12:30': 'since=2026-11-23T12:30:00Z',
        'until 12:30': 'until=2026-11-23T12:30:00Z',
        'since now': 'since=2026-11-23T13:00:00Z',
        'limit 2': 'limit=2',
        'limit 0': 'limit=0',
        'path, status and limit': 'path=/segments/list&status=200&limit=1',
        'an unknown filter': 'colour=red',
      }
      for (const [variation, query] of Object.entries(filters)) {
        await send(`journal, ${variation}`, control('GET', query === '' ? '/_mock/journal' : `/_mock/journal?${query}`))
      }
      for (const query of ['status=40', 'status=abc', 'status=600', 'limit=-1', 'limit=abc', 'limit=1234567890', 'since=yesterday', 'until=2026-13-01']) {
        await send(`journal, bad filter ${query}`, control('GET', `/_mock/journal?${query}`))
      }
      await send('clear', control('DELETE', '/_mock/journal'))
      await send('journal after clear', control('GET', '/_mock/journal'))
      await send('request after clear', braze(SEGMENTS_LIST))
      await send('journal numbered from 1 again', control('GET', '/_mock/journal'))
      await send('POST /_mock/journal', control('POST', '/_mock/journal'))
    },
  },
  {
    name: 'control plane: faults',
    async run (send) {
      const addFault = (name: string, rule: unknown) => send(`add ${name}`, control('POST', '/_mock/faults', rule))
      const dataSeries = url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 3 })
      await send('list, none', control('GET', '/_mock/faults'))
      await addFault('503 once on segments/data_series', { path: SEGMENTS_DATA_SERIES, effect: { type: 'status', status: 503 }, times: 1 })
      await send('segments/data_series, hit by the 503', braze(dataSeries))
      await send('segments/data_series, the 503 spent', braze(dataSeries))
      await send('unknown key on the faulted path (401 first)', braze(dataSeries, 'not-a-key'))
      for (const status of [500, 502, 504, 418, 599, 400]) {
        await addFault(`${status} once on segments/list`, { path: SEGMENTS_LIST, effect: { type: 'status', status }, times: 1 })
        await send(`segments/list, hit by the ${status}`, braze(SEGMENTS_LIST))
      }
      await addFault('429 once on every path', { path: '*', effect: { type: 'status', status: 429 }, times: 1 })
      await send('segments/details, hit by the 429', braze(url(SEGMENTS_DETAILS, { segment_id: ALL_USERS })))
      await addFault('truncate on segments/details', { path: SEGMENTS_DETAILS, effect: { type: 'truncate' }, times: 2 })
      await send('segments/details, truncated', braze(url(SEGMENTS_DETAILS, { segment_id: ALL_USERS })))
      await send('segments/details, truncated 400', braze(url(SEGMENTS_DETAILS, { segment_id: 'nope' })))
      await addFault('malformed on segments/list/ (trailing slash)', { path: '/segments/list/', effect: { type: 'malformed' }, times: 1 })
      await send('segments/list, malformed', braze(SEGMENTS_LIST))
      await addFault('latency 1 ms on sessions/data_series', { path: SESSIONS_DATA_SERIES, effect: { type: 'latency', ms: 1 }, times: 2 })
      await send('sessions/data_series, 1 ms late', braze(url(SESSIONS_DATA_SERIES, { length: 3 })))
      await addFault('latency 1-2 ms, half the time', { path: SESSIONS_DATA_SERIES, effect: { type: 'latency', min_ms: 1, max_ms: 2 }, probability: 0.5, seed: 7 })
      await addFault('503 with latency, on a query', { path: SESSIONS_DATA_SERIES, query: { unit: 'hour' }, effect: { type: 'status', status: 503 }, times: 1 })
      await send('sessions/data_series hour, late and 503', braze(url(SESSIONS_DATA_SERIES, { length: 3, unit: 'hour' })))
      for (let i = 1; i <= 3; i++) await send(`sessions/data_series, latency draw ${i}`, braze(url(SESSIONS_DATA_SERIES, { length: 2 })))
      await addFault('500 on a query value', { path: SEGMENTS_DATA_SERIES, query: { segment_id: lumen.segments.active7Days }, effect: { type: 'status', status: 500 } })
      await addFault('502 on any segment_id of details', { path: SEGMENTS_DETAILS, query: { segment_id: '*' }, effect: { type: 'status', status: 502 }, times: 1 })
      await send('segments/data_series, the matching segment', braze(url(SEGMENTS_DATA_SERIES, { segment_id: lumen.segments.active7Days, length: 2 })))
      await send('segments/data_series, another segment', braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 2 })))
      await send('segments/details, any segment_id', braze(url(SEGMENTS_DETAILS, { segment_id: lumen.segments.active7Days })))
      await send('segments/details, no segment_id (no match)', braze(SEGMENTS_DETAILS))
      await addFault('500 to a seeded half of segments/list', { path: SEGMENTS_LIST, effect: { type: 'status', status: 500 }, probability: 0.5, seed: 42 })
      for (let i = 1; i <= 6; i++) await send(`segments/list, seeded draw ${i}`, braze(`${SEGMENTS_LIST}?page=${i}`))
      await send('segments/list percent-encoded, seeded draw 7', braze('/segments/lis%74'))
      await send('list', control('GET', '/_mock/faults'))
      await send('journal, with the faults applied', control('GET', '/_mock/journal'))
      await send('remove fault-1', control('DELETE', '/_mock/faults/fault-1'))
      await send('remove fault-1 again', control('DELETE', '/_mock/faults/fault-1'))
      await send('remove an unknown id', control('DELETE', '/_mock/faults/nope'))
      await send('remove an encoded id', control('DELETE', '/_mock/faults/fault%2D2'))
      await send('list after removals', control('GET', '/_mock/faults'))
      await send('clear', control('DELETE', '/_mock/faults'))
      await send('list after clear', control('GET', '/_mock/faults'))
      await addFault('after clear, numbered from 1', { path: '*', effect: { type: 'drop' }, probability: 0 })
      await send('segments/list, probability 0 never applies', braze(SEGMENTS_LIST))
      await send('clear again', control('DELETE', '/_mock/faults'))
      const bad: Record<string, unknown> = {
        'empty object': {},
        'no path': { effect: { type: 'drop' } },
        'no effect': { path: '*' },
        'a relative path': { path: 'segments/list', effect: { type: 'drop' } },
        'a /_mock path': { path: '/_mock/clock', effect: { type: 'drop' } },
        '/_mock itself': { path: '/_mock', effect: { type: 'drop' } },
        'an unknown effect': { path: '*', effect: { type: 'slow' } },
        'status 200': { path: '*', effect: { type: 'status', status: 200 } },
        'status 600': { path: '*', effect: { type: 'status', status: 600 } },
        'status as a string': { path: '*', effect: { type: 'status', status: '503' } },
        'status missing': { path: '*', effect: { type: 'status' } },
        'latency -1': { path: '*', effect: { type: 'latency', ms: -1 } },
        'latency 600001': { path: '*', effect: { type: 'latency', ms: 600_001 } },
        'latency min over max': { path: '*', effect: { type: 'latency', min_ms: 50, max_ms: 10 } },
        'latency ms and min_ms': { path: '*', effect: { type: 'latency', ms: 5, min_ms: 1, max_ms: 9 } },
        'an extra effect property': { path: '*', effect: { type: 'latency', ms: 5, jitter: 1 } },
        'times 0': { path: '*', effect: { type: 'drop' }, times: 0 },
        'times as a string': { path: '*', effect: { type: 'drop' }, times: '2' },
        'probability 2': { path: '*', effect: { type: 'drop' }, probability: 2 },
        'seed -1': { path: '*', effect: { type: 'drop' }, seed: -1 },
        'a query value not a string': { path: '*', query: { page: 2 }, effect: { type: 'drop' } },
        'an extra property': { path: '*', effect: { type: 'drop' }, colour: 'red' },
        'an array': [],
        'not JSON': '{"path":',
        'an empty body': '',
      }
      for (const [variation, body] of Object.entries(bad)) await send(`bad body, ${variation}`, control('POST', '/_mock/faults', body))
      await send('bad body, none', control('POST', '/_mock/faults'))
      await send('list after the refusals', control('GET', '/_mock/faults'))
      await send('PUT /_mock/faults', control('PUT', '/_mock/faults', { path: '*', effect: { type: 'drop' } }))
    },
  },
  {
    name: 'control plane: overrides',
    async run (send) {
      const setOverride = (name: string, body: unknown) => send(`set ${name}`, control('POST', '/_mock/overrides', body))
      const sizes = braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 3 }))
      const segmentSessions = braze(url(SESSIONS_DATA_SERIES, { segment_id: ALL_USERS, length: 3 }))
      const iosDays = braze(url(SESSIONS_DATA_SERIES, { app_id: lumen.apps.ios, length: 3 }))
      const allDays = braze(url(SESSIONS_DATA_SERIES, { length: 3 }))
      const iosHours = braze(url(SESSIONS_DATA_SERIES, { app_id: lumen.apps.ios, unit: 'hour', length: 6, ending_at: '2026-11-22T23:00:00Z' }))
      const allHours = braze(url(SESSIONS_DATA_SERIES, { unit: 'hour', length: 6, ending_at: '2026-11-22T23:00:00Z' }))
      const harborHours = braze(url(SESSIONS_DATA_SERIES, { app_id: harbor.apps.ios, unit: 'hour', length: 4, ending_at: '2026-11-22T23:00:00-05:00' }), HARBOR_KEY)
      const harborDays = braze(url(SESSIONS_DATA_SERIES, { app_id: harbor.apps.ios, length: 3 }), HARBOR_KEY)
      const series: Array<[string, SentRequest]> = [
        ['All Users sizes', sizes], ['All Users sessions', segmentSessions], ['iOS days', iosDays], ['all apps days', allDays],
        ['iOS hours', iosHours], ['all apps hours', allHours], ['Harbor iOS hours', harborHours], ['Harbor iOS days', harborDays],
      ]
      const all = async (when: string) => { for (const [name, request] of series) await send(`${name}, ${when}`, request) }

      await send('list, none', control('GET', '/_mock/overrides'))
      await all('before any override')
      await setOverride('segment All Users, two days', { segment_id: ALL_USERS, values: { '2026-11-21': 0, '2026-11-22': 5_000_000 } })
      await setOverride('app iOS, a day', { app_id: lumen.apps.ios, values: { '2026-11-22': 0 } })
      await setOverride('app iOS, an hour', { app_id: lumen.apps.ios, unit: 'hour', values: { '2026-11-22T20:00:00Z': 90_000 } })
      await setOverride('app iOS, an hour named mid-hour with an offset', { app_id: lumen.apps.ios, unit: 'hour', values: { '2026-11-22T16:30:00-05:00': 7 } })
      await setOverride('Harbor app iOS, an hour in its zone', { app_id: harbor.apps.ios, unit: 'hour', values: { '2026-11-22T21:00:00-05:00': 12_345 } })
      await setOverride('Harbor app iOS, a day', { app_id: harbor.apps.ios, unit: 'day', values: { '2026-11-21': 1 } })
      await setOverride('Holiday Campaign, before it existed', { segment_id: lumen.segments.holidayCampaign, values: { '2026-11-01': 999 } })
      await send('Holiday Campaign sizes with an override before its creation', braze(url(SEGMENTS_DATA_SERIES, { segment_id: lumen.segments.holidayCampaign, length: 3, ending_at: '2026-11-03' })))
      await all('with the overrides')
      await send('list', control('GET', '/_mock/overrides'))
      await setOverride('app iOS, the same day again', { app_id: lumen.apps.ios, values: { '2026-11-22': 42 } })
      await send('iOS days, overridden twice', iosDays)
      await send('list after setting a bucket again', control('GET', '/_mock/overrides'))
      await send('remove override-1', control('DELETE', '/_mock/overrides/override-1'))
      await send('remove override-1 again', control('DELETE', '/_mock/overrides/override-1'))
      await send('remove an unknown id', control('DELETE', '/_mock/overrides/nope'))
      await send('All Users sizes, one override removed', sizes)
      await send('list after the removal', control('GET', '/_mock/overrides'))
      await send('clear', control('DELETE', '/_mock/overrides'))
      await send('list after clear', control('GET', '/_mock/overrides'))
      await all('after clear')
      const bad: Record<string, unknown> = {
        'empty object': {},
        'no values': { app_id: lumen.apps.ios },
        'empty values': { app_id: lumen.apps.ios, values: {} },
        'both ids': { app_id: lumen.apps.ios, segment_id: ALL_USERS, values: { '2026-11-20': 1 } },
        'neither id': { values: { '2026-11-20': 1 } },
        'a segment by the hour': { segment_id: ALL_USERS, unit: 'hour', values: { '2026-11-20T10:00:00Z': 1 } },
        'unit week': { app_id: lumen.apps.ios, unit: 'week', values: { '2026-11-20': 1 } },
        'a value of -1': { app_id: lumen.apps.ios, values: { '2026-11-20': -1 } },
        'a value of 1.5': { app_id: lumen.apps.ios, values: { '2026-11-20': 1.5 } },
        'a value past 1e12': { app_id: lumen.apps.ios, values: { '2026-11-20': 1e13 } },
        'a value as a string': { app_id: lumen.apps.ios, values: { '2026-11-20': 'many' } },
        'an instant for a day': { app_id: lumen.apps.ios, values: { '2026-11-20T00:00:00Z': 1 } },
        'a date for an hour': { app_id: lumen.apps.ios, unit: 'hour', values: { '2026-11-20': 1 } },
        'a date that does not exist': { app_id: lumen.apps.ios, values: { '2026-02-30': 1 } },
        'a word for a day': { app_id: lumen.apps.ios, values: { yesterday: 1 } },
        'one good and one bad bucket': { app_id: lumen.apps.ios, values: { '2026-11-20': 1, later: 2 } },
        'an unknown app': { app_id: 'nope', values: { '2026-11-20': 1 } },
        'an unknown segment': { segment_id: 'nope', values: { '2026-11-20': 1 } },
        'an empty app id': { app_id: '', values: { '2026-11-20': 1 } },
        'an app id as a number': { app_id: 7, values: { '2026-11-20': 1 } },
        'an extra property': { app_id: lumen.apps.ios, values: { '2026-11-20': 1 }, note: 'x' },
        'an array': [],
        'not JSON': '{"values":',
      }
      for (const [variation, body] of Object.entries(bad)) await send(`bad body, ${variation}`, control('POST', '/_mock/overrides', body))
      await send('list after the refusals', control('GET', '/_mock/overrides'))
    },
  },
  {
    name: 'control plane: reset, reload, health and documents',
    async run (send) {
      await send('advance 1 day', control('POST', '/_mock/clock/advance', { by: 'P1D' }))
      await send('add a fault', control('POST', '/_mock/faults', { path: SEGMENTS_DETAILS, effect: { type: 'status', status: 503 } }))
      await send('set an override', control('POST', '/_mock/overrides', { segment_id: ALL_USERS, values: { '2026-11-23': 1 } }))
      await send('segments/data_series with all of it', braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 3 })))
      await send('segments/details with the fault', braze(url(SEGMENTS_DETAILS, { segment_id: ALL_USERS })))
      await send('reset', control('POST', '/_mock/reset'))
      await send('reset with a JSON body', control('POST', '/_mock/reset', {}))
      for (const path of ['/_mock/clock', '/_mock/faults', '/_mock/overrides', '/_mock/journal']) await send(`GET ${path} after reset`, control('GET', path))
      await send('segments/data_series after reset', braze(url(SEGMENTS_DATA_SERIES, { segment_id: ALL_USERS, length: 3 })))
      await send('segments/details after reset', braze(url(SEGMENTS_DETAILS, { segment_id: ALL_USERS })))
      await send('fixtures reload', control('POST', '/_mock/fixtures/reload'))
      await send('segments/list after reload (its pool kept)', braze(SEGMENTS_LIST))
      await send('journal after reload', control('GET', '/_mock/journal'))
      await send('GET /_mock/reset', control('GET', '/_mock/reset'))
      await send('GET /_mock/fixtures/reload', control('GET', '/_mock/fixtures/reload'))
      await send('health', control('GET', '/_mock/health'))
      await send('health with a Braze key', braze('/_mock/health'))
      await send('health with a query', control('GET', '/_mock/health?x=1'))
      await send('health, trailing slash', control('GET', '/_mock/health/'))
      await send('POST health', control('POST', '/_mock/health'))
      await send('HEAD health', control('HEAD', '/_mock/health'))
      await send('the OpenAPI document', control('GET', '/_mock/openapi.json'))
      await send('the docs page', control('GET', '/_mock/docs'))
      await send('the docs page, trailing slash', control('GET', '/_mock/docs/'))
    },
  },
  {
    name: 'control plane off',
    config: { control: false },
    async run (send) {
      const routes: Array<[HTTPMethods, string, unknown?]> = [
        ['POST', '/_mock/reset'],
        ['GET', '/_mock/clock'],
        ['POST', '/_mock/clock/pin', { at: '2026-11-24T00:00:00Z' }],
        ['POST', '/_mock/clock/advance', { by: 'PT1H' }],
        ['POST', '/_mock/clock/release'],
        ['GET', '/_mock/journal'],
        ['DELETE', '/_mock/journal'],
        ['GET', '/_mock/faults'],
        ['POST', '/_mock/faults', { path: '/segments/list', effect: { type: 'status', status: 503 } }],
        ['DELETE', '/_mock/faults/fault-1'],
        ['DELETE', '/_mock/faults'],
        ['GET', '/_mock/overrides'],
        ['POST', '/_mock/overrides', { app_id: lumen.apps.ios, values: { '2026-11-20': 5 } }],
        ['DELETE', '/_mock/overrides/override-1'],
        ['DELETE', '/_mock/overrides'],
        ['POST', '/_mock/fixtures/reload'],
        ['GET', '/_mock/openapi.json'],
        ['GET', '/_mock/docs'],
        ['GET', '/_mock/docs/'],
        ['GET', '/_mock/health'],
      ]
      for (const [method, path, body] of routes) await send(`${method} ${path}`, control(method, path, body))
      await send('segments/list still served', braze(SEGMENTS_LIST))
    },
  },
  {
    name: 'control token',
    config: { controlToken: 'golden-secret' },
    async run (send) {
      const tokens: Record<string, Record<string, string>> = {
        'no token': {},
        'a wrong token': { authorization: 'Bearer not-the-secret' },
        'the token without a scheme': { authorization: 'golden-secret' },
        'the token, Basic scheme': { authorization: 'Basic golden-secret' },
        'a Braze key': { authorization: `Bearer ${LUMEN_KEY}` },
        'the token': { authorization: 'Bearer golden-secret' },
        'the token, lower-case scheme': { authorization: 'bearer golden-secret' },
      }
      for (const [variation, headers] of Object.entries(tokens)) {
        await send(`GET clock, ${variation}`, control('GET', '/_mock/clock', undefined, headers))
      }
      await send('POST reset, no token', control('POST', '/_mock/reset'))
      await send('POST faults, a bad body and no token', control('POST', '/_mock/faults', {}))
      await send('POST faults, a bad body and the token', control('POST', '/_mock/faults', {}, tokens['the token']))
      await send('POST reset, the token', control('POST', '/_mock/reset', undefined, tokens['the token']))
      await send('DELETE an unknown fault, no token', control('DELETE', '/_mock/faults/nope'))
      await send('health, no token', control('GET', '/_mock/health'))
      await send('the OpenAPI document, no token', control('GET', '/_mock/openapi.json'))
      await send('the docs page, no token', control('GET', '/_mock/docs'))
      await send('segments/list, a Braze key', braze(SEGMENTS_LIST))
      await send('segments/list, the control token', braze(SEGMENTS_LIST, 'golden-secret'))
    },
  },
  {
    // A drop fault destroys the connection, which inject() cannot show: this group listens on a real
    // socket (port 0), sends the dropped request with fetch, and records what a client sees (no answer)
    // and, through inject(), what the emulator's journal and fault list say about it.
    name: 'drop fault (real socket)',
    async runAlone (run, prefix) {
      const mock = await startEmulator({ now: NOW })
      try {
        const send: Send = (name, request, shape) => run.send(mock.app, `${prefix}${name}`, request, shape)
        await send('add a drop fault', control('POST', '/_mock/faults', { path: SEGMENTS_LIST, effect: { type: 'drop' }, times: 1 }))
        const dropped = braze(SEGMENTS_LIST)
        const outcome = await fetch(`${mock.url}${dropped.url}`, { headers: dropped.headers }).then(
          async (response) => `answered ${response.status}: ${await response.text()}`,
          // Which socket error the client reports (a reset, or the other side closing) is the OS's timing, not the emulator's.
          () => 'connection closed without an answer'
        )
        const journaled = mock.journal.list().entries.at(-1)
        run.note(`${prefix}segments/list, dropped`, dropped, { status: null, headers: {}, body: outcome },
          journaled?.status === null ? journaled.request_id : undefined)
        await send('segments/list after the drop', braze(SEGMENTS_LIST))
        await send('journal', control('GET', '/_mock/journal'))
        await send('faults', control('GET', '/_mock/faults'))
        await send('bad body, a drop with a property', control('POST', '/_mock/faults', { path: '*', effect: { type: 'drop', ms: 1 } }))
      } finally {
        await mock.close()
      }
    },
  },
]

/** The built-in fixtures as an inline set, with Lumen's rate limit lowered to `limit`. */
async function builtInFixturesWithLumenLimit (limit: number): Promise<object> {
  const files = { workspaces: 'workspaces.json', apps: 'apps.json', segments: 'segments.json', api_keys: 'api-keys.json' }
  const set: Record<string, unknown> = {}
  for (const [part, file] of Object.entries(files)) set[part] = JSON.parse(await readFile(join(BUILT_IN_FIXTURES, file), 'utf8'))
  const workspaces = set.workspaces as Array<{ id: string, rate_limit: number }>
  workspaces.find(workspace => workspace.id === lumen.workspaceId)!.rate_limit = limit
  return set
}
