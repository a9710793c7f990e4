// The hard rules of BRAZE-EXPORT.md section 7 (1 to 5, 7 to 9, 11, 12 and 19) as properties of the served
// answers, through the real app, over random seeds (buildApp({ seed })), windows (ending_at 2019-2027,
// length 1-100, days and hours, New York DST days), apps, segments, events and products of the built-in
// fixtures; plus determinism and window invariance. numRuns is kept modest so the file runs in seconds.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_FIXTURES, type BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, NOW, testApp } from '../helpers.js'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const RUNS = { numRuns: 20 }
const enc = encodeURIComponent

interface WorkspaceCase {
  readonly name: string
  readonly key: string
  readonly zone: string
  readonly apps: readonly string[]
  /** When each app was created (its first whole day is the next local day). */
  readonly created: Readonly<Record<string, string>>
  readonly events: readonly string[]
  readonly products: readonly string[]
}

const fixture = <T>(file: string): T[] => JSON.parse(readFileSync(join(BUILT_IN_FIXTURES, file), 'utf8')) as T[]
const APPS = fixture<{ id: string, workspace_id: string, created_at: string }>('apps.json')
const EVENTS = fixture<{ workspace_id: string, name: string }>('events.json')
const PRODUCTS = fixture<{ workspace_id: string, name: string }>('products.json')

function workspaceCase (name: string, id: string, key: string, zone: string): WorkspaceCase {
  const apps = APPS.filter(a => a.workspace_id === id)
  return {
    name,
    key,
    zone,
    apps: apps.map(a => a.id),
    created: Object.fromEntries(apps.map(a => [a.id, a.created_at])),
    events: EVENTS.filter(e => e.workspace_id === id).map(e => e.name),
    products: PRODUCTS.filter(p => p.workspace_id === id).map(p => p.name),
  }
}

const WORKSPACES = [
  workspaceCase('lumen', BUILT_IN.lumen.workspaceId, BUILT_IN.lumen.keys.full, 'UTC'),
  workspaceCase('harbor', BUILT_IN.harbor.workspaceId, BUILT_IN.harbor.keys.full, 'America/New_York'),
]

/** YYYY-MM-DD plus n days. */
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
/** The local date (YYYY-MM-DD) of an instant in a zone. */
const localDate = (ms: number, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)

/**
 * The day holding now (12:00Z, 07:00 in New York: the same date in both zones). Days after it read 0 in every
 * series (section 0, "Series shape"), MAU included, so rule 3's lower bound applies up to this day only: a
 * day after now has MAU 0 while its 30-day window still holds the DAU of the days up to now.
 */
const TODAY = new Date(NOW).toISOString().slice(0, 10)
const FIRST = Date.UTC(2019, 0, 1)
const LAST = Date.UTC(2027, 11, 31)
const DST_DAYS = ['2025-03-09', '2025-11-02', '2026-03-08', '2026-11-01', '2024-03-10', '2024-11-03']
/** A date 2019-2027, DST change days and the days around now often. */
const dateArb = fc.oneof(
  fc.integer({ min: 0, max: (LAST - FIRST) / DAY_MS }).map(i => new Date(FIRST + i * DAY_MS).toISOString().slice(0, 10)),
  fc.constantFrom(...DST_DAYS),
  fc.integer({ min: -3, max: 3 }).map(n => addDays(TODAY, n)))
const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 })
const workspaceArb = fc.constantFrom(...WORKSPACES)

async function withApp<T> (seed: number, run: (app: BrazeMockApp) => Promise<T>): Promise<T> {
  const app = await testApp({ seed })
  try {
    return await run(app)
  } finally {
    await app.close()
  }
}

/** The values of a series answer under `key` (revenue in cents, so that sums are exact). */
async function read (app: BrazeMockApp, apiKey: string, url: string, key: string): Promise<{ times: string[], values: number[] }> {
  const response = await get(app, url, apiKey)
  expect(response.status, `${url}: ${response.raw}`).toBe(200)
  const data = response.body.data as Array<Record<string, number | string>>
  return { times: data.map(p => p.time as string), values: data.map(p => Math.round((p[key] as number) * (key === 'revenue' ? 100 : 1))) }
}

const sumOf = (xs: readonly number[]) => xs.reduce((t, v) => t + v, 0)
const columnSums = (rows: ReadonlyArray<readonly number[]>) => rows[0]!.map((_, i) => sumOf(rows.map(r => r[i]!)))

/** The additive series of rules 7 and 8, each as the path, value key and a query part naming what it counts. */
function additiveSeries (ws: WorkspaceCase, eventIndex: number, productIndex: number) {
  return [
    { path: '/sessions/data_series', key: 'sessions', extra: '' },
    { path: '/events/data_series', key: 'count', extra: `&event=${enc(ws.events[eventIndex % ws.events.length]!)}` },
    { path: '/purchases/quantity_series', key: 'purchase_quantity', extra: '' },
    { path: '/purchases/revenue_series', key: 'revenue', extra: `&product=${enc(ws.products[productIndex % ws.products.length]!)}` },
  ]
}

describe('one world: the KPI rules (section 7 rules 1 to 5, and 8 for the KPIs)', () => {
  it('per app and all apps: sessions >= DAU (0 together), new <= DAU, DAU <= MAU <= 30-day DAU sum, sums and unique counts', async () => {
    await fc.assert(fc.asyncProperty(seedArb, workspaceArb, dateArb, fc.integer({ min: 1, max: 71 }), async (seed, ws, end, length) => {
      await withApp(seed, async (app) => {
        const q = (path: string, n: number, extra = '') => `${path}?length=${n}&ending_at=${end}${extra}`
        const perApp = []
        for (const id of ws.apps) {
          const scope = `&app_id=${id}`
          const sessions = (await read(app, ws.key, q('/sessions/data_series', length, scope), 'sessions')).values
          const dauLong = (await read(app, ws.key, q('/kpi/dau/data_series', length + 29, scope), 'dau')).values
          const dau = dauLong.slice(29)
          const newUsers = (await read(app, ws.key, q('/kpi/new_users/data_series', length, scope), 'new_users')).values
          const mau = (await read(app, ws.key, q('/kpi/mau/data_series', length, scope), 'mau')).values
          const uninstalls = (await read(app, ws.key, q('/kpi/uninstalls/data_series', length, scope), 'uninstalls')).values
          for (let i = 0; i < length; i++) {
            const at = `${ws.name} ${id} ${end} -${length - i}`
            expect(sessions[i], at).toBeGreaterThanOrEqual(dau[i]!) // rule 2
            expect(sessions[i] === 0, at).toBe(dau[i] === 0) // rule 2
            expect(newUsers[i], at).toBeLessThanOrEqual(dau[i]!) // rule 4
            const window = dauLong.slice(i, i + 30)
            if (addDays(end, i - length) > TODAY) expect(mau[i], at).toBe(0)
            else expect(mau[i], at).toBeGreaterThanOrEqual(Math.max(...window)) // rule 3
            expect(mau[i], at).toBeLessThanOrEqual(sumOf(window)) // rule 3
          }
          perApp.push({ sessions, dauLong, newUsers, mau, uninstalls })
        }
        const all = {
          sessions: (await read(app, ws.key, q('/sessions/data_series', length), 'sessions')).values,
          dauLong: (await read(app, ws.key, q('/kpi/dau/data_series', length + 29), 'dau')).values,
          newUsers: (await read(app, ws.key, q('/kpi/new_users/data_series', length), 'new_users')).values,
          mau: (await read(app, ws.key, q('/kpi/mau/data_series', length), 'mau')).values,
          uninstalls: (await read(app, ws.key, q('/kpi/uninstalls/data_series', length), 'uninstalls')).values,
        }
        // Rule 8: additive KPIs are the sum over apps; DAU and MAU are unique counts between the max and the sum.
        expect(all.sessions).toStrictEqual(columnSums(perApp.map(p => p.sessions)))
        expect(all.newUsers).toStrictEqual(columnSums(perApp.map(p => p.newUsers)))
        expect(all.uninstalls).toStrictEqual(columnSums(perApp.map(p => p.uninstalls)))
        for (let i = 0; i < length + 29; i++) {
          const each = perApp.map(p => p.dauLong[i]!)
          expect(all.dauLong[i]).toBeLessThanOrEqual(sumOf(each))
          expect(all.dauLong[i]).toBeGreaterThanOrEqual(Math.max(...each))
        }
        for (let i = 0; i < length; i++) {
          const window = all.dauLong.slice(i, i + 30)
          if (addDays(end, i - length) > TODAY) expect(all.mau[i]).toBe(0)
          else expect(all.mau[i]).toBeGreaterThanOrEqual(Math.max(...window))
          expect(all.mau[i]).toBeLessThanOrEqual(sumOf(window))
          expect(all.mau[i]).toBeGreaterThanOrEqual(Math.max(...perApp.map(p => p.mau[i]!)))
          expect(all.sessions[i]).toBeGreaterThanOrEqual(all.dauLong[i + 29]!)
        }
      })
    }), RUNS)
  }, 60_000)

  it('rule 5: an app\'s new users summed from its creation reach at least its MAU and DAU', async () => {
    // The cumulative count is exact, not a bound: /kpi/new_users is read in 100-day windows back to the day
    // before the app's creation, where it reads 0.
    await fc.assert(fc.asyncProperty(seedArb, workspaceArb, dateArb, fc.nat(), async (seed, ws, end, pick) => {
      const id = ws.apps[pick % ws.apps.length]!
      await withApp(seed, async (app) => {
        const created = localDate(Date.parse(ws.created[id]!), ws.zone)
        let cumulative = 0
        for (let chunkEnd = end; chunkEnd > created; chunkEnd = addDays(chunkEnd, -100)) {
          cumulative += sumOf((await read(app, ws.key, `/kpi/new_users/data_series?length=100&ending_at=${chunkEnd}&app_id=${id}`, 'new_users')).values)
        }
        const [mau] = (await read(app, ws.key, `/kpi/mau/data_series?length=1&ending_at=${end}&app_id=${id}`, 'mau')).values
        const [dau] = (await read(app, ws.key, `/kpi/dau/data_series?length=1&ending_at=${end}&app_id=${id}`, 'dau')).values
        expect(cumulative, `${id} through ${addDays(end, -1)}`).toBeGreaterThanOrEqual(mau!)
        expect(mau).toBeGreaterThanOrEqual(dau!)
      })
    }), { numRuns: 15 })
  }, 60_000)
})

describe('one world: additive series (rules 7, 8, 9 and 12)', () => {
  it('rule 7: the hours of a local day sum to the day, for sessions, events, quantity and revenue, DST days included', async () => {
    await fc.assert(fc.asyncProperty(seedArb, workspaceArb, dateArb, fc.nat(), fc.nat(), fc.nat(), async (seed, ws, date, e, p, a) => {
      await withApp(seed, async (app) => {
        const scope = a % (ws.apps.length + 1) === 0 ? '' : `&app_id=${ws.apps[a % (ws.apps.length + 1) - 1]!}`
        for (const { path, key, extra } of additiveSeries(ws, e, p)) {
          const next = addDays(date, 1)
          const day = await read(app, ws.key, `${path}?length=1&ending_at=${next}${extra}${scope}`, key)
          const hours = await read(app, ws.key, `${path}?length=26&unit=hour&ending_at=${next}${extra}${scope}`, key)
          const inDay = hours.values.filter((_, i) => hours.times[i]!.startsWith(`${date}T`))
          expect(day.times).toStrictEqual([date])
          expect([23, 24, 25]).toContain(inDay.length)
          expect(sumOf(inDay), `${path} ${date}${extra}${scope}`).toBe(day.values[0])
        }
      })
    }), RUNS)
  }, 60_000)

  it('rule 8: all apps = the sum over apps, days and hours; rule 9: a segment never exceeds everyone', async () => {
    await fc.assert(fc.asyncProperty(seedArb, workspaceArb, dateArb, fc.integer({ min: 1, max: 100 }), fc.constantFrom('day', 'hour'),
      fc.nat(), fc.nat(), fc.nat(), async (seed, ws, date, length, unit, e, p, s) => {
        await withApp(seed, async (app) => {
          const window = `length=${length}&unit=${unit}&ending_at=${date}`
          for (const { path, key, extra } of additiveSeries(ws, e, p)) {
            const whole = await read(app, ws.key, `${path}?${window}${extra}`, key)
            const perApp = await Promise.all(ws.apps.map(id => read(app, ws.key, `${path}?${window}${extra}&app_id=${id}`, key)))
            expect(columnSums(perApp.map(r => r.values)), `${path} ${window}${extra}`).toStrictEqual(whole.values)
          }
          const segments = ((await get(app, '/segments/list', ws.key)).body.segments as Array<{ id: string, analytics_tracking_enabled: boolean }>)
            .filter(x => x.analytics_tracking_enabled)
          const segment = segments[s % segments.length]!.id
          // All apps and one app: the segment filter is a subset in each scope.
          for (const scope of ['', `&app_id=${ws.apps[s % ws.apps.length]!}`]) {
            for (const { path, key, extra } of additiveSeries(ws, e, p).slice(0, 2)) {
              const whole = await read(app, ws.key, `${path}?${window}${extra}${scope}`, key)
              const members = await read(app, ws.key, `${path}?${window}${extra}${scope}&segment_id=${segment}`, key)
              expect(members.values.filter((v, i) => v > whole.values[i]!), `${path} ${window}${extra}${scope} ${segment}`).toStrictEqual([])
            }
          }
        })
      }), RUNS)
  }, 60_000)

  it('rule 12: product_list is the set of products with purchases, and they sum to the unfiltered series', async () => {
    await fc.assert(fc.asyncProperty(seedArb, workspaceArb, dateArb, fc.integer({ min: 1, max: 100 }), fc.constantFrom('day', 'hour'), async (seed, ws, date, length, unit) => {
      await withApp(seed, async (app) => {
        const products = (await get(app, '/purchases/product_list', ws.key)).body.products as string[]
        expect(new Set(products)).toStrictEqual(new Set(ws.products))
        for (const key of ['purchase_quantity', 'revenue']) {
          const path = key === 'revenue' ? '/purchases/revenue_series' : '/purchases/quantity_series'
          const window = `length=${length}&unit=${unit}&ending_at=${date}`
          const whole = await read(app, ws.key, `${path}?${window}`, key)
          const each = await Promise.all(products.map(name => read(app, ws.key, `${path}?${window}&product=${enc(name)}`, key)))
          expect(columnSums(each.map(r => r.values)), `${path} ${window}`).toStrictEqual(whole.values)
        }
      })
    }), { numRuns: 6 })
  }, 60_000)
})

describe('one world: catalogs (rule 11)', () => {
  it('/events/list holds the catalog events that occur, and /events the same names in the same order', async () => {
    await fc.assert(fc.asyncProperty(seedArb, workspaceArb, async (seed, ws) => {
      await withApp(seed, async (app) => {
        const list = (await get(app, '/events/list', ws.key)).body.events as string[]
        const detailed: string[] = []
        let url: string | undefined = '/events'
        while (url !== undefined) {
          const page = await get(app, url, ws.key)
          expect(page.status).toBe(200)
          detailed.push(...(page.body.events as Array<{ name: string }>).map(x => x.name))
          const link = page.headers.link as string | undefined
          url = link === undefined ? undefined : new URL(/<([^>]+)>/.exec(link)![1]!).pathname + new URL(/<([^>]+)>/.exec(link)![1]!).search
        }
        expect(detailed).toStrictEqual(list)
        expect(new Set(list)).toStrictEqual(new Set(ws.events))
        for (const name of list) {
          let occurred = false
          for (const end of ['2026-11-23', '2024-06-01', '2022-06-01']) {
            const counts = (await read(app, ws.key, `/events/data_series?event=${enc(name)}&length=100&ending_at=${end}`, 'count')).values
            if (counts.some(v => v > 0)) { occurred = true; break }
          }
          expect(occurred, name).toBe(true)
        }
      })
    }), { numRuns: 4 })
  }, 60_000)
})

describe('one world: the time axis (rule 19), determinism and window invariance', () => {
  const SERIES = [
    { path: '/sessions/data_series', key: 'sessions', hours: true },
    { path: '/kpi/dau/data_series', key: 'dau', hours: false },
    { path: '/kpi/mau/data_series', key: 'mau', hours: false },
    { path: '/kpi/new_users/data_series', key: 'new_users', hours: false },
    { path: '/events/data_series', key: 'count', hours: true },
    { path: '/purchases/quantity_series', key: 'purchase_quantity', hours: true },
    { path: '/purchases/revenue_series', key: 'revenue', hours: true },
  ]
  const seriesArb = fc.constantFrom(...SERIES)
  const instantArb = fc.integer({ min: FIRST, max: LAST })

  it('rule 19: exactly length points, ascending, the last one holding ending_at - 1 ms', async () => {
    await fc.assert(fc.asyncProperty(seedArb, workspaceArb, seriesArb, instantArb, fc.integer({ min: 1, max: 100 }), fc.boolean(),
      async (seed, ws, { path, key, hours }, end, length, hourly) => {
        await withApp(seed, async (app) => {
          const unit = hours && hourly ? 'hour' : 'day'
          const event = path === '/events/data_series' ? `&event=${enc(ws.events[0]!)}` : ''
          const { times } = await read(app, ws.key, `${path}?length=${length}&unit=${unit}&ending_at=${new Date(end).toISOString()}${event}`, key)
          expect(times).toHaveLength(length)
          if (unit === 'hour') {
            const instants = times.map(t => Date.parse(t))
            for (let i = 1; i < length; i++) expect(instants[i]! - instants[i - 1]!).toBe(HOUR_MS)
            expect(instants.at(-1)!).toBeLessThanOrEqual(end - 1)
            expect(instants.at(-1)! + HOUR_MS).toBeGreaterThan(end - 1)
          } else {
            for (let i = 1; i < length; i++) expect(times[i]).toBe(addDays(times[i - 1]!, 1))
            expect(times.at(-1)).toBe(localDate(end - 1, ws.zone))
          }
        })
      }), { numRuns: 30 })
  }, 60_000)

  it('the same request gives the same bytes twice, and in another app built with the same seed', async () => {
    await fc.assert(fc.asyncProperty(seedArb, workspaceArb, seriesArb, dateArb, fc.integer({ min: 1, max: 100 }), async (seed, ws, { path, hours }, date, length) => {
      const event = path === '/events/data_series' ? `&event=${enc(ws.events[1]!)}` : ''
      const url = `${path}?length=${length}&unit=${hours ? 'hour' : 'day'}&ending_at=${date}${event}`
      const [first, again] = await withApp(seed, async app => [(await get(app, url, ws.key)).raw, (await get(app, url, ws.key)).raw])
      const elsewhere = await withApp(seed, async app => (await get(app, url, ws.key)).raw)
      expect(again).toBe(first)
      expect(elsewhere).toBe(first)
    }), RUNS)
  }, 60_000)

  it('overlapping windows agree, days and hours', async () => {
    await fc.assert(fc.asyncProperty(seedArb, workspaceArb, seriesArb, dateArb, fc.integer({ min: 2, max: 100 }), fc.nat(), fc.nat(), fc.boolean(),
      async (seed, ws, { path, key, hours }, date, length, shiftSeed, shortSeed, hourly) => {
        await withApp(seed, async (app) => {
          const event = path === '/events/data_series' ? `&event=${enc(ws.events[2]!)}` : ''
          const shift = shiftSeed % length
          const shortLength = 1 + shortSeed % (length - shift)
          let longEnd: string
          let shortEnd: string
          let unit = 'day'
          if (hours && hourly) {
            unit = 'hour'
            const end = Date.parse(`${date}T00:00:00Z`)
            longEnd = new Date(end).toISOString()
            shortEnd = new Date(end - shift * HOUR_MS).toISOString()
          } else {
            longEnd = date
            shortEnd = addDays(date, -shift)
          }
          const long = await read(app, ws.key, `${path}?length=${length}&unit=${unit}&ending_at=${longEnd}${event}`, key)
          const short = await read(app, ws.key, `${path}?length=${shortLength}&unit=${unit}&ending_at=${shortEnd}${event}`, key)
          const from = length - shift - shortLength
          expect(short.times).toStrictEqual(long.times.slice(from, from + shortLength))
          expect(short.values).toStrictEqual(long.values.slice(from, from + shortLength))
        })
      }), RUNS)
  }, 60_000)
})
