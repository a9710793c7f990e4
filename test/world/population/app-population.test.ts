import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppPopulation, TREND_ORIGIN_DAY, type AppParams } from '../../../src/world/population/index.js'
import { appParams, length, offset, range, seed, sum, typicalApp } from './arbitraries.js'

const appKey = 0x0a77

/** An app, and a window placed relative to its launch. */
const scenario = fc.record({ seed, params: appParams, offset, length })

function build ({ seed, params }: { seed: number, params: AppParams }): AppPopulation {
  return new AppPopulation(seed, appKey, params)
}

describe('AppPopulation: the hard rules, for any seed, app and window', () => {
  it('rules 1-2: sessions ≥ DAU, and sessions are 0 exactly when DAU is', () => {
    fc.assert(fc.property(scenario, s => {
      const app = build(s)
      const first = s.params.launchDay + s.offset
      const dau = app.dau(first, s.length)
      const sessions = app.sessions(first, s.length)
      expect(sessions).toHaveLength(s.length)
      sessions.forEach((value, i) => {
        expect(Number.isInteger(value)).toBe(true)
        expect(value).toBeGreaterThanOrEqual(dau[i]!)
        expect(value === 0).toBe(dau[i] === 0)
      })
    }), { numRuns: 100 })
  })

  it('rule 3: the DAU of each day of the 30-day window ≤ MAU ≤ their sum', () => {
    fc.assert(fc.property(scenario, s => {
      const app = build(s)
      const first = s.params.launchDay + s.offset
      const mau = app.mau(first, s.length)
      const dau = build(s).dau(first - 29, s.length + 29) // another instance: no shared cache
      mau.forEach((value, i) => {
        const window = dau.slice(i, i + 30)
        expect(value).toBeGreaterThanOrEqual(Math.max(...window))
        expect(value).toBeLessThanOrEqual(sum(window))
      })
    }), { numRuns: 100 })
  })

  it('rules 4-5: new users ≤ DAU ≤ MAU ≤ the user base, which is the running sum of new users', () => {
    fc.assert(fc.property(scenario, s => {
      const app = build(s)
      const first = s.params.launchDay + s.offset
      const fresh = app.newUsers(first, s.length)
      const dau = app.dau(first, s.length)
      const mau = app.mau(first, s.length)
      const users = app.users(first, s.length)
      const [before] = build(s).users(first - 1, 1)
      range(0, s.length).forEach(i => {
        expect(fresh[i]).toBeLessThanOrEqual(dau[i]!)
        expect(dau[i]).toBeLessThanOrEqual(mau[i]!)
        expect(mau[i]).toBeLessThanOrEqual(users[i]!)
        expect(users[i]).toBe(before! + sum(fresh.slice(0, i + 1)))
      })
      expect(app.users(s.params.launchDay - 1, 1)).toEqual([0])
    }), { numRuns: 100 })
  })

  it('rule 6 and the rolling audiences: uninstalls ≤ users before the day; lapsed and new within the base', () => {
    fc.assert(fc.property(scenario, fc.integer({ min: 1, max: 120 }), (s, days) => {
      const app = build(s)
      const first = s.params.launchDay + s.offset
      const usersBefore = app.users(first - 1, s.length)
      const users = app.users(first, s.length)
      const uninstalls = app.uninstalls(first, s.length)
      const active = app.activeInLast(days, first, s.length)
      const lapsed = app.lapsed(days, first, s.length)
      const fresh = app.newInLast(days, first, s.length)
      const dau = app.dau(first - days + 1, s.length + days - 1)
      range(0, s.length).forEach(i => {
        expect(uninstalls[i]).toBeLessThanOrEqual(usersBefore[i]!)
        expect(active[i]).toBeGreaterThanOrEqual(Math.max(...dau.slice(i, i + days)))
        expect(active[i]).toBeLessThanOrEqual(Math.min(users[i]!, sum(dau.slice(i, i + days))))
        expect(lapsed[i]).toBe(users[i]! - active[i]!)
        expect(fresh[i]).toBeLessThanOrEqual(active[i]!) // every new user had a session in the window
      })
      expect(app.activeInLast(1, first, s.length)).toEqual(app.dau(first, s.length))
    }), { numRuns: 80 })
  })

  it('gives the share of active users who are new within [0, 1], and 1 when the window spans the horizon', () => {
    fc.assert(fc.property(scenario, fc.integer({ min: 1, max: 60 }), (s, days) => {
      const app = build(s)
      const first = s.params.launchDay + s.offset
      const shares = app.newInLastShare(days, first, s.length)
      const dau = app.dau(first, s.length)
      const whole = app.newInLastShare(app.retention.horizon, first, s.length)
      shares.forEach((share, i) => {
        expect(share).toBeGreaterThanOrEqual(0)
        expect(share).toBeLessThanOrEqual(1)
        expect(whole[i]).toBe(dau[i] === 0 ? 0 : 1)
      })
    }), { numRuns: 60 })
  })
})

describe('AppPopulation: a point is a function of the day alone', () => {
  it('reads every figure the same in two overlapping windows, whatever was asked before', () => {
    fc.assert(fc.property(scenario, fc.integer({ min: -99, max: 99 }), fc.integer({ min: 1, max: 100 }),
      (s, shift, otherLength) => {
        const first = s.params.launchDay + s.offset
        const second = first + shift
        const overlapFrom = Math.max(first, second)
        const overlapTo = Math.min(first + s.length, second + otherLength)
        fc.pre(overlapFrom < overlapTo)
        const event = { key: 0xe7, rate: 1.7 }
        const figures = (app: AppPopulation, from: number, count: number): number[][] => [
          app.newUsers(from, count), app.users(from, count), app.dau(from, count), app.mau(from, count),
          app.activeInLast(7, from, count), app.uninstalls(from, count), app.sessions(from, count),
          app.occurrences(event, from, count),
        ]
        const warm = build(s)
        const a = figures(warm, first, s.length)
        const b = figures(warm, second, otherLength) // same instance: its caches are filled by the first window
        const c = figures(build(s), second, otherLength) // fresh instance
        for (let f = 0; f < a.length; f++) {
          const fromA = a[f]!.slice(overlapFrom - first, overlapTo - first)
          expect(b[f]!.slice(overlapFrom - second, overlapTo - second)).toEqual(fromA)
          expect(c[f]!.slice(overlapFrom - second, overlapTo - second)).toEqual(fromA)
        }
      }), { numRuns: 60 })
  })

  it('is deterministic for a seed, and the seed and the app key both matter', () => {
    fc.assert(fc.property(seed, seed, appParams, (one, other, params) => {
      fc.pre(one !== other)
      const mature = { ...params, arrivals: 5000, noise: 0.05 }
      const first = mature.launchDay + 200
      const a = new AppPopulation(one, appKey, mature).newUsers(first, 30)
      expect(new AppPopulation(one, appKey, mature).newUsers(first, 30)).toEqual(a)
      expect(new AppPopulation(other, appKey, mature).newUsers(first, 30)).not.toEqual(a)
      expect(new AppPopulation(one, appKey + 1, mature).newUsers(first, 30)).not.toEqual(a)
    }), { numRuns: 30 })
  })
})

describe('AppPopulation: launch', () => {
  it('has nobody before launch, and ramps up over the first weeks instead of starting at full size', () => {
    const typical = appParams.map(params => ({
      ...params, arrivals: Math.max(2000, params.arrivals), noise: Math.min(0.1, params.noise),
    }))
    fc.assert(fc.property(seed, typical, (seed, params) => {
      const app = new AppPopulation(seed, appKey, params)
      const launch = params.launchDay
      expect(app.dau(launch - 30, 30).every(value => value === 0)).toBe(true)
      expect(app.sessions(launch - 30, 30).every(value => value === 0)).toBe(true)
      const [day0, , , , , , , , , , , , , , day14] = app.newUsers(launch, 15)
      const mature = sum(app.newUsers(launch + 84, 28)) / 28
      expect(day0).toBeGreaterThan(0)
      expect(day14).toBeGreaterThan(4 * day0!)
      expect(day0).toBeLessThan(0.2 * mature)
      const dau = app.dau(launch, 15)
      expect(dau[14]).toBeGreaterThan(4 * dau[0]!)
    }), { numRuns: 60 })
  })

  it('lets a typical app settle at believable ratios: DAU/MAU near 0.1 and a month of users active', () => {
    const app = new AppPopulation(7, appKey, typicalApp())
    const dau = sum(app.dau(TREND_ORIGIN_DAY, 28))
    const mau = sum(app.mau(TREND_ORIGIN_DAY, 28))
    const fresh = sum(app.newUsers(TREND_ORIGIN_DAY, 28))
    expect(dau / mau).toBeGreaterThan(0.05)
    expect(dau / mau).toBeLessThan(0.3)
    expect(dau / fresh).toBeGreaterThan(4) // most active users are returning ones
  })
})
