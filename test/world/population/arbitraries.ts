// Generators shared by the population's property tests: seeds, app and workspace parameters, windows placed
// anywhere from long before an app's launch to decades after it, and New York days of 23, 24 and 25 hours.
import fc from 'fast-check'
import {
  DEFAULT_RETENTION, TREND_ORIGIN_DAY, type AppParams, type RetentionProfile, type WorkspaceParams,
} from '../../../src/world/population/index.js'
import { dayIndexOf, ZoneCalendar, type Day } from '../../../src/world/zone-calendar.js'

export const seed = fc.integer({ min: 0, max: 0xffff_ffff })

const real = (min: number, max: number): fc.Arbitrary<number> => fc.double({ min, max, noNaN: true })

export const retention: fc.Arbitrary<RetentionProfile> = fc.record({
  day1: real(0, 1),
  decay: real(0, 1.5),
  horizon: fc.integer({ min: 1, max: 400 }),
  spread: real(0, 1),
  uninstall: real(0, 0.1),
})

export const appParams: fc.Arbitrary<AppParams> = fc.record({
  launchDay: fc.integer({ min: TREND_ORIGIN_DAY - 3000, max: TREND_ORIGIN_DAY + 500 }),
  // Tiny apps too, where rounding decides every figure.
  arrivals: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 50_000 })),
  growth: real(-0.5, 1),
  weekly: real(0, 0.5),
  peakWeekday: fc.integer({ min: 0, max: 6 }),
  noise: real(0, 0.25),
  sessionsPerUser: real(1, 8),
  peakHour: fc.integer({ min: 0, max: 23 }),
  retention,
})

/** A grown consumer app (launched about three years before the trend origin), with some parameters changed. */
export function typicalApp (changes: Partial<AppParams> = {}): AppParams {
  return {
    launchDay: TREND_ORIGIN_DAY - 1000,
    arrivals: 5000,
    growth: 0.2,
    weekly: 0.15,
    peakWeekday: 1,
    noise: 0.04,
    sessionsPerUser: 2.5,
    peakHour: 18,
    retention: DEFAULT_RETENTION,
    ...changes,
  }
}

/** A window's first day relative to launch: long before it, around it, or decades after it. */
export const offset = fc.oneof(
  fc.integer({ min: -5000, max: -1 }),
  fc.integer({ min: -60, max: 150 }),
  fc.integer({ min: 0, max: 30_000 })
)

export const length = fc.integer({ min: 1, max: 100 })

/** 1 to 4 apps with distinct keys, a catalog of events and products each logged in some of the apps. */
export const workspaceParams: fc.Arbitrary<WorkspaceParams> = fc.uniqueArray(seed, { minLength: 1, maxLength: 4 })
  .chain(appKeys => {
    const someApps = fc.option(fc.subarray(appKeys, { minLength: 1 }), { nil: undefined })
    return fc.record({
      overlap: real(0, 0.2999),
      apps: fc.tuple(...appKeys.map(key => appParams.map(params => ({ key, params })))),
      events: fc.uniqueArray(fc.record({ key: seed, rate: real(0, 5), apps: someApps }),
        { maxLength: 3, selector: event => event.key }),
      products: fc.uniqueArray(fc.record({
        key: seed, rate: real(0, 0.2), priceCents: fc.integer({ min: 0, max: 50_000 }), apps: someApps,
      }), { maxLength: 3, selector: product => product.key }),
    })
  })

export const newYork = new ZoneCalendar('America/New_York')

/** New York days of 23 hours (2026-03-08), 25 hours (2026-11-01) and 24 hours around them. */
export const dstDays: readonly Day[] = [
  [2026, 3, 7], [2026, 3, 8], [2026, 3, 9], [2026, 10, 31], [2026, 11, 1], [2026, 11, 2],
].map(([year, month, day]) => newYork.day(dayIndexOf(year!, month!, day!)))

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)

export const range = (first: number, count: number): number[] => Array.from({ length: count }, (_, i) => first + i)
