// The Date header follows the emulator's clock, like X-RateLimit-Reset and the series (BRAZE-EXPORT.md section 0,
// "Time on the wire"), on every answer: Braze paths, errors, 404s, the control plane and the docs, the answers
// Fastify gives before routing and the ones Node's parser rejects.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const { lumen } = BUILT_IN
/** Mid-second, so a Date header from the real clock, or one rounded up, would show. */
const PINNED = Date.UTC(2026, 10, 15, 9, 41, 27, 600)
const PINNED_SECOND = Math.floor(PINNED / 1000) * 1000
const SERIES = `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=3`

describe('the Date header', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp({ now: PINNED }) })
  afterAll(async () => { await app.close() })

  const dateOf = (headers: Record<string, unknown>) => Date.parse(String(headers.date))

  it('is the pinned second in IMF-fixdate, and Reset - Date is a sane wait', async () => {
    const answer = await get(app, SERIES)
    expect(answer.status).toBe(200)
    expect(answer.headers.date).toBe('Sun, 15 Nov 2026 09:41:27 GMT')
    const wait = Number(answer.headers['x-ratelimit-reset']) - dateOf(answer.headers) / 1000
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(3600)
  })

  it.each([
    ['a 400', SERIES.replace('length=3', 'length=0'), lumen.keys.full, 400],
    ['a 401', SERIES, 'nope', 401],
    ['a 403', SERIES, lumen.keys.noSegmentsDataSeries, 403],
    ['a 404', '/segments/nope', lumen.keys.full, 404],
    ['the control plane', '/_mock/clock', null, 200],
    ['health', '/_mock/health', null, 200],
    ['the OpenAPI document', '/_mock/openapi.json', null, 200],
    ['a path Fastify cannot decode (frameworkErrors)', '/segments/%E0%A4%A', lumen.keys.full, 400],
  ])('follows the clock on %s', async (_label, url, key, status) => {
    const answer = await app.inject({ url, headers: key === null ? {} : { authorization: `Bearer ${key}` } })
    expect(answer.statusCode).toBe(status)
    expect(dateOf(answer.headers)).toBe(PINNED_SECOND)
  })

  it('follows the clock on a CORS preflight and on the docs page', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS', url: '/segments/list', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
    })
    expect(preflight.statusCode).toBe(204)
    expect(dateOf(preflight.headers)).toBe(PINNED_SECOND)
    const docs = await app.inject({ url: '/_mock/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(dateOf(docs.headers)).toBe(PINNED_SECOND)
  })

  it('moves when the clock moves, and follows a released clock\'s offset', async () => {
    const other = await testApp({ now: PINNED })
    try {
      other.control.advanceClock({ by: 'P3D' })
      expect(dateOf((await get(other, SERIES)).headers)).toBe(PINNED_SECOND + 3 * 86_400_000)
      other.control.releaseClock()
      other.control.advanceClock({ by: 'P400D' })
      const before = Date.now()
      const date = dateOf((await get(other, SERIES)).headers)
      expect(date).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 400 * 86_400_000)
      expect(date).toBeLessThanOrEqual(Date.now() + 400 * 86_400_000)
    } finally {
      await other.close()
    }
  })
})

describe('the Date header on answers Node\'s parser gives (clientErrorHandler)', () => {
  let app: BrazeMockApp
  let port: number
  beforeAll(async () => {
    app = await testApp({ now: PINNED })
    port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port)
  })
  afterAll(async () => { await app.close() })

  it('is on the clock too', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      let text = ''
      const socket = connect(port, '127.0.0.1', () => { socket.write('NOT HTTP AT ALL\r\n\r\n') })
      socket.setEncoding('latin1')
      socket.on('data', (chunk: string) => { text += chunk })
      socket.on('close', () => { resolve(text) })
      socket.on('error', reject)
    })
    expect(raw).toMatch(/^HTTP\/1\.1 400 /)
    expect(raw).toContain('\r\nDate: Sun, 15 Nov 2026 09:41:27 GMT\r\n')
  })
})
