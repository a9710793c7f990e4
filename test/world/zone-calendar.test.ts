import fc from 'fast-check'
import { IANAZone } from 'luxon'
import { describe, expect, it } from 'vitest'
import { DAY_MS, HOUR_MS, dayIndexOf, isValidTimeZone, ZoneCalendar, type Day } from '../../src/world/zone-calendar.js'

const utc = new ZoneCalendar('UTC')
const newYork = new ZoneCalendar('America/New_York')
const berlin = new ZoneCalendar('Europe/Berlin')
const kolkata = new ZoneCalendar('Asia/Kolkata')
const lordHowe = new ZoneCalendar('Australia/Lord_Howe')

function dayOf (calendar: ZoneCalendar, date: string): Day {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return calendar.day(dayIndexOf(year, month, day))
}

function labels (day: Day): string[] {
  return Array.from({ length: day.hours }, (_, k) => day.hourLabel(k))
}

function clockHours (day: Day): number[] {
  return Array.from({ length: day.hours }, (_, k) => day.hourOfDay(k))
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('ZoneCalendar: UTC', () => {
  it('describes 1970-01-01 exactly', () => {
    const day = utc.day(0)
    expect(day).toMatchObject({ index: 0, date: '1970-01-01', weekday: 4, start: 0, end: DAY_MS, hours: 24 })
    expect(day.hourStart(0)).toBe(0)
    expect(day.hourStart(13)).toBe(13 * HOUR_MS)
    expect(day.hourEnd(13)).toBe(14 * HOUR_MS)
    expect(day.hourEnd(23)).toBe(DAY_MS)
    expect(labels(day)).toEqual(range(0, 23).map(h => `1970-01-01T${String(h).padStart(2, '0')}:00:00+00:00`))
    expect(clockHours(day)).toEqual(range(0, 23))
  })

  it('indexes a date the same in every zone', () => {
    const index = dayIndexOf(2026, 11, 23)
    expect(index).toBe(Date.UTC(2026, 10, 23) / DAY_MS)
    for (const calendar of [utc, newYork, kolkata]) expect(calendar.day(index).date).toBe('2026-11-23')
  })

  it('gives startOfDate as the first instant of the local date', () => {
    expect(utc.startOfDate(2026, 11, 23)).toBe(Date.UTC(2026, 10, 23))
    expect(newYork.startOfDate(2026, 11, 23)).toBe(Date.UTC(2026, 10, 23, 5))
    expect(kolkata.startOfDate(2026, 11, 23)).toBe(Date.UTC(2026, 10, 22, 18, 30))
  })
})

describe('ZoneCalendar: UTC without ICU', () => {
  it('gives UTC and Etc/UTC (offset zero, no look-up) the days Etc/GMT gets through Intl', () => {
    const throughIntl = new ZoneCalendar('Etc/GMT')
    const indexes = [...range(-3, 3), ...range(20_400, 20_800), dayIndexOf(1, 1, 1), dayIndexOf(9999, 12, 31)]
    for (const calendar of [utc, new ZoneCalendar('Etc/UTC')]) {
      for (const index of indexes) {
        const described = (day: Day): unknown => [
          day.index, day.date, day.weekday, day.start, day.end, day.hours, labels(day), clockHours(day),
          range(0, day.hours - 1).map(k => [day.hourStart(k), day.hourEnd(k)]),
        ]
        expect(described(calendar.day(index))).toEqual(described(throughIntl.day(index)))
      }
    }
  })
})

describe('ZoneCalendar: weekday (0 = Sunday)', () => {
  it('knows 1970-01-01 was a Thursday and counts from there both ways', () => {
    expect(utc.day(0).weekday).toBe(4)
    expect(utc.day(-1).weekday).toBe(3) // 1969-12-31, Wednesday
    expect(utc.day(3).weekday).toBe(0) // 1970-01-04, Sunday
    expect(utc.day(-4).weekday).toBe(0) // 1969-12-28, Sunday
    expect(utc.day(-7).weekday).toBe(4)
    expect(dayOf(newYork, '2026-03-08').weekday).toBe(0)
    expect(dayOf(kolkata, '2026-11-23').weekday).toBe(1)
  })

  it('agrees with Date for any day in years 1 to 9999', () => {
    const first = dayIndexOf(1, 1, 1)
    const last = dayIndexOf(9999, 12, 31)
    fc.assert(fc.property(fc.integer({ min: first, max: last }), (index) => {
      const day = utc.day(index)
      const date = new Date(index * DAY_MS)
      expect(day.weekday).toBe(date.getUTCDay())
      expect(day.date).toBe(date.toISOString().slice(0, 10))
    }), { numRuns: 300 })
  })
})

describe('ZoneCalendar: DST in America/New_York', () => {
  it('gives 2026-03-08 23 hours, skipping 02:00 local', () => {
    const day = dayOf(newYork, '2026-03-08')
    expect(day).toMatchObject({ date: '2026-03-08', hours: 23, start: Date.UTC(2026, 2, 8, 5), end: Date.UTC(2026, 2, 9, 4) })
    expect(labels(day).slice(0, 4)).toEqual([
      '2026-03-08T00:00:00-05:00',
      '2026-03-08T01:00:00-05:00',
      '2026-03-08T03:00:00-04:00',
      '2026-03-08T04:00:00-04:00',
    ])
    expect(day.hourLabel(22)).toBe('2026-03-08T23:00:00-04:00')
    expect(clockHours(day)).toEqual([0, 1, ...range(3, 23)])
    expect(day.hourStart(2)).toBe(Date.UTC(2026, 2, 8, 7))
    expect(day.hourEnd(22)).toBe(day.end)
  })

  it('gives 2026-11-01 25 hours, repeating 01:00 as -04:00 then -05:00', () => {
    const day = dayOf(newYork, '2026-11-01')
    expect(day).toMatchObject({ date: '2026-11-01', hours: 25, start: Date.UTC(2026, 10, 1, 4), end: Date.UTC(2026, 10, 2, 5) })
    expect(labels(day).slice(0, 4)).toEqual([
      '2026-11-01T00:00:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T02:00:00-05:00',
    ])
    expect(day.hourLabel(24)).toBe('2026-11-01T23:00:00-05:00')
    expect(clockHours(day)).toEqual([0, 1, 1, ...range(2, 23)])
    expect(day.hourStart(2)).toBe(Date.UTC(2026, 10, 1, 6))
  })

  it('gives the days either side 24 hours with a constant offset', () => {
    expect(dayOf(newYork, '2026-03-07').hours).toBe(24)
    expect(dayOf(newYork, '2026-03-09').hours).toBe(24)
    expect(labels(dayOf(newYork, '2026-03-09'))[0]).toBe('2026-03-09T00:00:00-04:00')
    expect(labels(dayOf(newYork, '2026-11-02'))[23]).toBe('2026-11-02T23:00:00-05:00')
  })
})

describe('ZoneCalendar: other zones', () => {
  it('follows Europe/Berlin\'s changes at 02:00 and 03:00 local', () => {
    const spring = dayOf(berlin, '2026-03-29')
    expect(spring.hours).toBe(23)
    expect(labels(spring).slice(1, 3)).toEqual(['2026-03-29T01:00:00+01:00', '2026-03-29T03:00:00+02:00'])
    const autumn = dayOf(berlin, '2026-10-25')
    expect(autumn.hours).toBe(25)
    expect(labels(autumn).slice(2, 4)).toEqual(['2026-10-25T02:00:00+02:00', '2026-10-25T02:00:00+01:00'])
    expect(clockHours(autumn).slice(0, 5)).toEqual([0, 1, 2, 2, 3])
  })

  it('labels a half-hour zone with its offset (Asia/Kolkata, +05:30)', () => {
    const day = dayOf(kolkata, '2026-11-23')
    expect(day).toMatchObject({ hours: 24, start: Date.UTC(2026, 10, 22, 18, 30), end: Date.UTC(2026, 10, 23, 18, 30) })
    expect(labels(day)).toEqual(range(0, 23).map(h => `2026-11-23T${String(h).padStart(2, '0')}:00:00+05:30`))
  })

  it('covers Australia/Lord_Howe\'s half-hour DST shift without losing time', () => {
    const spring = dayOf(lordHowe, '2026-10-04') // 02:00 +10:30 becomes 02:30 +11:00: a 23.5-hour day
    expect(spring.end - spring.start).toBe(23.5 * HOUR_MS)
    expect(spring.hours).toBe(24)
    expect(spring.hourEnd(23) - spring.hourStart(23)).toBe(HOUR_MS / 2)
    const autumn = dayOf(lordHowe, '2026-04-05') // 02:00 +11:00 becomes 01:30 +10:30: a 24.5-hour day
    expect(autumn.end - autumn.start).toBe(24.5 * HOUR_MS)
    expect(autumn.hours).toBe(25)
    expect(autumn.hourEnd(24) - autumn.hourStart(24)).toBe(HOUR_MS / 2)
    expect(autumn.hourLabel(0)).toBe('2026-04-05T00:00:00+11:00')
  })

  it('starts a day whose midnight does not exist at its first real instant (America/Santiago)', () => {
    const day = dayOf(new ZoneCalendar('America/Santiago'), '2026-09-06') // 00:00 -04:00 becomes 01:00 -03:00
    expect(day.start).toBe(Date.UTC(2026, 8, 6, 4))
    expect(day.hours).toBe(23)
    expect(day.hourLabel(0)).toBe('2026-09-06T01:00:00-03:00')
    expect(day.hourOfDay(0)).toBe(1)
  })
})

describe('ZoneCalendar: dayContaining', () => {
  it('is exact at the boundaries of a day', () => {
    const day = dayOf(newYork, '2026-03-08')
    expect(newYork.dayContaining(day.start).date).toBe('2026-03-08')
    expect(newYork.dayContaining(day.start - 1).date).toBe('2026-03-07')
    expect(newYork.dayContaining(day.end - 1).date).toBe('2026-03-08')
    expect(newYork.dayContaining(day.end).date).toBe('2026-03-09')
    expect(utc.dayContaining(0).date).toBe('1970-01-01')
    expect(utc.dayContaining(-1).date).toBe('1969-12-31')
    expect(kolkata.dayContaining(Date.UTC(2026, 10, 22, 18, 29, 59, 999)).date).toBe('2026-11-22')
    expect(kolkata.dayContaining(Date.UTC(2026, 10, 22, 18, 30)).date).toBe('2026-11-23')
  })

  it('finds the day that holds any instant, and days tile time without gaps', () => {
    const zones = [utc, newYork, berlin, kolkata, lordHowe, new ZoneCalendar('Pacific/Kiritimati')]
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.constantFrom(...zones),
      (instant, calendar) => {
        const day = calendar.dayContaining(instant)
        expect(day.start <= instant && instant < day.end).toBe(true)
        expect(calendar.day(day.index + 1).start).toBe(day.end)
        expect(calendar.day(day.index - 1).end).toBe(day.start)
        // Hour buckets tile the day: each starts where the last ended, the last ends with the day.
        expect(day.hourStart(0)).toBe(day.start)
        for (let k = 1; k < day.hours; k++) expect(day.hourStart(k)).toBe(day.hourEnd(k - 1))
        expect(day.hourEnd(day.hours - 1)).toBe(day.end)
      }), { numRuns: 300 })
  })
})

describe('ZoneCalendar: the edges of the four-digit years', () => {
  it.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Europe/Berlin'])('describes 0001-01-01 and 9999-12-31 in %s', (zone) => {
    const calendar = new ZoneCalendar(zone)
    const first = dayOf(calendar, '0001-01-01')
    const last = dayOf(calendar, '9999-12-31')
    expect(first.date).toBe('0001-01-01')
    expect(first.weekday).toBe(1) // a Monday in the proleptic Gregorian calendar
    expect(last.date).toBe('9999-12-31')
    expect(last.weekday).toBe(5)
    expect(calendar.dayContaining(first.start).index).toBe(first.index)
    expect(calendar.dayContaining(last.end - 1).index).toBe(last.index)
    for (const day of [first, last]) {
      expect(day.hours).toBe(24)
      expect(clockHours(day)).toEqual(range(0, 23))
      expect(day.hourLabel(23).slice(0, 19)).toBe(`${day.date}T23:00:00`)
    }
  })

  it('labels hours with a whole-minute offset before a zone adopted standard time', () => {
    // Until 1883 New York kept local mean time, -04:56:02; ISO 8601 offsets have no seconds, so a label must
    // still read ±HH:MM. Kolkata (+05:53:28 in year 1) and Berlin (+00:53:28) likewise.
    const LABEL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/
    const days = [dayOf(newYork, '1850-06-01'), dayOf(kolkata, '0001-01-01'), dayOf(berlin, '0001-01-01')]
    for (const day of days) {
      for (const label of labels(day)) expect(label).toMatch(LABEL)
    }
  })
})

describe('isValidTimeZone', () => {
  it('accepts IANA names', () => {
    for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata', 'Europe/Berlin', 'Australia/Lord_Howe']) {
      expect(isValidTimeZone(zone)).toBe(true)
    }
  })

  it('rejects what is not one', () => {
    for (const zone of ['', 'Mars/Olympus', 'America/NewYork', 'New York', 'GMT+25']) {
      expect(isValidTimeZone(zone)).toBe(false)
    }
  })

  it('answers as Luxon\'s own check does, for every canonical name, aliases, and names that fail', () => {
    // The cheap paths (UTC and ICU's list of canonical names) must not change which fixtures load.
    const names = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'US/Eastern',
      'Asia/Calcutta', 'utc', 'america/new_york', 'Europe/Pariss', '+02:00', 'Etc/GMT+5', '']
    for (const name of names) expect([name, isValidTimeZone(name)]).toEqual([name, IANAZone.isValidZone(name)])
  })

  it('is what the constructor checks', () => {
    expect(() => new ZoneCalendar('Mars/Olympus')).toThrow('unknown IANA time zone "Mars/Olympus"')
    expect(new ZoneCalendar('Asia/Kolkata').name).toBe('Asia/Kolkata')
  })
})
