// Resolves a validated fixture set into the World that requests read: references checked, instants parsed,
// generated entities added, lookups indexed and listings sorted, all once per (re)load.
import { createHash } from 'node:crypto'
import { hashString, mix } from './hash.js'
import { ALL_PERMISSIONS, type AppFixture, type SegmentFixture, type WorkspaceFixture } from './fixture-schema.js'
import { parseInstant } from './instant.js'
import { FixtureError, type LoadedFixtures } from './load-fixtures.js'
import { generatedAttributes, generatedEvents, generatedProducts, nameSource as names, type NameSource } from './names.js'
import { DEFAULT_RETENTION, type RetentionProfile, type SegmentDefinition } from './population/index.js'
import { RetentionCurve } from './population/retention.js'
import { byCreation, campaignFrom, canvasFrom, type MessagingContext } from './messaging.js'
import { generatedMessaging } from './generated-messaging.js'
import { POOL_NAMES, POOLS, type PoolName } from './pools.js'
import { RandomStream } from './random-stream.js'
import { describeSegment, GENERATED_SINCE, GENERATED_UNTIL, SegmentCatalog } from './segment-catalog.js'
import type { ApiKey, App, Campaign, Canvas, CustomAttribute, CustomEvent, Product, Segment, Workspace, World } from './world.js'
import { isValidTimeZone, ZoneCalendar } from './zone-calendar.js'

export interface WorldOptions {
  /** A key with every permission in the first workspace (BRAZE_MOCK_API_KEY); replaces a fixture key equal to it. */
  readonly extraApiKey?: string | undefined
  /**
   * The permissions the emulator serves (one per endpoint): a key naming another is a fixture error, and "*"
   * stands for all of them. Left out, any name is taken as it is.
   */
  readonly permissions?: readonly string[] | undefined
  /** Where calendars are kept between loads; a fresh one per load when left out. */
  readonly calendars?: Map<string, ZoneCalendar> | undefined
}

const DAY_MS = 86_400_000
const PLATFORMS = ['ios', 'android', 'web', 'ios', 'android', 'tvos', 'windows', 'macos'] as const

/**
 * A key a client can send: `Authorization: Bearer <key>` carries Latin-1 text, and the access hook trims
 * the value, so a key with a control character, a character past U+00FF, or whitespace at either end can
 * never match. Such a key is a fixture mistake, reported at start rather than as a 401 in every request.
 */
export const SENDABLE_KEY = /^[\x21-\x7e\xa1-\xff](?:[\x20-\x7e\xa0-\xff]*[\x21-\x7e\xa1-\xff])?$/
export const UNSENDABLE_KEY = 'cannot be sent in an Authorization header: use printable Latin-1 characters, with no whitespace at either end'

/**
 * Calendars are pure and their caches costly to warm, so every workspace in the zone shares one, and an
 * emulator hands the same map to each reload (they belong to it, not to the process).
 */
function calendarFor (calendars: Map<string, ZoneCalendar>, zone: string): ZoneCalendar {
  let calendar = calendars.get(zone)
  if (calendar === undefined) {
    calendar = new ZoneCalendar(zone)
    calendars.set(zone, calendar)
  }
  return calendar
}

export async function buildWorld (loaded: LoadedFixtures, options: WorldOptions = {}): Promise<World> {
  const { set, locate } = loaded
  const fail = (part: Parameters<typeof locate>[0], pointer: string, reason: string): never => {
    const { file, path } = locate(part, pointer)
    throw new FixtureError(file, path, reason)
  }
  const instant = (part: Parameters<typeof locate>[0], pointer: string, text: string): number =>
    parseInstant(text) ?? fail(part, pointer, `must be an ISO 8601 date-time (got ${JSON.stringify(text)})`)

  interface Draft {
    fixture: WorkspaceFixture
    key: number
    calendar: ZoneCalendar
    apps: App[]
    /** The fixtures' segments; `catalog` adds the generated ones once these are all known. */
    segments: Segment[]
    catalog?: SegmentCatalog
    events: CustomEvent[]
    products: Product[]
    attributes: CustomAttribute[]
    campaigns: Campaign[]
    canvases: Canvas[]
  }
  const calendars = options.calendars ?? new Map<string, ZoneCalendar>()
  const drafts = new Map<string, Draft>()
  set.workspaces.forEach((fixture, i) => {
    if (drafts.has(fixture.id)) fail('workspaces', `/${i}/id`, `duplicate workspace id ${JSON.stringify(fixture.id)}`)
    if (!isValidTimeZone(fixture.time_zone)) {
      fail('workspaces', `/${i}/time_zone`, `unknown IANA time zone ${JSON.stringify(fixture.time_zone)}`)
    }
    drafts.set(fixture.id, {
      fixture,
      key: hashString(fixture.id),
      calendar: calendarFor(calendars, fixture.time_zone),
      apps: [],
      segments: [],
      events: [],
      products: [],
      attributes: [],
      campaigns: [],
      canvases: [],
    })
  })
  const draftOf = (part: 'apps' | 'segments' | 'api_keys' | 'events' | 'products' | 'custom_attributes' | 'campaigns' | 'canvases', i: number, id: string): Draft =>
    drafts.get(id) ?? fail(part, `/${i}/workspace_id`, `no workspace ${JSON.stringify(id)} in the workspaces`)

  const appIds = new Set<string>()
  set.apps.forEach((fixture, i) => {
    if (appIds.has(fixture.id)) fail('apps', `/${i}/id`, `duplicate app id ${JSON.stringify(fixture.id)}`)
    appIds.add(fixture.id)
    const draft = draftOf('apps', i, fixture.workspace_id)
    draft.apps.push(appFrom(fixture, draft, instant('apps', `/${i}/created_at`, fixture.created_at), names))
  })

  for (const draft of drafts.values()) {
    const generate = draft.fixture.generate
    for (let i = 0; i < (generate?.apps ?? 0); i++) draft.apps.push(generatedApp(generate!.seed, draft, i, names))
  }

  const segmentIds = new Set<string>()
  set.segments.forEach((fixture, i) => {
    if (segmentIds.has(fixture.id)) fail('segments', `/${i}/id`, `duplicate segment id ${JSON.stringify(fixture.id)}`)
    segmentIds.add(fixture.id)
    const draft = draftOf('segments', i, fixture.workspace_id)
    const createdAt = instant('segments', `/${i}/created_at`, fixture.created_at)
    const updatedAt = fixture.updated_at === undefined ? createdAt : instant('segments', `/${i}/updated_at`, fixture.updated_at)
    if (updatedAt < createdAt) fail('segments', `/${i}/updated_at`, 'is before created_at')
    const audience = audienceOf(fixture, draft.apps, draft.fixture.population,
      (id) => fail('segments', `/${i}/audience/app_id`, `no app ${JSON.stringify(id)} in workspace ${JSON.stringify(draft.fixture.id)}`))
    draft.segments.push(segmentFrom(fixture, draft.key, createdAt, updatedAt, audience, names))
  })

  // Catalogs: names are unique within a workspace (they are how clients ask), apps must be the workspace's own.
  const named = new Map<string, Set<string>>()
  const uniqueName = (part: 'events' | 'products' | 'custom_attributes', i: number, workspaceId: string, name: string): void => {
    const key = `${part}\u0000${workspaceId}`
    let names = named.get(key)
    if (names === undefined) named.set(key, names = new Set())
    if (names.has(name)) fail(part, `/${i}/name`, `duplicate name ${JSON.stringify(name)} in workspace ${JSON.stringify(workspaceId)}`)
    names.add(name)
  }
  const appsOf = (part: 'events' | 'products', i: number, draft: Draft, ids: readonly string[] | undefined): App[] =>
    ids === undefined
      ? draft.apps
      : ids.map((id, j) => draft.apps.find(app => app.id === id) ??
        fail(part, `/${i}/apps/${j}`, `no app ${JSON.stringify(id)} in workspace ${JSON.stringify(draft.fixture.id)}`))
  set.events.forEach((fixture, i) => {
    const draft = draftOf('events', i, fixture.workspace_id)
    uniqueName('events', i, fixture.workspace_id, fixture.name)
    draft.events.push({
      name: fixture.name,
      description: fixture.description,
      tags: fixture.tags,
      status: fixture.status,
      includedInAnalyticsReport: fixture.included_in_analytics_report,
      rate: fixture.rate,
      apps: appsOf('events', i, draft, fixture.apps),
      key: mix(draft.key, hashString(fixture.name)),
    })
  })
  set.products.forEach((fixture, i) => {
    const draft = draftOf('products', i, fixture.workspace_id)
    uniqueName('products', i, fixture.workspace_id, fixture.name)
    draft.products.push({
      name: fixture.name,
      priceCents: Math.round(fixture.price * 100),
      rate: fixture.rate,
      apps: appsOf('products', i, draft, fixture.apps),
      key: mix(draft.key, hashString(fixture.name)),
    })
  })
  set.custom_attributes.forEach((fixture, i) => {
    const draft = draftOf('custom_attributes', i, fixture.workspace_id)
    uniqueName('custom_attributes', i, fixture.workspace_id, fixture.name)
    draft.attributes.push({
      name: fixture.name,
      dataType: fixture.data_type,
      arrayLength: fixture.array_length,
      description: fixture.description,
      status: fixture.status,
      tags: fixture.tags,
    })
  })

  for (const draft of drafts.values()) {
    const generate = draft.fixture.generate
    const { industry } = draft.fixture
    draft.catalog = new SegmentCatalog(draft.segments, generate === undefined
      ? undefined
      : { seed: generate.seed, workspaceKey: draft.key, industry, count: generate.segments })
    if (generate === undefined) continue
    // Generated catalogs: named for the industry, never a name the fixtures already use, logged in every app.
    const seed = [generate.seed, draft.key]
    const taken = (items: ReadonlyArray<{ name: string }>) => new Set(items.map(item => item.name))
    for (const event of generatedEvents(seed, industry, generate.events, taken(draft.events))) {
      // Field by field, in the fixtures' order: an object spread gave each event a hidden class of its own
      // (BENCHMARKS.md, eighth pass).
      draft.events.push({
        name: event.name,
        description: event.description,
        tags: event.tags,
        status: 'Active',
        includedInAnalyticsReport: false,
        rate: event.rate,
        apps: draft.apps,
        key: mix(draft.key, hashString(event.name)),
      })
    }
    for (const product of generatedProducts(seed, industry, generate.products, taken(draft.products))) {
      draft.products.push({
        name: product.name,
        priceCents: Math.round(product.price * 100),
        rate: product.rate,
        apps: draft.apps,
        key: mix(draft.key, hashString(product.name)),
      })
    }
    for (const attribute of generatedAttributes(seed, industry, generate.attributes, taken(draft.attributes))) {
      draft.attributes.push({
        name: attribute.name,
        dataType: attribute.data_type,
        arrayLength: attribute.array_length,
        description: attribute.description,
        status: 'Active',
        tags: attribute.tags,
      })
    }
  }

  // Campaigns and Canvases, after every segment, event and product they may name is known. Ids are unique
  // across both: a list's id resolves in one details endpoint only.
  const messagingIds = new Set<string>()
  const lookups = new Map<Draft, Pick<MessagingContext, 'segments' | 'events' | 'products'>>()
  const lookupsOf = (draft: Draft) => {
    let found = lookups.get(draft)
    if (found === undefined) {
      found = {
        segments: draft.catalog!,
        events: new Set(draft.events.map(e => e.name)),
        products: new Set(draft.products.map(p => p.name)),
      }
      lookups.set(draft, found)
    }
    return found
  }
  const contextOf = (part: 'campaigns' | 'canvases', i: number, draft: Draft): MessagingContext => ({
    ...lookupsOf(draft),
    workspaceId: draft.fixture.id,
    workspaceKey: draft.key,
    apps: draft.apps,
    fail: (pointer, reason) => fail(part, `/${i}${pointer}`, reason),
    instant: (pointer, text) => instant(part, `/${i}${pointer}`, text),
  })
  const messaging = <F extends { id: string, workspace_id: string }>(part: 'campaigns' | 'canvases', fixtures: readonly F[],
    add: (fixture: F, draft: Draft, context: MessagingContext) => void): void => {
    fixtures.forEach((fixture, i) => {
      if (messagingIds.has(fixture.id)) fail(part, `/${i}/id`, `duplicate campaign or Canvas id ${JSON.stringify(fixture.id)}`)
      messagingIds.add(fixture.id)
      const draft = draftOf(part, i, fixture.workspace_id)
      add(fixture, draft, contextOf(part, i, draft))
    })
  }
  messaging('campaigns', set.campaigns, (fixture, draft, context) => draft.campaigns.push(campaignFrom(fixture, context)))
  messaging('canvases', set.canvases, (fixture, draft, context) => draft.canvases.push(canvasFrom(fixture, context)))
  // Generated ones beside them (src/world/generated-messaging.ts), named unlike any of the fixtures'.
  for (const [i, draft] of [...drafts.values()].entries()) {
    const generate = draft.fixture.generate
    if (generate === undefined || generate.campaigns + generate.canvases === 0) continue
    const { fixture } = draft
    const generated = generatedMessaging({
      seed: generate.seed,
      campaigns: generate.campaigns,
      canvases: generate.canvases,
      workspace: {
        id: fixture.id,
        key: draft.key,
        name: fixture.name,
        industry: fixture.industry,
        apps: draft.apps,
        segments: draft.catalog!,
        events: draft.events,
        products: draft.products,
      },
      taken: { campaigns: new Set(draft.campaigns.map(c => c.name)), canvases: new Set(draft.canvases.map(c => c.name)) },
      since: GENERATED_SINCE,
      until: GENERATED_UNTIL,
    })
    const add = <T extends { id: string }>(items: readonly T[], to: T[]): void => {
      for (const item of items) {
        if (messagingIds.has(item.id)) {
          fail('workspaces', `/${i}/generate/seed`, `generates the id ${JSON.stringify(item.id)}, which a fixture campaign or Canvas has: pick another seed`)
        }
        messagingIds.add(item.id)
        to.push(item)
      }
    }
    add(generated.campaigns, draft.campaigns)
    add(generated.canvases, draft.canvases)
  }

  const workspaces = new Map<string, Workspace>()
  for (const [i, { fixture, calendar, apps, catalog, events, products, attributes, campaigns, canvases }] of [...drafts.values()].entries()) {
    events.sort(byName)
    products.sort(byName)
    attributes.sort(byName)
    campaigns.sort(byCreation)
    canvases.sort(byCreation)
    workspaces.set(fixture.id, {
      id: fixture.id,
      name: fixture.name,
      calendar,
      rateLimits: rateLimitsOf(fixture, (pointer, reason) => fail('workspaces', `/${i}${pointer}`, reason)),
      population: fixture.population,
      nonAnalyticsSegmentSessions: fixture.non_analytics_segment_sessions,
      apps,
      appsById: byId(apps),
      segmentsById: catalog!,
      listedSegments: catalog!.listed,
      industry: fixture.industry,
      overlap: fixture.overlap,
      emptySeries: fixture.empty_series,
      events,
      eventsByName: new Map(events.map(e => [e.name, e])),
      recordedEvents: events.filter(e => e.rate > 0 && e.apps.length > 0),
      products,
      productsByName: new Map(products.map(p => [p.name, p])),
      purchasedProducts: products.filter(p => p.rate > 0 && p.apps.length > 0),
      attributes,
      campaigns,
      campaignsById: byId(campaigns),
      canvases,
      canvasesById: byId(canvases),
    })
  }

  const keys = new Map<string, ApiKey>()
  set.api_keys.forEach((fixture, i) => {
    if (keys.has(fixture.key)) fail('api_keys', `/${i}/key`, 'duplicate key')
    if (!SENDABLE_KEY.test(fixture.key)) fail('api_keys', `/${i}/key`, UNSENDABLE_KEY)
    draftOf('api_keys', i, fixture.workspace_id)
    keys.set(fixture.key, {
      name: fixture.name,
      workspace: workspaces.get(fixture.workspace_id)!,
      permissions: permissionsOf(fixture.permissions, options.permissions,
        (j, reason) => fail('api_keys', `/${i}/permissions/${j}`, reason)),
      digest: digestOf(fixture.key),
      key: fixture.key,
      extra: false,
    })
  })
  if (options.extraApiKey !== undefined) {
    keys.set(options.extraApiKey, {
      name: 'BRAZE_MOCK_API_KEY',
      workspace: workspaces.get(set.workspaces[0]!.id)!,
      permissions: permissionsOf([ALL_PERMISSIONS], options.permissions, () => { throw new Error('unreachable: "*" is always known') }),
      digest: digestOf(options.extraApiKey),
      key: options.extraApiKey,
      extra: true,
    })
  }

  const now = set.emulator?.now
  return {
    workspaces: [...workspaces.values()],
    keys: [...keys.values()],
    settings: {
      ...(now === undefined ? {} : { now: instant('emulator', '/now', now) }),
      ...(set.emulator?.seed === undefined ? {} : { seed: set.emulator.seed }),
    },
  }
}

/** Alphabetical in code-unit order: the same on every machine, whatever its locale. */
function byName (a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

/** Each pool's limit: rate_limits by pool, rate_limit for the default pool, else the pool's own. */
function rateLimitsOf (fixture: WorkspaceFixture, fail: (pointer: string, reason: string) => never): Record<PoolName, number> {
  const set = fixture.rate_limits ?? {}
  if (fixture.rate_limit !== undefined && set.default !== undefined && set.default !== fixture.rate_limit) {
    fail('/rate_limit', 'and rate_limits.default both set the default pool, to different limits: keep one')
  }
  const limits = {} as Record<PoolName, number>
  for (const name of POOL_NAMES) limits[name] = set[name] ?? (name === 'default' ? fixture.rate_limit : undefined) ?? POOLS[name].limit
  return limits
}

/** A key's permissions: known names only (where the emulator says which it knows), "*" for all of them. */
function permissionsOf (names: readonly string[], known: readonly string[] | undefined,
  fail: (index: number, reason: string) => never): ReadonlySet<string> {
  const granted = new Set<string>()
  names.forEach((name, j) => {
    if (name === ALL_PERMISSIONS) {
      for (const permission of known ?? [ALL_PERMISSIONS]) granted.add(permission)
    } else if (known !== undefined && !known.includes(name)) {
      fail(j, `must be one of: ${[ALL_PERMISSIONS, ...known].join(', ')} (got ${JSON.stringify(name)})`)
    } else {
      granted.add(name)
    }
  })
  return granted
}

export function digestOf (key: string): Buffer {
  return createHash('sha256').update(key).digest()
}

function appFrom (fixture: AppFixture, draft: { key: number, calendar: ZoneCalendar }, createdAt: number, names: NameSource): App {
  const key = mix(draft.key, hashString(fixture.id))
  const { series } = fixture
  const retention = { ...series.retention }
  return {
    id: fixture.id,
    name: fixture.name ?? names.appName([key], fixture.platform),
    platform: fixture.platform,
    createdAt,
    key,
    activity: {
      get launchDay () { return launchDayOf(draft.calendar, createdAt) },
      arrivals: series.new_users ?? arrivalsFor(series.daily_sessions, series.sessions_per_user, retention),
      growth: series.growth,
      weekly: series.weekly,
      peakWeekday: series.peak_weekday,
      noise: series.noise,
      sessionsPerUser: series.sessions_per_user,
      peakHour: series.peak_hour,
      retention,
    },
  }
}

/**
 * The first whole local day an app has users: the day it was created when that starts at its midnight, else
 * the next. Its creation day then reads 0 in every hour, so no series needs to cut a day at the instant of
 * creation, and the launch ramp starts on a whole day. Apps read it when a series first needs their
 * population, not at load: a zone's first offset look-up loads ICU's data (about 20 ms of a cold start
 * here), which a start then spends only if it is asked about a zone other than UTC. The calendar caches
 * its days, so a second read costs a look-up.
 */
function launchDayOf (calendar: ZoneCalendar, createdAt: number): number {
  const day = calendar.dayContaining(createdAt)
  return createdAt <= day.start ? day.index : day.index + 1
}

/**
 * New users a day that give about `dailySessions` sessions a day once the app is mature: each arrival is
 * active Σ r(k) days over its life (r: the retention curve) and opens `sessionsPerUser` sessions on each.
 * Fixtures written before the simulation (daily_sessions alone) keep their scale this way.
 */
function arrivalsFor (dailySessions: number, sessionsPerUser: number, retention: RetentionProfile): number {
  let activeDays = 0
  for (const share of new RetentionCurve(retention).active) activeDays += share
  return Math.round(dailySessions / (sessionsPerUser * activeDays))
}

/**
 * A segment's audience: as its fixture says, with an app named by id resolved to its key; a segment written
 * before audiences existed is a trait share of all users, its typical size over the workspace's population.
 */
function audienceOf (fixture: SegmentFixture, apps: readonly App[], population: number,
  unknownApp: (id: string) => never): SegmentDefinition {
  const audience = fixture.audience
  if (audience === undefined) return { kind: 'trait', share: Math.min(1, fixture.series.size / population), drift: 0.05 }
  if (audience.kind !== 'app') return audience
  const app = apps.find(a => a.id === audience.app_id) ?? unknownApp(audience.app_id)
  return { kind: 'app', appKey: app.key }
}

function segmentFrom (fixture: SegmentFixture, workspaceKey: number, createdAt: number, updatedAt: number,
  audience: SegmentDefinition, names: NameSource): Segment {
  const key = mix(workspaceKey, hashString(fixture.id))
  const name = fixture.name ?? names.segmentName([key])
  return {
    id: fixture.id,
    name,
    description: fixture.description,
    textDescription: fixture.text_description ?? describeSegment(name),
    tags: fixture.tags ?? names.segmentTags([key]),
    teams: fixture.teams,
    createdAt,
    updatedAt,
    analyticsTrackingEnabled: fixture.analytics_tracking_enabled,
    archived: fixture.archived,
    key,
    audience,
  }
}

function generatedApp (seed: number, draft: { key: number, calendar: ZoneCalendar, fixture: WorkspaceFixture }, index: number,
  names: NameSource): App {
  const random = new RandomStream([seed, draft.key, 1, index])
  const id = random.uuid()
  const platform = PLATFORMS[index % PLATFORMS.length]!
  const key = mix(draft.key, hashString(id))
  const createdAt = GENERATED_SINCE + random.int(0, (GENERATED_UNTIL - GENERATED_SINCE) / DAY_MS / 2) * DAY_MS
  const dailySessions = Math.round(random.logUniform(2_000, Math.max(2_001, draft.fixture.population / 5)))
  const growth = -0.1 + random.next() * 0.6
  const weekly = 0.05 + random.next() * 0.2
  const peakWeekday = random.int(0, 6)
  const peakHour = random.int(7, 22)
  const noise = 0.02 + random.next() * 0.05
  const sessionsPerUser = 1.5 + random.next() * 2
  const retention = { ...DEFAULT_RETENTION, day1: 0.2 + random.next() * 0.2, spread: 0.2 + random.next() * 0.3 }
  return {
    id,
    name: names.appName([seed, draft.key, 1, index], platform),
    platform,
    createdAt,
    key,
    activity: {
      get launchDay () { return launchDayOf(draft.calendar, createdAt) },
      arrivals: arrivalsFor(dailySessions, sessionsPerUser, retention),
      growth,
      weekly,
      peakWeekday,
      noise,
      sessionsPerUser,
      peakHour,
      retention,
    },
  }
}

/**
 * Items by id. Written as a loop: `new Map(items.map(…))` made a pair array per item, 100,000 of them for a
 * large workspace's segments, all garbage at once during the start.
 */
function byId<T extends { id: string }> (items: readonly T[]): Map<string, T> {
  const found = new Map<string, T>()
  for (const item of items) found.set(item.id, item)
  return found
}
