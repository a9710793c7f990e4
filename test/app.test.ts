// The app on a real socket (port 0): what only the wire shows. Headers as a client receives them (BRAZE.md,
// "Other headers seen"), empty rate-limit headers surviving the trip, the emulator's own health route, and
// trailing slashes routed as Rails routes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../src/app.js'
import { BUILT_IN, testApp } from './helpers.js'

const { lumen } = BUILT_IN
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const SUCCESS_CACHE = 'max-age=0, private, must-revalidate'
const SEGMENTS = `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=3&ending_at=2025-01-01`
const SESSIONS = '/sessions/data_series?length=3&unit=hour&ending_at=2025-01-01'

describe('app on a real socket', () => {
  let app: BrazeMockApp
  let base: string

  beforeAll(async () => {
    app = await testApp()
    base = await app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => { await app.close() })

  const call = (path: string, key: string | null = lumen.keys.full, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, headers: key === null ? {} : { authorization: `Bearer ${key}` } })

  it('listens on a port the system picked', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(base).not.toMatch(/:0$/)
  })

  it.each([SEGMENTS, SESSIONS])('sends a 200 from %s as application/json with the success Cache-Control', async (path) => {
    const response = await call(path)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('cache-control')).toBe(SUCCESS_CACHE)
    expect(response.headers.get('x-request-id')).toMatch(UUID)
    const body = await response.json() as { message: string, data: unknown[] }
    expect(body.message).toBe('success')
    expect(body.data).toHaveLength(3)
  })

  it.each([
    { case: '400', status: 400, path: '/sessions/data_series?length=0', key: lumen.keys.full, message: 'length must be an integer between 1 and 100' },
    { case: '401', status: 401, path: SEGMENTS, key: 'nope', message: 'Invalid API key: nope' },
    { case: '401 without a key', status: 401, path: SESSIONS, key: null, message: 'Invalid API key: ' },
    { case: '403', status: 403, path: SESSIONS, key: lumen.keys.noSessionsDataSeries, message: 'Access Denied: this API key lacks the sessions.data_series permission' },
    { case: '404', status: 404, path: '/nope', key: lumen.keys.full, message: 'Not Found' },
  ])('sends a $case as application/json with Cache-Control no-cache', async ({ status, path, key, message }) => {
    const response = await call(path, key)
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(response.headers.get('x-request-id')).toMatch(UUID)
    expect(await response.text()).toBe(JSON.stringify({ message }))
  })

  it('sends a 404 for a wrong method as JSON too', async () => {
    const response = await call('/segments/data_series', lumen.keys.full, { method: 'DELETE' })
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toStrictEqual({ message: 'Not Found' })
  })

  it('sends the three rate-limit headers present and empty on a 401', async () => {
    const response = await call(SEGMENTS, 'nope')
    expect(response.status).toBe(401)
    // fetch gives null for an absent header and '' for an empty one.
    expect(response.headers.get('x-ratelimit-limit')).toBe('')
    expect(response.headers.get('x-ratelimit-remaining')).toBe('')
    expect(response.headers.get('x-ratelimit-reset')).toBe('')
    await response.body?.cancel()
  })

  it('gives every answer its own X-Request-Id', async () => {
    const responses = await Promise.all([call(SEGMENTS), call(SEGMENTS), call(SESSIONS), call('/nope'), call(SEGMENTS, 'nope')])
    const ids = responses.map(r => r.headers.get('x-request-id'))
    for (const id of ids) expect(id).toMatch(UUID)
    expect(new Set(ids).size).toBe(ids.length)
    await Promise.all(responses.map(r => r.body?.cancel()))
  })

  it('ignores a client\'s X-Request-Id', async () => {
    const response = await fetch(`${base}${SEGMENTS}`, { headers: { authorization: `Bearer ${lumen.keys.full}`, 'x-request-id': 'mine' } })
    expect(response.headers.get('x-request-id')).toMatch(UUID)
    await response.body?.cancel()
  })

  it('answers GET /_mock/health with 200 and no key', async () => {
    const response = await call('/_mock/health', null)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toStrictEqual({ status: 'ok' })
  })

  it('answers GET /_mock/health whatever key is sent', async () => {
    const response = await call('/_mock/health', 'nope')
    expect(response.status).toBe(200)
    expect(await response.json()).toStrictEqual({ status: 'ok' })
  })

  it.each([
    { plain: SEGMENTS, slashed: SEGMENTS.replace('data_series?', 'data_series/?') },
    { plain: SESSIONS, slashed: SESSIONS.replace('data_series?', 'data_series/?') },
    { plain: '/_mock/health', slashed: '/_mock/health/' },
  ])('routes $slashed like $plain', async ({ plain, slashed }) => {
    const a = await call(plain)
    const b = await call(slashed)
    expect(a.status).toBe(200)
    expect(b.status).toBe(200)
    expect(await b.text()).toBe(await a.text())
  })

  it('checks the key on a trailing-slash path too', async () => {
    const response = await call(SEGMENTS.replace('data_series?', 'data_series/?'), 'nope')
    expect(response.status).toBe(401)
    expect(await response.json()).toStrictEqual({ message: 'Invalid API key: nope' })
  })

  it('answers many requests over one keep-alive connection', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await call(SEGMENTS)
      expect(response.status).toBe(200)
      expect(response.headers.get('connection')).not.toBe('close')
      await response.text()
    }
  })
})
