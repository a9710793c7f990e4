// CORS: any origin by default, a list, or off; the preflight for Authorization needs no key and is not
// journaled; browser code can read the rate-limit headers and the request id, on errors too.
import { afterEach, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, testApp } from '../helpers.js'

const URL_ = `/segments/data_series?segment_id=${BUILT_IN.lumen.segments.allUsers}&length=3`
const ORIGIN = 'http://localhost:5173'
const EXPOSED = 'X-Request-Id, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After'

let app: BrazeMockApp
afterEach(async () => { await app.close() })

const preflight = (origin = ORIGIN) => app.inject({
  method: 'OPTIONS',
  url: URL_,
  headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
})

describe('cors', () => {
  it('answers the preflight for Authorization from any origin, with no key and no journal entry', async () => {
    app = await testApp()
    const response = await preflight()
    expect(response.statusCode).toBe(204)
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization',
      'access-control-allow-methods': 'GET, HEAD, POST, PUT, DELETE',
      'access-control-max-age': '600',
    })
    expect(app.control.journal({}).entries).toStrictEqual([])
  })

  it('exposes the rate-limit headers and the request id on success and on errors', async () => {
    app = await testApp()
    const ok = await app.inject({ url: URL_, headers: { origin: ORIGIN, authorization: `Bearer ${BUILT_IN.lumen.keys.full}` } })
    const denied = await app.inject({ url: URL_, headers: { origin: ORIGIN, authorization: 'Bearer nope' } })
    for (const response of [ok, denied]) {
      expect(response.headers['access-control-allow-origin']).toBe('*')
      expect(response.headers['access-control-expose-headers']).toBe(EXPOSED)
    }
    expect([ok.statusCode, denied.statusCode]).toStrictEqual([200, 401])
  })

  it('allows only the listed origins when given a list', async () => {
    app = await testApp({ cors: [ORIGIN, 'https://app.example.com'] })
    expect((await preflight()).headers['access-control-allow-origin']).toBe(ORIGIN)
    expect((await preflight('https://app.example.com')).headers['access-control-allow-origin']).toBe('https://app.example.com')
    expect((await preflight('http://evil.example.com')).headers['access-control-allow-origin']).toBeUndefined()
  })

  it('names an allowed origin on answers, no other, and says the answer varies by Origin', async () => {
    app = await testApp({ cors: [ORIGIN, 'https://app.example.com'] })
    const answer = async (origin: string | undefined) => {
      const response = await app.inject({ url: URL_, headers: { ...(origin === undefined ? {} : { origin }), authorization: `Bearer ${BUILT_IN.lumen.keys.full}` } })
      return [response.headers.vary, response.headers['access-control-allow-origin'], response.headers['access-control-expose-headers']]
    }
    expect(await answer(ORIGIN)).toStrictEqual(['Origin', ORIGIN, EXPOSED])
    expect(await answer('https://app.example.com')).toStrictEqual(['Origin', 'https://app.example.com', EXPOSED])
    expect(await answer('http://evil.example.com')).toStrictEqual(['Origin', undefined, EXPOSED])
    expect(await answer(undefined)).toStrictEqual(['Origin', undefined, EXPOSED])
  })

  it('sends no CORS headers when off', async () => {
    app = await testApp({ cors: false })
    const response = await app.inject({ url: URL_, headers: { origin: ORIGIN, authorization: `Bearer ${BUILT_IN.lumen.keys.full}` } })
    expect(response.statusCode).toBe(200)
    expect(Object.keys(response.headers).filter(name => name.startsWith('access-control-'))).toStrictEqual([])
  })
})

describe('cors: an OPTIONS that is not a preflight', () => {
  it.each([
    ['no Origin', { 'access-control-request-method': 'GET' }],
    ['no Access-Control-Request-Method', { origin: ORIGIN }],
    ['neither', {}],
  ])('is a JSON 404 like any method no route has (%s)', async (_, headers) => {
    app = await testApp()
    const response = await app.inject({ method: 'OPTIONS', url: URL_, headers })
    expect([response.statusCode, response.headers['content-type'], response.body]).toStrictEqual([404, 'application/json', '{"message":"Not Found"}'])
  })
})
