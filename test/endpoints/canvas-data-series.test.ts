// GET /canvas/data_series and /canvas/data_summary through the real app (BRAZE-EXPORT.md sections 0 "Canvases",
// 2.2, 3.7, 4 and 5, section 7 rules 17 and 18): their shared parameters (ending_at optional, length or starting_at,
// length winning, at most 14 days, the include_* flags), the recorded and documented key orders, breakdowns only
// when asked, totals as the sums over variants, the summary as the exact roll-up of the series, the Canvas's entry
// dates and "now", the default pool, the permissions, and overrides of a day's entries through both doors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { canvasDataSeries } from '../../src/endpoints/canvas-data-series.js'
import { canvasDataSummary } from '../../src/endpoints/canvas-data-summary.js'
import { CANVAS_WINDOW_RULES } from '../../src/endpoints/canvas-series.js'
import { startEmulator } from '../../src/index.js'
import { ENDPOINT_TABLE, fixturesFor } from '../endpoints.js'
import { BUILT_IN, get, NOW, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const SERIES = '/canvas/data_series'
const SUMMARY = '/canvas/data_summary'
const PATHS = [SERIES, SUMMARY] as const

const ONBOARDING = '0b6f2d4e-7a1c-4e38-9f25-3c8d1a6e5b47' // 2 variants, 6 steps, first entry 2024-06-04
const TRIAL = '3919ff9e-7966-424e-9308-349584459180' // 1 variant, 5 steps
const WIN_BACK = '6d8a1848-4990-46c8-9793-3e6c3e87b422' // archived, entries 2025-03-01 to 2025-05-31
const HARBOR_CANVAS = '25fb66ab-2311-4cfb-b399-47a66f599e70'
const CAMPAIGN = '5f0c3a8e-2b7d-4c61-9e4a-8d1f6b2c7a90'

type Figures = Readonly<Record<string, number>>
type Messages = Readonly<Record<string, ReadonlyArray<Readonly<Record<string, number>>>>>
interface Step { readonly name: string, readonly messages: Messages, readonly [field: string]: unknown }
interface Variant { readonly name: string, readonly [field: string]: unknown }
interface Day {
  readonly time: string
  readonly total_stats: Figures
  readonly variant_stats?: Readonly<Record<string, Variant>>
  readonly step_stats?: Readonly<Record<string, Step>>
}
interface Summary {
  readonly name: string
  readonly total_stats: Figures
  readonly variant_stats?: Readonly<Record<string, Variant>>
  readonly step_stats?: Readonly<Record<string, Step>>
}
interface Details {
  readonly first_entry: string
  readonly variants: ReadonlyArray<{ id: string, name: string }>
  readonly steps: ReadonlyArray<{ id: string, name: string, channels: string[] }>
}

/** A field that must be a number: names are the only strings of a figures object. */
function count (record: Readonly<Record<string, unknown>>, field: string): number {
  const value = record[field]
  if (typeof value !== 'number') throw new TypeError(`${field} is ${JSON.stringify(value)}, not a number`)
  return value
}
const cents = (amount: number) => Math.round(amount * 100)
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)
const numbersOf = (value: unknown): number[] => typeof value === 'number'
  ? [value]
  : value !== null && typeof value === 'object' ? Object.values(value).flatMap(numbersOf) : []

/** The dates `length` days ending the day before `end` (YYYY-MM-DD), oldest first. */
function datesBefore (end: string, length: number): string[] {
  const last = Date.parse(`${end}T00:00:00Z`)
  return Array.from({ length }, (_, i) => new Date(last - (length - i) * 86_400_000).toISOString().slice(0, 10))
}
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

async function series (app: BrazeMockApp, query: string, key: string = lumen.keys.full): Promise<{ name: string, stats: Day[] }> {
  const response = await get(app, `${SERIES}?${query}`, key)
  expect(response.status, response.raw).toBe(200)
  expect(Object.keys(response.body)).toEqual(['data', 'message'])
  expect(response.body.message).toBe('success')
  return response.body.data as { name: string, stats: Day[] }
}
const days = async (app: BrazeMockApp, query: string, key?: string) => (await series(app, query, key)).stats

async function summary (app: BrazeMockApp, query: string, key: string = lumen.keys.full): Promise<{ data: Summary, raw: string }> {
  const response = await get(app, `${SUMMARY}?${query}`, key)
  expect(response.status, response.raw).toBe(200)
  expect(Object.keys(response.body)).toEqual(['data', 'message'])
  return { data: response.body.data as Summary, raw: response.raw }
}

async function details (app: BrazeMockApp, id: string): Promise<Details> {
  const response = await get(app, `/canvas/details?canvas_id=${id}`)
  expect(response.status, response.raw).toBe(200)
  return response.body as Details
}

/** Money summed in cents, as the emulator keeps it, written back in currency units. */
const money = (amounts: readonly number[]) => sum(amounts.map(cents)) / 100

/**
 * The summary a window's series rolls up to (rule 18), built from the series alone in the documented key order:
 * what /canvas/data_summary must answer, to the byte.
 */
function rollUp (name: string, stats: readonly Day[]): Summary {
  const total = (field: string) => sum(stats.map(d => count(d.total_stats, field)))
  const out: { -readonly [K in keyof Summary]: Summary[K] } = {
    name,
    total_stats: {
      revenue: money(stats.map(d => count(d.total_stats, 'revenue'))),
      conversions: total('conversions'),
      conversions_by_entry_time: total('conversions_by_entry_time'),
      entries: total('entries'),
    },
  }
  const first = stats[0]!
  if (first.variant_stats !== undefined) {
    out.variant_stats = Object.fromEntries(Object.entries(first.variant_stats).map(([id, variant]) => {
      const of = stats.map(d => d.variant_stats![id]!)
      return [id, {
        name: variant.name,
        revenue: money(of.map(v => count(v, 'revenue'))),
        conversions: sum(of.map(v => count(v, 'conversions'))),
        entries: sum(of.map(v => count(v, 'entries'))),
      }]
    }))
  }
  if (first.step_stats !== undefined) {
    out.step_stats = Object.fromEntries(Object.entries(first.step_stats).map(([id, step]) => {
      const of = stats.map(d => d.step_stats![id]!)
      const messages = Object.fromEntries(Object.entries(step.messages).map(([channel, entries]) => [channel, entries.map((entry, m) =>
        Object.fromEntries(Object.keys(entry).map(field => [field, sum(of.map(s => s.messages[channel]![m]![field]!))])))]))
      return [id, {
        name: step.name,
        revenue: money(of.map(s => count(s, 'revenue'))),
        conversions: sum(of.map(s => count(s, 'conversions'))),
        conversions_by_entry_time: sum(of.map(s => count(s, 'conversions_by_entry_time'))),
        messages,
      }]
    }))
  }
  return out
}

const TOTAL_KEYS = ['revenue', 'entries', 'conversions', 'conversions_by_entry_time']
const SERIES_VARIANT_KEYS = ['name', 'revenue', 'conversions', 'conversions_by_entry_time', 'entries']
const STEP_KEYS = ['name', 'revenue', 'conversions', 'conversions_by_entry_time', 'messages']
const PUSH_MESSAGE_KEYS = ['sent', 'opens', 'influenced_opens', 'bounces', 'body_clicks']

describe('GET /canvas/data_series and /canvas/data_summary: parameters', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(() => app.close())

  it('word each bad parameter alike, as Braze does', () => {
    const rules = {
      canvas_id: 'canvas_id must be a string of the Canvas api identifier',
      ending_at: 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00',
      starting_at: 'starting_at must be an ISO 8601 date or date-time, such as 2018-05-28T23:59:59-5:00',
      length: 'length must be an integer between 1 and 14',
      include_variant_breakdown: 'include_variant_breakdown must be one of: true, false',
      include_step_breakdown: 'include_step_breakdown must be one of: true, false',
      include_deleted_step_data: 'include_deleted_step_data must be one of: true, false',
    }
    expect(canvasDataSeries.rules).toStrictEqual(rules)
    expect(canvasDataSummary.rules).toStrictEqual(rules)
    expect(CANVAS_WINDOW_RULES).toStrictEqual({
      neither: 'either length or starting_at is required',
      reversed: 'starting_at must be before ending_at',
      tooLong: 'starting_at must be at most 14 days before ending_at',
    })
  })

  const rules = canvasDataSeries.rules
  const cases: Array<[string, string, string]> = [
    ['no canvas_id', 'length=3', rules.canvas_id!],
    ['an empty canvas_id', 'canvas_id=&length=3', rules.canvas_id!],
    ['an unknown canvas_id', 'canvas_id=nope&length=3', rules.canvas_id!],
    ['Harbor\'s Canvas with Lumen\'s key', `canvas_id=${HARBOR_CANVAS}&length=3`, rules.canvas_id!],
    ['a campaign id', `canvas_id=${CAMPAIGN}&length=3`, rules.canvas_id!],
    ['neither length nor starting_at', `canvas_id=${ONBOARDING}`, CANVAS_WINDOW_RULES.neither],
    ['only ending_at', `canvas_id=${ONBOARDING}&ending_at=2026-11-20`, CANVAS_WINDOW_RULES.neither],
    ['length=0', `canvas_id=${ONBOARDING}&length=0`, rules.length!],
    ['length=15', `canvas_id=${ONBOARDING}&length=15`, rules.length!],
    ['length=1.5', `canvas_id=${ONBOARDING}&length=1.5`, rules.length!],
    ['length=" 3"', `canvas_id=${ONBOARDING}&length=%203`, rules.length!],
    ['an empty length', `canvas_id=${ONBOARDING}&length=`, rules.length!],
    ['length=-1', `canvas_id=${ONBOARDING}&length=-1`, rules.length!],
    ['starting_at=nope', `canvas_id=${ONBOARDING}&starting_at=nope`, rules.starting_at!],
    ['an empty starting_at', `canvas_id=${ONBOARDING}&starting_at=`, rules.starting_at!],
    ['starting_at more than 14 days before ending_at', `canvas_id=${ONBOARDING}&starting_at=2026-11-08T23:59:59Z&ending_at=2026-11-23`, CANVAS_WINDOW_RULES.tooLong],
    ['starting_at 15 days before now', `canvas_id=${ONBOARDING}&starting_at=2026-11-08`, CANVAS_WINDOW_RULES.tooLong],
    ['starting_at at ending_at', `canvas_id=${ONBOARDING}&starting_at=2026-11-23&ending_at=2026-11-23`, CANVAS_WINDOW_RULES.reversed],
    ['starting_at after ending_at', `canvas_id=${ONBOARDING}&starting_at=2026-11-21&ending_at=2026-11-20`, CANVAS_WINDOW_RULES.reversed],
    ['starting_at after now', `canvas_id=${ONBOARDING}&starting_at=2026-11-24`, CANVAS_WINDOW_RULES.reversed],
    ['ending_at=yesterday', `canvas_id=${ONBOARDING}&length=3&ending_at=yesterday`, rules.ending_at!],
    ['include_variant_breakdown=TRUE', `canvas_id=${ONBOARDING}&length=3&include_variant_breakdown=TRUE`, rules.include_variant_breakdown!],
    ['include_step_breakdown=yes', `canvas_id=${ONBOARDING}&length=3&include_step_breakdown=yes`, rules.include_step_breakdown!],
    ['include_deleted_step_data=1', `canvas_id=${ONBOARDING}&length=3&include_deleted_step_data=1`, rules.include_deleted_step_data!],
  ]
  it.each(PATHS.flatMap(path => cases.map(([what, query, message]) => [path, what, query, message] as const)))(
    '%s answers 400 for %s', async (path, _, query, message) => {
      const response = await get(app, `${path}?${query}`)
      expect([response.status, response.body]).toStrictEqual([400, { message }])
    })

  it('bounds a starting_at window by elapsed time where a day has 25 hours (America/New_York, 2024-11-03)', async () => {
    // 14 dates across the fall-back change are 14 days and an hour: the message's rule, not the dates', decides.
    const across = await get(app, `${SERIES}?canvas_id=${HARBOR_CANVAS}&starting_at=2024-10-21&ending_at=2024-11-04`, harbor.keys.full)
    expect([across.status, across.body]).toStrictEqual([400, { message: CANVAS_WINDOW_RULES.tooLong }])
    const after = await get(app, `${SERIES}?canvas_id=${HARBOR_CANVAS}&starting_at=2024-11-04&ending_at=2024-11-18`, harbor.keys.full)
    expect([after.status, (after.body as { data: { stats: unknown[] } }).data.stats.length]).toStrictEqual([200, 14])
    const shorter = await get(app, `${SERIES}?canvas_id=${HARBOR_CANVAS}&starting_at=2024-10-22&ending_at=2024-11-04`, harbor.keys.full)
    expect([shorter.status, (shorter.body as { data: { stats: unknown[] } }).data.stats.length]).toStrictEqual([200, 13])
  })

  it('reads the window from length or starting_at, ending at ending_at or now', async () => {
    const window = async (query: string) => (await days(app, `canvas_id=${ONBOARDING}&${query}`)).map(d => d.time)
    expect(await window('length=14')).toEqual(datesBefore('2026-11-24', 14)) // the last day holds now, 2026-11-23T12:00Z
    expect(await window('length=014')).toEqual(datesBefore('2026-11-24', 14))
    expect(await window('length=1&ending_at=2026-11-20')).toEqual(['2026-11-19'])
    // Exactly 14 days before ending_at is allowed.
    expect(await window('starting_at=2026-11-09&ending_at=2026-11-23')).toEqual(datesBefore('2026-11-23', 14))
    expect(await window('starting_at=2026-11-20')).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'])
    expect(await window('starting_at=2026-11-22T23:00:00Z&ending_at=2026-11-23')).toEqual(['2026-11-22'])
    expect(await window('starting_at=2026-11-19T23:00:00-5:00&ending_at=2026-11-23')).toEqual(['2026-11-20', '2026-11-21', '2026-11-22'])
    // With both, length wins: even over a starting_at that would be a 400 alone.
    expect(await window('length=3&starting_at=2026-11-10&ending_at=2026-11-20')).toEqual(['2026-11-17', '2026-11-18', '2026-11-19'])
    expect(await window('length=3&starting_at=2020-01-01&ending_at=2026-11-20')).toEqual(['2026-11-17', '2026-11-18', '2026-11-19'])
  })

  it.each([
    ['now less 14 days, ending_at left to default to now', 'starting_at=2026-11-09T12:00:00Z', '2026-11-23'],
    ['13.75 days before ending_at', 'starting_at=2026-11-09T12:00:00Z&ending_at=2026-11-23T06:00:00Z', '2026-11-23'],
  ])('takes a starting_at of at most 14 days before ending_at that starts mid-day: %s', async (_, query, last) => {
    // A client that asks for "the last 14 days" sends now minus P14D; the 400 it got said "at most 14 days",
    // which its starting_at was.
    const response = await get(app, `${SERIES}?canvas_id=${ONBOARDING}&${query}`)
    expect([response.status, response.body.message]).toEqual([200, 'success'])
    const stats = (response.body.data as { stats: Day[] }).stats
    expect([stats[0]!.time, stats.at(-1)!.time]).toEqual(['2026-11-09', last])
  })

  it.each(PATHS)('%s takes every ending_at form: a date alone, an offset of -5:00, Z, and none (now)', async (path) => {
    const raw = async (query: string, key: string = lumen.keys.full) => (await get(app, `${path}?${query}`, key)).raw
    const onboarding = `canvas_id=${ONBOARDING}&length=2&include_variant_breakdown=true`
    expect(await raw(`${onboarding}&ending_at=2026-11-20`)).toBe(await raw(`${onboarding}&ending_at=2026-11-20T00:00:00Z`))
    expect(await raw(`${onboarding}&ending_at=2026-11-19T23:59:59-5:00`)).toBe(await raw(`${onboarding}&ending_at=2026-11-20T04:59:59Z`))
    expect(await raw(onboarding)).toBe(await raw(`${onboarding}&ending_at=${new Date(NOW).toISOString()}`))
    expect(await raw(`${onboarding}&ending_at=2026-11-20`)).not.toBe(await raw(`${onboarding}&ending_at=2026-11-21`))
    // Harbor's zone is New York: its date alone starts at 05:00Z.
    const harborCanvas = `canvas_id=${HARBOR_CANVAS}&length=2`
    expect(await raw(`${harborCanvas}&ending_at=2026-11-20`, harbor.keys.full)).toBe(await raw(`${harborCanvas}&ending_at=2026-11-20T05:00:00Z`, harbor.keys.full))
  })

  it('labels Harbor\'s days in New York time', async () => {
    const stats = await days(app, `canvas_id=${HARBOR_CANVAS}&length=2&ending_at=2026-11-20T05:00:00.001Z`, harbor.keys.full)
    expect(stats.map(d => d.time)).toEqual(['2026-11-19', '2026-11-20'])
  })
})

describe('GET /canvas/data_series: shape', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(() => app.close())

  it('answers total_stats alone in the recorded key order unless a breakdown is asked', async () => {
    const data = await series(app, `canvas_id=${ONBOARDING}&length=3&ending_at=2026-11-20`)
    expect(Object.keys(data)).toEqual(['name', 'stats'])
    expect(data.name).toBe('New Member Onboarding')
    expect(data.stats.map(d => d.time)).toEqual(datesBefore('2026-11-20', 3))
    for (const day of data.stats) {
      expect(Object.keys(day)).toEqual(['time', 'total_stats'])
      expect(Object.keys(day.total_stats)).toEqual(TOTAL_KEYS)
      expect(day.total_stats.entries).toBeGreaterThan(0)
    }
    const plain = (await get(app, `${SERIES}?canvas_id=${ONBOARDING}&length=3&ending_at=2026-11-20`)).raw
    for (const flags of ['include_variant_breakdown=false&include_step_breakdown=false', 'include_deleted_step_data=true', 'include_deleted_step_data=false']) {
      expect((await get(app, `${SERIES}?canvas_id=${ONBOARDING}&length=3&ending_at=2026-11-20&${flags}`)).raw, flags).toBe(plain)
    }
  })

  it('adds each variant and each step of /canvas/details when asked, in the documented key order', async () => {
    for (const id of [ONBOARDING, TRIAL]) {
      const d = await details(app, id)
      const variants = await days(app, `canvas_id=${id}&length=3&ending_at=2026-11-20&include_variant_breakdown=true`)
      const steps = await days(app, `canvas_id=${id}&length=3&ending_at=2026-11-20&include_step_breakdown=true`)
      const both = await days(app, `canvas_id=${id}&length=3&ending_at=2026-11-20&include_variant_breakdown=true&include_step_breakdown=true`)
      both.forEach((day, i) => {
        expect(Object.keys(variants[i]!)).toEqual(['time', 'total_stats', 'variant_stats'])
        expect(Object.keys(steps[i]!)).toEqual(['time', 'total_stats', 'step_stats'])
        expect(Object.keys(day)).toEqual(['time', 'total_stats', 'variant_stats', 'step_stats'])
        expect(variants[i]!.variant_stats).toStrictEqual(day.variant_stats)
        expect(steps[i]!.step_stats).toStrictEqual(day.step_stats)
        expect(Object.entries(day.variant_stats!).map(([vid, v]) => [vid, v.name, Object.keys(v)]))
          .toEqual(d.variants.map(v => [v.id, v.name, SERIES_VARIANT_KEYS]))
        expect(Object.entries(day.step_stats!).map(([sid, s]) => [sid, s.name, Object.keys(s)])).toEqual(d.steps.map(s => [s.id, s.name, STEP_KEYS]))
        for (const step of d.steps) {
          const messages = day.step_stats![step.id]!.messages
          // A step's channels in its order; a step without messages (a delay, a split) has none.
          expect(Object.keys(messages), step.name).toEqual(step.channels)
          for (const [channel, entries] of Object.entries(messages)) {
            expect(entries.length, step.name).toBeGreaterThan(0)
            if (channel.endsWith('_push')) for (const entry of entries) expect(Object.keys(entry)).toEqual(PUSH_MESSAGE_KEYS)
          }
        }
      })
    }
  })

  it('makes the totals the sums over variants (rule 17), and each push message\'s influenced_opens at least its opens', async () => {
    for (const id of [ONBOARDING, TRIAL, WIN_BACK]) {
      const end = id === WIN_BACK ? '2025-05-20' : '2026-11-24'
      for (const day of await days(app, `canvas_id=${id}&length=14&ending_at=${end}&include_variant_breakdown=true&include_step_breakdown=true`)) {
        const variants = Object.values(day.variant_stats!)
        for (const field of ['entries', 'conversions', 'conversions_by_entry_time']) {
          expect(day.total_stats[field], `${id} ${day.time} ${field}`).toBe(sum(variants.map(v => count(v, field))))
        }
        expect(cents(day.total_stats.revenue!), `${id} ${day.time} revenue`).toBe(sum(variants.map(v => cents(count(v, 'revenue')))))
        for (const step of Object.values(day.step_stats!)) {
          for (const entry of Object.entries(step.messages).filter(([channel]) => channel.endsWith('_push')).flatMap(([, entries]) => entries)) {
            expect(entry.opens!).toBeLessThanOrEqual(entry.influenced_opens!)
          }
        }
      }
    }
  })

  it('reads a day the same in every window that holds it', async () => {
    const flags = 'include_variant_breakdown=true&include_step_breakdown=true'
    const long = await days(app, `canvas_id=${ONBOARDING}&length=14&ending_at=2026-11-24&${flags}`)
    for (const day of long) {
      const [alone] = await days(app, `canvas_id=${ONBOARDING}&length=1&ending_at=${addDays(day.time, 1)}&${flags}`)
      expect(alone, day.time).toStrictEqual(day)
    }
  })

  it('reads 0 before the first entry and from now on; after the last entry, only conversions within 3 days', async () => {
    const first = await days(app, `canvas_id=${ONBOARDING}&length=3&ending_at=2024-06-06`)
    expect((await details(app, ONBOARDING)).first_entry).toBe('2024-06-04T00:00:00+00:00')
    expect(first.map(d => [d.time, d.total_stats.entries! > 0])).toEqual([['2024-06-03', false], ['2024-06-04', true], ['2024-06-05', true]])
    expect(numbersOf(first[0])).toEqual([0, 0, 0, 0])

    const late = await days(app, `canvas_id=${ONBOARDING}&length=6&ending_at=2026-11-27&include_variant_breakdown=true&include_step_breakdown=true`)
    expect(late.map(d => d.time)).toEqual(datesBefore('2026-11-27', 6))
    expect(late.slice(0, 3).every(d => d.total_stats.entries! > 0)).toBe(true)
    expect(numbersOf(late.slice(3)).every(value => value === 0)).toBe(true)

    // Win-back 2025 took its last entrant on 2025-05-31.
    const last = await days(app, `canvas_id=${WIN_BACK}&length=6&ending_at=2025-06-05`)
    expect(last.map(d => [d.time, d.total_stats.entries! > 0])).toEqual([['2025-05-30', true], ['2025-05-31', true], ['2025-06-01', false],
      ['2025-06-02', false], ['2025-06-03', false], ['2025-06-04', false]])
    expect(last.slice(2).map(d => d.total_stats.conversions_by_entry_time)).toEqual([0, 0, 0, 0])
    expect(numbersOf(last.slice(4)).every(value => value === 0)).toBe(true)
  })

  it('counts the same conversions by entry day and by conversion day over a Canvas\'s life', async () => {
    // Win-back 2025's whole life (entries 2025-03-01 to 2025-05-31, conversions up to 3 days later) in 14-day
    // windows chained by starting_at, as Airbyte slices Canvas requests.
    let conversions = 0
    let byEntry = 0
    let seen = 0
    for (let start = '2025-02-26'; start < '2025-06-07'; start = addDays(start, 14)) {
      const stats = await days(app, `canvas_id=${WIN_BACK}&starting_at=${start}&ending_at=${addDays(start, 14)}`)
      expect(stats.map(d => d.time)).toEqual(datesBefore(addDays(start, 14), 14))
      conversions += sum(stats.map(d => d.total_stats.conversions!))
      byEntry += sum(stats.map(d => d.total_stats.conversions_by_entry_time!))
      seen += stats.length
    }
    expect(seen).toBe(112)
    expect(conversions).toBeGreaterThan(0)
    expect(conversions).toBe(byEntry)
  })
})

describe('GET /canvas/data_summary', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(() => app.close())

  it('answers total_stats alone, in the documented key order, unless a breakdown is asked', async () => {
    const { data } = await summary(app, `canvas_id=${ONBOARDING}&length=3&ending_at=2026-11-20`)
    expect(Object.keys(data)).toEqual(['name', 'total_stats'])
    expect(Object.keys(data.total_stats)).toEqual(['revenue', 'conversions', 'conversions_by_entry_time', 'entries'])
    const both = (await summary(app, `canvas_id=${ONBOARDING}&length=3&ending_at=2026-11-20&include_variant_breakdown=true&include_step_breakdown=true`)).data
    expect(Object.keys(both)).toEqual(['name', 'total_stats', 'variant_stats', 'step_stats'])
    // The summary's variants carry no conversions_by_entry_time, as documented.
    for (const variant of Object.values(both.variant_stats!)) expect(Object.keys(variant)).toEqual(['name', 'revenue', 'conversions', 'entries'])
    for (const step of Object.values(both.step_stats!)) expect(Object.keys(step)).toEqual(STEP_KEYS)
  })

  it.each([
    ['length=14', ONBOARDING],
    ['length=1&ending_at=2026-11-20', ONBOARDING],
    ['starting_at=2026-11-09&ending_at=2026-11-23', ONBOARDING],
    ['starting_at=2026-11-20', TRIAL],
    ['length=10&ending_at=2025-06-04', WIN_BACK],
  ])('is the exact roll-up of the series over the same window (rule 18), to the byte: %s of %s', async (window, id) => {
    for (const flags of ['', '&include_variant_breakdown=true', '&include_step_breakdown=true', '&include_variant_breakdown=true&include_step_breakdown=true']) {
      const { name, stats } = await series(app, `canvas_id=${id}&${window}${flags}`)
      const { data, raw } = await summary(app, `canvas_id=${id}&${window}${flags}`)
      const expected = rollUp(name, stats)
      expect(data, flags).toStrictEqual(expected)
      expect(raw, flags).toBe(JSON.stringify({ data: expected, message: 'success' }))
    }
  })

  it('answers Harbor\'s Canvas for Harbor\'s key', async () => {
    const { data } = await summary(app, `canvas_id=${HARBOR_CANVAS}&length=7&ending_at=2026-11-20`, harbor.keys.full)
    expect(data.name).toBe('Account Opening Journey')
    expect(data.total_stats.entries).toBeGreaterThan(0)
  })
})

describe('GET /canvas/data_series and /canvas/data_summary: pool and permissions', () => {
  it.each(PATHS)('%s counts against the default pool', async (path) => {
    const app = await testApp()
    try {
      const response = await get(app, `${path}?canvas_id=${ONBOARDING}&length=3`)
      expect([response.status, response.headers['x-ratelimit-limit'], response.headers['x-ratelimit-remaining'], response.headers['x-ratelimit-reset']])
        .toEqual([200, '250000', '249999', String(NOW / 1000 + 3600)])
      expect((await get(app, '/canvas/list')).headers['x-ratelimit-remaining']).toBe('249998')
    } finally {
      await app.close()
    }
  })

  it.each(PATHS)('%s answers 403 to a key without its permission', async (path) => {
    const row = ENDPOINT_TABLE.find(r => r.path === path)!
    expect(row.pool).toBe('default')
    const app = await testApp({ fixtures: fixturesFor(ENDPOINT_TABLE) })
    try {
      const denied = await get(app, row.url, row.lacking)
      expect([denied.status, denied.body]).toStrictEqual([403, { message: `Access Denied: this API key lacks the ${row.permission} permission` }])
      // Only that permission: the other Canvas endpoint still answers.
      const other = PATHS.find(p => p !== path)!
      expect((await get(app, `${other}?canvas_id=${ONBOARDING}&length=3`, row.lacking)).status).toBe(200)
    } finally {
      await app.close()
    }
  })
})

describe('GET /canvas/data_series and /canvas/data_summary: overrides of a day\'s entries', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(() => app.close())
  const window = `canvas_id=${ONBOARDING}&length=3&ending_at=2026-11-21&include_variant_breakdown=true`

  it('sets a day\'s total entries, split over the variants, and the summary follows, through POST /_mock/overrides', async () => {
    await app.inject({ method: 'DELETE', url: '/_mock/overrides' })
    const before = await days(app, window)
    expect(before.map(d => d.time)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20'])
    const response = await app.inject({ method: 'POST', url: '/_mock/overrides', payload: { canvas_id: ONBOARDING, values: { '2026-11-19': 777 } } })
    try {
      expect(response.statusCode, response.body).toBe(201)
      expect((response.json() as { overrides: Array<{ entity: string, metric: string }> }).overrides.map(o => [o.entity, o.metric])).toEqual([['canvas', 'entries']])
      const after = await days(app, window)
      // Entries of the other days stay; their conversions may move, as they count the overridden day's entrants.
      expect(after.map(d => d.total_stats.entries)).toEqual([before[0]!.total_stats.entries, 777, before[2]!.total_stats.entries])
      expect(sum(Object.values(after[1]!.variant_stats!).map(v => count(v, 'entries')))).toBe(777)
      const { data } = await summary(app, window)
      expect(data.total_stats.entries).toBe(before[0]!.total_stats.entries! + 777 + before[2]!.total_stats.entries!)
    } finally {
      await app.inject({ method: 'DELETE', url: '/_mock/overrides' })
    }
    expect(await days(app, window)).toStrictEqual(before)
  })

  it('refuses a day before the Canvas was created', async () => {
    const response = await app.inject({ method: 'POST', url: '/_mock/overrides', payload: { canvas_id: ONBOARDING, values: { '2024-06-02': 777 } } })
    expect(response.statusCode).toBe(400)
    expect((response.json() as { message: string }).message).toBe('values: 2024-06-02 is before canvas "0b6f2d4e-7a1c-4e38-9f25-3c8d1a6e5b47" ' +
      'existed (created 2024-06-03T09:00:00.000Z); its series reads 0 there whatever is set')
    expect((await app.inject({ url: '/_mock/overrides' })).json()).toEqual({ overrides: [] })
  })

  it('sets a day\'s entries through the in-process API too, read over a socket', async () => {
    const braze = await startEmulator({ now: NOW })
    try {
      const { overrides } = braze.overrides.set({ canvas_id: TRIAL, values: { '2026-11-19': 4321 } })
      expect(overrides.map(o => [o.entity, o.metric, o.time, o.value])).toEqual([['canvas', 'entries', '2026-11-19', 4321]])
      const read = async (path: string) => {
        const response = await fetch(`${braze.url}${path}?canvas_id=${TRIAL}&length=1&ending_at=2026-11-20`, {
          headers: { authorization: `Bearer ${lumen.keys.full}` },
        })
        return response.json() as Promise<{ data: { stats?: Day[], total_stats?: Figures } }>
      }
      expect((await read(SERIES)).data.stats![0]!.total_stats.entries).toBe(4321)
      expect((await read(SUMMARY)).data.total_stats!.entries).toBe(4321)
    } finally {
      await braze.close()
    }
  })
})
