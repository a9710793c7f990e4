// Under concurrent load over a real socket: the rate-limit pool never goes negative and never admits more
// than its limit in a window, the journal never holds more than its capacity, and a request answers the
// same bytes under load as alone.
import { Agent, request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type BrazeMock } from '../../src/index.js'
import { ENDPOINT_TABLE, urlOf } from '../endpoints.js'

const LIMIT = 25
const ALL = ['*']
/** Two workspaces with small pools, so that a few hundred requests exhaust them. */
const FIXTURES = {
  workspaces: [
    { id: 'w-small', name: 'Small', rate_limit: LIMIT },
    { id: 'w-other', name: 'Other', rate_limit: LIMIT * 2, time_zone: 'Asia/Kolkata' },
    { id: 'w-big', name: 'Big' },
  ],
  apps: [
    { id: 'a-small', workspace_id: 'w-small', name: 'App', created_at: '2020-01-01' },
    { id: 'a-other', workspace_id: 'w-other', name: 'App', created_at: '2020-01-01' },
    { id: 'a-big', workspace_id: 'w-big', name: 'App', created_at: '2020-01-01' },
  ],
  segments: [
    { id: 's-small', workspace_id: 'w-small', name: 'All', tags: [], created_at: '2020-01-01' },
    { id: 's-big', workspace_id: 'w-big', name: 'All', tags: [], created_at: '2020-01-01' },
  ],
  api_keys: [
    { key: 'k-small', workspace_id: 'w-small', permissions: ALL },
    { key: 'k-small-list-only', workspace_id: 'w-small', permissions: ['segments.list'] },
    { key: 'k-other', workspace_id: 'w-other', permissions: ALL },
    { key: 'k-big', workspace_id: 'w-big', permissions: ALL },
  ],
}

interface Answer { status: number, body: string, remaining: number | undefined, limit: number | undefined }

let braze: BrazeMock
let agent: Agent
beforeAll(async () => {
  braze = await startEmulator({ fixtures: FIXTURES, now: '2026-11-23T12:00:00Z', journalSize: 50 })
  agent = new Agent({ keepAlive: true, maxSockets: 32 })
})
afterAll(async () => {
  agent.destroy()
  await braze.close()
})

function get (path: string, key: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${braze.url}${path}`, { agent, headers: { authorization: `Bearer ${key}` } }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => { body += chunk })
      response.on('end', () => {
        const number = (name: string) => {
          const value = response.headers[name]
          return typeof value === 'string' && value !== '' ? Number(value) : undefined
        }
        resolve({ status: response.statusCode!, body, remaining: number('x-ratelimit-remaining'), limit: number('x-ratelimit-limit') })
      })
    })
    request.on('error', reject)
    request.end()
  })
}

/** Each endpoint's example of the default pool (the one these workspaces limit), on a workspace's own ids. */
function examplesIn (workspace: 'small' | 'big'): string[] {
  const ids: Record<string, string> = { app_id: `a-${workspace}`, segment_id: `s-${workspace}` }
  // Only the endpoints whose example names no entity these fixtures lack (a campaign or a Canvas, say).
  const resolvable = (example: Record<string, string>) => Object.keys(example).every(name => !name.endsWith('_id') || name in ids)
  return ENDPOINT_TABLE.filter(row => row.pool === 'default' && resolvable(row.definition.example as Record<string, string>)).map(({ path, definition }) =>
    urlOf(path, Object.fromEntries(Object.entries(definition.example as Record<string, string>).map(([name, value]) => [name, ids[name] ?? value]))))
}

const PATHS = [
  ...examplesIn('small'),
  '/segments/data_series?segment_id=s-small&length=30',
  '/sessions/data_series?length=24&unit=hour',
  '/sessions/data_series?length=0', // a 400 counts against the pool too
]

describe('concurrency: the rate-limit pool under load', () => {
  it('admits exactly the limit in a window, never reports a negative remainder, and keeps workspaces apart', async () => {
    braze.reset()
    const keys = ['k-small', 'k-small-list-only', 'k-other']
    const answers = await Promise.all(Array.from({ length: 400 }, (_, i) => {
      const key = keys[i % keys.length]!
      return get(PATHS[i % PATHS.length]!, key).then(answer => ({ key, ...answer }))
    }))
    const small = answers.filter(a => a.key !== 'k-other')
    const other = answers.filter(a => a.key === 'k-other')

    // Every request past the key check was counted; exactly `limit` of them were let through (200, 400 or 403).
    expect(small.filter(a => a.status !== 429)).toHaveLength(LIMIT)
    expect(other.filter(a => a.status !== 429)).toHaveLength(LIMIT * 2)
    for (const a of answers) {
      expect([200, 400, 403, 429]).toContain(a.status)
      expect(a.remaining).toBeGreaterThanOrEqual(0)
      expect(a.limit).toBe(a.key === 'k-other' ? LIMIT * 2 : LIMIT)
      if (a.status === 429) {
        expect(a.remaining).toBe(0)
        expect(JSON.parse(a.body)).toStrictEqual({ message: 'Rate limit exceeded' })
      }
    }
    // The remainders the admitted requests saw are each of limit-1 … 0 exactly once: no count was lost or doubled.
    const seen = small.filter(a => a.status !== 429).map(a => a.remaining!).sort((x, y) => x - y)
    expect(seen).toEqual(Array.from({ length: LIMIT }, (_, i) => i))
  })

  it('a new window (the clock moved an hour) refills the pool, once', async () => {
    braze.reset()
    await Promise.all(Array.from({ length: LIMIT + 10 }, () => get('/segments/list', 'k-small')))
    braze.clock.advance('PT1H')
    const answers = await Promise.all(Array.from({ length: LIMIT * 3 }, () => get('/segments/list', 'k-small')))
    expect(answers.filter(a => a.status === 200)).toHaveLength(LIMIT)
    expect(answers.filter(a => a.status === 429)).toHaveLength(LIMIT * 2)
  })
})

describe('concurrency: the journal under load', () => {
  it('never holds more than its capacity, and counts what it dropped', async () => {
    braze.reset()
    const sizes: number[] = []
    await Promise.all(Array.from({ length: 300 }, async (_, i) => {
      await get(PATHS[i % PATHS.length]!.replaceAll('-small', '-big'), i % 7 === 0 ? 'nope' : 'k-big')
      sizes.push(braze.journal.list().entries.length)
    }))
    expect(Math.max(...sizes)).toBeLessThanOrEqual(50)
    const view = braze.app.control.journal()
    expect(view.size).toBe(50)
    expect(view.capacity).toBe(50)
    expect(view.dropped).toBe(250)
    // Sequence numbers are unique and the last 50 of 300.
    expect(view.entries.map(e => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => 251 + i))
  })
})

describe('concurrency: the same request answers the same bytes under load as alone', () => {
  const PROBES = [
    ...examplesIn('big'),
    '/segments/data_series?segment_id=s-big&length=100',
    '/sessions/data_series?length=100&unit=hour&ending_at=2026-11-20T00:00:00Z',
    '/sessions/data_series?length=100&app_id=a-big',
    '/sessions/data_series?length=0',
  ]

  it('on every path', async () => {
    braze.reset()
    const alone = new Map<string, string>()
    for (const path of PROBES) alone.set(path, (await get(path, 'k-big')).body)
    const loaded = await Promise.all(Array.from({ length: 600 }, (_, i) => {
      const path = PROBES[i % PROBES.length]!
      return get(path, 'k-big').then(answer => ({ path, ...answer }))
    }))
    for (const { path, status, body } of loaded) {
      expect(status).toBe(path.endsWith('length=0') ? 400 : 200)
      expect(body).toBe(alone.get(path))
    }
  })
})
