import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppPopulation, TREND_ORIGIN_DAY, WorkspacePopulation } from '../../../src/world/population/index.js'
import { dayIndexOf } from '../../../src/world/zone-calendar.js'
import { dstDays, newYork, seed, sum, typicalApp, workspaceParams } from './arbitraries.js'

describe('hours: rule 7, hours sum to their day on days of 23, 24 and 25 hours', () => {
  it('has the lengths the calendar says', () => {
    expect(dstDays.map(day => day.hours)).toEqual([24, 23, 24, 24, 25, 24])
  })

  it('for sessions, events, items and revenue, per app and for all apps', () => {
    const dayIn = fc.oneof(fc.constantFrom(...dstDays), fc.integer({ min: -3000, max: 3000 })
      .map(offset => newYork.day(TREND_ORIGIN_DAY + offset)))
    fc.assert(fc.property(seed, workspaceParams, dayIn, (seed, params, day) => {
      const ws = new WorkspacePopulation(seed, 1, params)
      const at = day.index
      for (const appKey of [undefined, ...ws.apps.map(app => app.key)]) {
        const hours = ws.sessionsPerHour(day, appKey)
        expect(hours).toHaveLength(day.hours)
        expect(sum(hours)).toBe(ws.sessions(at, 1, appKey)[0])
        for (const event of params.events) {
          expect(sum(ws.eventsPerHour(event.key, day, appKey))).toBe(ws.events(event.key, at, 1, appKey)[0])
        }
        for (const productKey of [undefined, ...params.products.map(product => product.key)]) {
          const quantity = ws.quantityPerHour(productKey, day, appKey)
          const revenue = ws.revenuePerHour(productKey, day, appKey)
          expect(quantity).toHaveLength(day.hours)
          expect(sum(quantity)).toBe(ws.quantity(productKey, at, 1, appKey)[0])
          expect(sum(revenue)).toBe(ws.revenue(productKey, at, 1, appKey)[0])
        }
      }
    }), { numRuns: 80 })
  })

  it('puts events only in hours that have sessions', () => {
    fc.assert(fc.property(seed, fc.constantFrom(...dstDays), fc.double({ min: 0, max: 20, noNaN: true }),
      (seed, day, rate) => {
        const app = new AppPopulation(seed, 3, typicalApp({
          launchDay: day.index - 400, arrivals: 300, sessionsPerUser: 1.2, peakHour: 20,
        }))
        const sessions = app.sessionsPerHour(day)
        app.occurrencesPerHour({ key: 9, rate }, day).forEach((events, k) => {
          if (sessions[k] === 0) expect(events).toBe(0)
        })
      }), { numRuns: 40 })
  })
})

describe('hours: the night trough sits at 02:00-05:00 local whatever the peak hour', () => {
  const appAt = (seed: number, peakHour: number): AppPopulation =>
    new AppPopulation(seed, 5, typicalApp({ arrivals: 3000, noise: 0.05, peakHour }))

  it('over a week, for every peak hour 0-23', () => {
    const first = dayIndexOf(2026, 6, 1)
    for (let peak = 0; peak < 24; peak++) {
      const app = appAt(11, peak)
      const byClockHour = new Array<number>(24).fill(0)
      for (let i = 0; i < 7; i++) {
        const day = newYork.day(first + i)
        app.sessionsPerHour(day).forEach((value, k) => { byClockHour[day.hourOfDay(k)]! += value })
      }
      const quietest = byClockHour.indexOf(Math.min(...byClockHour))
      expect([peak, quietest]).toEqual([peak, expect.toSatisfy((hour: number) => hour >= 2 && hour < 5)])
      // and the trough is a real trough: the busiest hour has several times its sessions
      expect(Math.max(...byClockHour)).toBeGreaterThan(3 * byClockHour[quietest]!)
    }
  })

  it('on any single day, DST days included, for any seed and peak hour', () => {
    const day = fc.oneof(fc.constantFrom(...dstDays), fc.integer({ min: 0, max: 2000 })
      .map(offset => newYork.day(TREND_ORIGIN_DAY - 400 + offset)))
    fc.assert(fc.property(seed, fc.integer({ min: 0, max: 23 }), day, (seed, peak, day) => {
      const hours = appAt(seed, peak).sessionsPerHour(day)
      const quietest = day.hourOfDay(hours.indexOf(Math.min(...hours)))
      expect(quietest).toBeGreaterThanOrEqual(2)
      expect(quietest).toBeLessThan(5)
    }), { numRuns: 150 })
  })

  it('keeps the busiest hour near a daytime peak hour', () => {
    for (const peak of [9, 12, 15, 18, 20]) {
      const app = appAt(3, peak)
      const day = newYork.day(dayIndexOf(2026, 6, 3))
      const hours = app.sessionsPerHour(day)
      const busiest = day.hourOfDay(hours.indexOf(Math.max(...hours)))
      expect(Math.abs(busiest - peak)).toBeLessThanOrEqual(1)
    }
  })
})
