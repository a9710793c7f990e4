// The control plane's operations, on JSON-shaped inputs and outputs: the HTTP routes under /_mock/ and the
// in-process API both call these, so the two stay the same operations. Inputs are assumed valid against
// their schemas (src/emulator/control-schema.ts); each caller validates them its own way, once.
import { Duration } from 'luxon'
import type { Emulator } from './emulator.js'
import { ControlRejected, FixturesRejected } from './errors.js'
import { isEmulatorPath } from './paths.js'
import type {
  ClockView, EndpointView, FaultRuleBody, JournalQuery, JournalView, OverrideBody, OverrideView, PinClockBody, ReloadView, WorldView,
} from './control-schema.js'
import { parseEndingAt } from '../world/ending-at.js'
import { INSTANT_RANGE, inInstantRange, parseInstant } from '../world/instant.js'
import { FixtureError } from '../world/load-fixtures.js'
import { ENTITY_PARAMETERS, type EntityKind, type Metric } from '../world/metrics.js'
import { POOL_NAMES, POOLS } from '../world/pools.js'
import type { ApiKey, Workspace } from '../world/world.js'
import { HOUR_MS } from '../world/zone-calendar.js'
import { withoutTrailingSlash, type FaultRule } from './faults.js'
import type { Override } from './overrides.js'

export class Control {
  readonly #emulator: Emulator
  readonly #brazePaths: readonly string[]
  readonly #metrics: readonly Metric[]
  readonly #endpoints: readonly EndpointView[]

  /**
   * `served`: what the endpoints served declare: their paths, which fault rules may name, their metrics,
   * the only ones an override may set, and the definitions the world listing shows.
   */
  constructor (emulator: Emulator, served: {
    readonly paths: readonly string[]
    readonly metrics: readonly Metric[]
    readonly endpoints?: readonly EndpointView[]
  }) {
    this.#emulator = emulator
    this.#brazePaths = served.paths
    this.#metrics = served.metrics
    this.#endpoints = served.endpoints ?? []
  }

  /** What the emulator serves, for a person finding their way (the console) or a test looking up ids. */
  world (): WorldView {
    const { world } = this.#emulator
    const keyText = (key: ApiKey) => key.extra ? { key: `…${key.key.slice(-4)}`, masked: true } : { key: key.key, masked: false }
    return {
      workspaces: world.workspaces.map(w => ({
        id: w.id,
        name: w.name,
        time_zone: w.calendar.name,
        industry: w.industry,
        rate_limits: POOL_NAMES.map(pool => ({ pool, limit: w.rateLimits[pool], window: POOLS[pool].window })),
        apps: w.apps.map(a => ({ id: a.id, name: a.name, platform: a.platform, created_at: new Date(a.createdAt).toISOString() })),
        segments: Array.from(w.segmentsById.values(), s => ({
          id: s.id, name: s.name, analytics_tracking_enabled: s.analyticsTrackingEnabled, archived: s.archived,
        })),
        events: w.events.map(e => ({ name: e.name })),
        products: w.products.map(p => ({ name: p.name, price: p.priceCents / 100 })),
        attributes: w.attributes.map(a => ({ name: a.name, data_type: a.dataType })),
        campaigns: w.campaigns.map(c => ({ id: c.id, name: c.name, channels: [...c.channels], archived: c.archived, send_ids: [...c.sendIds] })),
        canvases: w.canvases.map(c => ({ id: c.id, name: c.name, archived: c.archived, variants: c.variants.map(v => ({ id: v.id, name: v.name })) })),
      })),
      keys: world.keys.map(key => ({
        name: key.name,
        workspace_id: key.workspace.id,
        permissions: [...key.permissions],
        ...keyText(key),
      })),
      endpoints: this.#endpoints.map(endpoint => ({ ...endpoint })),
    }
  }

  reset (): { status: 'reset' } {
    this.#emulator.reset()
    return { status: 'reset' }
  }

  clock (): ClockView {
    const { mode, now, offsetMs } = this.#emulator.clock.state()
    return { mode, now: new Date(now).toISOString(), offset_ms: offsetMs }
  }

  pinClock ({ at }: PinClockBody): ClockView {
    const instant = typeof at === 'number' ? at : parseInstant(at) ?? rejected(`at must be an ISO 8601 instant (got ${JSON.stringify(at)})`)
    this.#emulator.clock.pin(withinClockRange('at', instant))
    return this.clock()
  }

  advanceClock ({ by }: { by: string | number }): ClockView {
    const ms = typeof by === 'number' ? by : durationMs(by)
    withinClockRange('by', this.#emulator.clock.now() + ms)
    this.#emulator.clock.advance(ms)
    return this.clock()
  }

  releaseClock (): ClockView {
    this.#emulator.clock.release()
    return this.clock()
  }

  journal (query: JournalQuery = {}): JournalView {
    const { journal } = this.#emulator
    const instant = (name: string, text: string | undefined) =>
      text === undefined ? undefined : parseInstant(text) ?? rejected(`${name} must be an ISO 8601 instant`)
    let entries = journal.list({
      path: query.path,
      status: query.status === undefined ? undefined : Number(query.status),
      since: instant('since', query.since),
      until: instant('until', query.until),
    })
    if (query.limit !== undefined) entries = entries.slice(Math.max(0, entries.length - Number(query.limit)))
    return { entries, size: journal.size, capacity: journal.capacity, dropped: journal.dropped }
  }

  clearJournal (): { status: 'cleared' } {
    this.#emulator.journal.clear()
    return { status: 'cleared' }
  }

  addFault (body: FaultRuleBody): FaultRule {
    if (isEmulatorPath(body.path)) rejected('path: faults apply to Braze paths, not to the emulator\'s own /_mock/ paths')
    // A rule no request can match (a typo such as /segment/list) would be accepted and never fire.
    if (body.path !== '*' && !this.#brazePaths.includes(withoutTrailingSlash(body.path))) {
      rejected(`path: no Braze route serves ${JSON.stringify(body.path)}; a rule may match *, ${this.#brazePaths.join(', ')}`)
    }
    const { effect } = body
    if (effect.type === 'latency' && 'min_ms' in effect && effect.min_ms > effect.max_ms) {
      rejected('effect: min_ms must not exceed max_ms')
    }
    return this.#emulator.faults.add(body)
  }

  faults (): { faults: FaultRule[] } {
    return { faults: this.#emulator.faults.list() }
  }

  removeFault (id: string): boolean {
    return this.#emulator.faults.remove(id)
  }

  clearFaults (): { status: 'cleared' } {
    this.#emulator.faults.clear()
    return { status: 'cleared' }
  }

  /**
   * Sets one override per bucket in `values`; all are checked before any is set. A bucket before the entity
   * existed is refused (its series reads 0 there whatever is set), and so is a day whose hour overrides
   * cannot agree with its day override: the day override fixes the total and the hour overrides fix their
   * hours, so the hour overrides may not sum past it, nor fill every hour of the day with another sum.
   */
  setOverrides (body: OverrideBody): { overrides: OverrideView[] } {
    const named = ENTITY_KINDS.filter(kind => body[ENTITY_PARAMETERS[kind]] !== undefined)
    if (named.length !== 1) rejected(`give exactly one of ${Object.values(ENTITY_PARAMETERS).join(', ')}`)
    const unit = body.unit ?? 'day'
    const entity = named[0]!
    const id = body[ENTITY_PARAMETERS[entity]]!
    const metric = this.#metricOf(entity, body.metric ?? DEFAULT_METRICS[entity])
    if (unit === 'hour' && !metric.hours) {
      const hourly = [...new Set(this.#metrics.filter(m => m.hours).map(m => `${m.entity}s`))].join(', ')
      rejected(`unit: a${/^[aeiou]/.test(entity) ? 'n' : ''} ${entity}'s ${metric.id} is daily; hour overrides are for ${hourly}`)
    }
    const { workspace, createdAt } = this.#entityOf(entity, id)
    const inputs = Object.entries(body.values).map(([time, value]) => {
      const bucket = bucketOf(workspace, unit, time)
      const day = workspace.calendar.day(bucket.dayIndex)
      const end = bucket.hour === undefined ? day.end : day.hourEnd(bucket.hour)
      if (end <= createdAt) {
        rejected(`values: ${time} is before ${entity} ${JSON.stringify(id)} existed (created ${new Date(createdAt).toISOString()}); ` +
          'its series reads 0 there whatever is set')
      }
      return { entity, id, metric: metric.id, unit, time, value, ...bucket } as const
    })
    if (metric.hours) this.#checkDaysAgree(workspace, [...this.#emulator.overrides.list(), ...inputs].filter(o => o.id === id && o.metric === metric.id))
    return { overrides: inputs.map(input => view(this.#emulator.overrides.set(input))) }
  }

  /** Each day's hour overrides against its day override, once `overrides` (later ones win) are all set. */
  #checkDaysAgree (workspace: Workspace, overrides: ReadonlyArray<Omit<Override, 'override_id'>>): void {
    const days = new Map<number, { day?: number, hours: Map<number, number> }>()
    for (const o of overrides) {
      let slot = days.get(o.dayIndex)
      if (slot === undefined) days.set(o.dayIndex, slot = { hours: new Map() })
      if (o.unit === 'day') slot.day = o.value
      else slot.hours.set(o.hour!, o.value)
    }
    for (const [dayIndex, { day, hours }] of days) {
      if (day === undefined || hours.size === 0) continue
      let sum = 0
      for (const value of hours.values()) sum += value
      const full = hours.size === workspace.calendar.day(dayIndex).hours
      if (sum > day || (full && sum !== day)) {
        rejected(`values: the hour overrides of ${workspace.calendar.day(dayIndex).date} sum to ${sum}, which its day override of ` +
          `${day} cannot hold (a day override fixes the day's total; hour overrides fix their hours and the other hours share the rest)`)
      }
    }
  }

  overrides (): { overrides: OverrideView[] } {
    return { overrides: this.#emulator.overrides.list().map(view) }
  }

  removeOverride (id: string): boolean {
    return this.#emulator.overrides.remove(id)
  }

  clearOverrides (): { status: 'cleared' } {
    this.#emulator.overrides.clear()
    return { status: 'cleared' }
  }

  async reload (): Promise<ReloadView> {
    try {
      const world = await this.#emulator.reload()
      let apps = 0
      let segments = 0
      for (const w of world.workspaces) {
        apps += w.apps.length
        segments += w.segmentsById.size
      }
      return { status: 'reloaded', workspaces: world.workspaces.length, apps, segments, api_keys: world.keys.length }
    } catch (error) {
      if (error instanceof FixtureError) throw new FixturesRejected(error.message)
      throw error
    }
  }

  #metricOf (entity: EntityKind, id: string): Metric {
    const metric = this.#metrics.find(m => m.id === id && m.entity === entity)
    if (metric !== undefined) return metric
    const served = this.#metrics.filter(m => m.entity === entity).map(m => m.id)
    return rejected(`metric: ${entity}s have ${served.join(', ')} (got ${JSON.stringify(id)})`)
  }

  /** The entity's workspace and creation instant: overrides before it are refused. */
  #entityOf (entity: EntityKind, id: string): { workspace: Workspace, createdAt: number } {
    for (const workspace of this.#emulator.world.workspaces) {
      const found = entity === 'app'
        ? workspace.appsById.get(id)
        : entity === 'segment' ? workspace.segmentsById.get(id) : entity === 'campaign' ? workspace.campaignsById.get(id) : workspace.canvasesById.get(id)
      if (found !== undefined) return { workspace, createdAt: found.createdAt }
    }
    return rejected(`${ENTITY_PARAMETERS[entity]}: no ${entity} ${JSON.stringify(id)} in the fixtures`)
  }
}

/** The metric a body without one sets: what an app's or a segment's override meant before metrics had names. */
const DEFAULT_METRICS: Record<EntityKind, string> = { app: 'sessions', segment: 'size', campaign: 'sends', canvas: 'entries' }
const ENTITY_KINDS = Object.keys(ENTITY_PARAMETERS) as EntityKind[]

function rejected (message: string): never {
  throw new ControlRejected(message)
}

/** The clock stays where every date renders as YYYY-MM-DD: a clock outside it would break every answer. */
function withinClockRange (name: string, instant: number): number {
  if (!inInstantRange(instant)) rejected(`${name}: the clock must stay ${INSTANT_RANGE.text}`)
  return instant
}

function durationMs (text: string): number {
  const duration = Duration.fromISO(text)
  if (!duration.isValid) rejected(`by must be an ISO 8601 duration such as PT1H30M, or milliseconds (got ${JSON.stringify(text)})`)
  return Math.round(duration.toMillis()) // the clock counts whole milliseconds (PT0.0001S is 0)
}

/** Places a bucket named by the caller: a date for days, any instant inside the hour for hours. */
function bucketOf (workspace: Workspace, unit: 'day' | 'hour', time: string): { dayIndex: number, hour?: number } {
  const instant = parseEndingAt(time, workspace.calendar)
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(time)
  if (instant === undefined || isDate !== (unit === 'day')) {
    rejected(unit === 'day'
      ? `values: day buckets are dates, YYYY-MM-DD (got ${JSON.stringify(time)})`
      : `values: hour buckets are ISO 8601 instants, e.g. 2026-11-20T14:00:00Z (got ${JSON.stringify(time)})`)
  }
  const day = workspace.calendar.dayContaining(instant!)
  if (unit === 'day' && day.date !== time) {
    // A date the zone skipped (Pacific/Apia, 2011-12-30) starts where the next day does: refused, rather
    // than set on a day the caller did not name.
    rejected(`values: ${time} does not exist in ${workspace.calendar.name}, which skipped it`)
  }
  return unit === 'day' ? { dayIndex: day.index } : { dayIndex: day.index, hour: Math.floor((instant! - day.start) / HOUR_MS) }
}

function view ({ override_id: overrideId, entity, id, metric, unit, time, value }: Override): OverrideView {
  return { override_id: overrideId, entity, id, metric, unit, time, value }
}
