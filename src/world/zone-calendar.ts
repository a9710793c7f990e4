// Days and hours in a workspace's time zone. Offsets and DST come from Luxon (which reads the IANA
// database through Intl); this module only caches what it answers, because a single Intl offset lookup
// costs microseconds and a series touches up to a hundred buckets.
import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon'

export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000

/** A calendar day in a zone: the unit of `unit=day` buckets and the frame of `unit=hour` ones. */
export interface Day {
  /** Days since 1970-01-01 of the local date: the same date has the same index in every zone. */
  readonly index: number
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string
  /** 0 = Sunday. */
  readonly weekday: number
  /** First instant of the day, ms since the epoch. */
  readonly start: number
  /** First instant of the next day. */
  readonly end: number
  /** Hour buckets in this day: 24, or 23/25 on a DST change. */
  readonly hours: number
  /** Start instant of hour bucket `k`. */
  hourStart (k: number): number
  /** End instant of hour bucket `k` (the last one ends with the day). */
  hourEnd (k: number): number
  /** Local clock hour (0-23) at the start of bucket `k`, which shapes the daily curve. */
  hourOfDay (k: number): number
  /** `YYYY-MM-DDTHH:MM:SS±HH:MM` at the start of bucket `k`. */
  hourLabel (k: number): string
}

/** Days are cached per zone; a cache this size covers 130 years and is cleared rather than grown past it. */
const MAX_CACHED_DAYS = 50_000

/**
 * Names with no offset but zero, ever, which need no look-up. The first Intl.DateTimeFormat of a process
 * loads ICU's zone and locale data, some 20 ms of a cold start here; a world whose zones are all UTC (the
 * common case) never pays it (BENCHMARKS.md, sixth pass).
 */
const ALWAYS_UTC: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC'])

/** Canonical IANA names, read from ICU without building a formatter (about 1 ms): the cheap check. */
const CANONICAL_ZONES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('timeZone'))

export function isValidTimeZone (name: string): boolean {
  // Luxon's check, which builds a formatter, for the rest: aliases such as US/Eastern, and names that fail.
  return ALWAYS_UTC.has(name) || CANONICAL_ZONES.has(name) || IANAZone.isValidZone(name)
}

export class ZoneCalendar {
  readonly name: string
  /** Made on the first day asked for: Luxon's zone checks itself with a formatter, which loads ICU. */
  #zone: Zone | undefined
  readonly #days = new Map<number, Day>()

  constructor (name: string) {
    if (!isValidTimeZone(name)) throw new Error(`unknown IANA time zone "${name}"`)
    this.name = name
    if (ALWAYS_UTC.has(name)) this.#zone = FixedOffsetZone.utcInstance
  }

  get #luxonZone (): Zone {
    return (this.#zone ??= IANAZone.create(this.name))
  }

  day (index: number): Day {
    let day = this.#days.get(index)
    if (day === undefined) {
      if (this.#days.size >= MAX_CACHED_DAYS) this.#days.clear()
      day = this.#build(index)
      this.#days.set(index, day)
    }
    return day
  }

  /** The day whose [start, end) holds the instant. */
  dayContaining (instant: number): Day {
    let day = this.day(Math.floor(instant / DAY_MS))
    while (instant < day.start) day = this.day(day.index - 1)
    while (instant >= day.end) day = this.day(day.index + 1)
    return day
  }

  /** First instant of a local calendar date (month 1-12). */
  startOfDate (year: number, month: number, dayOfMonth: number): number {
    return this.day(dayIndexOf(year, month, dayOfMonth)).start
  }

  #startOf (index: number): number {
    // UTC's days start at whole multiples of a day. Luxon's DateTime would also read the system's locale
    // through Intl, loading ICU all the same.
    if (this.#zone === FixedOffsetZone.utcInstance) return index * DAY_MS
    const { year, month, day } = civilDate(index)
    // Where midnight does not exist (a DST jump at 00:00), Luxon moves forward to the first real instant.
    return DateTime.fromObject({ year, month, day }, { zone: this.#luxonZone }).toMillis()
  }

  #build (index: number): Day {
    const start = this.#startOf(index)
    const end = this.#startOf(index + 1)
    const hours = Math.ceil((end - start) / HOUR_MS)
    const zone = this.#luxonZone
    const offsetAtStart = zone.offset(start)
    const uniform = end - start === DAY_MS && zone.offset(end - 1) === offsetAtStart
    const offsetAt = (instant: number): number => uniform ? offsetAtStart : zone.offset(instant)
    let labels: string[] | undefined
    let clockHours: number[] | undefined
    const describe = (): void => {
      labels = []
      clockHours = []
      for (let k = 0; k < hours; k++) {
        const at = start + k * HOUR_MS
        const offset = offsetAt(at)
        const local = new Date(at + offset * 60_000)
        labels.push(`${formatDate(local)}T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:` +
          `${pad2(local.getUTCSeconds())}${formatOffset(offset)}`)
        clockHours.push(local.getUTCHours())
      }
    }
    return {
      index,
      date: formatDate(new Date(index * DAY_MS)),
      weekday: ((index % 7) + 11) % 7, // 1970-01-01 was a Thursday
      start,
      end,
      hours,
      hourStart: (k) => start + k * HOUR_MS,
      hourEnd: (k) => k === hours - 1 ? end : start + (k + 1) * HOUR_MS,
      hourOfDay (k) {
        if (clockHours === undefined) describe()
        return clockHours![k]!
      },
      hourLabel (k) {
        if (labels === undefined) describe()
        return labels![k]!
      },
    }
  }
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
export function dayIndexOf (year: number, month: number, dayOfMonth: number): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, dayOfMonth) // Date.UTC would read years 0-99 as 1900-1999
  return Math.floor(date.getTime() / DAY_MS)
}

function civilDate (index: number): { year: number, month: number, day: number } {
  const date = new Date(index * DAY_MS)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

function formatDate (date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`
}

function formatOffset (minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  // Before standard time, zones kept local mean time (New York -04:56:02); ISO 8601 offsets have no seconds,
  // so the offset is written to the nearest minute while the clock time stays the true local one.
  const abs = Math.round(Math.abs(minutes))
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
}

function pad2 (n: number): string {
  return n < 10 ? `0${n}` : String(n)
}
