import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { endingAtOutsideRange, parseEndingAt } from '../../src/world/ending-at.js'
import { ZoneCalendar } from '../../src/world/zone-calendar.js'

const utc = new ZoneCalendar('UTC')
const newYork = new ZoneCalendar('America/New_York')
const kolkata = new ZoneCalendar('Asia/Kolkata')

/** 2018-06-27T23:59:59 local, the docs' example, as UTC ms. */
const EXAMPLE_LOCAL = Date.UTC(2018, 5, 27, 23, 59, 59)
const MINUTE = 60_000
const HOUR = 3_600_000

describe('parseEndingAt: accepted forms (BRAZE.md, section 4)', () => {
  it.each([
    ['2018-06-27T23:59:59-5:00', EXAMPLE_LOCAL + 5 * HOUR], // the docs' own example: a one-digit hour offset
    ['2018-06-27T23:59:59-05:00', EXAMPLE_LOCAL + 5 * HOUR],
    ['2018-06-27T23:59:59-0500', EXAMPLE_LOCAL + 5 * HOUR],
    ['2018-06-27T23:59:59-05', EXAMPLE_LOCAL + 5 * HOUR],
    ['2018-06-27T23:59:59-5', EXAMPLE_LOCAL + 5 * HOUR],
    ['2018-06-27T23:59:59Z', EXAMPLE_LOCAL],
    ['2018-06-27T23:59:59+00:00', EXAMPLE_LOCAL],
    ['2018-06-27T23:59:59-00:00', EXAMPLE_LOCAL],
    ['2018-06-27T23:59:59+0200', EXAMPLE_LOCAL - 2 * HOUR],
    ['2018-06-27T23:59:59+02:00', EXAMPLE_LOCAL - 2 * HOUR],
    ['2018-06-27T23:59:59+05:30', EXAMPLE_LOCAL - 5 * HOUR - 30 * MINUTE],
    ['2018-06-27T23:59:59+5:45', EXAMPLE_LOCAL - 5 * HOUR - 45 * MINUTE],
    ['2018-06-27T23:59:59-09:30', EXAMPLE_LOCAL + 9 * HOUR + 30 * MINUTE],
    ['2018-06-27T23:59:59+18:00', EXAMPLE_LOCAL - 18 * HOUR], // the widest offset ISO 8601 and Java allow
    ['2018-06-27T23:59:59-18:00', EXAMPLE_LOCAL + 18 * HOUR],
  ])('%s', (text, expected) => {
    expect(parseEndingAt(text, utc)).toBe(expected)
  })

  it.each([
    ['2018-06-27T23:59:59.5Z', EXAMPLE_LOCAL + 500],
    ['2018-06-27T23:59:59.05Z', EXAMPLE_LOCAL + 50],
    ['2018-06-27T23:59:59.123Z', EXAMPLE_LOCAL + 123],
    ['2018-06-27T23:59:59.999-05:00', EXAMPLE_LOCAL + 999 + 5 * HOUR],
    ['2018-06-27T23:59:59.000001+0200', EXAMPLE_LOCAL - 2 * HOUR], // below a millisecond: truncated
    ['2018-06-27T23:59:59.123456789Z', EXAMPLE_LOCAL + 123],
    ['2018-06-27T23:59:59.9999999Z', EXAMPLE_LOCAL + 999], // truncated, never rounded into the next second
    ['2018-06-27T23:59:59.1234567891234Z', EXAMPLE_LOCAL + 123], // any number of digits (was refused past 9)
  ])('fractional seconds: %s', (text, expected) => {
    expect(parseEndingAt(text, utc)).toBe(expected)
  })

  it('reads a date-time without an offset as UTC, whatever the workspace zone', () => {
    for (const calendar of [utc, newYork, kolkata]) {
      expect(parseEndingAt('2018-06-27T23:59:59', calendar)).toBe(EXAMPLE_LOCAL)
      expect(parseEndingAt('2018-06-27T23:59:59.250', calendar)).toBe(EXAMPLE_LOCAL + 250)
      expect(parseEndingAt('2018-06-27T23:59', calendar)).toBe(EXAMPLE_LOCAL - 59_000)
    }
  })

  it('reads a date alone as the start of that date in the workspace zone', () => {
    expect(parseEndingAt('2022-12-09', utc)).toBe(Date.UTC(2022, 11, 9))
    expect(parseEndingAt('2022-12-09', newYork)).toBe(Date.UTC(2022, 11, 9, 5)) // EST, -05:00
    expect(parseEndingAt('2022-07-09', newYork)).toBe(Date.UTC(2022, 6, 9, 4)) // EDT, -04:00
    expect(parseEndingAt('2022-12-09', kolkata)).toBe(Date.UTC(2022, 11, 8, 18, 30)) // +05:30
  })

  it('reads a date alone on a DST day as that day\'s first instant', () => {
    expect(parseEndingAt('2026-03-08', newYork)).toBe(Date.UTC(2026, 2, 8, 5))
    expect(parseEndingAt('2026-03-09', newYork)).toBe(Date.UTC(2026, 2, 9, 4))
    expect(parseEndingAt('2026-11-01', newYork)).toBe(Date.UTC(2026, 10, 1, 4))
    expect(parseEndingAt('2026-11-02', newYork)).toBe(Date.UTC(2026, 10, 2, 5))
  })

  it('accepts leap days that exist', () => {
    expect(parseEndingAt('2024-02-29', utc)).toBe(Date.UTC(2024, 1, 29))
    expect(parseEndingAt('2000-02-29T12:00:00Z', utc)).toBe(Date.UTC(2000, 1, 29, 12))
  })

  it.each([
    ['2018-06-27T23:59:59 02:00', EXAMPLE_LOCAL - 2 * HOUR],
    ['2018-06-27T23:59:59 0200', EXAMPLE_LOCAL - 2 * HOUR],
    ['2018-06-27T23:59:59 5:30', EXAMPLE_LOCAL - 5 * HOUR - 30 * MINUTE],
    ['2018-06-27T23:59:59.750 02:00', EXAMPLE_LOCAL + 750 - 2 * HOUR],
  ])('reads a space as the + that an unencoded query string lost: "%s"', (text, expected) => {
    expect(parseEndingAt(text, utc)).toBe(expected)
  })

  it('takes 0001-01-02 to 9999-12-31 (UTC), so every window stays in the four-digit years', () => {
    expect(parseEndingAt('0001-01-02T00:00:00Z', utc)).toBe(Date.parse('0001-01-02T00:00:00Z'))
    expect(parseEndingAt('9999-12-31', utc)).toBe(Date.parse('9999-12-31T00:00:00Z'))
    expect(parseEndingAt('0001-01-01T23:59:59.999Z', utc)).toBeUndefined()
    expect(parseEndingAt('9999-12-31T00:00:00.001Z', utc)).toBeUndefined()
    // Regression: this was taken, and its last day read 10000-01-01.
    expect(parseEndingAt('9999-12-31T23:59:59-18:00', utc)).toBeUndefined()
  })

  it('tells a form outside that range from one that is not an accepted form', () => {
    for (const text of ['0000-02-01', '0001-01-01', '9999-12-31T23:59:59-18:00', '9999-12-31T00:00:00.001Z']) {
      expect(endingAtOutsideRange(text, utc), text).toBe(true)
    }
    for (const text of ['2023-02-29', '10000-01-01', 'now', '2026-11-23']) expect(endingAtOutsideRange(text, utc), text).toBe(false)
    // A date alone starts in the workspace's zone: 9999-12-31 in Kolkata starts before the end of the range.
    expect(endingAtOutsideRange('9999-12-31', kolkata)).toBe(false)
  })
})

describe('parseEndingAt: rejections', () => {
  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29T00:00:00Z', 'not a leap year (century)'],
    ['2023-04-31', 'April has 30 days'],
    ['2023-13-01', 'month 13'],
    ['2023-00-10', 'month 0'],
    ['2023-01-00', 'day 0'],
    ['2023-01-32', 'day 32'],
    ['2018-06-27T24:00:00Z', 'hour 24'],
    ['2018-06-27T23:60:00Z', 'minute 60'],
    ['2018-06-27T23:59:60Z', 'second 60'],
    ['2018-06-27T23:59:59+18:01', 'offset beyond 18 hours'],
    ['2018-06-27T23:59:59-19:00', 'offset beyond 18 hours'],
    ['2018-06-27T23:59:59+99', 'offset beyond 18 hours'],
    ['2018-06-27T23:59:59+05:60', 'offset minute 60'],
    ['2018-06-27T23:59:59+02:00:00', 'offset with seconds'],
    ['2018-06-27T23:59:59+', 'a sign without an offset'],
    ['2018-06-27t23:59:59Z', 'lowercase t'],
    ['2018-06-27T23:59:59z', 'lowercase z'],
    ['now', 'a word'],
    ['yesterday', 'a word'],
    ['garbage', 'a word'],
    ['', 'empty'],
    [' ', 'a space'],
    ['1530143999', 'epoch seconds'],
    ['2018-06-27T23:59:59Zjunk', 'trailing junk'],
    ['2018-06-27T23:59:59Z ', 'a trailing space'],
    ['2018-06-27 ', 'a date and a trailing space'],
    [' 2018-06-27', 'a leading space'],
    ['2018-06-27\n', 'a trailing newline'],
    ['2018-06-27Z', 'an offset without a time'],
    ['20180627', 'basic format date'],
    ['20180627T235959Z', 'basic format date-time'],
    ['2018-06-27 23:59:59', 'a space as the date/time separator'],
    ['2018-06-27 23:59:59Z', 'a space as the date/time separator'],
    ['2018-06-27T23', 'an hour without minutes'],
    ['2018-06-27T9:00:00Z', 'a one-digit hour'],
    ['2018-6-27', 'a one-digit month'],
    ['18-06-27', 'a two-digit year'],
    ['+002018-06-27', 'an expanded year'],
    ['2018-06-27T23:59:59.Z', 'a dot without a fraction'],
    ['2018-06-27T23:59:59,5Z', 'a comma fraction'],
    ['2018-06-27T23:59:59 -05:00', 'a space and a sign'],
    ['2018/06/27', 'slashes'],
    ['27-06-2018', 'day first'],
    ['２０１８-06-27', 'full-width digits'],
  ])('%j (%s)', (text) => {
    expect(parseEndingAt(text, utc)).toBeUndefined()
  })
})

/** An offset in minutes written in one of the notations clients send; undefined when it has none. */
function formatOffset (minutes: number, notation: number, spaceForPlus: boolean): string | undefined {
  const sign = minutes < 0 ? '-' : spaceForPlus ? ' ' : '+'
  const h = Math.floor(Math.abs(minutes) / 60)
  const m = Math.abs(minutes) % 60
  const hh = String(h).padStart(2, '0')
  const mm = String(m).padStart(2, '0')
  switch (notation) {
    case 0: return minutes === 0 ? 'Z' : undefined
    case 1: return `${sign}${hh}:${mm}`
    case 2: return h < 10 ? `${sign}${h}:${mm}` : undefined
    case 3: return `${sign}${hh}${mm}`
    case 4: return m === 0 ? `${sign}${hh}` : undefined
    default: return m === 0 && h < 10 ? `${sign}${h}` : undefined
  }
}

describe('parseEndingAt: properties', () => {
  const FIRST = Date.parse('0001-01-02T00:00:00Z') // a day in from the edges, so any offset stays in years 1-9999
  const LAST = Date.parse('9999-12-30T00:00:00Z')

  it('returns the instant that any accepted notation of it names', () => {
    fc.assert(fc.property(
      fc.integer({ min: FIRST, max: LAST }),
      fc.integer({ min: -18 * 60, max: 18 * 60 }),
      fc.integer({ min: 0, max: 5 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 9 }),
      fc.stringMatching(/^\d{6}$/),
      (instant, offset, notation, spaceForPlus, digits, extra) => {
        const written = formatOffset(offset, notation, spaceForPlus) ?? formatOffset(offset, 1, spaceForPlus)!
        const local = new Date(instant + offset * MINUTE)
        const millis = local.getUTCMilliseconds()
        // Fewer than three fraction digits drop precision; more add digits below the millisecond.
        const fraction = `${String(millis).padStart(3, '0')}${extra}`.slice(0, digits)
        const kept = digits >= 3 ? millis : Number(fraction.padEnd(3, '0'))
        const text = `${String(local.getUTCFullYear()).padStart(4, '0')}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
          `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
          `${digits === 0 ? '' : `.${fraction}`}${written}`
        expect(parseEndingAt(text, utc)).toBe(instant - millis + kept)
      }), { numRuns: 500 })
  })

  it('reads any date alone as the first instant of the day it names, in every zone', () => {
    const zones = [utc, newYork, kolkata, new ZoneCalendar('Australia/Lord_Howe'), new ZoneCalendar('America/Santiago')]
    fc.assert(fc.property(
      fc.integer({ min: Date.parse('1971-01-01T00:00:00Z'), max: Date.parse('2099-12-31T00:00:00Z') }),
      fc.constantFrom(...zones),
      (instant, calendar) => {
        const date = new Date(instant).toISOString().slice(0, 10)
        const start = parseEndingAt(date, calendar)!
        expect(calendar.dayContaining(start).date).toBe(date)
        expect(calendar.dayContaining(start - 1).date < date).toBe(true)
      }), { numRuns: 200 })
  })

  it('never throws, and answers a whole number of ms or undefined, for any string', () => {
    const check = (text: string) => {
      const parsed = parseEndingAt(text, newYork)
      expect(parsed === undefined || Number.isSafeInteger(parsed)).toBe(true)
    }
    fc.assert(fc.property(fc.string({ maxLength: 40 }), check), { numRuns: 300 })
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), check), { numRuns: 200 })
    // Strings from the grammar's own alphabet reach deep into the pattern and the range checks.
    const nearMiss = fc.array(fc.constantFrom(...'0123456789-:T.Z+ 9'), { maxLength: 32 }).map(parts => parts.join(''))
    fc.assert(fc.property(nearMiss, check), { numRuns: 500 })
    const shaped = fc.tuple(
      fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      fc.stringMatching(/^(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([+\- ]\d{1,2}(:?\d{2})?|Z)?)?$/)
    ).map(([date, time]) => date + time)
    fc.assert(fc.property(shaped, check), { numRuns: 500 })
  })
})

function pad (n: number): string {
  return String(n).padStart(2, '0')
}
