// Generated campaigns and Canvases (a workspace's generate.campaigns and generate.canvases), for paging tests
// and the large-workspace benchmark. Each is the fixture a person could have written, named for the industry
// (messaging-names.ts) and resolved by the same campaignFrom and canvasFrom as campaigns.json and canvases.json,
// so the same checks hold (BRAZE-EXPORT.md sections 3.6, 3.7 and rules 13 and 17). What the lists read (id,
// name, tags, dates, state) is drawn at load; the rest of the fixture (messages, audience, conversion
// behaviours, steps) is drawn and resolved on first read, as GeneratedSegment does: 10,000 campaigns and 1,000
// Canvases add about 0.1 s to a cold start (bench/load-time.ts), and only those a client opens cost more.
import { hashString, mix } from './hash.js'
import {
  CHANNELS, type CampaignFixture, type CanvasFixture, type CanvasStepFixture, type Channel, type ConversionBehaviorFixture,
  type Industry, type MessageFixture,
} from './fixture-schema.js'
import { parseInstant } from './instant.js'
import { campaignFrom, canvasFrom, type MessagingContext } from './messaging.js'
import {
  generatedCampaignNames, generatedCanvasNames, pitchesOf, questionsOf, SEASON_LEAD_DAYS, seasonStart, type ChannelKind, type NamedCampaign,
  type NamedCanvas, type Season,
} from './messaging-names.js'
import { RandomStream } from './random-stream.js'
import type { App, Campaign, Canvas, CanvasStep, ConversionBehavior, CustomEvent, Message, Product, Segment } from './world.js'

/** The workspace, as generation sees it once its apps, segments and catalogs are known. */
export interface MessagingWorkspace {
  readonly id: string
  readonly key: number
  readonly name: string
  readonly industry: Industry
  readonly apps: readonly App[]
  /** Its segments in the order they were added (src/world/segment-catalog.ts), made as they are read. */
  readonly segments: { readonly size: number, added: (position: number) => Segment }
  readonly events: readonly CustomEvent[]
  readonly products: readonly Product[]
}

export interface MessagingGeneration {
  readonly seed: number
  readonly campaigns: number
  readonly canvases: number
  readonly workspace: MessagingWorkspace
  /** Names the workspace's fixtures already use: generated ones never repeat them. */
  readonly taken: { readonly campaigns: ReadonlySet<string>, readonly canvases: ReadonlySet<string> }
  /** Generated entities are created in [since, until), and not before the workspace's first app. */
  readonly since: number
  readonly until: number
}

const DAY_MS = 86_400_000
/**
 * The last instant a generated campaign sends, a Canvas takes entries or either is edited: a week before
 * 2026-11-23T12:00Z, the clock tests and the README's examples pin, so that nothing generated lies in the
 * future of a pinned clock or of real time.
 */
const ACTIVE_UNTIL = Date.UTC(2026, 10, 16)
// Each kind of generated entity draws from its own streams: [seed, workspace, kind, index, part]
// (build-world.ts uses kind 1 for apps and 2 for segments).
const KIND = { campaign: 3, canvas: 4, brand: 5 } as const
const PART = { multivariate: 0, messages: 1, audience: 2, conversions: 3 } as const
const TEAMS = ['Growth', 'CRM', 'Lifecycle', 'Product', 'Marketing']
const CONTROL_SHARES = [0.05, 0.1, 0.1, 0.1, 0.15, 0.2]
const WINDOWS = [3_600, 86_400, 172_800, 259_200, 604_800, 1_209_600, 2_592_000]
const IN_APP_TYPES = ['SLIDEUP', 'MODAL', 'FULL']
const CARD_TYPES = ['classic', 'captioned_image', 'banner']
const PHRASES = ['Welcome', 'Reminder', 'Nudge', 'Offer', 'Last chance', 'Follow-up', 'Tips', 'Check-in', 'Thank you', 'Reward']
/** The channel kinds a multichannel campaign or a Canvas step mixes. */
const MIXED: readonly ChannelKind[] = ['email', 'push', 'sms', 'in_app', 'card']
const KIND_WORDS: Readonly<Record<ChannelKind, { label: string, word: string }>> = {
  email: { label: 'Email', word: 'email' },
  push: { label: 'Push', word: 'push' },
  web_push: { label: 'Web push', word: 'web push' },
  in_app: { label: 'In-app', word: 'in-app message' },
  sms: { label: 'SMS', word: 'SMS' },
  webhook: { label: 'Webhook', word: 'webhook' },
  card: { label: 'Card', word: 'card' },
  multi: { label: 'Multichannel', word: 'message' },
}
const SINGLE: Readonly<Record<Exclude<ChannelKind, 'push' | 'multi'>, Channel>> = {
  email: 'email', web_push: 'web_push', in_app: 'in_app_message', sms: 'sms', webhook: 'webhook', card: 'content_cards',
}
const KIND_OF: Readonly<Record<Channel, ChannelKind>> = {
  email: 'email', ios_push: 'push', android_push: 'push', web_push: 'web_push', in_app_message: 'in_app', sms: 'sms', webhook: 'webhook', content_cards: 'card',
}

/** The workspace's generated campaigns and Canvases, in index order (build-world sorts them with the fixtures'). */
export function generatedMessaging (generation: MessagingGeneration): { campaigns: Campaign[], canvases: Canvas[] } {
  const { seed, workspace } = generation
  const pool = new Pool(generation)
  const names = [seed, workspace.key]
  return {
    campaigns: generatedCampaignNames(names, workspace.industry, generation.campaigns, generation.taken.campaigns, pool)
      .map((named, index) => new GeneratedCampaign(pool, named, index)),
    canvases: generatedCanvasNames(names, workspace.industry, generation.canvases, generation.taken.canvases, pool)
      .map((named, index) => new GeneratedCanvas(pool, named, index)),
  }
}

/** What every generated entity of a workspace draws from, gathered once. */
class Pool {
  readonly seed: number
  readonly workspace: MessagingWorkspace
  /** The earliest creation: the history's start, or the workspace's first app when later (not too near the end). */
  readonly since: number
  readonly until: number
  readonly apps: readonly App[]
  /**
   * The segments an audience is drawn from, in the order they were added (never the order of creation, which
   * the workspace's listing sorts them in), so that an audience does not depend on when it is first read.
   */
  readonly segments: MessagingWorkspace['segments']
  /** Events that occur and products bought (rules 11 and 12): what a conversion behaviour can name. */
  readonly events: readonly string[]
  readonly products: readonly string[]
  readonly brand: { readonly name: string, readonly domain: string, readonly scheme: string, readonly subscriptionGroup: string }
  readonly pitches: readonly string[]
  readonly questions: readonly string[]
  #eventNames: ReadonlySet<string> | undefined
  #productNames: ReadonlySet<string> | undefined

  constructor ({ seed, workspace, since, until }: MessagingGeneration) {
    this.seed = seed
    this.workspace = workspace
    const firstApp = workspace.apps.reduce((first, app) => Math.min(first, app.createdAt), Infinity)
    this.since = Math.min(Math.max(since, firstApp), until - 30 * DAY_MS)
    this.until = until
    this.apps = [...workspace.apps]
    this.segments = workspace.segments
    const byName = (a: string, b: string) => a < b ? -1 : a > b ? 1 : 0
    this.events = workspace.events.filter(e => e.rate > 0 && e.apps.length > 0).map(e => e.name).sort(byName)
    this.products = workspace.products.filter(p => p.rate > 0 && p.apps.length > 0).map(p => p.name).sort(byName)
    const word = workspace.name.split(/\s+/)[0]!.toLowerCase().replace(/[^a-z0-9]/g, '') || 'app'
    this.brand = {
      name: workspace.name,
      domain: `${word}.example`,
      scheme: word,
      subscriptionGroup: new RandomStream([seed, workspace.key, KIND.brand]).uuid(),
    }
    this.pitches = pitchesOf(workspace.industry)
    this.questions = questionsOf(workspace.industry)
  }

  get eventNames (): ReadonlySet<string> {
    this.#eventNames ??= new Set(this.events)
    return this.#eventNames
  }

  get productNames (): ReadonlySet<string> {
    this.#productNames ??= new Set(this.products)
    return this.#productNames
  }

  /** Entity `index` of a kind: its stream for `part` (undefined: the one drawn at load). */
  random (kind: number, index: number, part?: number): RandomStream {
    return new RandomStream(part === undefined ? [this.seed, this.workspace.key, kind, index] : [this.seed, this.workspace.key, kind, index, part])
  }

  /** An audience not archived that existed when the entity was created, or none (all users). */
  audience (random: RandomStream, createdAt: number): Segment | undefined {
    if (this.segments.size === 0 || !random.chance(0.85)) return undefined
    for (let attempt = 0; attempt < 4; attempt++) {
      const segment = this.segments.added(random.int(0, this.segments.size - 1))
      if (!segment.archived && segment.createdAt <= createdAt) return segment
    }
    return undefined
  }

  /** How campaignFrom and canvasFrom see the workspace: a generated fixture that fails them is a bug here. */
  context (what: string, id: string, segment: Segment | undefined): MessagingContext {
    const fail = (pointer: string, reason: string): never => {
      throw new Error(`generated ${what} ${id} at ${pointer}: ${reason}`)
    }
    return {
      workspaceId: this.workspace.id,
      workspaceKey: this.workspace.key,
      segments: new Map(segment === undefined ? [] : [[segment.id, segment]]),
      apps: this.apps,
      events: this.eventNames,
      products: this.productNames,
      fail,
      instant: (pointer, text) => parseInstant(text) ?? fail(pointer, `not an instant: ${text}`),
    }
  }
}

type State = 'running' | 'stopped' | 'archived' | 'draft'

/** Dates and state of a campaign or Canvas; instants in whole seconds, as the lists write them. */
interface Life {
  readonly state: State
  readonly createdAt: number
  readonly updatedAt: number
  readonly lastEdited: number
  /** First and last send (a campaign) or entry (a Canvas); none for a draft. */
  readonly first: number | undefined
  readonly last: number | undefined
}

function lifeOf (random: RandomStream, pool: Pool, season: Season | undefined): Life {
  const roll = random.next()
  // A dated campaign is over: stopped or archived. Others mostly still run.
  const state: State = season !== undefined
    ? (roll < 0.04 ? 'draft' : roll < 0.5 ? 'archived' : 'stopped')
    : (roll < 0.05 ? 'draft' : roll < 0.13 ? 'archived' : roll < 0.23 ? 'stopped' : 'running')
  const { since, until } = pool
  const between = (from: number, to: number, draw = random.next()) => seconds(from + draw * Math.max(0, to - from))
  let createdAt: number
  if (state === 'draft') {
    createdAt = between(Math.max(since, until - 180 * DAY_MS), until)
  } else if (season !== undefined) {
    const lead = SEASON_LEAD_DAYS.min + random.next() * (SEASON_LEAD_DAYS.max - SEASON_LEAD_DAYS.min)
    createdAt = seconds(Math.min(until - DAY_MS, Math.max(since, seasonStart(season) - lead * DAY_MS)))
  } else {
    createdAt = between(since, until)
  }
  if (state === 'draft') {
    const updatedAt = between(createdAt, ACTIVE_UNTIL, random.next() ** 2)
    return { state, createdAt, updatedAt, lastEdited: updatedAt, first: undefined, last: undefined }
  }
  const first = Math.min(ACTIVE_UNTIL, createdAt + seconds((season === undefined ? random.next() * 3 : 1 + random.next() * 20) * DAY_MS))
  const last = state === 'running'
    ? Math.max(first, ACTIVE_UNTIL - seconds(random.next() * 3 * DAY_MS))
    : season !== undefined
      ? Math.min(ACTIVE_UNTIL, first + seconds(random.next() * 10 * DAY_MS))
      : between(first, ACTIVE_UNTIL)
  // Stopping or archiving is an edit, after the last send; a running one was last edited any time since.
  const updatedAt = state === 'running'
    ? between(createdAt, ACTIVE_UNTIL, random.next() ** 2)
    : Math.min(ACTIVE_UNTIL, last + seconds(random.next() * 45 * DAY_MS))
  const lastEdited = random.chance(0.85) ? updatedAt : between(createdAt, updatedAt)
  return { state, createdAt, updatedAt, lastEdited, first, last }
}

function seconds (ms: number): number {
  return Math.floor(ms / 1000) * 1000
}

function iso (instant: number): string {
  return new Date(instant).toISOString().replace('.000Z', 'Z')
}

function oneOf<T> (random: RandomStream, list: readonly T[]): T {
  return list[random.int(0, list.length - 1)]!
}

/** `count` distinct items of `list`, in the list's order. */
function someOf<T> (random: RandomStream, list: readonly T[], count: number): T[] {
  const chosen = new Set<number>()
  while (chosen.size < Math.min(count, list.length)) chosen.add(random.int(0, list.length - 1))
  return [...chosen].sort((a, b) => a - b).map(i => list[i]!)
}

function slug (text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

/** The channels of a kind: push is iOS and Android mostly, one of them sometimes. */
function channelsOf (kind: ChannelKind, random: RandomStream): Channel[] {
  if (kind === 'push') {
    const roll = random.next()
    return roll < 0.7 ? ['ios_push', 'android_push'] : roll < 0.85 ? ['ios_push'] : ['android_push']
  }
  if (kind === 'multi') {
    const kinds = someOf(random, MIXED, random.int(2, 3))
    const channels = new Set(kinds.flatMap(k => channelsOf(k, random)))
    return CHANNELS.filter(c => channels.has(c))
  }
  return [SINGLE[kind]]
}

/** A message's fields on its channel, saying the topic and a line of the industry's (CHANNEL_FIELDS names them). */
function contentOf (channel: Channel, topic: string, pitch: string, pool: Pool, random: RandomStream): Record<string, unknown> {
  const { brand } = pool
  switch (channel) {
    case 'email':
      return {
        subject: topic,
        body: `<h1>${topic}</h1><p>${pitch}</p>`,
        from: `${brand.name} <hello@${brand.domain}>`,
        reply_to: `hello@${brand.domain}`,
        preheader: pitch,
      }
    case 'ios_push':
    case 'android_push':
    case 'web_push':
      return { alert: pitch, extras: { deep_link: `${brand.scheme}://${slug(topic)}` }, title: topic }
    case 'in_app_message':
      return { type: oneOf(random, IN_APP_TYPES), header: topic, message: pitch }
    case 'sms':
      return {
        body: `${brand.name}: ${pitch} Reply STOP to opt out.`,
        from: `+1555555${String(random.int(100, 9999)).padStart(4, '0')}`,
        subscription_group_id: brand.subscriptionGroup,
      }
    case 'webhook':
      return {
        url: `https://hooks.${brand.domain}/${slug(topic)}`,
        // eslint-disable-next-line no-template-curly-in-string -- Braze's Liquid tag for the user's id, as Braze writes it
        body: JSON.stringify({ user_id: '{{${user_id}}}', event: slug(topic).replace(/-/g, '_') }),
        headers: { 'Content-Type': 'application/json' },
      }
    case 'content_cards':
      return { extras: { card_type: oneOf(random, CARD_TYPES), campaign: slug(topic) } }
  }
}

const PLATFORM_NAMES: Partial<Record<Channel, string>> = { ios_push: 'iOS', android_push: 'Android', web_push: 'Web' }

/** A push message is named for its platform ("iOS"), as Braze users name them; others as the caller says. */
function messageName (channel: Channel, fallback: string): string {
  return PLATFORM_NAMES[channel] ?? fallback
}

/**
 * Conversion behaviours A to D: an offer's own product first, then others the campaign can be measured by;
 * an event or product only where the workspace has one (rules 11 and 12), email opens and clicks only for email.
 */
function behaviorsOf (random: RandomStream, named: NamedCampaign, channels: readonly Channel[], pool: Pool): ConversionBehaviorFixture[] {
  const roll = random.next()
  const count = roll < 0.15 ? 0 : roll < 0.55 ? 1 : roll < 0.85 ? 2 : roll < 0.95 ? 3 : 4
  const behaviors: ConversionBehaviorFixture[] = []
  const seen = new Set<string>()
  const add = (behavior: ConversionBehaviorFixture): void => {
    const key = `${behavior.type}\u0000${behavior.product ?? behavior.custom_event_name ?? ''}`
    if (seen.has(key) || behaviors.length >= count) return
    seen.add(key)
    behaviors.push(behavior)
  }
  const window = () => oneOf(random, WINDOWS)
  if (named.product !== undefined && pool.productNames.has(named.product)) add({ type: 'Makes Specific Purchase', window: window(), product: named.product })
  const types: Array<ConversionBehaviorFixture['type']> = [
    'Starts Session', 'Starts Session', 'Makes Any Purchase', 'Upgrades App',
    ...(channels.includes('email') ? ['Opens Email', 'Clicks Email'] as const : []),
    ...(pool.events.length > 0 ? ['Performs Custom Event', 'Performs Custom Event', 'Performs Custom Event'] as const : []),
    ...(pool.products.length > 0 ? ['Makes Specific Purchase'] as const : []),
  ]
  for (let attempt = 0; attempt < 12 && behaviors.length < count; attempt++) {
    const type = oneOf(random, types)
    if (type === 'Performs Custom Event') add({ type, window: window(), custom_event_name: oneOf(random, pool.events) })
    else if (type === 'Makes Specific Purchase') add({ type, window: window(), product: oneOf(random, pool.products) })
    else if (type === 'Starts Session' || type === 'Upgrades App') {
      const apps = pool.apps.length === 0 || random.chance(0.7) ? null : someOf(random, pool.apps, random.int(1, 2)).map(a => a.id)
      add({ type, window: window(), app_ids: apps })
    } else add({ type, window: window() })
  }
  return behaviors
}

/** What a generated campaign and Canvas share: identity and the life drawn at load. */
abstract class Generated<Resolved> {
  readonly id: string
  readonly key: number
  readonly name: string
  readonly tags: readonly string[]
  readonly createdAt: number
  readonly updatedAt: number
  readonly lastEdited: number
  readonly archived: boolean
  readonly draft: boolean
  readonly enabled: boolean
  protected readonly pool: Pool
  protected readonly index: number
  protected readonly life: Life
  #resolved: Resolved | undefined

  constructor (pool: Pool, kind: number, name: string, tags: readonly string[], season: Season | undefined, index: number) {
    this.pool = pool
    this.index = index
    const random = pool.random(kind, index)
    this.id = random.uuid()
    this.key = mix(pool.workspace.key, hashString(this.id))
    this.name = name
    this.tags = tags
    this.life = lifeOf(random, pool, season)
    this.createdAt = this.life.createdAt
    this.updatedAt = this.life.updatedAt
    this.lastEdited = this.life.lastEdited
    this.archived = this.life.state === 'archived'
    this.draft = this.life.state === 'draft'
    this.enabled = this.life.state === 'running'
  }

  /** The campaign or Canvas its fixture resolves to, on first read. */
  protected get resolved (): Resolved {
    this.#resolved ??= this.resolve()
    return this.#resolved
  }

  protected abstract resolve (): Resolved

  /** The fixture fields of a campaign and a Canvas alike, from what was drawn at load. */
  protected common (random: RandomStream) {
    return {
      id: this.id,
      workspace_id: this.pool.workspace.id,
      name: this.name,
      description: random.chance(0.4) ? '' : oneOf(random, this.pool.pitches),
      tags: [...this.tags],
      teams: random.chance(0.4) ? [] : [oneOf(random, TEAMS)],
      created_at: iso(this.createdAt),
      updated_at: iso(this.updatedAt),
      last_edited: iso(this.lastEdited),
      archived: this.archived,
      draft: this.draft,
      enabled: this.enabled,
      has_post_launch_draft: this.enabled && random.chance(0.05),
    }
  }
}

/**
 * A generated campaign: channels as its name says, one variation per channel or, for a multivariate one, two
 * or three and often a control group; an API campaign with its sends; an audience and conversion behaviours
 * from the workspace's own segments, apps, events and products.
 */
export class GeneratedCampaign extends Generated<Campaign> implements Campaign {
  readonly isApiCampaign: boolean
  readonly firstSent: number | undefined
  readonly lastSent: number | undefined
  readonly #named: NamedCampaign
  readonly #multivariate: boolean

  constructor (pool: Pool, named: NamedCampaign, index: number) {
    const multivariate = !named.api && named.kind !== 'webhook' && pool.random(KIND.campaign, index, PART.multivariate).chance(0.15)
    super(pool, KIND.campaign, named.name, multivariate ? [...named.tags, 'multivariate'] : named.tags, named.season, index)
    this.#named = named
    this.#multivariate = multivariate
    this.isApiCampaign = named.api
    this.firstSent = this.life.first
    this.lastSent = this.life.last
  }

  /** The campaigns.json entry it stands for. */
  fixture (): CampaignFixture {
    return this.#draw().fixture
  }

  #draw (): { fixture: CampaignFixture, segment: Segment | undefined } {
    const { pool } = this
    const named = this.#named
    const random = pool.random(KIND.campaign, this.index, PART.messages)
    const common = this.common(random)
    const channels = channelsOf(named.kind, random)
    // A draft's last channel may have no message yet: its series then reads an empty array (rule 13).
    const written = this.draft && channels.length > 1 && random.chance(0.3) ? channels.slice(0, -1) : channels
    const variations = written.flatMap(channel => {
      const count = this.#multivariate ? random.int(2, 3) : 1
      return Array.from({ length: count }, (_, k): MessageFixture => ({
        id: random.uuid(),
        name: count > 1 ? `Variant ${k + 1}` : messageName(channel, KIND_WORDS[KIND_OF[channel]].label),
        channel,
        content: contentOf(channel, named.topic, oneOf(random, pool.pitches), pool, random),
      }))
    })
    const control = this.#multivariate && random.chance(0.7) ? { id: random.uuid(), share: oneOf(random, CONTROL_SHARES) } : undefined
    const sends = named.api && !this.draft ? Array.from({ length: random.int(1, 4) }, () => random.uuid()) : []
    const segment = pool.audience(pool.random(KIND.campaign, this.index, PART.audience), this.createdAt)
    const fixture: CampaignFixture = {
      ...common,
      schedule_type: named.api ? 'api_triggered' : named.triggered ? 'action_based' : 'time_based',
      is_api_campaign: named.api,
      channels,
      variations,
      ...(control === undefined ? {} : { control }),
      conversion_behaviors: behaviorsOf(pool.random(KIND.campaign, this.index, PART.conversions), named, channels, pool),
      ...(this.firstSent === undefined ? {} : { first_sent: iso(this.firstSent) }),
      ...(this.lastSent === undefined ? {} : { last_sent: iso(this.lastSent) }),
      ...(segment === undefined ? {} : { segment_id: segment.id }),
      send_ids: sends,
    }
    return { fixture, segment }
  }

  protected resolve (): Campaign {
    const { fixture, segment } = this.#draw()
    return campaignFrom(fixture, this.pool.context('campaign', this.id, segment))
  }

  get description (): string { return this.resolved.description }
  get teams (): readonly string[] { return this.resolved.teams }
  get hasPostLaunchDraft (): boolean { return this.resolved.hasPostLaunchDraft }
  get scheduleType (): string { return this.resolved.scheduleType }
  get segment (): Segment | undefined { return this.resolved.segment }
  get channels (): readonly Channel[] { return this.resolved.channels }
  get variations (): readonly Message[] { return this.resolved.variations }
  get control (): { readonly id: string, readonly share: number } | undefined { return this.resolved.control }
  get conversionBehaviors (): readonly ConversionBehavior[] { return this.resolved.conversionBehaviors }
  get sendIds (): readonly string[] { return this.resolved.sendIds }
}

/**
 * A generated Canvas: one to three variants, each opening on its own message step, then a delay and either a
 * decision split (a "Yes" path and "Everyone Else") or a last message; every step a variant or path names is
 * one of its steps (rule 17).
 */
export class GeneratedCanvas extends Generated<Canvas> implements Canvas {
  readonly firstEntry: number | undefined
  readonly lastEntry: number | undefined
  readonly #named: NamedCanvas

  constructor (pool: Pool, named: NamedCanvas, index: number) {
    super(pool, KIND.canvas, named.name, named.tags, named.season, index)
    this.#named = named
    this.firstEntry = this.life.first
    this.lastEntry = this.life.last
  }

  /** The canvases.json entry it stands for. */
  fixture (): CanvasFixture {
    return this.#draw().fixture
  }

  #draw (): { fixture: CanvasFixture, segment: Segment | undefined } {
    const { pool } = this
    const topic = this.#named.topic
    const random = pool.random(KIND.canvas, this.index, PART.messages)
    const common = this.common(random)
    const roll = random.next()
    const firstKinds = someOf(random, MIXED, roll < 0.55 ? 1 : roll < 0.9 ? 2 : 3)
    // Step names differ within a Canvas: phrases in list order from a drawn start.
    let phrase = random.int(0, PHRASES.length - 1)
    const nextPhrase = () => PHRASES[phrase++ % PHRASES.length]!
    const messageStep = (name: string, kind: ChannelKind, next: readonly string[]): CanvasStepFixture => {
      const channels = channelsOf(kind, random)
      return {
        id: random.uuid(),
        name: `${name} ${KIND_WORDS[kind].word}`,
        type: 'message',
        next_step_ids: [...next],
        next_paths: [],
        messages: channels.map(channel => ({
          id: random.uuid(),
          name: messageName(channel, name),
          channel,
          content: contentOf(channel, topic, oneOf(random, pool.pitches), pool, random),
        })),
      }
    }
    const delay = (next: readonly string[]): CanvasStepFixture => {
      const days = random.int(1, 7)
      return { id: random.uuid(), name: `Wait ${days} ${days === 1 ? 'day' : 'days'}`, type: 'delay', next_step_ids: [...next], next_paths: [], messages: [] }
    }
    // Built from the end, so that every step names steps that exist; listed from the start, as Braze does.
    const tail: CanvasStepFixture[] = []
    let head: CanvasStepFixture
    if (random.chance(0.6)) {
      const yes = messageStep(nextPhrase(), oneOf(random, MIXED), [])
      const others = messageStep(nextPhrase(), oneOf(random, MIXED), [])
      const wait = random.chance(0.5) ? delay([others.id]) : undefined
      const elseId = wait?.id ?? others.id
      head = {
        id: random.uuid(),
        name: oneOf(random, pool.questions),
        type: 'decision_split',
        next_step_ids: [yes.id, elseId],
        next_paths: [{ name: 'Yes', next_step_id: yes.id }, { name: 'Everyone Else', next_step_id: elseId }],
        messages: [],
      }
      tail.push(yes, ...(wait === undefined ? [] : [wait]), others)
    } else {
      const last = random.chance(0.4) ? messageStep(nextPhrase(), oneOf(random, MIXED), []) : undefined
      const wait = last === undefined ? undefined : delay([last.id])
      head = messageStep(nextPhrase(), oneOf(random, MIXED), wait === undefined ? [] : [wait.id])
      tail.push(...(wait === undefined ? [] : [wait]), ...(last === undefined ? [] : [last]))
    }
    const pause = delay([head.id])
    const opening = nextPhrase()
    const firsts = firstKinds.map(kind => messageStep(opening, kind, [pause.id]))
    const variants = firsts.map((step, k) => ({
      id: random.uuid(),
      name: firsts.length === 1 ? 'Variant 1' : `${KIND_WORDS[firstKinds[k]!].label} first`,
      first_step_ids: [step.id],
    }))
    const schedule = random.next()
    const segment = pool.audience(pool.random(KIND.canvas, this.index, PART.audience), this.createdAt)
    const fixture: CanvasFixture = {
      ...common,
      schedule_type: schedule < 0.6 ? 'action_based' : schedule < 0.9 ? 'time_based' : 'api_triggered',
      ...(this.firstEntry === undefined ? {} : { first_entry: iso(this.firstEntry) }),
      ...(this.lastEntry === undefined ? {} : { last_entry: iso(this.lastEntry) }),
      ...(segment === undefined ? {} : { segment_id: segment.id }),
      variants,
      steps: [...firsts, pause, head, ...tail],
    }
    return { fixture, segment }
  }

  protected resolve (): Canvas {
    const { fixture, segment } = this.#draw()
    return canvasFrom(fixture, this.pool.context('Canvas', this.id, segment))
  }

  get description (): string { return this.resolved.description }
  get teams (): readonly string[] { return this.resolved.teams }
  get hasPostLaunchDraft (): boolean { return this.resolved.hasPostLaunchDraft }
  get scheduleType (): string { return this.resolved.scheduleType }
  get segment (): Segment | undefined { return this.resolved.segment }
  get variants (): Canvas['variants'] { return this.resolved.variants }
  get steps (): readonly CanvasStep[] { return this.resolved.steps }
  get channels (): readonly Channel[] { return this.resolved.channels }
}
