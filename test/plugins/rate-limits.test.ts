// Rate limits through the app (BRAZE.md, section 3): one pool per workspace for the four endpoints, a
// window aligned to the UTC hour on the emulator's clock, Braze's headers, 429 with Retry-After.
import { afterEach, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, NOW, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const NEXT_HOUR = Date.UTC(2026, 10, 23, 13) / 1000 // NOW is 12:00:00Z
const ENDPOINTS = [
  `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=3`,
  `/sessions/data_series?length=3&app_id=${lumen.apps.ios}`,
  '/segments/list',
  `/segments/details?segment_id=${lumen.segments.allUsers}`,
]

function limits (response: { headers: Record<string, unknown> }) {
  return {
    limit: response.headers['x-ratelimit-limit'],
    remaining: response.headers['x-ratelimit-remaining'],
    reset: response.headers['x-ratelimit-reset'],
  }
}

describe('rate limits', () => {
  let app: BrazeMockApp
  afterEach(() => app.close())

  it('count down one pool across the four endpoints, 400s and 403s included', async () => {
    app = await testApp()
    const seen = []
    for (const url of ENDPOINTS) seen.push(limits(await get(app, url)))
    seen.push(limits(await get(app, '/sessions/data_series?length=0'))) // a 400
    seen.push(limits(await get(app, '/segments/list', lumen.keys.noSegmentsList))) // a 403, another key, same workspace
    expect(seen).toEqual([249_999, 249_998, 249_997, 249_996, 249_995, 249_994].map(remaining => ({
      limit: '250000', remaining: String(remaining), reset: String(NEXT_HOUR),
    })))
  })

  it('keep a separate pool per workspace', async () => {
    app = await testApp()
    await get(app, '/segments/list')
    await get(app, '/segments/list')
    expect(limits(await get(app, '/segments/list', harbor.keys.full)).remaining).toBe('249999')
  })

  it('do not count 401s or paths that are not Braze endpoints, and send empty headers on 401', async () => {
    app = await testApp()
    const unauthorized = await get(app, '/segments/list', 'not-a-key')
    expect(unauthorized.status).toBe(401)
    expect(limits(unauthorized)).toEqual({ limit: '', remaining: '', reset: '' })
    const health = await app.inject('/_mock/health')
    expect(health.headers['x-ratelimit-limit']).toBeUndefined()
    await get(app, '/nowhere')
    expect(limits(await get(app, '/segments/list')).remaining).toBe('249999')
  })

  it('reset at the top of the next hour of a pinned clock, and roll over when the clock moves', async () => {
    app = await testApp({ now: Date.UTC(2026, 10, 23, 12, 59, 59, 999) })
    await get(app, '/segments/list')
    expect(limits(await get(app, '/segments/list'))).toEqual({ limit: '250000', remaining: '249998', reset: String(NEXT_HOUR) })
    app.emulator.clock.advance(1)
    expect(limits(await get(app, '/segments/list'))).toEqual({ limit: '250000', remaining: '249999', reset: String(NEXT_HOUR + 3600) })
    app.emulator.clock.pin(NOW - 86_400_000)
    expect(limits(await get(app, '/segments/list'))).toEqual({ limit: '250000', remaining: '249999', reset: String(NEXT_HOUR - 86_400) })
  })

  it('answer 429 with Retry-After once a pool of 5 is spent, until the window rolls over', async () => {
    app = await testApp({
      now: Date.UTC(2026, 10, 23, 12, 45, 30),
      fixtures: {
        workspaces: [{ id: 'w', name: 'Small', rate_limit: 5 }],
        apps: [{ id: 'a', workspace_id: 'w', created_at: '2024-01-01' }],
        segments: [{ id: 's', workspace_id: 'w', name: 'S', tags: [], created_at: '2024-01-01' }],
        api_keys: [{ key: 'k', workspace_id: 'w', permissions: ['segments.list', 'segments.data_series', 'sessions.data_series', 'segments.details'] }],
      },
    })
    const urls = ['/segments/list', '/segments/details?segment_id=s', '/segments/data_series?segment_id=s&length=1',
      '/sessions/data_series?length=1', '/segments/list']
    for (const [i, url] of urls.entries()) {
      const response = await get(app, url, 'k')
      expect(response.status).toBe(200)
      expect(limits(response)).toEqual({ limit: '5', remaining: String(4 - i), reset: String(NEXT_HOUR) })
    }
    for (const url of urls) {
      const response = await get(app, url, 'k')
      expect(response.status).toBe(429)
      expect(response.body).toEqual({ message: 'Rate limit exceeded' })
      expect(response.headers['content-type']).toBe('application/json')
      expect(response.headers['retry-after']).toBe('870') // 14 min 30 s to 13:00Z
      expect(limits(response)).toEqual({ limit: '5', remaining: '0', reset: String(NEXT_HOUR) })
    }
    // A spent pool answers 429 before the permission or the query is looked at.
    expect((await get(app, '/sessions/data_series?length=0', 'k')).status).toBe(429)
    // A bad key is still a 401, not a 429.
    expect((await get(app, '/segments/list', 'other')).status).toBe(401)

    app.emulator.clock.advance(870_000)
    const next = await get(app, '/segments/list', 'k')
    expect(next.status).toBe(200)
    expect(limits(next)).toEqual({ limit: '5', remaining: '4', reset: String(NEXT_HOUR + 3600) })
  })
})
