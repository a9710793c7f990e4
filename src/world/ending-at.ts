// Parses `ending_at` in every form Braze's clients send (see BRAZE.md, section 4). No ISO parser accepts
// all of them: the docs' own example has a one-digit hour offset (`-5:00`), and an unencoded `+` in a query
// string arrives decoded as a space. So the grammar is written out here, and anything else is rejected.
import { inInstantRange } from './instant.js'
import type { ZoneCalendar } from './zone-calendar.js'

const DATE_TIME = new RegExp(
  '^(\\d{4})-(\\d{2})-(\\d{2})' + // date
  '(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?' + // time, seconds and a fraction of any length optional
  '(Z|[+\\- ]\\d{1,2}(?::?\\d{2})?)?)?$' // offset: Z, ±H, ±HH, ±H:MM, ±HH:MM, ±HHMM; a space stands for +
)

const MAX_OFFSET_MINUTES = 18 * 60

/**
 * The instant `text` names, or undefined if it is not an accepted form. A date alone means the start of that
 * date in the workspace's zone; a date-time without an offset is UTC.
 */
export function parseEndingAt (text: string, calendar: ZoneCalendar): number | undefined {
  const instant = instantOf(text, calendar)
  return instant !== undefined && inInstantRange(instant) ? instant : undefined
}

function instantOf (text: string, calendar: ZoneCalendar): number | undefined {
  const match = DATE_TIME.exec(text)
  if (match === null) return undefined
  const [, y, mo, d, h, mi, s, fraction, offset] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  if (!isCalendarDate(year, month, day)) return undefined
  if (h === undefined) return calendar.startOfDate(year, month, day)

  const hour = Number(h)
  const minute = Number(mi)
  const second = s === undefined ? 0 : Number(s)
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')) // truncated, never rounded
  const offsetMinutes = parseOffset(offset)
  if (offsetMinutes === undefined) return undefined

  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, millis)
  return date.getTime() - offsetMinutes * 60_000
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

function isCalendarDate (year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date.getUTCDate() === day
}
