// The shape of the fixture files. Each file is validated against its schema at start (and on reload), so a
// mistake stops the emulator with the file, the JSON path and the reason instead of surfacing in a request.
import { Type, type Static } from '@sinclair/typebox'
import './instant.js' // registers the 'instant' format the schemas below use
import { POOL_NAMES, POOLS } from './pools.js'

/** What a workspace's product is, so that generated names fit it. */
export const INDUSTRIES = ['fitness', 'finance', 'retail', 'media', 'gaming', 'travel', 'food', 'other'] as const
export type Industry = typeof INDUSTRIES[number]

/** Grants every permission the emulator knows, on a fixture key. */
export const ALL_PERMISSIONS = '*'

const Id = Type.String({ minLength: 1, maxLength: 128, description: 'An API identifier; Braze uses UUIDs.' })
const Instant = Type.String({
  format: 'instant',
  description: 'ISO 8601 date-time with an offset or Z, or a date (midnight UTC).',
})
// The maximum keeps X-RateLimit-Limit a plain integer and the pool's count exact: past 1e21 JavaScript
// writes numbers as 1e+21, and past 2^53 adding one may change nothing. Benchmarks set billions.
const RateLimit = (description: string) => Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description })
const WindowDays = Type.Integer({ minimum: 1, maximum: 1000, description: 'Days in the rolling window.' })
const growth = (fallback: number) => Type.Number({
  minimum: -0.9, maximum: 10, default: fallback, description: 'Yearly growth of the trend: 0.2 is +20% a year.',
})
const weekly = (fallback: number) => Type.Number({
  minimum: 0, maximum: 1, default: fallback, description: 'Amplitude of the weekly rhythm, as a fraction of the value.',
})
const noise = (fallback: number) => Type.Number({
  minimum: 0, maximum: 1, default: fallback, description: 'Amplitude of day-to-day noise, as a fraction of the value.',
})

export const GenerateOptions = Type.Object({
  seed: Type.Integer({ minimum: 0, maximum: 4294967295, default: 1, description: 'Seeds the names and numbers of generated entities.' }),
  apps: Type.Integer({ minimum: 0, maximum: 1000, default: 0, description: 'Apps to generate beside those in apps.json.' }),
  segments: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0, description: 'Segments to generate beside those in segments.json.' }),
  events: Type.Integer({ minimum: 0, maximum: 100_000, default: 0, description: 'Custom events to generate beside those in events.json, named for the industry.' }),
  products: Type.Integer({ minimum: 0, maximum: 100_000, default: 0, description: 'Products to generate beside those in products.json, named for the industry.' }),
  attributes: Type.Integer({ minimum: 0, maximum: 100_000, default: 0, description: 'Custom attributes to generate beside those in custom-attributes.json.' }),
  campaigns: Type.Integer({ minimum: 0, maximum: 100_000, default: 0, description: 'Campaigns to generate beside those in campaigns.json, named for the industry.' }),
  canvases: Type.Integer({ minimum: 0, maximum: 100_000, default: 0, description: 'Canvases to generate beside those in canvases.json, named for the industry.' }),
}, { additionalProperties: false })
export type GenerateOptions = Static<typeof GenerateOptions>

export const WorkspaceFixture = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  time_zone: Type.String({ default: 'UTC', description: 'IANA zone that frames days and hours in every series.' }),
  rate_limit: Type.Optional(RateLimit('Requests per UTC hour in the default pool (250,000 unless set); the same as rate_limits.default.')),
  rate_limits: Type.Optional(Type.Object(
    Object.fromEntries(POOL_NAMES.map(name => [name, Type.Optional(RateLimit(`${POOLS[name].description} Default ${POOLS[name].limit} a ${POOLS[name].window}.`))])),
    { additionalProperties: false, description: 'Requests per window of each rate-limit pool, by pool name.' })),
  population: Type.Integer({
    minimum: 1,
    default: 1_000_000,
    description: 'The users a segment without an audience is measured against: its series.size over this is its share of all users.',
  }),
  non_analytics_segment_sessions: Type.Union([Type.Literal('error'), Type.Literal('zeros')], {
    default: 'error',
    description: '/sessions/data_series with a segment that is not analytics-enabled: a 400, or a 200 series of zeros.',
  }),
  industry: Type.Union(INDUSTRIES.map(i => Type.Literal(i)), {
    default: 'other',
    description: 'What the workspace\'s product is: generated names (segments, events, products, attributes) fit it.',
  }),
  overlap: Type.Number({
    minimum: 0,
    maximum: 0.29,
    default: 0.1,
    description: 'Share of active users who use more than one of the workspace\'s apps: all-apps DAU and MAU count them once.',
  }),
  empty_series: Type.Union([Type.Literal('zeros'), Type.Literal('empty')], {
    default: 'zeros',
    description: 'KPI and /events/data_series answers when every point of the window is 0: zero-filled, or data: [] as a quiet real workspace answered.',
  }),
  generate: Type.Optional(GenerateOptions),
}, { additionalProperties: false })
export type WorkspaceFixture = Static<typeof WorkspaceFixture>

export const AppSeriesFixture = Type.Object({
  daily_sessions: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 10_000, description: 'Typical sessions a day on the trend origin, 2026-01-01.' }),
  growth: growth(0.2),
  weekly: weekly(0.12),
  peak_weekday: Type.Integer({ minimum: 0, maximum: 6, default: 6, description: '0 = Sunday.' }),
  peak_hour: Type.Integer({ minimum: 0, maximum: 23, default: 20, description: 'Local hour with the most sessions.' }),
  noise: noise(0.04),
  new_users: Type.Optional(Type.Integer({
    minimum: 0,
    maximum: 100_000_000,
    description: 'Typical new users a day once launched, on the trend origin 2026-01-01; derived from daily_sessions when left out.',
  })),
  sessions_per_user: Type.Number({ minimum: 1, maximum: 50, default: 2.2, description: 'Sessions an active user opens on a day, on average.' }),
  retention: Type.Object({
    day1: Type.Number({ minimum: 0, maximum: 1, default: 0.3, description: 'Share of a day\'s new users back the next day.' }),
    decay: Type.Number({ minimum: 0, maximum: 5, default: 0.5, description: 'Power-law decay of coming back with age (days).' }),
    horizon: Type.Integer({ minimum: 1, maximum: 1000, default: 400, description: 'Age in days past which nobody comes back.' }),
    spread: Type.Number({ minimum: 0, maximum: 1, default: 0.3, description: 'How independent a user\'s active days are: 0 = the same users every day.' }),
    uninstall: Type.Number({ minimum: 0, maximum: 1, default: 0.02, description: 'Share of a cohort that uninstalls the day after arriving; later days decay like coming back.' }),
  }, { additionalProperties: false, default: {} }),
}, { additionalProperties: false, default: {} })
export type AppSeriesFixture = Static<typeof AppSeriesFixture>

export const AppFixture = Type.Object({
  id: Id,
  workspace_id: Id,
  name: Type.Optional(Type.String({ minLength: 1 })),
  platform: Type.Union(['ios', 'android', 'web', 'tvos', 'roku', 'windows', 'macos', 'unity', 'other'].map(p => Type.Literal(p)), { default: 'ios' }),
  created_at: Instant,
  series: AppSeriesFixture,
}, { additionalProperties: false })
export type AppFixture = Static<typeof AppFixture>

export const SegmentSeriesFixture = Type.Object({
  size: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 10_000, description: 'Typical estimated size on the trend origin, 2026-01-01.' }),
  growth: growth(0.1),
  weekly: weekly(0.02),
  noise: noise(0.01),
  engagement: Type.Number({ minimum: 0, maximum: 100, default: 1, description: 'Sessions per member relative to the average user.' }),
}, { additionalProperties: false, default: {} })
export type SegmentSeriesFixture = Static<typeof SegmentSeriesFixture>

/** Who a segment's members are, in terms of the simulated users (BRAZE-EXPORT.md section 0, "One world"). */
export const Audience = Type.Union([
  Type.Object({ kind: Type.Literal('all') }, { additionalProperties: false, description: 'Every user of the workspace.' }),
  Type.Object({ kind: Type.Literal('active'), days: WindowDays }, { additionalProperties: false, description: 'Users with a session in the last N days.' }),
  Type.Object({ kind: Type.Literal('lapsed'), days: WindowDays }, { additionalProperties: false, description: 'Users without a session for N days or more.' }),
  Type.Object({ kind: Type.Literal('new'), days: WindowDays }, { additionalProperties: false, description: 'Users whose first session was in the last N days.' }),
  Type.Object({ kind: Type.Literal('app'), app_id: Id }, { additionalProperties: false, description: 'Users of one app.' }),
  Type.Object({
    kind: Type.Literal('trait'),
    share: Type.Number({ minimum: 0, maximum: 1, description: 'Share of all users with the trait.' }),
    drift: Type.Number({ minimum: 0, maximum: 0.5, default: 0.05, description: 'How far the share wanders over months, relative.' }),
  }, { additionalProperties: false, description: 'A stable share of users with a trait (opted in, a plan, a country).' }),
])
export type Audience = Static<typeof Audience>

export const SegmentFixture = Type.Object({
  id: Id,
  workspace_id: Id,
  name: Type.Optional(Type.String({ minLength: 1, description: 'Generated when left out.' })),
  description: Type.String({ default: '' }),
  text_description: Type.Optional(Type.String({ description: 'Defaults to a sentence built from the name.' })),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Generated when left out.' })),
  teams: Type.Array(Type.String({ minLength: 1 }), { default: [] }),
  created_at: Instant,
  updated_at: Type.Optional(Instant),
  analytics_tracking_enabled: Type.Boolean({ default: true }),
  archived: Type.Boolean({ default: false }),
  audience: Type.Optional(Audience),
  series: SegmentSeriesFixture,
}, { additionalProperties: false })
export type SegmentFixture = Static<typeof SegmentFixture>

export const ApiKeyFixture = Type.Object({
  key: Type.String({ minLength: 1, description: 'Any string; Braze\'s look like UUIDs.' }),
  workspace_id: Id,
  name: Type.String({ default: '' }),
  permissions: Type.Array(Type.String({ minLength: 1 }), {
    uniqueItems: true,
    description: 'Permissions as Braze names them (segments.list, ...), or "*" for every one; an unknown name stops the start.',
  }),
}, { additionalProperties: false })
export type ApiKeyFixture = Static<typeof ApiKeyFixture>

const Status = Type.Union([Type.Literal('Active'), Type.Literal('Inactive')], { default: 'Active' })
const Tags = Type.Array(Type.String({ minLength: 1 }), { default: [] })
const Rate = (fallback: number, what: string) => Type.Number({
  minimum: 0, maximum: 1000, default: fallback, description: `${what} per active user per day.`,
})
const AppIds = Type.Optional(Type.Array(Id, { uniqueItems: true, description: 'Apps it is logged in; every app of the workspace when left out.' }))

export const EventFixture = Type.Object({
  workspace_id: Id,
  name: Type.String({ minLength: 1, maxLength: 255, description: 'The custom event\'s name: how clients ask for it.' }),
  description: Type.String({ default: '' }),
  tags: Tags,
  status: Status,
  included_in_analytics_report: Type.Boolean({ default: false }),
  rate: Rate(0.1, 'Occurrences'),
  apps: AppIds,
}, { additionalProperties: false })
export type EventFixture = Static<typeof EventFixture>

export const ProductFixture = Type.Object({
  workspace_id: Id,
  name: Type.String({ minLength: 1, maxLength: 255, description: 'The product id as purchases log it.' }),
  price: Type.Number({ minimum: 0, maximum: 1_000_000, default: 9.99, description: 'Price of one item, in the workspace\'s currency (cents are kept).' }),
  rate: Rate(0.002, 'Items bought'),
  apps: AppIds,
}, { additionalProperties: false })
export type ProductFixture = Static<typeof ProductFixture>

export const AttributeFixture = Type.Object({
  workspace_id: Id,
  name: Type.String({ minLength: 1, maxLength: 255 }),
  data_type: Type.Union(['String', 'Number', 'Boolean', 'Date', 'Array', 'Object', 'Object Array'].map(t => Type.Literal(t)), { default: 'String' }),
  array_length: Type.Union([Type.Integer({ minimum: 1, maximum: 10_000 }), Type.Null()], {
    default: null,
    description: 'The longest array it holds, for arrays; null otherwise.',
  }),
  description: Type.String({ default: '' }),
  status: Status,
  tags: Tags,
}, { additionalProperties: false })
export type AttributeFixture = Static<typeof AttributeFixture>

/** The messaging channels a campaign or a Canvas step sends on, as data_series keys name them. */
export const CHANNELS = ['email', 'ios_push', 'android_push', 'web_push', 'in_app_message', 'sms', 'webhook', 'content_cards'] as const
export type Channel = typeof CHANNELS[number]
const ChannelName = Type.Union(CHANNELS.map(c => Type.Literal(c)))
const ScheduleType = Type.Union(['time_based', 'action_based', 'api_triggered'].map(t => Type.Literal(t)), { default: 'time_based' })
const Teams = Type.Array(Type.String({ minLength: 1 }), { default: [] })

/**
 * One message variation: its channel's fields (BRAZE-EXPORT.md section 3.6) in `content`; those left out are
 * empty in /campaigns/details, and a field the channel does not have is a fixture error.
 */
export const MessageFixture = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  channel: ChannelName,
  content: Type.Record(Type.String(), Type.Unknown(), { default: {} }),
}, { additionalProperties: false })
export type MessageFixture = Static<typeof MessageFixture>

export const CONVERSION_TYPES = ['Clicks Email', 'Opens Email', 'Makes Any Purchase', 'Makes Specific Purchase',
  'Performs Custom Event', 'Upgrades App', 'Starts Session'] as const
export const ConversionBehaviorFixture = Type.Object({
  type: Type.Union(CONVERSION_TYPES.map(t => Type.Literal(t))),
  window: Type.Integer({ minimum: 1, maximum: 30 * 86_400, description: 'Seconds after receipt in which a conversion counts.' }),
  product: Type.Optional(Type.String({ minLength: 1, description: 'Makes Specific Purchase: a product of the workspace.' })),
  custom_event_name: Type.Optional(Type.String({ minLength: 1, description: 'Performs Custom Event: an event of the workspace.' })),
  app_ids: Type.Optional(Type.Union([Type.Array(Id), Type.Null()], { description: 'Upgrades App, Starts Session: apps of the workspace, or null for any.' })),
}, { additionalProperties: false })
export type ConversionBehaviorFixture = Static<typeof ConversionBehaviorFixture>

/** What a campaign and a Canvas share: identity, dates and state. */
const messagingFields = {
  id: Id,
  workspace_id: Id,
  name: Type.String({ minLength: 1 }),
  description: Type.String({ default: '' }),
  tags: Tags,
  teams: Teams,
  created_at: Instant,
  updated_at: Type.Optional(Instant),
  last_edited: Type.Optional(Type.String({ format: 'instant', description: 'Defaults to updated_at.' })),
  archived: Type.Boolean({ default: false }),
  draft: Type.Boolean({ default: false }),
  enabled: Type.Boolean({ default: true }),
  has_post_launch_draft: Type.Boolean({ default: false }),
  schedule_type: ScheduleType,
}

export const CampaignFixture = Type.Object({
  ...messagingFields,
  is_api_campaign: Type.Boolean({ default: false }),
  channels: Type.Array(ChannelName, { uniqueItems: true, minItems: 1, description: 'Its channels; one without variations reads an empty array in series.' }),
  variations: Type.Array(MessageFixture, { default: [] }),
  control: Type.Optional(Type.Object({
    id: Id,
    share: Type.Number({ minimum: 0, maximum: 0.9, description: 'Share of the audience held out.' }),
  }, { additionalProperties: false })),
  conversion_behaviors: Type.Array(ConversionBehaviorFixture, { maxItems: 4, default: [] }),
  first_sent: Type.Optional(Instant),
  last_sent: Type.Optional(Instant),
  segment_id: Type.Optional(Type.String({ minLength: 1, description: 'Its audience: a segment of the workspace.' })),
  send_ids: Type.Array(Id, { uniqueItems: true, default: [], description: 'Sends of an API campaign.' }),
}, { additionalProperties: false })
export type CampaignFixture = Static<typeof CampaignFixture>

export const CanvasStepFixture = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  type: Type.Union(['message', 'delay', 'decision_split', 'audience_paths', 'action_paths', 'experiment_paths', 'user_update']
    .map(t => Type.Literal(t)), { default: 'message' }),
  next_step_ids: Type.Array(Id, { default: [] }),
  next_paths: Type.Array(Type.Object({ name: Type.String({ minLength: 1 }), next_step_id: Id }, { additionalProperties: false }), { default: [] }),
  messages: Type.Array(MessageFixture, { default: [] }),
}, { additionalProperties: false })
export type CanvasStepFixture = Static<typeof CanvasStepFixture>

export const CanvasFixture = Type.Object({
  ...messagingFields,
  first_entry: Type.Optional(Instant),
  last_entry: Type.Optional(Instant),
  segment_id: Type.Optional(Type.String({ minLength: 1, description: 'Its entry audience: a segment of the workspace.' })),
  variants: Type.Array(Type.Object({
    id: Id,
    name: Type.String({ minLength: 1 }),
    first_step_ids: Type.Array(Id, { minItems: 1 }),
  }, { additionalProperties: false }), { minItems: 1 }),
  steps: Type.Array(CanvasStepFixture, { minItems: 1 }),
}, { additionalProperties: false })
export type CanvasFixture = Static<typeof CanvasFixture>

export const EmulatorFixture = Type.Object({
  now: Type.Optional(Type.String({ format: 'instant', description: 'Pins the clock; BRAZE_MOCK_NOW wins over it.' })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, description: 'BRAZE_MOCK_SEED wins over it.' })),
}, { additionalProperties: false })
export type EmulatorFixture = Static<typeof EmulatorFixture>

/** One fixture set: the files of a fixtures directory, or the same shape passed inline. */
export const FixtureSet = Type.Object({
  emulator: Type.Optional(EmulatorFixture),
  workspaces: Type.Array(WorkspaceFixture, { minItems: 1 }),
  apps: Type.Array(AppFixture, { default: [] }),
  segments: Type.Array(SegmentFixture, { default: [] }),
  api_keys: Type.Array(ApiKeyFixture, { default: [] }),
  events: Type.Array(EventFixture, { default: [] }),
  products: Type.Array(ProductFixture, { default: [] }),
  custom_attributes: Type.Array(AttributeFixture, { default: [] }),
  campaigns: Type.Array(CampaignFixture, { default: [] }),
  canvases: Type.Array(CanvasFixture, { default: [] }),
}, { additionalProperties: false })
export type FixtureSet = Static<typeof FixtureSet>

/** Where each part of a fixture set lives in a fixtures directory. */
export const FIXTURE_FILES = {
  emulator: 'emulator.json',
  workspaces: 'workspaces.json',
  apps: 'apps.json',
  segments: 'segments.json',
  api_keys: 'api-keys.json',
  events: 'events.json',
  products: 'products.json',
  custom_attributes: 'custom-attributes.json',
  campaigns: 'campaigns.json',
  canvases: 'canvases.json',
} as const satisfies Record<keyof FixtureSet, string>
