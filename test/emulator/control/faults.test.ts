// Fault rules as a unit (src/emulator/faults.ts): matching, times, seeded fractions, latency ranges, and
// which rule shapes the answer when several apply; then through the app on every endpoint of the table.
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../../src/app.js'
import { Faults } from '../../../src/emulator/faults.js'
import { POOLS } from '../../../src/world/pools.js'
import { ENDPOINT_TABLE, fixturesFor } from '../../endpoints.js'
import { get, NOW, testApp } from '../../helpers.js'

const FAIL = { type: 'status', status: 503 } as const

function hits (faults: Faults, count: number, path = '/segments/list', query: Record<string, string> = {}): boolean[] {
  return Array.from({ length: count }, () => faults.plan(path, query) !== undefined)
}

describe('Faults', () => {
  it('plans nothing without rules or without a match', () => {
    const faults = new Faults()
    expect(faults.empty).toBe(true)
    expect(faults.plan('/segments/list', {})).toBeUndefined()
    faults.add({ path: '/segments/details', effect: FAIL })
    expect(faults.plan('/segments/list', {})).toBeUndefined()
    expect(faults.list()[0]).toMatchObject({ matched: 0, applied: 0 })
  })

  it('matches * on every path, an exact path with or without a trailing slash, and query values or presence', () => {
    const faults = new Faults()
    faults.add({ path: '*', query: { unit: 'hour' }, effect: FAIL })
    faults.add({ path: '/segments/list/', effect: FAIL })
    faults.add({ path: '/segments/details', query: { segment_id: '*' }, effect: FAIL })
    const rules = (path: string, query: Record<string, string> = {}) => faults.plan(path, query)?.rules ?? []
    expect(rules('/sessions/data_series', { unit: 'hour' })).toEqual(['fault-1'])
    expect(rules('/sessions/data_series', { unit: 'day' })).toEqual([])
    expect(rules('/segments/list')).toEqual(['fault-2'])
    expect(rules('/segments/list/')).toEqual(['fault-2'])
    expect(rules('/segments/details')).toEqual([])
    expect(rules('/segments/details', { segment_id: 'x' })).toEqual(['fault-3'])
  })

  it('applies times to the next N matches, counting every match', () => {
    const faults = new Faults()
    faults.add({ path: '*', effect: FAIL, times: 2 })
    expect(hits(faults, 5)).toEqual([true, true, false, false, false])
    expect(faults.list()[0]).toMatchObject({ matched: 5, applied: 2 })
  })

  it('hits the same matches for the same seed and probability, about that fraction of them', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.double({ min: 0.2, max: 0.8, noNaN: true }), (seed, probability) => {
      const run = () => {
        const faults = new Faults()
        faults.add({ path: '*', effect: FAIL, probability, seed })
        return hits(faults, 400)
      }
      const first = run()
      expect(run()).toEqual(first)
      const share = first.filter(Boolean).length / first.length
      expect(Math.abs(share - probability)).toBeLessThan(0.15)
    }), { numRuns: 25 })
  })

  it('never hits at probability 0 and always at 1', () => {
    const faults = new Faults()
    faults.add({ path: '/a', effect: FAIL, probability: 0 })
    faults.add({ path: '/b', effect: FAIL, probability: 1 })
    expect(hits(faults, 20, '/a')).toEqual(Array(20).fill(false))
    expect(hits(faults, 20, '/b')).toEqual(Array(20).fill(true))
  })

  it('draws a range latency within its bounds, and sums latencies of every applied rule', () => {
    const faults = new Faults()
    faults.add({ path: '*', effect: { type: 'latency', min_ms: 100, max_ms: 200 }, seed: 3 })
    faults.add({ path: '*', effect: { type: 'latency', ms: 1000 } })
    const delays = Array.from({ length: 200 }, () => faults.plan('/x', {})!.delayMs)
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(1100)
      expect(delay).toBeLessThanOrEqual(1200)
    }
    expect(new Set(delays).size).toBeGreaterThan(10)
  })

  it('lets the first applied non-latency rule shape the answer; a later one neither applies nor spends its times', () => {
    const faults = new Faults()
    faults.add({ path: '*', effect: { type: 'latency', ms: 5 } })
    faults.add({ path: '*', effect: { type: 'drop' }, times: 1 })
    faults.add({ path: '*', effect: FAIL, times: 1 })
    expect(faults.plan('/x', {})).toEqual({ delayMs: 5, outcome: { rule: 'fault-2', effect: { type: 'drop' } }, rules: ['fault-1', 'fault-2'] })
    expect(faults.plan('/x', {})).toEqual({ delayMs: 5, outcome: { rule: 'fault-3', effect: FAIL }, rules: ['fault-1', 'fault-3'] })
    expect(faults.list().map(r => [r.id, r.matched, r.applied])).toEqual([['fault-1', 2, 2], ['fault-2', 2, 1], ['fault-3', 2, 1]])
  })

  it('lists copies, removes by id, and clears numbering from 1 again', () => {
    const faults = new Faults()
    const added = faults.add({ path: '*', query: { a: '1' }, effect: FAIL })
    const listed = faults.list()[0]!
    ;(listed.query as Record<string, string>).a = 'changed'
    expect(faults.list()[0]).toEqual(added)
    expect(faults.remove('fault-1')).toBe(true)
    expect(faults.remove('fault-1')).toBe(false)
    faults.add({ path: '*', effect: FAIL })
    faults.clear()
    expect(faults.empty).toBe(true)
    expect(faults.add({ path: '*', effect: FAIL }).id).toBe('fault-1')
  })
})

// Through the app, on every endpoint of the table (test/endpoints.ts): a rule on its path fires on it and on
// no other endpoint, and an injected 429 carries the headers of the endpoint's own pool.
describe('faults on every Braze endpoint', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp({ fixtures: fixturesFor(ENDPOINT_TABLE) }) })
  afterAll(async () => { await app.close() })
  afterEach(() => { app.control.reset() })

  it.each(ENDPOINT_TABLE)('a rule on $path answers there, and only there', async ({ path, url }) => {
    const rule = app.control.addFault({ path, effect: FAIL })
    for (const other of ENDPOINT_TABLE) {
      const response = await get(app, other.url)
      if (other.path === path) {
        expect({ url: other.url, status: response.status, body: response.body }).toStrictEqual({ url: other.url, status: 503, body: { message: 'Service Unavailable' } })
      } else {
        expect({ url: other.url, status: response.status }).toStrictEqual({ url: other.url, status: 200 })
      }
    }
    expect(app.control.journal({ path }).entries.map(e => e.fault)).toStrictEqual([rule.id])
    expect(app.control.faults().faults[0]).toMatchObject({ matched: 1, applied: 1 })
    expect((await get(app, url.replace(path, `${path}/`))).status).toBe(503) // the route's path, however spelled
  })

  it.each(ENDPOINT_TABLE)('a rule on a parameter of the $path example matches its value, and "*" its presence', async ({ path, url, definition }) => {
    const [name, value] = Object.entries(definition.example as Record<string, string>)[0] ?? ['absent', 'x']
    app.control.addFault({ path, query: { [name]: `${value}-other` }, effect: FAIL })
    expect((await get(app, url)).status).toBe(200)
    app.control.addFault({ path: '*', query: { [name]: '*' }, effect: FAIL })
    expect((await get(app, url)).status).toBe(name === 'absent' ? 200 : 503)
  })

  it.each(ENDPOINT_TABLE)('an injected 429 on $path has the headers of its $pool pool', async ({ path, url, pool }) => {
    app.control.addFault({ path, effect: { type: 'status', status: 429 } })
    const response = await get(app, url)
    const windowEnd = POOLS[pool].window === 'hour' ? Date.UTC(2026, 10, 23, 13) : NOW + 60_000 // NOW is 12:00:00Z
    expect({ status: response.status, body: response.body, limit: response.headers['x-ratelimit-limit'], reset: response.headers['x-ratelimit-reset'] })
      .toStrictEqual({ status: 429, body: { message: 'Rate limit exceeded' }, limit: String(POOLS[pool].limit), reset: String(windowEnd / 1000) })
  })
})
