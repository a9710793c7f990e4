// Fault rules as a unit (src/emulator/faults.ts): matching, times, seeded fractions, latency ranges, and
// which rule shapes the answer when several apply.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Faults } from '../../../src/emulator/faults.js'

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
