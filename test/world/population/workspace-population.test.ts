import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AppPopulation, MAX_OVERLAP, TREND_ORIGIN_DAY, uniqueUsers, WorkspacePopulation, type AppParams,
} from '../../../src/world/population/index.js'
import { dstDays, length, range, retention, seed, sum, typicalApp, workspaceParams } from './arbitraries.js'

/** A workspace, and a window from long before its first launch to decades after. */
const scenario = fc.record({
  seed,
  params: workspaceParams,
  first: fc.integer({ min: TREND_ORIGIN_DAY - 5000, max: TREND_ORIGIN_DAY + 20_000 }),
  length,
})

const columns = (rows: readonly (readonly number[])[], i: number): number[] => rows.map(row => row[i]!)

describe('uniqueUsers', () => {
  it('lies between the largest count and the sum, and never falls when a count grows', () => {
    const counts = fc.array(fc.nat(1e9), { minLength: 1, maxLength: 8 })
    fc.assert(fc.property(counts, fc.nat(7), fc.nat(1e6), fc.double({ min: 0, max: MAX_OVERLAP - 1e-9, noNaN: true }),
      (values, which, more, overlap) => {
        const unique = uniqueUsers(values, overlap)
        expect(unique).toBeGreaterThanOrEqual(Math.max(...values))
        expect(unique).toBeLessThanOrEqual(sum(values))
        const grown = values.map((value, i) => i === which % values.length ? value + more : value)
        expect(uniqueUsers(grown, overlap)).toBeGreaterThanOrEqual(unique)
        const plusOne = values.map((value, i) => i === which % values.length ? value + 1 : value)
        expect(uniqueUsers(plusOne, overlap)).toBeGreaterThanOrEqual(unique)
      }), { numRuns: 300 })
  })
})

describe('WorkspacePopulation: rule 8, all apps', () => {
  it('is the exact sum over apps of new users, uninstalls, sessions, events, items and revenue', () => {
    fc.assert(fc.property(scenario, ({ seed, params, first, length }) => {
      const ws = new WorkspacePopulation(seed, 1, params)
      const keys = ws.apps.map(app => app.key)
      const additive: ((appKey?: number) => number[])[] = [
        appKey => ws.newUsers(first, length, appKey),
        appKey => ws.uninstalls(first, length, appKey),
        appKey => ws.sessions(first, length, appKey),
        ...params.events.map(event => (appKey?: number) => ws.events(event.key, first, length, appKey)),
        appKey => ws.quantity(undefined, first, length, appKey),
        appKey => ws.revenue(undefined, first, length, appKey),
      ]
      for (const figure of additive) {
        const perApp = keys.map(key => figure(key))
        expect(figure()).toEqual(range(0, length).map(i => sum(columns(perApp, i))))
      }
      // Each app's figure is that app's own population, not a share of the workspace's.
      const alone = new AppPopulation(seed, keys[0]!, params.apps[0]!.params)
      expect(ws.sessions(first, length, keys[0])).toEqual(alone.sessions(first, length))
    }), { numRuns: 60 })
  })

  it('counts DAU, MAU and the user base as unique users: between the largest app and the sum', () => {
    fc.assert(fc.property(scenario, ({ seed, params, first, length }) => {
      const ws = new WorkspacePopulation(seed, 1, params)
      const keys = ws.apps.map(app => app.key)
      for (const figure of ['dau', 'mau', 'users'] as const) {
        const all = ws[figure](first, length)
        const perApp = keys.map(key => ws[figure](first, length, key))
        all.forEach((value, i) => {
          expect(value).toBeGreaterThanOrEqual(Math.max(...columns(perApp, i)))
          expect(value).toBeLessThanOrEqual(sum(columns(perApp, i)))
        })
      }
    }), { numRuns: 60 })
  })

  it('keeps rules 3 and 5 for all apps: DAU of each day of the window ≤ MAU ≤ their sum, MAU ≤ users', () => {
    fc.assert(fc.property(scenario, fc.integer({ min: 1, max: 60 }), ({ seed, params, first, length }, days) => {
      const ws = new WorkspacePopulation(seed, 1, params)
      const dau = ws.dau(first - 29, length + 29)
      const mau = ws.mau(first, length)
      const users = ws.users(first, length)
      mau.forEach((value, i) => {
        const window = dau.slice(i, i + 30)
        expect(value).toBeGreaterThanOrEqual(Math.max(...window))
        expect(value).toBeLessThanOrEqual(sum(window))
        expect(value).toBeLessThanOrEqual(users[i]!)
      })
      const lapsed = ws.lapsed(days, first, length)
      const active = ws.activeInLast(days, first, length)
      lapsed.forEach((value, i) => {
        expect(value).toBeGreaterThanOrEqual(0)
        expect(value + active[i]!).toBe(users[i])
      })
    }), { numRuns: 60 })
  })

  it('rule 12: items and revenue of every product sum to the unfiltered figures, by day and by hour', () => {
    fc.assert(fc.property(scenario, fc.constantFrom(...dstDays), ({ seed, params, first, length }, day) => {
      const ws = new WorkspacePopulation(seed, 1, params)
      for (const appKey of [undefined, ws.apps[0]!.key]) {
        const quantity = params.products.map(p => ws.quantity(p.key, first, length, appKey))
        const revenue = params.products.map(p => ws.revenue(p.key, first, length, appKey))
        expect(ws.quantity(undefined, first, length, appKey)).toEqual(range(0, length).map(i => sum(columns(quantity, i))))
        expect(ws.revenue(undefined, first, length, appKey)).toEqual(range(0, length).map(i => sum(columns(revenue, i))))
        params.products.forEach((product, p) => {
          expect(revenue[p]).toEqual(quantity[p]!.map(items => items * product.priceCents))
        })
        const hourly = params.products.map(p => ws.quantityPerHour(p.key, day, appKey))
        const hourlyRevenue = params.products.map(p => ws.revenuePerHour(p.key, day, appKey))
        expect(ws.quantityPerHour(undefined, day, appKey)).toEqual(range(0, day.hours).map(k => sum(columns(hourly, k))))
        expect(ws.revenuePerHour(undefined, day, appKey))
          .toEqual(range(0, day.hours).map(k => sum(columns(hourlyRevenue, k))))
      }
      expect(ws.quantity(0xdead_beef, first, length)).toEqual(new Array(length).fill(0)) // a product never seen
    }), { numRuns: 50 })
  })
})

describe('WorkspacePopulation: rule 19, the time axis', () => {
  it('gives exactly `count` points, oldest first: point i is the figure of day first + i asked alone', () => {
    const window = fc.record({ seed, params: workspaceParams, first: scenario.map(s => s.first), count: fc.nat(20) })
    fc.assert(fc.property(window, fc.integer({ min: 1, max: 45 }), ({ seed, params, first, count }, days) => {
      const ws = new WorkspacePopulation(seed, 1, params)
      const product = params.products[0]?.key
      const figures: ((from: number, n: number, appKey?: number) => number[])[] = [
        (from, n, appKey) => ws.newUsers(from, n, appKey),
        (from, n, appKey) => ws.users(from, n, appKey),
        (from, n, appKey) => ws.dau(from, n, appKey),
        (from, n, appKey) => ws.mau(from, n, appKey),
        (from, n, appKey) => ws.lapsed(days, from, n, appKey),
        (from, n, appKey) => ws.newInLast(days, from, n, appKey),
        (from, n, appKey) => ws.uninstalls(from, n, appKey),
        (from, n, appKey) => ws.sessions(from, n, appKey),
        (from, n, appKey) => ws.revenue(product, from, n, appKey),
      ]
      for (const appKey of [undefined, ws.apps[0]!.key]) {
        for (const figure of figures) {
          const series = figure(first, count, appKey)
          expect(series).toHaveLength(count)
          expect(series).toEqual(range(first, count).map(day => figure(day, 1, appKey)[0]))
        }
      }
    }), { numRuns: 25 })
  })
})

describe('WorkspacePopulation: the audiences an analyst charts', () => {
  it('never lets All Users fall, nor exceed the sum of the apps\' user bases', () => {
    fc.assert(fc.property(scenario, ({ seed, params, first, length }) => {
      const ws = new WorkspacePopulation(seed, 1, params)
      const users = ws.users(first - 1, length + 1)
      const perApp = ws.apps.map(app => app.users(first - 1, length + 1))
      for (let i = 1; i <= length; i++) {
        expect(users[i]).toBeGreaterThanOrEqual(users[i - 1]!)
        expect(users[i]).toBeLessThanOrEqual(sum(columns(perApp, i)))
      }
    }), { numRuns: 60 })
  })

  /** Half the spread of the weekday means of x / (its centred 7-day mean): the weekly saw-tooth, as a share. */
  function weeklyAmplitude (values: readonly number[]): number {
    const byWeekday: number[][] = [[], [], [], [], [], [], []]
    for (let i = 3; i < values.length - 3; i++) {
      const centred = sum(values.slice(i - 3, i + 4)) / 7
      byWeekday[i % 7]!.push(values[i]! / centred)
    }
    const means = byWeekday.map(ratios => sum(ratios) / ratios.length)
    return (Math.max(...means) - Math.min(...means)) / 2
  }

  it('gives a 7-day rolling audience a weekly amplitude under 1%, though DAU swings with the week', () => {
    const grownApp: fc.Arbitrary<AppParams> = fc.record({
      launchDay: fc.integer({ min: TREND_ORIGIN_DAY - 2000, max: TREND_ORIGIN_DAY - 200 }),
      arrivals: fc.integer({ min: 500, max: 50_000 }),
      growth: fc.double({ min: -0.2, max: 0.6, noNaN: true }),
      weekly: fc.double({ min: 0.15, max: 0.3, noNaN: true }),
      peakWeekday: fc.integer({ min: 0, max: 6 }),
      noise: fc.double({ min: 0, max: 0.05, noNaN: true }),
      sessionsPerUser: fc.double({ min: 1, max: 4, noNaN: true }),
      peakHour: fc.integer({ min: 8, max: 21 }),
      retention,
    })
    fc.assert(fc.property(seed, fc.array(grownApp, { minLength: 1, maxLength: 3 }), (seed, apps) => {
      const ws = new WorkspacePopulation(seed, 1, {
        overlap: 0.1, apps: apps.map((params, i) => ({ key: i + 1, params })), events: [], products: [],
      })
      const first = TREND_ORIGIN_DAY
      const weeks = 8 * 7 + 6
      expect(weeklyAmplitude(ws.activeInLast(7, first, weeks, 1))).toBeLessThan(0.01)
      expect(weeklyAmplitude(ws.activeInLast(7, first, weeks))).toBeLessThan(0.01)
      expect(weeklyAmplitude(ws.dau(first, weeks, 1))).toBeGreaterThan(0.05) // the measure sees a rhythm
    }), { numRuns: 25 })
  })

  it('measures the amplitude of a known rhythm', () => {
    const rhythm = range(0, 62).map(i => 1000 * (1 + 0.08 * Math.cos((2 * Math.PI * i) / 7)))
    expect(weeklyAmplitude(rhythm)).toBeGreaterThan(0.07)
    expect(weeklyAmplitude(rhythm)).toBeLessThan(0.09)
    expect(weeklyAmplitude(new Array(62).fill(500))).toBe(0)
  })

  it('rejects an app key the workspace does not have', () => {
    const ws = new WorkspacePopulation(1, 1, {
      overlap: 0,
      apps: [{ key: 4, params: typicalApp() }],
      events: [],
      products: [],
    })
    expect(() => ws.sessions(0, 1, 5)).toThrow(RangeError)
    expect(ws.sessions(0, 1, 4)).toEqual([0]) // long before launch
  })
})

describe('WorkspacePopulation: every product\'s sums, kept between requests', () => {
  // Items and revenue over every product are kept per app scope and day; a population that has answered
  // other windows first must answer exactly what a fresh one does.
  const asked = fc.array(fc.record({
    first: fc.integer({ min: TREND_ORIGIN_DAY - 200, max: TREND_ORIGIN_DAY + 200 }),
    length: fc.integer({ min: 1, max: 40 }),
    app: fc.nat(4),
  }), { minLength: 2, maxLength: 8 })

  it('answers each window of items and revenue as a fresh population does, whatever came before', () => {
    fc.assert(fc.property(seed, workspaceParams, asked, (seedKey, params, windows) => {
      const kept = new WorkspacePopulation(seedKey, 1, params)
      for (const { first, length, app } of windows) {
        const appKey = app < params.apps.length ? params.apps[app]!.key : undefined
        const fresh = new WorkspacePopulation(seedKey, 1, params)
        expect(kept.quantity(undefined, first, length, appKey)).toEqual(fresh.quantity(undefined, first, length, appKey))
        expect(kept.revenue(undefined, first, length, appKey)).toEqual(fresh.revenue(undefined, first, length, appKey))
      }
    }), { numRuns: 60 })
  })

  it('answers each day\'s hours as a fresh population does, and a caller changing them changes nothing kept', () => {
    fc.assert(fc.property(seed, workspaceParams, fc.array(fc.nat(dstDays.length - 1), { minLength: 2, maxLength: 8 }), (seedKey, params, picks) => {
      const kept = new WorkspacePopulation(seedKey, 1, params)
      for (const pick of picks) {
        const day = dstDays[pick]!
        const fresh = new WorkspacePopulation(seedKey, 1, params)
        const items = kept.quantityPerHour(undefined, day)
        const cents = kept.revenuePerHour(undefined, day)
        expect(items).toEqual(fresh.quantityPerHour(undefined, day))
        expect(cents).toEqual(fresh.revenuePerHour(undefined, day))
        items.fill(-1)
        cents.fill(-1)
      }
    }), { numRuns: 60 })
  })
})
