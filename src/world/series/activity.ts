// The simulated users of one workspace (src/world/population) as the series read them: one population per
// workspace and seed, kept in the emulator's series cache, and the rules every series applies on top of it:
// buckets from "now" on read 0, a day that "now" cuts is the sum of its hours before now, and a bucket
// before a segment existed reads 0 for that segment.
import { hashString } from '../hash.js'
import { SegmentPopulation, WorkspacePopulation } from '../population/index.js'
import type { Segment, Workspace } from '../world.js'
import type { Day } from '../zone-calendar.js'
import type { SeriesContext } from './context.js'

export class WorkspaceActivity {
  readonly population: WorkspacePopulation
  /** By id: a generated segment read twice may be two objects (src/world/segment-catalog.ts keeps only the recent). */
  readonly #segments = new Map<string, SegmentPopulation>()
  readonly #seed: number

  constructor (seed: number, workspace: Workspace) {
    this.#seed = seed
    this.population = new WorkspacePopulation(seed, hashString(workspace.id), {
      overlap: workspace.overlap,
      apps: workspace.apps.map(app => ({ key: app.key, params: app.activity })),
      events: workspace.events.map(event => ({ key: event.key, rate: event.rate, apps: event.apps.map(app => app.key) })),
      products: workspace.products.map(product => ({
        key: product.key, rate: product.rate, priceCents: product.priceCents, apps: product.apps.map(app => app.key),
      })),
    })
  }

  segment (segment: Segment): SegmentPopulation {
    let population = this.#segments.get(segment.id)
    if (population === undefined) {
      population = new SegmentPopulation(this.#seed, segment.key, segment.audience, this.population)
      this.#segments.set(segment.id, population)
    }
    return population
  }
}

/** The workspace's simulated users for this seed: the emulator's, or a fresh one where nothing is kept. */
export function activityOf (ctx: SeriesContext, workspace: Workspace): WorkspaceActivity {
  const make = () => new WorkspaceActivity(ctx.seed, workspace)
  return ctx.cache === undefined ? make() : ctx.cache.activity(workspace, make)
}

/** Whether a day holds data at all: it began before now (and exists: a date a zone skipped has no hours). */
export function dayStarted (ctx: SeriesContext, day: Day): boolean {
  return day.hours > 0 && day.start < ctx.now
}

/** Whether "now" falls inside the day, so that only its hours before now count. */
export function dayCut (ctx: SeriesContext, day: Day): boolean {
  return day.start < ctx.now && day.end > ctx.now
}

/** Zeroes the hours of `hours` (a whole day's) that start at or after now, or end before `since`. */
export function maskHours (ctx: SeriesContext, day: Day, hours: number[], since = -Infinity): number[] {
  for (let k = 0; k < hours.length; k++) {
    if (day.hourStart(k) >= ctx.now || day.hourEnd(k) <= since) hours[k] = 0
  }
  return hours
}

export function sum (values: readonly number[]): number {
  let total = 0
  for (const value of values) total += value
  return total
}
