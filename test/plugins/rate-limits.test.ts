// Rate limits through the app (BRAZE.md, section 3): per workspace, each endpoint counts against the pool
// its definition names (the endpoint table, test/endpoints.ts) and no other, in a window aligned to the UTC
// hour or minute on the emulator's clock, with Braze's headers, and 429 with Retry-After.
import { afterEach, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { POOL_NAMES, POOLS, type PoolName } from '../../src/world/pools.js'
import { builtInFixtureSet, ENDPOINT_TABLE, fixturesFor, urlOf, type EndpointRow, type FixtureObject } from '../endpoints.js'
import { BUILT_IN, get, NOW, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const NEXT_HOUR = Date.UTC(2026, 10, 23, 13) / 1000 // NOW is 12:00:00Z
const DEFAULT_POOL = ENDPOINT_TABLE.filter(row => row.pool === 'default')
/** The pools the endpoints count against, each once. */
const POOLS_USED = [...new Set(ENDPOINT_TABLE.map(row => row.pool))]

/** The table's fixtures with Lumen's pools set as given (rate_limits only, so no rate_limit disagrees). */
function withLumenLimits (limits: Partial<Record<PoolName, number>>): FixtureObject {
  const fixtures = fixturesFor(ENDPOINT_TABLE, builtInFixtureSet()) as FixtureObject
  return {
    ...fixtures,
    workspaces: fixtures.workspaces.map(w => {
      if (w.id !== lumen.workspaceId) return w
      const { rate_limit: _, ...rest } = w
      return { ...rest, rate_limits: limits }
    }),
  }
}

/** A query of the row that is a 400: every parameter empty. */
const badUrl = (row: EndpointRow) => urlOf(row.path, Object.fromEntries(row.parameters.map(name => [name, ''])))

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

  it('count down one pool across the endpoints of the default pool, 400s and 403s included', async () => {
    expect(DEFAULT_POOL.length).toBeGreaterThanOrEqual(4)
    app = await testApp({ fixtures: fixturesFor(ENDPOINT_TABLE) })
    const seen = []
    const statuses = []
    for (const { url } of DEFAULT_POOL) {
      const response = await get(app, url)
      statuses.push(response.status)
      seen.push(limits(response))
    }
    const withParameters = DEFAULT_POOL.find(row => row.parameters.length > 0)!
    const bad = await get(app, badUrl(withParameters)) // a 400
    const last = DEFAULT_POOL.at(-1)!
    const denied = await get(app, last.url, last.lacking) // a 403, another key, same workspace
    statuses.push(bad.status, denied.status)
    seen.push(limits(bad), limits(denied))
    expect(statuses).toEqual([...DEFAULT_POOL.map(() => 200), 400, 403])
    expect(seen).toEqual(seen.map((_, i) => ({ limit: '250000', remaining: String(249_999 - i), reset: String(NEXT_HOUR) })))
  })

  it('count each endpoint against the pool its definition names, and no other', async () => {
    // A distinct limit per pool, each above twice the number of endpoints in it (each is probed twice), so the
    // headers say which pool counted.
    const counts = new Map<PoolName, number>()
    for (const row of ENDPOINT_TABLE) counts.set(row.pool, (counts.get(row.pool) ?? 0) + 1)
    const limitOf = Object.fromEntries(POOL_NAMES.map((pool, i) => [pool, 2 * (counts.get(pool) ?? 0) + 10 + i])) as Record<PoolName, number>
    app = await testApp({ fixtures: withLumenLimits(limitOf) })
    const resetOf = (pool: PoolName) => POOLS[pool].window === 'hour' ? NEXT_HOUR : NOW / 1000 + 60
    const used = new Map<PoolName, number>()
    const probe = async (row: EndpointRow) => {
      const response = await get(app, row.url)
      used.set(row.pool, (used.get(row.pool) ?? 0) + 1)
      expect({ path: row.path, status: response.status, ...limits(response) }).toEqual({
        path: row.path,
        status: 200,
        limit: String(limitOf[row.pool]),
        remaining: String(limitOf[row.pool] - used.get(row.pool)!),
        reset: String(resetOf(row.pool)),
      })
    }
    for (const row of ENDPOINT_TABLE) await probe(row)
    // Once more each, in the other order: every pool has counted exactly its own endpoints.
    for (const row of [...ENDPOINT_TABLE].reverse()) await probe(row)
    expect(Object.fromEntries(used)).toEqual(Object.fromEntries([...counts].map(([pool, n]) => [pool, 2 * n])))
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

  it.each(POOLS_USED)('answer 429 with Retry-After once a %s pool of 5 is spent, until the window rolls over', async (pool) => {
    const now = Date.UTC(2026, 10, 23, 12, 45, 30)
    const hourly = POOLS[pool].window === 'hour'
    const reset = hourly ? NEXT_HOUR : Date.UTC(2026, 10, 23, 12, 46) / 1000
    const retryAfter = hourly ? 870 : 30 // 14 min 30 s to 13:00Z, or 30 s to 12:46Z
    app = await testApp({ now, fixtures: withLumenLimits({ [pool]: 5 }) })
    const rows = ENDPOINT_TABLE.filter(row => row.pool === pool)
    const urls = Array.from({ length: 5 }, (_, i) => rows[i % rows.length]!.url)
    for (const [i, url] of urls.entries()) {
      const response = await get(app, url)
      expect(response.status).toBe(200)
      expect(limits(response)).toEqual({ limit: '5', remaining: String(4 - i), reset: String(reset) })
    }
    for (const url of urls) {
      const response = await get(app, url)
      expect(response.status).toBe(429)
      expect(response.body).toEqual({ message: 'Rate limit exceeded' })
      expect(response.headers['content-type']).toBe('application/json')
      expect(response.headers['retry-after']).toBe(String(retryAfter))
      expect(limits(response)).toEqual({ limit: '5', remaining: '0', reset: String(reset) })
    }
    // A spent pool answers 429 before the permission or the query is looked at.
    for (const row of rows) {
      if (row.parameters.length > 0) expect((await get(app, badUrl(row))).status).toBe(429)
      expect((await get(app, row.url, row.lacking)).status).toBe(429)
    }
    // A bad key is still a 401, not a 429.
    expect((await get(app, urls[0]!, 'other')).status).toBe(401)

    app.emulator.clock.advance(retryAfter * 1000)
    const next = await get(app, urls[0]!)
    expect(next.status).toBe(200)
    expect(limits(next)).toEqual({ limit: '5', remaining: '4', reset: String(reset + (hourly ? 3600 : 60)) })
  })
})
