// Schemas of the emulator's own control plane under /_mock/: they validate HTTP bodies and queries, type
// the in-process API, and document both in the OpenAPI document.
import { Type, type Static } from '@sinclair/typebox'

/** The control plane answers its errors in the same shape as Braze's, with its own messages. */
export const ControlError = Type.Object({
  message: Type.String({ examples: ['values: day buckets are dates, YYYY-MM-DD (got "Nov 20")'] }),
}, { description: 'Every error of the control plane has this shape.' })

export const ClockView = Type.Object({
  mode: Type.Union([Type.Literal('real'), Type.Literal('pinned')]),
  now: Type.String({ description: 'The emulator\'s current time, ISO 8601 UTC.' }),
  offset_ms: Type.Integer({ description: 'How far a real clock runs ahead of the system time (0 when pinned).' }),
})
export type ClockView = Static<typeof ClockView>

export const PinClockBody = Type.Object({
  at: Type.Union([
    Type.String({
      format: 'instant',
      description: 'An instant in any form ending_at accepts (2018-06-27T23:59:59-5:00 too), or ISO 8601.',
      examples: ['2026-11-23T12:00:00Z'],
    }),
    Type.Integer({ description: 'Milliseconds since the epoch.', examples: [1795435200000] }),
  ], { description: 'The instant to pin the clock to.' }),
}, { additionalProperties: false })
export type PinClockBody = Static<typeof PinClockBody>

export const AdvanceClockBody = Type.Object({
  by: Type.Union([
    Type.String({ minLength: 2, description: 'ISO 8601 duration, e.g. PT1H30M or P1D.' }),
    Type.Integer({ description: 'Milliseconds; negative moves the clock back.' }),
  ]),
}, { additionalProperties: false })
export type AdvanceClockBody = Static<typeof AdvanceClockBody>

export const JournalQuery = Type.Object({
  path: Type.Optional(Type.String({ description: 'Only requests to this exact path.' })),
  status: Type.Optional(Type.String({ pattern: '^[1-5][0-9]{2}$', description: 'Only answers with this status.' })),
  since: Type.Optional(Type.String({ format: 'instant', description: 'Only requests at or after this instant (emulator clock).' })),
  until: Type.Optional(Type.String({ format: 'instant', description: 'Only requests before this instant (emulator clock).' })),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$', description: 'Only the most recent N matching entries.' })),
})
export type JournalQuery = Static<typeof JournalQuery>

export const JournalEntryView = Type.Object({
  seq: Type.Integer(),
  time: Type.String(),
  method: Type.String(),
  path: Type.String(),
  query: Type.Record(Type.String(), Type.String()),
  workspace_id: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Integer(), Type.Null()], { description: 'null when a fault dropped the connection' }),
  request_id: Type.String(),
  fault: Type.Union([Type.String(), Type.Null()]),
})
export type JournalEntryView = Static<typeof JournalEntryView>

export const JournalView = Type.Object({
  entries: Type.Array(JournalEntryView),
  size: Type.Integer({ description: 'Entries held.' }),
  capacity: Type.Integer({ description: 'Entries kept before the oldest is dropped (BRAZE_MOCK_JOURNAL_SIZE).' }),
  dropped: Type.Integer({ description: 'Entries dropped to stay within the capacity.' }),
})
export type JournalView = Static<typeof JournalView>

const Status = Type.Integer({ minimum: 400, maximum: 599, description: 'e.g. 500, 502, 503, 504, or 429 with its rate-limit headers.' })

export const FaultEffect = Type.Union([
  Type.Object({ type: Type.Literal('status'), status: Status }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('latency'), ms: Type.Integer({ minimum: 0, maximum: 600_000 }) }, { additionalProperties: false }),
  Type.Object({
    type: Type.Literal('latency'),
    min_ms: Type.Integer({ minimum: 0, maximum: 600_000 }),
    max_ms: Type.Integer({ minimum: 0, maximum: 600_000 }),
  }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('drop') }, { additionalProperties: false, description: 'Destroy the connection without answering.' }),
  Type.Object({ type: Type.Literal('truncate') }, { additionalProperties: false, description: 'Send the first half of the body.' }),
  Type.Object({ type: Type.Literal('malformed') }, { additionalProperties: false, description: 'Send the body as invalid JSON.' }),
])
export type FaultEffect = Static<typeof FaultEffect>

export const FaultRuleBody = Type.Object({
  path: Type.String({ pattern: '^(\\*|/.*)$', description: 'A path such as /segments/data_series, or * for every Braze path.' }),
  query: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Parameters that must be sent with these values; "*" matches any value.' })),
  effect: FaultEffect,
  times: Type.Optional(Type.Integer({ minimum: 1, description: 'Apply to the next N matching requests only.' })),
  probability: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Apply to this fraction of matching requests (seeded).' })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Chooses which requests a fraction hits; default 0.' })),
}, { additionalProperties: false })
export type FaultRuleBody = Static<typeof FaultRuleBody>

export const FaultRuleView = Type.Composite([FaultRuleBody, Type.Object({
  id: Type.String(),
  matched: Type.Integer({ description: 'Matching requests seen.' }),
  applied: Type.Integer({ description: 'Matching requests the rule was applied to.' }),
})])
export type FaultRuleView = Static<typeof FaultRuleView>

export const FaultList = Type.Object({ faults: Type.Array(FaultRuleView) })

/** What an override or a metric belongs to (src/world/metrics.ts ENTITY_PARAMETERS). */
const Entity = Type.Union([Type.Literal('app'), Type.Literal('segment'), Type.Literal('campaign'), Type.Literal('canvas')])

export const OverrideBody = Type.Object({
  app_id: Type.Optional(Type.String({ minLength: 1, description: 'Override an app\'s sessions...' })),
  segment_id: Type.Optional(Type.String({ minLength: 1, description: '...or a segment\'s estimated size (days only)...' })),
  campaign_id: Type.Optional(Type.String({ minLength: 1, description: '...or a campaign\'s sends (days only)...' })),
  canvas_id: Type.Optional(Type.String({ minLength: 1, description: '...or a Canvas\'s entries (days only).' })),
  metric: Type.Optional(Type.String({
    minLength: 1,
    description: 'The metric to set, by id: sessions (apps, the default), size (segments, the default), sends ' +
      '(campaigns, the default), entries (Canvases, the default), or another metric GET /_mock/world lists.',
  })),
  unit: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('hour')], { default: 'day' })),
  values: Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 1e12 }), {
    minProperties: 1,
    maxProperties: 10_000,
    description: 'Bucket → value. Days as YYYY-MM-DD in the workspace\'s zone; hours as an ISO 8601 instant in the hour.',
    examples: [{ '2026-11-20': 0, '2026-11-21': 250000 }],
  }),
}, { additionalProperties: false })
export type OverrideBody = Static<typeof OverrideBody>

export const OverrideView = Type.Object({
  override_id: Type.String(),
  entity: Entity,
  id: Type.String(),
  metric: Type.String(),
  unit: Type.Union([Type.Literal('day'), Type.Literal('hour')]),
  time: Type.String(),
  value: Type.Integer(),
})
export type OverrideView = Static<typeof OverrideView>

export const OverrideList = Type.Object({ overrides: Type.Array(OverrideView) })

export const ReloadView = Type.Object({
  status: Type.Literal('reloaded'),
  workspaces: Type.Integer(),
  apps: Type.Integer(),
  segments: Type.Integer(),
  api_keys: Type.Integer(),
})
export type ReloadView = Static<typeof ReloadView>

export const StatusView = Type.Object({ status: Type.String() })

export const IdParams = Type.Object({ id: Type.String() })

/** One Braze endpoint served, as its definition declares it (src/endpoints/): the console builds its forms from these. */
export const EndpointView = Type.Object({
  path: Type.String({ examples: ['/sessions/data_series'] }),
  permission: Type.String({ description: 'The API key permission it needs.' }),
  pool: Type.String({ description: 'The rate-limit pool it counts against.' }),
  parameters: Type.Array(Type.String(), { description: 'Its query parameters, in the order Braze lists them.' }),
  required: Type.Array(Type.String(), { description: 'The parameters a request must send.' }),
  example: Type.Record(Type.String(), Type.String(), { description: 'A query that answers with data on the built-in fixtures.' }),
  metrics: Type.Array(Type.Object({
    id: Type.String({ description: 'The metric an override names.' }),
    key: Type.String({ description: 'Its value\'s key in the data points.' }),
    entity: Entity,
    hours: Type.Boolean({ description: 'Whether it is served per hour too.' }),
    aggregate: Type.Union([Type.Literal('sum'), Type.Literal('unique')], {
      description: 'sum: apps add up to the total; unique: distinct users, which do not.',
    }),
  }), { description: 'The metrics it serves, which overrides may set.' }),
})
export type EndpointView = Static<typeof EndpointView>

export const WorldView = Type.Object({
  workspaces: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.String(),
    time_zone: Type.String(),
    industry: Type.String(),
    rate_limits: Type.Array(Type.Object({
      pool: Type.String(),
      limit: Type.Integer({ description: 'Requests per window.' }),
      window: Type.Union([Type.Literal('hour'), Type.Literal('minute')]),
    })),
    apps: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), platform: Type.String(), created_at: Type.String() })),
    segments: Type.Array(Type.Object({
      id: Type.String(), name: Type.String(), analytics_tracking_enabled: Type.Boolean(), archived: Type.Boolean(),
    })),
    events: Type.Array(Type.Object({ name: Type.String() })),
    products: Type.Array(Type.Object({ name: Type.String(), price: Type.Number({ description: 'Price of one item.' }) })),
    attributes: Type.Array(Type.Object({ name: Type.String(), data_type: Type.String() })),
    campaigns: Type.Array(Type.Object({
      id: Type.String(),
      name: Type.String(),
      channels: Type.Array(Type.String()),
      archived: Type.Boolean(),
      send_ids: Type.Array(Type.String(), { description: 'An API campaign\'s sends, for /sends/data_series.' }),
    })),
    canvases: Type.Array(Type.Object({
      id: Type.String(),
      name: Type.String(),
      archived: Type.Boolean(),
      variants: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    })),
  })),
  keys: Type.Array(Type.Object({
    name: Type.String(),
    workspace_id: Type.String(),
    permissions: Type.Array(Type.String()),
    key: Type.String({ description: 'The key; BRAZE_MOCK_API_KEY (perhaps a real key) shows only its last four characters, as …1a2b.' }),
    masked: Type.Boolean({ description: 'Whether key is only the last four characters (the console cannot send it).' }),
  })),
  endpoints: Type.Array(EndpointView),
}, { description: 'What the emulator serves: its workspaces and their entities, its API keys and its Braze endpoints.' })
export type WorldView = Static<typeof WorldView>
