// Property-based fuzzing of every Braze path (the endpoint table, test/endpoints.ts) and every control path
// (the generators and invariants are in ./properties.ts). `npm test` runs a bounded count; `npm run fuzz`
// (scripts/fuzz.ts) runs FUZZ_RUNS.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { ENDPOINT_TABLE, fixturesFor } from '../endpoints.js'
import { BUILT_IN, testApp } from '../helpers.js'
import { checkWire, properties, type Properties } from './properties.js'

/** Cases per property in `npm test`; FUZZ_RUNS raises it. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 250)
const KEY = `Bearer ${BUILT_IN.lumen.keys.full}`

describe('fuzz: every path, every input, never a 5xx and always Braze-shaped', () => {
  let app: BrazeMockApp
  let props: Properties
  beforeAll(async () => {
    app = await testApp({ fixtures: fixturesFor(ENDPOINT_TABLE) })
    props = properties(app)
  })
  afterAll(async () => { await app.close() })

  it('Braze paths: any query and any Authorization give 401, 403, 200 or 400 in that order of precedence', async () => {
    await fc.assert(props.braze, { numRuns: RUNS })
    // Every endpoint of the table was fuzzed (the journal holds the last 1,000 requests).
    const fuzzed = new Set(app.control.journal().entries.map(entry => entry.path))
    expect(ENDPOINT_TABLE.filter(row => !fuzzed.has(row.path)).map(row => row.path)).toStrictEqual([])
  })

  it('control paths: any sequence of calls with any body is answered in JSON, and the emulator still serves', async () => {
    await fc.assert(props.control, { numRuns: Math.ceil(RUNS / 2) })
  })

  it('health still answers after the fuzzing', async () => {
    const response = await app.inject({ url: '/_mock/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toStrictEqual({ status: 'ok' })
  })
})

// Defects the fuzzing found, kept as plain examples.
describe('fuzz: regressions', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it.each([
    // Fastify answered these before routing, in its own {error, code, message, statusCode} shape.
    { url: '/segments/%E0%A4%A', method: 'GET', status: 400, message: 'Bad Request' },
    { url: '/_mock/faults/%E0%A4%A', method: 'DELETE', status: 400, message: 'Bad Request' },
    { url: `/_mock/faults/${'f'.repeat(101)}`, method: 'DELETE', status: 414, message: 'URI Too Long' },
  ] as const)('$method $url is $status {message}, like every other error', async ({ url, method, status, message }) => {
    const response = await app.inject({ method, url, headers: { authorization: KEY } })
    expect(response.statusCode).toBe(status)
    expect(response.headers['content-type']).toBe('application/json')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.body).toBe(JSON.stringify({ message }))
  })

  it('checkWire rejects what the properties must catch (the invariant can fail)', async () => {
    const response = await app.inject({ method: 'GET', url: '/_mock/health' })
    expect(() => checkWire({ ...response, statusCode: 500 } as typeof response, 'x')).toThrow(/5xx/)
    expect(() => checkWire({ ...response, statusCode: 400 } as typeof response, 'x')).toThrow(/\{message\}/)
    expect(() => checkWire({ ...response, body: '<html>' } as typeof response, 'x')).toThrow(/not JSON/)
  })

  // Advancing the clock past what a Date can hold was accepted, and from then on GET /_mock/clock and every
  // Braze path answered 500 until a reset (fixed in src/emulator/control.ts meanwhile).
  it('advancing the clock past the range of a Date is a 400, and the emulator keeps serving', async () => {
    try {
      const advance = await app.inject({ method: 'POST', url: '/_mock/clock/advance', payload: { by: 'P300000Y' } })
      expect(advance.statusCode).toBe(400)
      const clock = await app.inject({ url: '/_mock/clock' })
      expect(clock.statusCode).toBe(200)
      const series = await app.inject({ url: '/sessions/data_series?length=2', headers: { authorization: KEY } })
      expect(series.statusCode).toBe(200)
    } finally {
      app.control.reset()
    }
  })

  // @fastify/cors's strictPreflight answered an OPTIONS request without Origin itself, 400 text/plain
  // "Invalid Preflight Request" (fixed in src/plugins/cors.ts meanwhile).
  it('OPTIONS without Origin is answered in JSON like every other request', async () => {
    const response = await app.inject({ method: 'OPTIONS', url: '/segments/list', headers: { authorization: KEY } })
    checkWire(response, 'OPTIONS /segments/list', 'OPTIONS')
  })
})
