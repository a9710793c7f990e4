// Adding a Braze endpoint is one definition and at most one generator: this file declares a throwaway
// /kpi/example/data_series (in the custom-data pool, with its own metric) and, with no change to src/,
// shows that it gets what every endpoint gets: Braze's 401, its pool's headers and 429, its permission's
// 403 (and fixture keys may name that permission), Braze-worded 400s, the journal, faults, metric-keyed
// overrides through the control plane, the OpenAPI document, and the fuzz properties.
import { Type } from '@sinclair/typebox'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type BrazeMockApp } from '../../src/app.js'
import { defineEndpoint } from '../../src/endpoints/define.js'
import { ENDPOINTS } from '../../src/endpoints/index.js'
import { appId, endingAt, length, optional, Success } from '../../src/endpoints/parameters.js'
import { appOf, endingAtOf, lengthOf } from '../../src/endpoints/resolve.js'
import { FixtureError } from '../../src/index.js'
import { mix } from '../../src/world/hash.js'
import type { Metric } from '../../src/world/metrics.js'
import type { SeriesContext } from '../../src/world/series/context.js'
import { dayWindow } from '../../src/world/series/window.js'
import type { App } from '../../src/world/world.js'
import type { Day } from '../../src/world/zone-calendar.js'
import { builtInFixtureSet, endpointTable, type FixtureObject } from '../endpoints.js'
import { BUILT_IN, get, NOW } from '../helpers.js'
import { properties } from '../reliability/properties.js'

const { lumen } = BUILT_IN
const PATH = '/kpi/example/data_series'
const PERMISSION = 'kpi.example.data_series'

// ---- The definition and its generator: all a new endpoint needs ------------------------------------------

const EXAMPLE: Metric = { id: 'example', key: 'example', entity: 'app', hours: false, aggregate: 'sum', salt: 0xe4a }

/** The generator: a pure function of (seed, app, day), where an override set through the control plane wins. */
function exampleOn (series: SeriesContext, app: App, day: Day): number {
  return series.overrides?.day(EXAMPLE.id, app.id, day.index) ?? mix(mix(mix(series.seed, EXAMPLE.salt), app.key), day.index) % 1000
}

const example = defineEndpoint({
  path: PATH,
  permission: PERMISSION,
  pool: 'custom-data',
  summary: 'A throwaway KPI: a number per app and day, summed over the apps without app_id',
  parameters: { length, ending_at: optional(endingAt), app_id: optional(appId) },
  response: Type.Object({
    message: Success,
    data: Type.Array(Type.Object({ time: Type.String(), example: Type.Integer() })),
  }),
  metrics: [EXAMPLE],
  example: { length: '7', ending_at: '2026-11-20', app_id: lumen.apps.ios },
  handle ({ query, workspace, series }) {
    const days = dayWindow(workspace.calendar, endingAtOf(query.ending_at, workspace, series.now), lengthOf(query.length))
    const apps = query.app_id === undefined ? workspace.apps : [appOf(workspace, query.app_id)]
    return {
      message: 'success',
      data: days.map(day => ({ time: day.date, example: apps.reduce((sum, app) => sum + exampleOn(series, app, day), 0) })),
    }
  },
})

// ---- The emulator that serves it ---------------------------------------------------------------------------

const ENDPOINTS_WITH_EXAMPLE = [...ENDPOINTS, example]
/** Keys of Lumen's: one holding "*", one naming only the new permission; the built-in full key lacks it. */
const STAR = 'lumen-every-permission'
const EXAMPLE_ONLY = 'lumen-example-only'
const CUSTOM_DATA_LIMIT = 5

function fixtures (): FixtureObject {
  const set = builtInFixtureSet()
  return {
    ...set,
    workspaces: set.workspaces.map(w => w.id === lumen.workspaceId ? { ...w, rate_limits: { 'custom-data': CUSTOM_DATA_LIMIT } } : w),
    api_keys: [
      ...set.api_keys,
      { key: STAR, workspace_id: lumen.workspaceId, permissions: ['*'] },
      { key: EXAMPLE_ONLY, workspace_id: lumen.workspaceId, permissions: [PERMISSION] },
    ],
  }
}

const TABLE = endpointTable(ENDPOINTS_WITH_EXAMPLE, fixtures())
const ROW = TABLE.find(row => row.path === PATH)!
const URL_ = ROW.url
const NEXT_HOUR = Date.UTC(2026, 10, 23, 13) / 1000 // NOW is 12:00:00Z

const emulator = () => buildApp({ now: NOW, endpoints: ENDPOINTS_WITH_EXAMPLE, fixtures: fixtures() })

function limits (response: { headers: Record<string, unknown> }) {
  return { limit: response.headers['x-ratelimit-limit'], remaining: response.headers['x-ratelimit-remaining'], reset: response.headers['x-ratelimit-reset'] }
}

interface Point { time: string, example: number }
const series = async (app: BrazeMockApp, url = URL_): Promise<Point[]> => {
  const response = await get(app, url, STAR)
  expect(response.status).toBe(200)
  return (response.body as { data: Point[] }).data
}

describe(`${PATH}: one definition and one generator`, () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await emulator() })
  afterAll(async () => { await app.close() })
  afterEach(() => { app.control.reset() })

  it('answers its example with a day per point, the same for the same seed', async () => {
    const data = await series(app)
    expect(data.map(p => p.time)).toStrictEqual(['2026-11-13', '2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19'])
    for (const point of data) expect(point.example).toBeGreaterThanOrEqual(0)
    expect(new Set(data.map(p => p.example)).size).toBeGreaterThan(1)
    const again = await emulator()
    try {
      expect(await series(again)).toStrictEqual(data)
    } finally {
      await again.close()
    }
    // Without app_id, the sum over Lumen's apps, as its metric's aggregate says.
    const all = await series(app, `${PATH}?length=7&ending_at=2026-11-20`)
    for (const [i, point] of all.entries()) expect(point.example).toBeGreaterThanOrEqual(data[i]!.example)
  })

  describe('auth', () => {
    it.each([
      { case: 'no Authorization header', authorization: undefined, echoed: '' },
      { case: 'an unknown key', authorization: 'Bearer nope', echoed: 'nope' },
      { case: 'another scheme', authorization: `Basic ${STAR}`, echoed: STAR },
    ])('$case is 401 as Braze words it, with empty rate-limit headers', async ({ authorization, echoed }) => {
      const response = await app.inject({ url: URL_, headers: authorization === undefined ? {} : { authorization } })
      expect(response.statusCode).toBe(401)
      expect(response.json()).toStrictEqual({ message: `Invalid API key: ${echoed}` })
      expect(limits(response)).toStrictEqual({ limit: '', remaining: '', reset: '' })
    })
  })

  describe('its pool', () => {
    it(`counts against custom-data (${CUSTOM_DATA_LIMIT} here), apart from the default pool, and answers 429 at the limit`, async () => {
      const segments = '/segments/list?page=0'
      for (let i = 1; i <= CUSTOM_DATA_LIMIT; i++) {
        const response = await get(app, URL_, STAR)
        expect(response.status).toBe(200)
        expect(limits(response)).toStrictEqual({ limit: String(CUSTOM_DATA_LIMIT), remaining: String(CUSTOM_DATA_LIMIT - i), reset: String(NEXT_HOUR) })
        // The default pool moves only with its own endpoints.
        expect(limits(await get(app, segments, STAR))).toStrictEqual({ limit: '250000', remaining: String(250_000 - i), reset: String(NEXT_HOUR) })
      }
      const spent = await get(app, URL_, STAR)
      expect(spent.status).toBe(429)
      expect(spent.body).toStrictEqual({ message: 'Rate limit exceeded' })
      expect(spent.headers['retry-after']).toBe('3600')
      expect(limits(spent)).toStrictEqual({ limit: String(CUSTOM_DATA_LIMIT), remaining: '0', reset: String(NEXT_HOUR) })
      // Before the permission and the query: a key lacking it, and a bad query, are 429 too.
      expect((await get(app, URL_, lumen.keys.full)).status).toBe(429)
      expect((await get(app, `${PATH}?length=0`, STAR)).status).toBe(429)
      // The default pool is not spent.
      expect((await get(app, segments, STAR)).status).toBe(200)
      app.emulator.clock.advance(3_600_000)
      expect(limits(await get(app, URL_, STAR))).toStrictEqual({ limit: String(CUSTOM_DATA_LIMIT), remaining: String(CUSTOM_DATA_LIMIT - 1), reset: String(NEXT_HOUR + 3600) })
    })

    it('without a workspace setting, has the custom-data pool\'s own limit of 1,000 an hour', async () => {
      const response = await get(app, URL_, BUILT_IN.harbor.keys.full)
      expect(response.status).toBe(403) // Harbor's key names the four built-in permissions only
      expect(limits(response)).toStrictEqual({ limit: '1000', remaining: '999', reset: String(NEXT_HOUR) })
    })
  })

  describe('its permission', () => {
    it('is 403 naming it for a key without it, as for the built-in endpoints', async () => {
      const response = await get(app, URL_, lumen.keys.full)
      expect(response.status).toBe(403)
      expect(response.body).toStrictEqual({ message: `Access Denied: this API key lacks the ${PERMISSION} permission` })
      expect(ROW.lacking).toBe(lumen.keys.full)
    })

    it('passes a "*" key and a fixture key naming it, which holds nothing else', async () => {
      expect((await get(app, URL_, STAR)).status).toBe(200)
      expect((await get(app, URL_, EXAMPLE_ONLY)).status).toBe(200)
      const other = await get(app, '/segments/list', EXAMPLE_ONLY)
      expect(other.status).toBe(403)
      expect(other.body).toStrictEqual({ message: 'Access Denied: this API key lacks the segments.list permission' })
    })

    it('is known to the fixtures because the definition is registered: without it, a key naming it does not load', async () => {
      const error: unknown = await buildApp({ fixtures: fixtures() }).then(async (a) => { await a.close() }, (e: unknown) => e)
      expect(error).toBeInstanceOf(FixtureError)
      expect((error as FixtureError).reason).toMatch(new RegExp(`\\(got "${PERMISSION.replaceAll('.', '\\.')}"\\)$`))
    })
  })

  describe('Braze-worded 400s', () => {
    it.each([
      { query: 'ending_at=2026-11-20', message: 'length must be an integer between 1 and 100' },
      { query: 'length=0', message: 'length must be an integer between 1 and 100' },
      { query: 'length=101', message: 'length must be an integer between 1 and 100' },
      { query: 'length=7&ending_at=yesterday', message: 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00' },
      { query: `length=7&app_id=${BUILT_IN.harbor.apps.ios}`, message: 'app_id must be a string of the App api identifier' },
      { query: 'length=7&app_id=', message: 'app_id must be a string of the App api identifier' },
      { query: 'length=abc&ending_at=yesterday&app_id=nope', message: 'length must be an integer between 1 and 100' },
    ])('?$query is 400 "$message"', async ({ query, message }) => {
      const response = await get(app, `${PATH}?${query}`, STAR)
      expect({ status: response.status, body: response.body }).toStrictEqual({ status: 400, body: { message } })
      expect(response.headers['cache-control']).toBe('no-cache')
    })
  })

  describe('the control plane', () => {
    it('journals its requests with path, query, workspace and status', async () => {
      await get(app, URL_, STAR)
      await get(app, URL_, lumen.keys.full)
      await get(app, `${PATH}?length=0`, STAR)
      const entries = app.control.journal({ path: PATH }).entries.map(e => [e.path, e.query, e.workspace_id, e.status])
      expect(entries).toStrictEqual([
        [PATH, ROW.definition.example, lumen.workspaceId, 200],
        [PATH, ROW.definition.example, lumen.workspaceId, 403],
        [PATH, { length: '0' }, lumen.workspaceId, 400],
      ])
    })

    it('fires a fault rule on its path, and only there', async () => {
      const rule = app.control.addFault({ path: PATH, effect: { type: 'status', status: 503 }, times: 1 })
      expect((await get(app, '/segments/list', STAR)).status).toBe(200)
      const faulted = await get(app, URL_, STAR)
      expect({ status: faulted.status, body: faulted.body }).toStrictEqual({ status: 503, body: { message: 'Service Unavailable' } })
      expect((await get(app, URL_, STAR)).status).toBe(200)
      expect(app.control.journal({ path: PATH }).entries.map(e => e.fault)).toStrictEqual([rule.id, null])
      // An injected 429 has its own pool's headers.
      app.control.addFault({ path: PATH, effect: { type: 'status', status: 429 } })
      expect(limits(await get(app, URL_, STAR))).toStrictEqual({ limit: String(CUSTOM_DATA_LIMIT), remaining: '0', reset: String(NEXT_HOUR) })
    })

    it('sets its metric by name through the control plane (HTTP and in-process), apart from the app\'s sessions', async () => {
      const before = await series(app)
      const sessionsUrl = `/sessions/data_series?length=7&ending_at=2026-11-20&app_id=${lumen.apps.ios}`
      const sessions = await get(app, sessionsUrl, STAR)

      const http = await app.inject({
        method: 'POST',
        url: '/_mock/overrides',
        payload: { app_id: lumen.apps.ios, metric: 'example', values: { '2026-11-19': 123_456 } },
      })
      expect(http.statusCode).toBe(201)
      expect(http.json()).toMatchObject({ overrides: [{ entity: 'app', id: lumen.apps.ios, metric: 'example', unit: 'day', time: '2026-11-19', value: 123_456 }] })
      app.control.setOverrides({ app_id: lumen.apps.ios, metric: 'example', values: { '2026-11-13': 0 } })

      const after = await series(app)
      expect(after).toStrictEqual(before.map(p => p.time === '2026-11-19' ? { ...p, example: 123_456 } : p.time === '2026-11-13' ? { ...p, example: 0 } : p))
      // The app's sessions did not move: overrides are keyed by metric.
      expect((await get(app, sessionsUrl, STAR)).body).toStrictEqual(sessions.body)
      // A sessions override (the default metric for an app) leaves the example series alone.
      app.control.setOverrides({ app_id: lumen.apps.ios, values: { '2026-11-18': 1 } })
      expect(await series(app)).toStrictEqual(after)
    })

    it('refuses an hour override of its daily metric, and a metric no served endpoint has', async () => {
      const hourly = await app.inject({
        method: 'POST',
        url: '/_mock/overrides',
        payload: { app_id: lumen.apps.ios, metric: 'example', unit: 'hour', values: { '2026-11-19T10:00:00Z': 1 } },
      })
      expect(hourly.statusCode).toBe(400)
      expect(hourly.json()).toStrictEqual({ message: 'unit: an app\'s example is daily; hour overrides are for apps' })
      const unknown = await app.inject({ method: 'POST', url: '/_mock/overrides', payload: { app_id: lumen.apps.ios, metric: 'downloads', values: { '2026-11-19': 1 } } })
      expect({ status: unknown.statusCode, body: unknown.json() }).toStrictEqual({ status: 400, body: { message: expect.stringMatching(/^metric: apps have sessions, (\w+, )*example \(got "downloads"\)$/) } })
    })
  })

  it('is in the OpenAPI document with its parameters, its answers and bearer auth', async () => {
    const response = await app.inject('/_mock/openapi.json')
    expect(response.statusCode).toBe(200)
    const operation = (response.json() as { paths: Record<string, { get: Record<string, unknown> }> }).paths[PATH]!.get
    expect(operation).toMatchObject({ summary: example.summary, tags: ['Braze'], security: [{ bearer: [] }] })
    const parameters = operation.parameters as Array<{ in: string, name: string, required?: boolean }>
    expect(parameters.map(p => `${p.in}:${p.name}${p.required === true ? '!' : ''}`)).toStrictEqual(['query:length!', 'query:ending_at', 'query:app_id'])
    const responses = operation.responses as Record<string, { content?: Record<string, { schema: { properties?: object } }> }>
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '429']))
    expect(Object.keys(responses['200']!.content!['application/json']!.schema.properties!)).toStrictEqual(['message', 'data'])
  })
})

describe(`${PATH}: the fuzz properties, over the endpoint table extended by it`, () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await emulator() })
  afterAll(async () => { await app.close() })

  it('gives 401, 403, 200 or 400 in that order of precedence on every path, its own included', async () => {
    expect(TABLE.map(row => row.path)).toStrictEqual([...ENDPOINTS.map(e => e.path), PATH])
    const { braze } = properties(app, { table: TABLE, fullKey: STAR })
    // Rows are drawn at random: with 20 draws per row, a given row is missed with probability about e^-20,
    // where 150 draws over the table's 24 rows missed one in about one run in twenty.
    await fc.assert(braze, { numRuns: TABLE.length * 20 })
    // Its pool (5 here) was refilled before it was spent, and every path of the table was fuzzed.
    const fuzzed = app.control.journal().entries
    expect(fuzzed.filter(e => e.status === 429)).toStrictEqual([])
    expect(TABLE.filter(row => !fuzzed.some(e => e.path === row.path)).map(row => row.path)).toStrictEqual([])
  })

  it('keeps the control plane answering in JSON with its metric in the override bodies', async () => {
    const { control } = properties(app, { table: TABLE, fullKey: STAR })
    await fc.assert(control, { numRuns: 40 })
  })
})
