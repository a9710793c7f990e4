// BRAZE.md section 2 through the real app: every error is JSON {message} and nothing else, unknown paths and
// methods are 404 whatever the key, each bad parameter has its own 400, and no query of any shape is a 5xx.
import type { Socket } from 'node:net'
import fc from 'fast-check'
import type { ConnectionError, FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { CANVAS_WINDOW_RULES } from '../../src/endpoints/canvas-series.js'
import { ENDPOINTS } from '../../src/endpoints/index.js'
import { clientErrorHandler } from '../../src/plugins/braze-errors.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const FULL = lumen.keys.full
const SEGMENT = lumen.segments.allUsers

const NOT_ANALYTICS = 'segment_id must be a segment with analytics tracking enabled; this segment does not track analytics'
/** Every parameter's 400 wording, as the endpoint definitions give it. */
// The series parameters' rules; the Canvas endpoints' `length` (1 to 14) has its own, in KNOWN_400_MESSAGES.
const PARAMETER_RULES: Record<string, string> = ENDPOINTS.find(endpoint => endpoint.path === '/sessions/data_series')!.rules
const KNOWN_400_MESSAGES = new Set<string>([
  ...ENDPOINTS.flatMap(endpoint => Object.values(endpoint.rules)),
  ...Object.values(CANVAS_WINDOW_RULES),
  NOT_ANALYTICS,
])

/** A Braze error on the wire: the status, Content-Type exactly application/json, and the body {message} only. */
function expectBrazeError (response: LightMyRequestResponse, status: number, message: string): void {
  expect(response.statusCode).toBe(status)
  expect(response.headers['content-type']).toBe('application/json')
  expect(JSON.parse(response.body)).toStrictEqual({ message })
}

describe('braze-errors: the shape of every error', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it.each([
    { case: '401', status: 401, url: '/segments/data_series?length=1', key: 'nope', message: 'Invalid API key: nope' },
    { case: '403', status: 403, url: '/sessions/data_series?length=1', key: lumen.keys.noSessionsDataSeries, message: 'Access Denied: this API key lacks the sessions.data_series permission' },
    { case: '400', status: 400, url: '/sessions/data_series?length=0', key: FULL, message: PARAMETER_RULES.length! },
    { case: '404', status: 404, url: '/segments', key: FULL, message: 'Not Found' },
  ])('$case is JSON {message} with no statusCode, code or error field', async ({ status, url, key, message }) => {
    const response = await app.inject({ url, headers: { authorization: `Bearer ${key}` } })
    expectBrazeError(response, status, message)
    expect(response.body).toBe(JSON.stringify({ message }))
  })
})

describe('braze-errors: unknown paths and wrong methods are 404', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  const AUTHORIZATIONS = [
    { case: 'a valid key', headers: { authorization: `Bearer ${FULL}` } },
    { case: 'an unknown key', headers: { authorization: 'Bearer nope' } },
    { case: 'no key', headers: {} },
  ]
  const UNKNOWN_PATHS = [
    '/',
    '/nope',
    '/segments',
    '/sessions',
    '/segments/data_series/extra',
    '/segments/data-series',
    '/SEGMENTS/DATA_SERIES',
    '/segmente/data_series', // the German seed's slip (BRAZE.md)
    '/v1/segments/data_series',
    '/_mock/nope',
    '/segments/data_series%00',
  ]
  const PATHS = ['/segments/data_series', '/sessions/data_series', '/segments/list', '/segments/details']
  const METHODS = ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const

  for (const { case: who, headers } of AUTHORIZATIONS) {
    it.each(UNKNOWN_PATHS)(`GET %s with ${who} is 404`, async (path) => {
      const response = await app.inject({ method: 'GET', url: `${path}?length=1&segment_id=${SEGMENT}`, headers })
      expectBrazeError(response, 404, 'Not Found')
    })

    it.each(METHODS.flatMap(method => PATHS.map(path => ({ method, path }))))(`$method $path with ${who} is 404`, async ({ method, path }) => {
      const response = await app.inject({ method, url: `${path}?length=1&segment_id=${SEGMENT}`, headers })
      expectBrazeError(response, 404, 'Not Found')
    })
  }

  it.each(PATHS)('POST %s with a JSON body is 404', async (path) => {
    const response = await app.inject({
      method: 'POST',
      url: path,
      headers: { authorization: `Bearer ${FULL}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ segment_id: SEGMENT, length: 1 }),
    })
    expectBrazeError(response, 404, 'Not Found')
  })

  // "Unknown paths and wrong methods are 404 {"message":"Not Found"}, whatever the key": no route takes the
  // request, so its body has nothing to be valid for, and a 400 would tell the client to fix the wrong thing.
  it('POST with a malformed JSON body is 404, on the Braze paths and elsewhere', async () => {
    const answers = []
    for (const path of [...PATHS, '/nope']) {
      const response = await app.inject({
        method: 'POST',
        url: path,
        headers: { authorization: `Bearer ${FULL}`, 'content-type': 'application/json' },
        payload: '{"segment_id":',
      })
      answers.push({ path, status: response.statusCode, type: response.headers['content-type'], body: response.body })
    }
    expect(answers).toStrictEqual([...PATHS, '/nope'].map(path => ({
      path, status: 404, type: 'application/json', body: '{"message":"Not Found"}',
    })))
  })
})

describe('braze-errors: each bad parameter has its own 400', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  const BAD_LENGTHS = ['length=0', 'length=101', 'length=abc', 'length=1.5', 'length=1e1', 'length=', 'length=-1',
    'length=+5', 'length=%205', 'length=0x10', 'length=1000', 'length=00', 'length=５', '']
  const BAD_ENDING_ATS = ['yesterday', '', '2022-13-01', '2022-02-30', '2022-12-08T25:00:00Z', '2022-12-08T12:60:00Z',
    '2022-12-08T12:00:60Z', '2022-12-08T12:00:00%2B19:00', '2022-12-08T12:00:00-00:60', '12/08/2022', '1670457600',
    '2022-12-08T12:00:00%20', '2022-12-08T12:00:00ZZ', '2022-12-8', '22-12-08', 'now', '2022-12-08T12:00:00%20EST',
    '2022-12-08T12:00:00%2B02:00[Europe/Paris]', '%E2%82', '%zz']

  describe('GET /segments/data_series', () => {
    it.each(BAD_LENGTHS)('"%s" is 400 on length', async (length) => {
      const response = await app.inject({ url: `/segments/data_series?segment_id=${SEGMENT}&${length}`, headers: { authorization: `Bearer ${FULL}` } })
      expectBrazeError(response, 400, 'length must be an integer between 1 and 100')
    })

    it.each([
      { case: 'missing', query: 'length=3' },
      { case: 'empty', query: 'segment_id=&length=3' },
      { case: 'unknown', query: 'segment_id=00000000-0000-4000-8000-000000000000&length=3' },
      { case: 'a segment id in another case', query: `segment_id=${SEGMENT.toUpperCase()}&length=3` },
      { case: 'an app id', query: `segment_id=${lumen.apps.ios}&length=3` },
      { case: 'a workspace id', query: `segment_id=${lumen.workspaceId}&length=3` },
    ])('segment_id $case is 400 on segment_id', async ({ query }) => {
      const response = await app.inject({ url: `/segments/data_series?${query}`, headers: { authorization: `Bearer ${FULL}` } })
      expectBrazeError(response, 400, 'segment_id must be a string of the Segment api identifier')
    })

    it.each(BAD_ENDING_ATS)('ending_at "%s" is 400 on ending_at', async (endingAt) => {
      const response = await app.inject({ url: `/segments/data_series?segment_id=${SEGMENT}&length=3&ending_at=${endingAt}`, headers: { authorization: `Bearer ${FULL}` } })
      expectBrazeError(response, 400, 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00')
    })
  })

  describe('GET /sessions/data_series', () => {
    it.each(BAD_LENGTHS)('"%s" is 400 on length', async (length) => {
      const response = await app.inject({ url: `/sessions/data_series?unit=hour&${length}`, headers: { authorization: `Bearer ${FULL}` } })
      expectBrazeError(response, 400, 'length must be an integer between 1 and 100')
    })

    it.each(['week', 'DAY', 'Hour', 'days', 'hours', 'minute', '', 'day%20'])('unit "%s" is 400 on unit', async (unit) => {
      const response = await app.inject({ url: `/sessions/data_series?length=3&unit=${unit}`, headers: { authorization: `Bearer ${FULL}` } })
      expectBrazeError(response, 400, 'unit must be one of: day, hour')
    })

    it.each(BAD_ENDING_ATS)('ending_at "%s" is 400 on ending_at', async (endingAt) => {
      const response = await app.inject({ url: `/sessions/data_series?length=3&ending_at=${endingAt}`, headers: { authorization: `Bearer ${FULL}` } })
      expectBrazeError(response, 400, 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00')
    })

    it.each([
      { case: 'empty', value: '' },
      { case: 'unknown', value: '00000000-0000-4000-8000-000000000000' },
      { case: 'a segment id', value: SEGMENT },
      { case: 'another workspace\'s app', value: harbor.apps.ios },
    ])('app_id $case is 400 on app_id', async ({ value }) => {
      const response = await app.inject({ url: `/sessions/data_series?length=3&app_id=${value}`, headers: { authorization: `Bearer ${FULL}` } })
      expectBrazeError(response, 400, 'app_id must be a string of the App api identifier')
    })

    it.each([
      { case: 'empty', value: '' },
      { case: 'unknown', value: '00000000-0000-4000-8000-000000000000' },
      { case: 'an app id', value: lumen.apps.ios },
      { case: 'another workspace\'s segment', value: harbor.segments.highBalance },
    ])('segment_id $case is 400 on segment_id', async ({ value }) => {
      const response = await app.inject({ url: `/sessions/data_series?length=3&app_id=${lumen.apps.ios}&segment_id=${value}`, headers: { authorization: `Bearer ${FULL}` } })
      expectBrazeError(response, 400, 'segment_id must be a string of the Segment api identifier')
    })

    it.each([
      { case: 'Push Opted-In, days', query: `segment_id=${lumen.segments.pushOptedIn}` },
      { case: 'Push Opted-In, hours', query: `segment_id=${lumen.segments.pushOptedIn}&unit=hour` },
      { case: 'Internal QA, one app', query: `segment_id=${lumen.segments.internalQa}&app_id=${lumen.apps.web}` },
    ])('a segment without analytics tracking ($case) is 400 in a workspace that sets "error"', async ({ query }) => {
      const response = await app.inject({ url: `/sessions/data_series?length=3&${query}`, headers: { authorization: `Bearer ${FULL}` } })
      expectBrazeError(response, 400, NOT_ANALYTICS)
    })

    it('still serves a segment without analytics tracking on /segments/data_series', async () => {
      const response = await get(app, `/segments/data_series?segment_id=${lumen.segments.pushOptedIn}&length=3&ending_at=2025-01-01`)
      expect(response.status).toBe(200)
      expect(response.body.data).toHaveLength(3)
    })
  })
})

describe('braze-errors: sessions for a segment without analytics tracking, per workspace setting', () => {
  const WORKSPACE = 'ws-inline'
  const KEY = 'inline-key'
  const TRACKED = 'seg-tracked'
  const UNTRACKED = 'seg-untracked'
  const APP = 'app-one'
  const fixtures = (setting?: 'error' | 'zeros') => ({
    workspaces: [{ id: WORKSPACE, name: 'Inline', ...(setting === undefined ? {} : { non_analytics_segment_sessions: setting }) }],
    apps: [{ id: APP, workspace_id: WORKSPACE, created_at: '2020-01-01T00:00:00Z', series: { daily_sessions: 50_000 } }],
    segments: [
      { id: TRACKED, workspace_id: WORKSPACE, name: 'Tracked', created_at: '2020-01-01T00:00:00Z', series: { size: 400_000 } },
      { id: UNTRACKED, workspace_id: WORKSPACE, name: 'Untracked', created_at: '2020-01-01T00:00:00Z', analytics_tracking_enabled: false, series: { size: 400_000 } },
    ],
    api_keys: [{ key: KEY, workspace_id: WORKSPACE, permissions: ['segments.data_series', 'sessions.data_series'] }],
  })

  describe('when the workspace leaves the setting out', () => {
    let app: BrazeMockApp
    beforeAll(async () => { app = await testApp({ fixtures: fixtures() }) })
    afterAll(async () => { await app.close() })

    it('answers 400 by default', async () => {
      const response = await app.inject({ url: `/sessions/data_series?length=3&segment_id=${UNTRACKED}`, headers: { authorization: `Bearer ${KEY}` } })
      expectBrazeError(response, 400, NOT_ANALYTICS)
    })

    it('serves the tracked segment', async () => {
      const response = await get(app, `/sessions/data_series?length=3&segment_id=${TRACKED}&ending_at=2025-01-01`, KEY)
      expect(response.status).toBe(200)
    })
  })

  describe('when the workspace sets "zeros"', () => {
    let app: BrazeMockApp
    beforeAll(async () => { app = await testApp({ fixtures: fixtures('zeros') }) })
    afterAll(async () => { await app.close() })

    it('answers 200 with a day series of zeros', async () => {
      const response = await get(app, `/sessions/data_series?length=3&segment_id=${UNTRACKED}&ending_at=2025-01-01`, KEY)
      expect(response.status).toBe(200)
      expect(response.body).toStrictEqual({
        message: 'success',
        data: [
          { time: '2024-12-29', sessions: 0 },
          { time: '2024-12-30', sessions: 0 },
          { time: '2024-12-31', sessions: 0 },
        ],
      })
    })

    it('answers 200 with an hour series of zeros, also for one app', async () => {
      const response = await get(app, `/sessions/data_series?length=2&unit=hour&app_id=${APP}&segment_id=${UNTRACKED}&ending_at=2025-01-01T12:00:00Z`, KEY)
      expect(response.status).toBe(200)
      expect(response.body).toStrictEqual({
        message: 'success',
        data: [
          { time: '2025-01-01T10:00:00+00:00', sessions: 0 },
          { time: '2025-01-01T11:00:00+00:00', sessions: 0 },
        ],
      })
    })

    it('is zeros because of the segment: the tracked segment and the app have sessions on the same days', async () => {
      const tracked = await get(app, `/sessions/data_series?length=3&segment_id=${TRACKED}&ending_at=2025-01-01`, KEY)
      const all = await get(app, '/sessions/data_series?length=3&ending_at=2025-01-01', KEY)
      for (const response of [tracked, all]) {
        expect(response.status).toBe(200)
        for (const point of response.body.data as Array<{ sessions: number }>) expect(point.sessions).toBeGreaterThan(0)
      }
    })

    it('still checks the other parameters', async () => {
      const response = await app.inject({ url: `/sessions/data_series?length=3&app_id=nope&segment_id=${UNTRACKED}`, headers: { authorization: `Bearer ${KEY}` } })
      expectBrazeError(response, 400, 'app_id must be a string of the App api identifier')
    })
  })
})

describe('braze-errors: how query strings are read', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  const BASE = `/segments/data_series?segment_id=${SEGMENT}&length=4&ending_at=2025-03-01`

  it('ignores unknown query parameters', async () => {
    const plain = await get(app, BASE)
    const extra = await get(app, `${BASE}&foo=bar&utm_source=x&LENGTH=0&Segment_Id=nope&api_key=x&fields_to_export=a,b&length[]=9`)
    expect(plain.status).toBe(200)
    expect(extra.status).toBe(200)
    expect(extra.raw).toBe(plain.raw)
  })

  it('ignores unknown query parameters on /sessions/data_series too', async () => {
    const plain = await get(app, '/sessions/data_series?length=4&ending_at=2025-03-01')
    const extra = await get(app, '/sessions/data_series?length=4&ending_at=2025-03-01&page=2&sort_direction=desc&x=%zz')
    expect(extra.status).toBe(200)
    expect(extra.raw).toBe(plain.raw)
  })

  it('takes the last of a repeated length: length=5&length=7 gives 7 points', async () => {
    const response = await get(app, `/segments/data_series?segment_id=${SEGMENT}&length=5&length=7&ending_at=2025-03-01`)
    expect(response.status).toBe(200)
    expect(response.body.data).toHaveLength(7)
  })

  it('takes the last value even when an earlier one is invalid, and fails on an invalid last one', async () => {
    const valid = await get(app, '/sessions/data_series?length=500&length=7&unit=week&unit=hour&ending_at=2025-03-01')
    expect(valid.status).toBe(200)
    expect(valid.body.data).toHaveLength(7)
    expect(valid.body.data[6]).toMatchObject({ time: '2025-02-28T23:00:00+00:00' })
    const invalid = await app.inject({ url: '/sessions/data_series?length=7&length=500', headers: { authorization: `Bearer ${FULL}` } })
    expectBrazeError(invalid, 400, PARAMETER_RULES.length!)
  })

  it('takes the last of a repeated segment_id and ending_at', async () => {
    const repeated = await get(app, `/segments/data_series?segment_id=nope&segment_id=${SEGMENT}&length=4&ending_at=garbage&ending_at=2025-03-01`)
    const plain = await get(app, BASE)
    expect(repeated.status).toBe(200)
    expect(repeated.raw).toBe(plain.raw)
  })

  it.each([
    { case: 'malformed JSON', type: 'application/json', payload: '{"length":' },
    { case: 'valid JSON', type: 'application/json', payload: '{"length":"99"}' },
    { case: 'XML', type: 'application/xml', payload: '<length>99</length>' },
    { case: 'a form', type: 'application/x-www-form-urlencoded', payload: 'length=99' },
    { case: 'a 2 MB text', type: 'text/plain', payload: 'x'.repeat(2_000_000) },
  ])('a GET with a body ($case) is never a 5xx', async ({ type, payload }) => {
    const plain = await app.inject({ method: 'GET', url: BASE, headers: { authorization: `Bearer ${FULL}` } })
    const response = await app.inject({ method: 'GET', url: BASE, headers: { authorization: `Bearer ${FULL}`, 'content-type': type }, payload })
    expect(response.statusCode).toBeLessThan(500)
    expect(response.headers['content-type']).toBe('application/json')
    if (response.statusCode === 200) expect(response.body).toBe(plain.body)
    else expect(Object.keys(JSON.parse(response.body) as object)).toStrictEqual(['message'])
  })
})

describe('braze-errors: no query string of any shape is a 5xx (property)', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  const NAMES = ['length', 'unit', 'ending_at', 'segment_id', 'app_id']
  const validDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true })

  // Values a query parameter might carry, raw (already as they appear in the URL).
  const numbers = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.integer({ min: 0, max: 200 }).map(n => `0${n}`),
    fc.double({ noNaN: false }).map(String),
    fc.integer({ min: 0, max: 200 }).map(n => `0x${n.toString(16)}`),
    fc.integer({ min: 0, max: 200 }).map(n => n.toExponential()),
    fc.constantFrom('%2B5', '+5', '-0', '%205', '5%20', '%EF%BC%95', '%D9%A5', 'Infinity', 'NaN', '1_0', '1,0', '١٠', '9'.repeat(400))
  )
  const dates = fc.oneof(
    validDate.map(d => d.toISOString()),
    validDate.map(d => d.toISOString().slice(0, 10)),
    validDate.map(d => d.toISOString().slice(0, 19)),
    validDate.map(d => encodeURIComponent(d.toISOString().replace('Z', '+05:30'))),
    validDate.map(d => d.toISOString().replace('Z', '+05:30')), // unencoded +: a space
    fc.tuple(validDate, fc.integer({ min: -30, max: 30 })).map(([d, h]) => `${d.toISOString().slice(0, 19)}${h < 0 ? '-' : '%2B'}${Math.abs(h)}:00`),
    // Near misses: each field pushed out of range or mangled.
    fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }),
      fc.integer({ min: -1, max: 25 }), fc.integer({ min: -1, max: 61 }), fc.integer({ min: -1, max: 61 }),
      fc.constantFrom('', 'Z', 'z', '-5:00', '-05:00', '%2B0200', '+0200', '-5', '%2B99:99', '-24:00', '.5Z', '.1234567891Z', ' ', 'UTC'))
      .map(([y, mo, d, h, mi, s, tail]) => `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T` +
        `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${tail}`),
    fc.constantFrom('0000-01-01', '9999-12-31T23:59:59Z', '2018-06-27T23:59:59-5:00', '2024-02-29', '2023-02-29', '2026-03-08T02:30:00',
      '%2B2026-01-01', '-2026-01-01', '2026-1-1', '20260101', '2026-01-01T', '2026-01-01TZ')
  )
  const ids = fc.constantFrom(...Object.values(lumen.segments), ...Object.values(lumen.apps), harbor.segments.highBalance, harbor.apps.ios, lumen.workspaceId)
  const junk = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent),
    fc.string({ unit: 'binary', maxLength: 30 }).map(s => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '?'))),
    fc.constantFrom('%zz', '%E2%82', '%', '%%', '%2', '%C0%AF', '%ED%A0%80', '%00', '%FF', '&', '=', '==', '%26', '%3D', '+', '++'),
    fc.nat({ max: 20_000 }).map(n => 'x'.repeat(n)),
    fc.constantFrom('day', 'hour', 'DAY', 'hours', 'week', '')
  )
  const value = fc.oneof(numbers, dates, ids, junk)
  const name = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...NAMES) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'length[]', 'LENGTH', '', '%zz', 'unit%00') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }).map(encodeURIComponent) }
  )
  const pair = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(name, value).map(([n, v]) => `${n}=${v}`) },
    { weight: 1, arbitrary: name }
  )
  const query = fc.array(pair, { maxLength: 8 }).map(pairs => pairs.join('&'))
  const path = fc.constantFrom('/segments/data_series', '/sessions/data_series')

  it('answers 200 or 400, always JSON, with {message} alone on errors', async () => {
    await fc.assert(fc.asyncProperty(path, query, async (p, q) => {
      const response = await app.inject({ method: 'GET', url: `${p}?${q}`, headers: { authorization: `Bearer ${FULL}` } })
      expect([200, 400]).toContain(response.statusCode)
      expect(response.headers['content-type']).toBe('application/json')
      const body = JSON.parse(response.body) as { message: string, data?: Array<Record<string, unknown>> }
      if (response.statusCode === 400) {
        expect(Object.keys(body)).toStrictEqual(['message'])
        expect(KNOWN_400_MESSAGES).toContain(body.message)
      } else {
        expect(Object.keys(body)).toStrictEqual(['message', 'data'])
        expect(body.message).toBe('success')
        expect(body.data!.length).toBeGreaterThanOrEqual(1)
        expect(body.data!.length).toBeLessThanOrEqual(100)
        const field = p === '/segments/data_series' ? 'size' : 'sessions'
        for (const point of body.data!) {
          expect(Object.keys(point)).toStrictEqual(['time', field])
          expect(typeof point.time).toBe('string')
          expect(Number.isSafeInteger(point[field])).toBe(true)
          expect(point[field]).toBeGreaterThanOrEqual(0)
        }
      }
    }), { numRuns: 300 })
  })

  it('answers a query built only from valid parts with 200 (the generator reaches the success path)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 100 }), fc.constantFrom('day', 'hour'), validDate, fc.constantFrom(...Object.values(lumen.apps)),
      async (length, unit, date, appId) => {
        const response = await get(app, `/sessions/data_series?length=${length}&unit=${unit}&ending_at=${date.toISOString()}&app_id=${appId}`)
        expect(response.status).toBe(200)
        expect(response.body.data).toHaveLength(length)
      }), { numRuns: 50 })
  })
})

describe('braze-errors: a request Node cannot parse', () => {
  it('is logged without the request itself, so its key never reaches the log', () => {
    // Regression: the debug line carried the parser's error whole, whose rawPacket is the request as sent.
    const sent = 'GET /segments/list HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer SECRET-KEY-123\r\nBad Header\r\n\r\n'
    const error = Object.assign(new Error('Parse Error: Invalid header token'), {
      code: 'HPE_INVALID_HEADER_TOKEN', bytesParsed: 60, rawPacket: Buffer.from(sent),
    })
    const logged: unknown[] = []
    let written = ''
    const socket = { destroyed: false, writable: true, write: (text: string) => { written += text }, destroy: () => {} }
    const server = { log: { debug: (...args: unknown[]) => { logged.push(args) } }, httpDate: () => 'Sun, 15 Nov 2026 09:41:27 GMT' }
    clientErrorHandler.call(server as unknown as FastifyInstance, error as unknown as ConnectionError, socket as unknown as Socket)
    expect(written).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(logged).toStrictEqual([[{ code: 'HPE_INVALID_HEADER_TOKEN', status: 400 }, 'client error']])
    expect(JSON.stringify(logged)).not.toContain('SECRET-KEY-123')
  })
})
