import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeSeed, type SeriesContext } from '../../../src/world/series/context.js'
import { sessionsPerDay, sessionsPerHour, type SessionsScope } from '../../../src/world/series/sessions.js'
import { dayWindow, hourWindow } from '../../../src/world/series/window.js'
import { buildWorld } from '../../../src/world/build-world.js'
import { loadFixtures } from '../../../src/world/load-fixtures.js'
import type { App, Workspace, World } from '../../../src/world/world.js'
import { DAY_MS, HOUR_MS, dayIndexOf, type Day } from '../../../src/world/zone-calendar.js'

/** 2026-11-23T12:00:00Z, a Monday. */
const NOW = Date.UTC(2026, 10, 23, 12)

// Two workspaces, one on UTC and one on New York time, with apps and segments created at awkward instants:
// mid-hour, at local midnight, on both of New York's 2026 DST days.
const FIXTURES = {
  workspaces: [
    { id: 'utc', name: 'UTC Co', population: 1_000_000 },
    { id: 'ny', name: 'NY Co', time_zone: 'America/New_York', population: 400_000 },
  ],
  apps: [
    {
      id: 'utc-ios',
      workspace_id: 'utc',
      name: 'iOS',
      created_at: '2024-03-10T15:20:00Z',
      series: { daily_sessions: 80_000, growth: 0.3, weekly: 0.15, peak_weekday: 1, peak_hour: 18, noise: 0.04 },
    },
    {
      id: 'utc-web',
      workspace_id: 'utc',
      name: 'Web',
      platform: 'web',
      created_at: '2025-06-01T00:00:00Z',
      series: { daily_sessions: 12_000, peak_weekday: 3, peak_hour: 11 },
    },
    {
      id: 'ny-ios',
      workspace_id: 'ny',
      name: 'NY iOS',
      created_at: '2023-01-01T00:00:00-05:00',
      series: { daily_sessions: 40_000, weekly: 0.2, peak_weekday: 5, peak_hour: 20 },
    },
    {
      id: 'ny-android',
      workspace_id: 'ny',
      name: 'NY Android',
      platform: 'android',
      created_at: '2026-11-01T06:30:00Z', // 01:30 EST, in the second of the two 01:00 hours
      series: { daily_sessions: 30_000, peak_hour: 7 },
    },
  ],
  segments: [
    { id: 'utc-all', workspace_id: 'utc', name: 'All', tags: [], created_at: '2024-01-01T00:00:00Z', series: { size: 700_000, engagement: 1.2 } },
    { id: 'utc-vip', workspace_id: 'utc', name: 'VIP', tags: [], created_at: '2025-09-15T12:30:00Z', series: { size: 5_000, engagement: 4 } },
    // Its share of sessions, 100,000 / 400,000 × 100, is capped at 1: its sessions equal the app's.
    { id: 'ny-power', workspace_id: 'ny', name: 'Power', tags: [], created_at: '2026-03-08T08:15:00Z', audience: { kind: 'active', days: 7 } },
  ],
}

const world = await buildWorld(await loadFixtures(FIXTURES))

/** Instants where series change behaviour: creations, DST changes, "now". Windows are drawn near them. */
const EDGES = [
  ...FIXTURES.apps.map(a => Date.parse(a.created_at)),
  ...FIXTURES.segments.map(s => Date.parse(s.created_at)),
  Date.UTC(2026, 2, 8, 7), // New York springs forward
  Date.UTC(2026, 10, 1, 6), // New York falls back
  NOW,
]

interface ScopeChoice { readonly ws: string, readonly app?: string, readonly segment?: string }

/** Every combination of a workspace, one of its apps or all of them, and one of its segments or none. */
const SCOPES: ScopeChoice[] = world.workspaces.flatMap(w => {
  const apps = [undefined, ...w.apps.map(a => a.id)]
  const segments = [undefined, ...w.segmentsById.keys()]
  return apps.flatMap(app => segments.map(segment => ({ ws: w.id, app, segment })))
})

function workspaceOf (id: string, from: World = world): Workspace {
  return from.workspaces.find(w => w.id === id)!
}

function scopeOf ({ ws, app, segment }: ScopeChoice, from: World = world): SessionsScope {
  const workspace = workspaceOf(ws, from)
  return {
    workspace,
    apps: app === undefined ? workspace.apps : [workspace.appsById.get(app)!],
    segment: segment === undefined ? undefined : workspace.segmentsById.get(segment)!,
  }
}

const ctxOf = (seed: number, now = NOW): SeriesContext => ({ seed: decodeSeed(seed), now })

interface Bucket { readonly start: number, readonly end: number }
interface Series { readonly buckets: Bucket[], readonly values: number[] }
type Unit = 'day' | 'hour'

/** A series as a request sees it: `length` buckets ending at `endingAt` (exclusive), oldest first. */
function seriesOf (ctx: SeriesContext, scope: SessionsScope, unit: Unit, endingAt: number, length: number): Series {
  const calendar = scope.workspace.calendar
  if (unit === 'day') {
    const days = dayWindow(calendar, endingAt, length)
    return { buckets: days.map(d => ({ start: d.start, end: d.end })), values: sessionsPerDay(ctx, scope, days) }
  }
  const spans = hourWindow(calendar, endingAt, length)
  const buckets = spans.flatMap(({ day, from, to }) =>
    Array.from({ length: to - from + 1 }, (_, i) => ({ start: day.hourStart(from + i), end: day.hourEnd(from + i) })))
  return { buckets, values: sessionsPerHour(ctx, scope, spans) }
}

function dayOf (workspace: Workspace, date: string): Day {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return workspace.calendar.day(dayIndexOf(year, month, day))
}

/** The day's hours, summed, and the day's own figure. */
function hoursAndDay (ctx: SeriesContext, scope: SessionsScope, day: Day): { hours: number[], day: number } {
  const hours = sessionsPerHour(ctx, scope, hourWindow(scope.workspace.calendar, day.end, day.hours))
  return { hours, day: sessionsPerDay(ctx, scope, [day])[0]! }
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)
const mean = (values: readonly number[]): number => sum(values) / values.length

const seedArb = fc.integer({ min: 0, max: 0xffffffff })
const unitArb = fc.constantFrom<Unit>('day', 'hour')
const lengthArb = fc.integer({ min: 1, max: 100 })
const instantArb = fc.oneof(
  fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 6, 1) }),
  fc.tuple(fc.constantFrom(...EDGES), fc.integer({ min: -3 * DAY_MS, max: 5 * DAY_MS })).map(([edge, shift]) => edge + shift)
)
const nowArb = fc.oneof(fc.constant(NOW), instantArb)
const scopeArb = fc.constantFrom(...SCOPES)

describe('windows', () => {
  it('have exactly `length` contiguous buckets, oldest first, the last holding ending_at - 1 ms', () => {
    fc.assert(fc.property(scopeArb, unitArb, instantArb, lengthArb, (choice, unit, endingAt, length) => {
      const { buckets, values } = seriesOf(ctxOf(0), scopeOf(choice), unit, endingAt, length)
      expect(buckets).toHaveLength(length)
      expect(values).toHaveLength(length)
      for (let i = 1; i < length; i++) expect(buckets[i]!.start).toBe(buckets[i - 1]!.end)
      const last = buckets.at(-1)!
      expect(last.start <= endingAt - 1 && endingAt - 1 < last.end).toBe(true)
    }), { numRuns: 150 })
  })

  it('cover a DST day with 23 or 25 hour points', () => {
    const ny = workspaceOf('ny')
    const scope = scopeOf({ ws: 'ny', app: 'ny-ios' })
    expect(seriesOf(ctxOf(1), scope, 'hour', dayOf(ny, '2026-03-08').end, 23).buckets[0]!.start).toBe(Date.UTC(2026, 2, 8, 5))
    expect(seriesOf(ctxOf(1), scope, 'hour', dayOf(ny, '2026-11-01').end, 25).buckets[0]!.start).toBe(Date.UTC(2026, 10, 1, 4))
  })
})

describe('sessions: determinism (BRAZE.md, section 6)', () => {
  it('agree on the buckets that overlapping windows share', () => {
    fc.assert(fc.property(
      seedArb, scopeArb, unitArb, instantArb, lengthArb, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), lengthArb, nowArb,
      (seed, choice, unit, endingAt, length, back, otherLength, now) => {
        const ctx = ctxOf(seed, now)
        const scope = scopeOf(choice)
        // The second window ends inside the first (a day is at least 23 hours), so they share a bucket.
        const shortest = unit === 'day' ? 23 * HOUR_MS : HOUR_MS
        const otherEnd = endingAt - Math.floor(back * (length - 1) * shortest)
        const a = seriesOf(ctx, scope, unit, endingAt, length)
        const b = seriesOf(ctx, scope, unit, otherEnd, otherLength)
        const byStart = new Map(a.buckets.map((bucket, i) => [bucket.start, a.values[i]!]))
        let shared = 0
        b.buckets.forEach((bucket, i) => {
          if (!byStart.has(bucket.start)) return
          shared++
          expect(b.values[i]).toBe(byStart.get(bucket.start))
        })
        expect(shared).toBeGreaterThan(0)
      }), { numRuns: 150 })
  })

  it('give the same numbers for the same inputs, in a freshly built world too', async () => {
    const again = await buildWorld(await loadFixtures(structuredClone(FIXTURES)))
    fc.assert(fc.property(seedArb, scopeArb, unitArb, instantArb, lengthArb, nowArb, (seed, choice, unit, endingAt, length, now) => {
      const first = seriesOf(ctxOf(seed, now), scopeOf(choice), unit, endingAt, length).values
      expect(seriesOf(ctxOf(seed, now), scopeOf(choice), unit, endingAt, length).values).toEqual(first)
      expect(seriesOf(ctxOf(seed, now), scopeOf(choice, again), unit, endingAt, length).values).toEqual(first)
    }), { numRuns: 100 })
  })

  it('give different numbers for a different seed', () => {
    fc.assert(fc.property(seedArb, seedArb, unitArb, (a, b, unit) => {
      fc.pre(a !== b)
      const scope = scopeOf({ ws: 'utc', app: 'utc-ios' })
      const x = seriesOf(ctxOf(a), scope, unit, NOW, 28).values
      const y = seriesOf(ctxOf(b), scope, unit, NOW, 28).values
      expect(x).not.toEqual(y)
    }), { numRuns: 100 })
  })
})

describe('sessions: coherence (BRAZE.md, section 6)', () => {
  it('without an app are the exact sum over the workspace\'s apps, bucket by bucket', () => {
    fc.assert(fc.property(
      seedArb, fc.constantFrom('utc', 'ny'), fc.boolean(), unitArb, instantArb, lengthArb, nowArb,
      (seed, ws, withSegment, unit, endingAt, length, now) => {
        const ctx = ctxOf(seed, now)
        const workspace = workspaceOf(ws)
        const segment = withSegment ? [...workspace.segmentsById.keys()][seed % workspace.segmentsById.size] : undefined
        const all = seriesOf(ctx, scopeOf({ ws, segment }), unit, endingAt, length).values
        const perApp = workspace.apps.map(app => seriesOf(ctx, scopeOf({ ws, app: app.id, segment }), unit, endingAt, length).values)
        expect(all).toEqual(all.map((_, i) => sum(perApp.map(values => values[i]!))))
      }), { numRuns: 150 })
  })

  it('have hours that sum exactly to their day, on DST days and days cut by a creation or by now', () => {
    const special = fc.constantFrom(
      ['ny', '2026-03-08'], // 23 hours; ny-power created at 04:15 EDT
      ['ny', '2026-11-01'], // 25 hours; ny-android created in the repeated 01:00 hour
      ['ny', '2023-01-01'], // ny-ios created at local midnight
      ['utc', '2024-03-10'], // utc-ios created at 15:20
      ['utc', '2025-06-01'], // utc-web created at midnight
      ['utc', '2025-09-15'], // utc-vip created at 12:30
      ['utc', '2026-11-23'], // holds NOW
      ['ny', '2026-11-23']
    ).map(([ws, date]) => ({ workspace: workspaceOf(ws!), day: dayOf(workspaceOf(ws!), date!) }))
    const anyDay = fc.tuple(fc.constantFrom('utc', 'ny'), fc.integer({ min: dayIndexOf(2022, 12, 1), max: dayIndexOf(2027, 3, 1) }))
      .map(([ws, index]) => ({ workspace: workspaceOf(ws), day: workspaceOf(ws).calendar.day(index) }))
    fc.assert(fc.property(
      seedArb, fc.oneof(special, anyDay), fc.oneof(fc.constant('none'), fc.double({ min: 0, max: 1, noNaN: true })),
      (seed, { workspace, day }, nowInDay) => {
        // "now" either stays at NOW or falls inside the day, which cuts it short.
        const now = nowInDay === 'none' ? NOW : day.start + Math.floor(nowInDay * (day.end - day.start))
        const ctx = ctxOf(seed, now)
        for (const choice of SCOPES.filter(s => s.ws === workspace.id)) {
          const { hours, day: total } = hoursAndDay(ctx, scopeOf(choice), day)
          expect(hours).toHaveLength(day.hours)
          expect(sum(hours)).toBe(total)
        }
      }), { numRuns: 80 })
  })

  it('count 23 and 25 hours on New York\'s DST days, with the whole day of a creation at 0', () => {
    const ny = workspaceOf('ny')
    const ctx = ctxOf(5)
    const spring = hoursAndDay(ctx, scopeOf({ ws: 'ny', app: 'ny-ios' }), dayOf(ny, '2026-03-08'))
    expect(spring.hours).toHaveLength(23)
    expect(spring.hours.every(v => v > 0)).toBe(true)
    expect(sum(spring.hours)).toBe(spring.day)
    // ny-android was created at 06:30Z, inside the day: its users start on its first whole day, the 2nd.
    const autumn = hoursAndDay(ctx, scopeOf({ ws: 'ny', app: 'ny-android' }), dayOf(ny, '2026-11-01'))
    expect(autumn.hours).toHaveLength(25)
    expect(autumn.hours).toEqual(new Array(25).fill(0))
    expect(autumn.day).toBe(0)
    const first = hoursAndDay(ctx, scopeOf({ ws: 'ny', app: 'ny-android' }), dayOf(ny, '2026-11-02'))
    expect(first.hours).toHaveLength(24)
    expect(first.day).toBeGreaterThan(0)
    expect(sum(first.hours)).toBe(first.day)
  })

  it('filtered by a segment never exceed the unfiltered figure for the same app and bucket', () => {
    const withSegment = SCOPES.filter(s => s.app !== undefined && s.segment !== undefined)
    fc.assert(fc.property(
      seedArb, fc.constantFrom(...withSegment), unitArb, instantArb, lengthArb, nowArb,
      (seed, choice, unit, endingAt, length, now) => {
        const ctx = ctxOf(seed, now)
        const filtered = seriesOf(ctx, scopeOf(choice), unit, endingAt, length).values
        const unfiltered = seriesOf(ctx, scopeOf({ ws: choice.ws, app: choice.app }), unit, endingAt, length).values
        filtered.forEach((value, i) => expect(value).toBeLessThanOrEqual(unfiltered[i]!))
      }), { numRuns: 150 })
  })

  it('of a segment of every active user (active in the last 7 days) equal the app\'s once it exists', () => {
    const ctx = ctxOf(11)
    const unfiltered = seriesOf(ctx, scopeOf({ ws: 'ny', app: 'ny-ios' }), 'hour', NOW, 100).values
    expect(seriesOf(ctx, scopeOf({ ws: 'ny', app: 'ny-ios', segment: 'ny-power' }), 'hour', NOW, 100).values).toEqual(unfiltered)
  })
})

describe('sessions: before an entity existed, and from now on (BRAZE.md, section 4)', () => {
  it('read 0 in buckets that end by the creation or start at or after now, and more elsewhere', () => {
    fc.assert(fc.property(seedArb, scopeArb, unitArb, instantArb, lengthArb, nowArb, (seed, choice, unit, endingAt, length, now) => {
      const scope = scopeOf(choice)
      const { buckets, values } = seriesOf(ctxOf(seed, now), scope, unit, endingAt, length)
      // An app's sessions start on its first whole day; a segment's, with the later of that and the segment.
      const firstDay = (app: App) => scope.workspace.calendar.day(app.activity.launchDay).start
      const since = scope.apps.map(app => Math.max(firstDay(app), scope.segment?.createdAt ?? -Infinity))
      buckets.forEach(({ start, end }, i) => {
        const value = values[i]!
        expect(Number.isInteger(value) && value >= 0).toBe(true)
        if (start >= now || since.every(s => end <= s)) expect(value).toBe(0)
        // The apps here have thousands of sessions a day once launched: a live, unfiltered day is never empty.
        else if (scope.segment === undefined && unit === 'day' && since.some(s => start >= s + 14 * 86_400_000)) expect(value).toBeGreaterThan(0)
      })
    }), { numRuns: 200 })
  })

  it('read 0 on the whole day an app is created inside, and count its users from the next midnight', () => {
    const utc = workspaceOf('utc')
    const ctx = ctxOf(3)
    const scope = scopeOf({ ws: 'utc', app: 'utc-ios' }) // created 2024-03-10T15:20Z
    const { hours, day: total } = hoursAndDay(ctx, scope, dayOf(utc, '2024-03-10'))
    expect(hours).toEqual(Array.from({ length: 24 }, () => 0))
    expect(total).toBe(0)
    const next = hoursAndDay(ctx, scope, dayOf(utc, '2024-03-11'))
    expect(next.day).toBeGreaterThan(0)
    expect(next.day).toBe(sum(next.hours))
    expect(sessionsPerDay(ctx, scope, [dayOf(utc, '2024-03-09')])).toEqual([0])
  })

  it('count the day that holds now up to the hour that holds it', () => {
    const scope = scopeOf({ ws: 'utc', app: 'utc-ios' })
    const day = dayOf(workspaceOf('utc'), '2026-11-23')
    const { hours, day: total } = hoursAndDay(ctxOf(3, NOW + 1), scope, day) // 12:00:00.001Z
    expect(hours.slice(13)).toEqual(Array.from({ length: 11 }, () => 0))
    expect(hours.slice(0, 13).every(v => v > 0)).toBe(true)
    expect(total).toBe(sum(hours))
    expect(sessionsPerDay(ctxOf(3, NOW), scope, [dayOf(workspaceOf('utc'), '2026-11-24')])).toEqual([0])
  })
})

describe('sessions: believability (BRAZE.md, section 6)', () => {
  const ios = scopeOf({ ws: 'utc', app: 'utc-ios' }) // peak Monday, 18:00 UTC
  const nyIos = scopeOf({ ws: 'ny', app: 'ny-ios' }) // peak Friday, 20:00 New York time

  it('vary from day to day over four weeks', () => {
    fc.assert(fc.property(seedArb, fc.constantFrom(ios, nyIos), (seed, scope) => {
      const values = seriesOf(ctxOf(seed), scope, 'day', NOW, 28).values
      expect(new Set(values).size).toBeGreaterThan(20)
    }), { numRuns: 50 })
  })

  it('peak on the app\'s peak weekday, above the opposite side of the week, over a year', () => {
    const byWeekday = (seed: number, scope: SessionsScope): number[] => {
      const days = dayWindow(scope.workspace.calendar, NOW, 364)
      const values = sessionsPerDay(ctxOf(seed), scope, days)
      return Array.from({ length: 7 }, (_, weekday) => mean(values.filter((_, i) => days[i]!.weekday === weekday)))
    }
    fc.assert(fc.property(seedArb, (seed) => {
      const ios7 = byWeekday(seed, ios)
      expect(ios7[1]).toBeGreaterThan(Math.max(ios7[4]!, ios7[5]!))
      const ny7 = byWeekday(seed, nyIos)
      expect(ny7[5]).toBeGreaterThan(Math.max(ny7[1]!, ny7[2]!))
    }), { numRuns: 20 })
    expect(byWeekday(0, ios).indexOf(Math.max(...byWeekday(0, ios)))).toBe(1)
    expect(byWeekday(0, nyIos).indexOf(Math.max(...byWeekday(0, nyIos)))).toBe(5)
  })

  it('peak within an hour of the app\'s peak hour, on the workspace\'s clock', () => {
    const peakOf = (seed: number, scope: SessionsScope): number => {
      const spans = hourWindow(scope.workspace.calendar, NOW, 28 * 24)
      const values = sessionsPerHour(ctxOf(seed), scope, spans)
      const totals = new Array<number>(24).fill(0)
      let i = 0
      for (const { day, from, to } of spans) for (let k = from; k <= to; k++) totals[day.hourOfDay(k)]! += values[i++]!
      return totals.indexOf(Math.max(...totals))
    }
    fc.assert(fc.property(seedArb, (seed) => {
      expect(Math.abs(peakOf(seed, ios) - 18)).toBeLessThanOrEqual(1)
      expect(Math.abs(peakOf(seed, nyIos) - 20)).toBeLessThanOrEqual(1)
    }), { numRuns: 20 })
  })

  it('grow with the app\'s yearly growth', () => {
    fc.assert(fc.property(seedArb, (seed) => {
      const ctx = ctxOf(seed, Date.UTC(2030, 0, 1))
      const early = mean(seriesOf(ctx, ios, 'day', Date.UTC(2025, 1, 1), 31).values)
      const late = mean(seriesOf(ctx, ios, 'day', Date.UTC(2027, 1, 1), 31).values)
      expect(late / early).toBeGreaterThan(1.3 ** 2 * 0.75) // growth 0.3 for two years, give or take the slow noise
      expect(late / early).toBeLessThan(1.3 ** 2 * 1.3)
    }), { numRuns: 30 })
  })
})

describe('sessions: any shape the fixture schema allows', () => {
  // The schema allows noise up to 1 and weekly up to 1; the numbers must still be counts that add up.
  const appSeries = fc.record({
    daily_sessions: fc.integer({ min: 0, max: 1_000_000_000 }),
    growth: fc.double({ min: -0.9, max: 10, noNaN: true }),
    weekly: fc.double({ min: 0, max: 1, noNaN: true }),
    peak_weekday: fc.integer({ min: 0, max: 6 }),
    peak_hour: fc.integer({ min: 0, max: 23 }),
    noise: fc.double({ min: 0, max: 1, noNaN: true }),
  })

  it('give non-negative whole numbers whose hours sum to their days', async () => {
    await fc.assert(fc.asyncProperty(seedArb, appSeries, fc.integer({ min: dayIndexOf(2000, 1, 1), max: dayIndexOf(2040, 1, 1) }),
      async (seed, series, index) => {
        const shaped = await buildWorld(await loadFixtures({
          workspaces: [{ id: 'w', name: 'W', time_zone: 'America/New_York' }],
          apps: [{ id: 'a', workspace_id: 'w', name: 'A', created_at: '1990-01-01', series }],
        }))
        const scope = scopeOf({ ws: 'w' }, shaped)
        const ctx = ctxOf(seed, Date.UTC(2100, 0, 1))
        const days = Array.from({ length: 30 }, (_, i) => scope.workspace.calendar.day(index + i))
        const values = sessionsPerDay(ctx, scope, days)
        for (const value of values) expect(Number.isInteger(value) && value >= 0).toBe(true)
        for (const day of days.slice(0, 3)) {
          const { hours, day: total } = hoursAndDay(ctx, scope, day)
          expect(sum(hours)).toBe(total)
        }
      }), { numRuns: 100 })
  })

  it('give no sessions on a date the zone skipped (Pacific/Apia, 2011-12-30)', async () => {
    const apia = await buildWorld(await loadFixtures({
      workspaces: [{ id: 'w', name: 'W', time_zone: 'Pacific/Apia' }],
      apps: [{ id: 'a', workspace_id: 'w', name: 'A', created_at: '2010-01-01' }],
    }))
    const scope = scopeOf({ ws: 'w' }, apia)
    const skipped = dayOf(scope.workspace, '2011-12-30')
    expect(skipped.hours).toBe(0)
    // A day with no hours has nothing to sum; the hour rule makes its total 0.
    expect(sessionsPerDay(ctxOf(0), scope, [skipped])).toEqual([0])
  })
})
