// The instants users write: `ending_at`, the clock (BRAZE_MOCK_NOW, startEmulator's now, the control plane's
// pin and journal filters) and the fixtures. One grammar for all of them, so what one door accepts every door
// accepts. No ISO parser takes every form Braze's clients send: the docs' own example has a one-digit hour
// offset (`-5:00`), and an unencoded `+` in a query string arrives decoded as a space. So that grammar is
// written out here; ISO 8601's other forms (week dates, the basic format, expanded years) go to luxon.
import { FormatRegistry } from '@sinclair/typebox'
import { DateTime } from 'luxon'

/**
 * The instants the clock and `ending_at` may take: 0001-01-02 to 9999-12-31 (UTC). A window of up to 100
 * days or hours before them, in any zone (UTC-12 to UTC+14), stays within the years 0000 to 9999, whose days
 * and hours YYYY-MM-DD can write; past them every answer would carry a broken date.
 */
export const INSTANT_RANGE = {
  min: new Date('0001-01-02T00:00:00Z').getTime(),
  max: new Date('9999-12-31T00:00:00Z').getTime(),
  text: 'between 0001-01-02 and 9999-12-31',
} as const

export function inInstantRange (instant: number): boolean {
  return Number.isFinite(instant) && instant >= INSTANT_RANGE.min && instant <= INSTANT_RANGE.max
}

/** Where a date written alone starts: midnight in a workspace's zone for `ending_at`, UTC elsewhere. */
export interface DateStarts {
  startOfDate (year: number, month: number, day: number): number
}

const UTC_DATES: DateStarts = { startOfDate: (year, month, day) => utcInstant(year, month, day, 0, 0, 0, 0) }

/**
 * Parses the instants written in settings, fixtures and control calls: every form `ending_at` accepts (a date
 * alone being midnight UTC), and ISO 8601's others. Undefined when the text is not such an instant, or lies
 * outside INSTANT_RANGE.
 */
export function parseInstant (text: string): number | undefined {
  const instant = readInstant(text, UTC_DATES) ?? isoInstant(text)
  return instant !== undefined && inInstantRange(instant) ? instant : undefined
}

/** True when `text` is an instant parseInstant refuses only for lying outside INSTANT_RANGE. */
export function outsideInstantRange (text: string): boolean {
  const instant = readInstant(text, UTC_DATES) ?? isoInstant(text)
  return instant !== undefined && !inInstantRange(instant)
}

function isoInstant (text: string): number | undefined {
  const parsed = DateTime.fromISO(text, { zone: 'utc' })
  return parsed.isValid ? parsed.toMillis() : undefined
}

const DATE_TIME = new RegExp(
  '^(\\d{4})-(\\d{2})-(\\d{2})' + // date
  '(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?' + // time, seconds and a fraction of any length optional
  '(Z|[+\\- ]\\d{1,2}(?::?\\d{2})?)?)?$' // offset: Z, ±H, ±HH, ±H:MM, ±HH:MM, ±HHMM; a space stands for +
)

const MAX_OFFSET_MINUTES = 18 * 60

/**
 * The instant `text` names in the grammar `ending_at` accepts (BRAZE.md, section 4), whatever its year; a
 * date alone starts where `dates` says, a date-time without an offset is UTC. Undefined for anything else.
 */
export function readInstant (text: string, dates: DateStarts): number | undefined {
  const match = DATE_TIME.exec(text)
  if (match === null) return undefined
  const [, y, mo, d, h, mi, s, fraction, offset] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  if (!isCalendarDate(year, month, day)) return undefined
  if (h === undefined) return dates.startOfDate(year, month, day)

  const hour = Number(h)
  const minute = Number(mi)
  const second = s === undefined ? 0 : Number(s)
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')) // truncated, never rounded
  const offsetMinutes = parseOffset(offset)
  if (offsetMinutes === undefined) return undefined
  return utcInstant(year, month, day, hour, minute, second, millis) - offsetMinutes * 60_000
}

function utcInstant (year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number {
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, millis)
  return date.getTime()
}

function parseOffset (offset: string | undefined): number | undefined {
  if (offset === undefined || offset === 'Z') return 0
  const sign = offset[0] === '-' ? -1 : 1
  const digits = offset.slice(1).replace(':', '')
  // One or two hour digits, then two minute digits if any: "5", "05", "530", "0530".
  const hours = Number(digits.length > 2 ? digits.slice(0, -2) : digits)
  const minutes = Number(digits.length > 2 ? digits.slice(-2) : '0')
  if (minutes > 59) return undefined
  const total = hours * 60 + minutes
  return total > MAX_OFFSET_MINUTES ? undefined : sign * total
}

/** A real date; year 0000 included, so that it is told it lies outside the range rather than not a date. */
function isCalendarDate (year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date.getUTCDate() === day
}

// TypeBox's `format: 'instant'` (fixtures, settings, control bodies) is this parser, registered once by
// whichever of them loads first.
FormatRegistry.Set('instant', (text) => parseInstant(text) !== undefined)
