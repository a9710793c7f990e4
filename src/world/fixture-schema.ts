// The shape of the fixture files. Each file is validated against its schema at start (and on reload), so a
// mistake stops the emulator with the file, the JSON path and the reason instead of surfacing in a request.
import { Type, type Static } from '@sinclair/typebox'
import './instant.js' // registers the 'instant' format the schemas below use
import { POOL_NAMES, POOLS } from './pools.js'

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
  population: Type.Integer({ minimum: 1, default: 1_000_000, description: 'Users in the workspace; a segment\'s share of sessions is its size over this.' }),
  non_analytics_segment_sessions: Type.Union([Type.Literal('error'), Type.Literal('zeros')], {
    default: 'error',
    description: '/sessions/data_series with a segment that is not analytics-enabled: a 400, or a 200 series of zeros.',
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
}, { additionalProperties: false })
export type FixtureSet = Static<typeof FixtureSet>

/** Where each part of a fixture set lives in a fixtures directory. */
export const FIXTURE_FILES = {
  emulator: 'emulator.json',
  workspaces: 'workspaces.json',
  apps: 'apps.json',
  segments: 'segments.json',
  api_keys: 'api-keys.json',
} as const satisfies Record<keyof FixtureSet, string>
