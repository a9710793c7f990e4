import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  SegmentPopulation, TREND_ORIGIN_DAY, WorkspacePopulation, type SegmentDefinition, type WorkspaceParams,
} from '../../../src/world/population/index.js'
import { dstDays, length, newYork, range, seed, sum, workspaceParams } from './arbitraries.js'

const days = fc.integer({ min: 1, max: 120 })

/** A workspace, one of its segments of any kind, and a window from before its first launch to decades after. */
const scenario = workspaceParams.chain(params => fc.record({
  seed,
  params: fc.constant(params),
  definition: fc.oneof(
    fc.constant<SegmentDefinition>({ kind: 'all' }),
    days.map((days): SegmentDefinition => ({ kind: 'active', days })),
    days.map((days): SegmentDefinition => ({ kind: 'lapsed', days })),
    days.map((days): SegmentDefinition => ({ kind: 'new', days })),
    fc.constantFrom(...params.apps.map(app => app.key)).map((appKey): SegmentDefinition => ({ kind: 'app', appKey })),
    fc.record({ share: fc.double({ min: 0, max: 1, noNaN: true }), drift: fc.double({ min: 0, max: 0.5, noNaN: true }) })
      .map((trait): SegmentDefinition => ({ kind: 'trait', ...trait }))
  ),
  first: fc.integer({ min: TREND_ORIGIN_DAY - 5000, max: TREND_ORIGIN_DAY + 20_000 }),
  length,
}))

interface Scenario {
  readonly seed: number
  readonly params: WorkspaceParams
  readonly definition: SegmentDefinition
}

function build (s: Scenario): { ws: WorkspacePopulation, segment: SegmentPopulation } {
  const ws = new WorkspacePopulation(s.seed, 1, s.params)
  return { ws, segment: new SegmentPopulation(s.seed, 77, s.definition, ws) }
}

describe('SegmentPopulation: rule 9, a segment is a subset', () => {
  it('has at most the unfiltered sessions and events, per app and for all apps, by day', () => {
    fc.assert(fc.property(scenario, s => {
      const { ws, segment } = build(s)
      for (const appKey of [undefined, ...ws.apps.map(app => app.key)]) {
        const filtered = segment.sessions(s.first, s.length, appKey)
        const unfiltered = ws.sessions(s.first, s.length, appKey)
        filtered.forEach((value, i) => {
          expect(Number.isInteger(value) && value >= 0).toBe(true)
          expect(value).toBeLessThanOrEqual(unfiltered[i]!)
        })
        for (const event of s.params.events) {
          const members = segment.events(event.key, s.first, s.length, appKey)
          const everyone = ws.events(event.key, s.first, s.length, appKey)
          members.forEach((value, i) => expect(value).toBeLessThanOrEqual(everyone[i]!))
        }
      }
      // and it is additive over apps, like the unfiltered figure
      const perApp = ws.apps.map(app => segment.sessions(s.first, s.length, app.key))
      expect(segment.sessions(s.first, s.length)).toEqual(range(0, s.length).map(i => sum(perApp.map(row => row[i]!))))
    }), { numRuns: 80 })
  })

  it('has at most the unfiltered sessions and events in every hour, and its hours sum to its day', () => {
    const day = fc.oneof(fc.constantFrom(...dstDays), fc.integer({ min: -2000, max: 2000 })
      .map(offset => newYork.day(TREND_ORIGIN_DAY + offset)))
    fc.assert(fc.property(scenario, day, (s, day) => {
      const { ws, segment } = build(s)
      for (const appKey of [undefined, ...ws.apps.map(app => app.key)]) {
        const filtered = segment.sessionsPerHour(day, appKey)
        const unfiltered = ws.sessionsPerHour(day, appKey)
        expect(filtered).toHaveLength(day.hours)
        filtered.forEach((value, k) => expect(value).toBeLessThanOrEqual(unfiltered[k]!))
        expect(sum(filtered)).toBe(segment.sessions(day.index, 1, appKey)[0])
        for (const event of s.params.events) {
          const members = segment.eventsPerHour(event.key, day, appKey)
          const everyone = ws.eventsPerHour(event.key, day, appKey)
          members.forEach((value, k) => expect(value).toBeLessThanOrEqual(everyone[k]!))
          expect(sum(members)).toBe(segment.events(event.key, day.index, 1, appKey)[0])
        }
      }
    }), { numRuns: 80 })
  })
})

describe('SegmentPopulation: sizes from the same users', () => {
  it('keeps every size between 0 and the user base (rule 10)', () => {
    fc.assert(fc.property(scenario, s => {
      const { ws, segment } = build(s)
      const users = ws.users(s.first, s.length)
      segment.size(s.first, s.length).forEach((size, i) => {
        expect(Number.isInteger(size)).toBe(true)
        expect(size).toBeGreaterThanOrEqual(0)
        expect(size).toBeLessThanOrEqual(users[i]!)
      })
    }), { numRuns: 80 })
  })

  it('says what each kind means: lapsed + active = all users; active sessions are everyone\'s; lapsed have none', () => {
    fc.assert(fc.property(scenario, days, (s, n) => {
      const ws = new WorkspacePopulation(s.seed, 1, s.params)
      const of = (definition: SegmentDefinition): SegmentPopulation => new SegmentPopulation(s.seed, 5, definition, ws)
      const all = of({ kind: 'all' }).size(s.first, s.length)
      const active = of({ kind: 'active', days: n })
      const lapsed = of({ kind: 'lapsed', days: n })
      const activeSize = active.size(s.first, s.length)
      lapsed.size(s.first, s.length).forEach((size, i) => expect(size + activeSize[i]!).toBe(all[i]))
      expect(active.sessions(s.first, s.length)).toEqual(ws.sessions(s.first, s.length))
      expect(lapsed.sessions(s.first, s.length)).toEqual(new Array(s.length).fill(0))
      const app = s.params.apps[0]!.key
      expect(of({ kind: 'app', appKey: app }).size(s.first, s.length)).toEqual(ws.users(s.first, s.length, app))
      expect(of({ kind: 'app', appKey: app }).sessions(s.first, s.length, app)).toEqual(ws.sessions(s.first, s.length, app))
      const fresh = of({ kind: 'new', days: n }).size(s.first, s.length)
      fresh.forEach((size, i) => expect(size).toBeLessThanOrEqual(activeSize[i]!))
    }), { numRuns: 60 })
  })

  it('lets a trait segment follow its share of all users, drifting slowly', () => {
    fc.assert(fc.property(scenario, fc.double({ min: 0.05, max: 0.9, noNaN: true }), (s, share) => {
      const ws = new WorkspacePopulation(s.seed, 1, s.params)
      const trait = new SegmentPopulation(s.seed, 5, { kind: 'trait', share, drift: 0.1 }, ws)
      const shares = trait.share(s.params.apps[0]!.key, s.first, s.length)
      shares.forEach((value, i) => {
        expect(value).toBeGreaterThanOrEqual(share * 0.9 - 1e-12)
        expect(value).toBeLessThanOrEqual(share * 1.1 + 1e-12)
        if (i > 0) expect(Math.abs(value - shares[i - 1]!)).toBeLessThan(share * 0.01) // slow: < 1% a day
      })
    }), { numRuns: 40 })
  })

  it('rejects a segment of an app the workspace does not have', () => {
    fc.assert(fc.property(scenario, s => {
      const ws = new WorkspacePopulation(s.seed, 1, s.params)
      const missing = Math.max(...s.params.apps.map(app => app.key)) + 1
      expect(() => new SegmentPopulation(s.seed, 5, { kind: 'app', appKey: missing }, ws)).toThrow(RangeError)
    }), { numRuns: 5 })
  })
})
