// The data defects of issue 12, each as a test through the real app on the built-in fixtures (or an inline
// one), with what the generator before the one-world model gave (independent segment and session functions,
// src/series/shape.ts) in a comment: every test here failed on it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILT_IN_FIXTURES, type BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const DAY_MS = 86_400_000
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
const sumOf = (xs: readonly number[]) => xs.reduce((t, v) => t + v, 0)

async function values (app: BrazeMockApp, url: string, key: string, apiKey: string = lumen.keys.full): Promise<number[]> {
  const response = await get(app, url, apiKey)
  expect(response.status, `${url}: ${response.raw}`).toBe(200)
  return (response.body.data as Array<Record<string, number>>).map(p => p[key]!)
}

/** An app's new users on each of the `count` days ending the day before `end`, summed from its creation. */
async function cumulativeNewUsers (app: BrazeMockApp, id: string, created: string, end: string, count: number): Promise<number[]> {
  let before = 0
  for (let chunkEnd = addDays(end, -count); chunkEnd > created; chunkEnd = addDays(chunkEnd, -100)) {
    before += sumOf(await values(app, `/kpi/new_users/data_series?length=100&ending_at=${chunkEnd}&app_id=${id}`, 'new_users'))
  }
  const daily = await values(app, `/kpi/new_users/data_series?length=${count}&ending_at=${end}&app_id=${id}`, 'new_users')
  return daily.map(v => (before += v))
}

describe('the user-activity world has none of issue 12\'s data defects', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it('"All Users" stays within the user base (cumulative new users over the apps) and never falls, over 99 days', async () => {
    // Old generator (3c5e71c, run with this file): All Users fell on 42 of these 99 days, and had no user base
    // to stay within (the issue saw 2.64 M against a population of 2.4 M).
    const end = '2026-11-23' // the 99 whole days before now
    const allUsers = await values(app, `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=99&ending_at=${end}`, 'size')
    const falls = allUsers.map((size, i) => ({ day: addDays(end, i - 99), size, before: allUsers[i - 1] })).filter(x => x.before !== undefined && x.size < x.before)
    expect(falls).toStrictEqual([])
    const created: Record<string, string> = { [lumen.apps.ios]: '2019-03-04', [lumen.apps.android]: '2019-06-17', [lumen.apps.web]: '2020-02-03', [lumen.apps.tv]: '2023-09-12' }
    const perApp = await Promise.all(Object.entries(created).map(([id, date]) => cumulativeNewUsers(app, id, date, end, 99)))
    const userBase = perApp[0]!.map((_, i) => sumOf(perApp.map(series => series[i]!)))
    const over = allUsers.map((size, i) => ({ day: addDays(end, i - 99), size, base: userBase[i]! })).filter(x => x.size > x.base)
    expect(over).toStrictEqual([])
    expect(allUsers.every(size => size > 1_000_000)).toBe(true)
  })

  it('"Active in the Last 7 Days" has no weekly saw-tooth: over 8 weeks its size stays within 1% of its centred 7-day mean', async () => {
    // Amplitude: each day's size over the mean of the 7 days centred on it (which removes the trend and any
    // weekly cycle's mean); the largest ratio over the smallest, minus 1. Old generator (3c5e71c): 10.5%.
    const sizes = await values(app, `/segments/data_series?segment_id=${lumen.segments.active7Days}&length=62&ending_at=2026-11-20`, 'size')
    const ratios: number[] = []
    for (let i = 3; i < sizes.length - 3; i++) ratios.push(sizes[i]! / (sumOf(sizes.slice(i - 3, i + 4)) / 7))
    expect(ratios).toHaveLength(56)
    const amplitude = Math.max(...ratios) / Math.min(...ratios) - 1
    expect(amplitude).toBeLessThan(0.01)
    expect(amplitude).toBeGreaterThan(0) // a real series, not a constant
  })

  it('an app ramps up over its first 14 days: Lumen TV (created 2023-09-12T17:45Z, first whole day 2023-09-13)', async () => {
    // Old generator (3c5e71c): TV appeared at full size on its launch day: 6,632 sessions on day 1, 7,109 on
    // day 14 (and it served no /kpi/new_users).
    const sessions = await values(app, `/sessions/data_series?length=14&ending_at=2023-09-27&app_id=${lumen.apps.tv}`, 'sessions')
    expect(sessions[13]).toBeGreaterThan(2 * sessions[0]!)
    const first14 = await values(app, `/kpi/new_users/data_series?length=14&ending_at=2023-09-27&app_id=${lumen.apps.tv}`, 'new_users')
    const before = await values(app, `/kpi/new_users/data_series?length=1&ending_at=2023-09-13&app_id=${lumen.apps.tv}`, 'new_users')
    const mature = await values(app, `/kpi/new_users/data_series?length=28&ending_at=2024-09-13&app_id=${lumen.apps.tv}`, 'new_users')
    const matureLevel = sumOf(mature) / mature.length
    expect(before).toStrictEqual([0])
    expect(first14[0]).toBeGreaterThan(0)
    expect(first14[13]).toBeGreaterThan(2 * first14[0]!)
    expect(first14[0]).toBeLessThan(0.3 * matureLevel)
  })

  /** The local hour (0-23) with the fewest sessions on average over the 28 days ending `end`. */
  async function troughHour (on: BrazeMockApp, id: string, apiKey: string, end: string): Promise<number> {
    const byHour = new Array<number>(24).fill(0)
    let at = Date.parse(`${end}T12:00:00Z`)
    for (let fetched = 0; fetched < 28 * 24; fetched += 96, at -= 96 * 3_600_000) {
      const response = await get(on, `/sessions/data_series?length=96&unit=hour&ending_at=${new Date(at).toISOString()}&app_id=${id}`, apiKey)
      expect(response.status).toBe(200)
      for (const { time, sessions } of response.body.data as Array<{ time: string, sessions: number }>) byHour[Number(time.slice(11, 13))]! += sessions
    }
    expect(sumOf(byHour)).toBeGreaterThan(0)
    return byHour.indexOf(Math.min(...byHour))
  }

  it.each([
    ...Object.entries(lumen.apps).map(([name, id]) => ({ workspace: 'Lumen (UTC)', name, id, apiKey: lumen.keys.full })),
    { workspace: 'Harbor (New York)', name: 'ios', id: harbor.apps.ios, apiKey: harbor.keys.full },
    { workspace: 'Harbor (New York)', name: 'android', id: '5a4e2b37-c57a-4e93-bd24-ed8c44c07a02', apiKey: harbor.keys.full },
  ])('the night trough is between 02:00 and 05:00 local: $workspace $name', async ({ id, apiKey }) => {
    // Old generator (3c5e71c): the apps peaking near noon had their quietest hour at 20:00 or 21:00 local
    // (Lumen Web, Harbor iOS and Android); the evening-peak apps passed already.
    expect([2, 3, 4]).toContain(await troughHour(app, id, apiKey, '2026-10-20'))
  })

  it('the night trough is between 02:00 and 05:00 local for every peak hour 0 to 23 (generated apps)', async () => {
    // Old generator (3c5e71c): the morning bump sat at peak - 11 h, so the trough moved with the peak: 21 of
    // the 24 peak hours had it outside 02:00-05:00 (peak 0 at 08:00, peak 1 at 09:00, ...).
    const apps = Array.from({ length: 24 }, (_, h) => ({
      id: `app-peak-${h}`,
      workspace_id: 'ws-peaks',
      name: `Peak ${h}`,
      platform: 'ios',
      created_at: '2024-01-01T00:00:00Z',
      series: { daily_sessions: 50_000, peak_hour: h },
    }))
    const peaks = await testApp({
      fixtures: {
        workspaces: [{ id: 'ws-peaks', name: 'Peaks', time_zone: 'Europe/Berlin', population: 2_000_000 }],
        apps,
        segments: [],
        api_keys: [{ key: 'peaks-key', workspace_id: 'ws-peaks', permissions: ['*'] }],
      },
    })
    try {
      const troughs: Array<[number, number]> = []
      for (let h = 0; h < 24; h++) troughs.push([h, await troughHour(peaks, `app-peak-${h}`, 'peaks-key', '2026-06-20')])
      expect(troughs.filter(([, trough]) => trough < 2 || trough > 4)).toStrictEqual([])
    } finally {
      await peaks.close()
    }
  })

  it('Harbor Bank\'s 25 generated segments have distinct, banking names', async () => {
    // Old generator (3c5e71c): 24 distinct names of 25, retail ones ("Browsed beauty this month", "Users in
    // Mauritania", "Spent over $250 on garden") and "Active in the last 30 days" twice.
    const fixtureIds = new Set((JSON.parse(readFileSync(join(BUILT_IN_FIXTURES, 'segments.json'), 'utf8')) as Array<{ id: string }>).map(s => s.id))
    // From the world the app serves: /segments/list leaves out the archived ones, and one generated segment is.
    const workspace = app.emulator.world.workspaces.find(w => w.id === harbor.workspaceId)!
    const generated = [...workspace.segmentsById.values()].filter(s => !fixtureIds.has(s.id)).map(s => s.name)
    const listed = (await get(app, '/segments/list', harbor.keys.full)).body.segments as Array<{ name: string }>
    expect(listed.filter(s => generated.includes(s.name)).length).toBeGreaterThanOrEqual(20)
    expect(new Set(generated).size).toBe(25)
    const retail = /beauty|fashion|cart|store|shop|apparel|cosmetic|mauritania|makeup|sneaker/i
    expect(generated.filter(name => retail.test(name))).toStrictEqual([])
    const activeDays = generated.map(name => /active in the last (\d+) days/i.exec(name)?.[1]).filter(n => n !== undefined)
    expect(new Set(activeDays).size).toBe(activeDays.length)
    expect(generated).toHaveLength(25)
  })
})
