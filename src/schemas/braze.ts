// Schemas of the Braze endpoints: what they take and what they answer. They validate requests, compile the
// response serialisers and, through @fastify/swagger, become the OpenAPI document.
import { Type, type Static } from '@sinclair/typebox'

export const ErrorBody = Type.Object({
  message: Type.String({ examples: ['Invalid API key: 6f1e…'] }),
}, { description: 'Every error Braze answers has this shape.' })
export type ErrorBody = Static<typeof ErrorBody>

const SegmentId = Type.String({ minLength: 1, description: 'Segment API identifier (from /segments/list).' })
const AppId = Type.String({ minLength: 1, description: 'App API identifier, from the dashboard\'s API Keys page.' })
const Length = Type.String({
  pattern: '^0*(?:100|[1-9][0-9]?)$',
  description: 'Number of buckets before ending_at, an integer from 1 to 100 (decimal digits only).',
  examples: ['14'],
})
const EndingAt = Type.String({
  description: 'Exclusive end of the series, ISO 8601: a date (start of that day in the workspace\'s zone) or a ' +
    'date-time (UTC when it has no offset). Defaults to now.',
  examples: ['2018-06-27T23:59:59-05:00', '2022-12-09'],
})
const Unit = Type.Union([Type.Literal('day'), Type.Literal('hour')], { default: 'day' })

const Success = Type.String({ description: '"success" when the export completed without errors.', examples: ['success'] })

export const SegmentsDataSeriesQuery = Type.Object({
  segment_id: SegmentId,
  length: Length,
  ending_at: Type.Optional(EndingAt),
})
export type SegmentsDataSeriesQuery = Static<typeof SegmentsDataSeriesQuery>

export const SegmentsDataSeriesResponse = Type.Object({
  message: Success,
  data: Type.Array(Type.Object({
    time: Type.String({ description: 'The day, YYYY-MM-DD in the workspace\'s zone.' }),
    size: Type.Integer({ description: 'Estimated size of the segment on that day.' }),
  })),
})
export type SegmentsDataSeriesResponse = Static<typeof SegmentsDataSeriesResponse>

export const SessionsDataSeriesQuery = Type.Object({
  length: Length,
  unit: Type.Optional(Unit),
  ending_at: Type.Optional(EndingAt),
  app_id: Type.Optional(AppId),
  segment_id: Type.Optional(Type.String({ minLength: 1, description: 'An analytics-enabled segment whose members\' sessions to count.' })),
})
export type SessionsDataSeriesQuery = Static<typeof SessionsDataSeriesQuery>

export const SessionsDataSeriesResponse = Type.Object({
  message: Success,
  data: Type.Array(Type.Object({
    time: Type.String({ description: 'YYYY-MM-DD for days; YYYY-MM-DDTHH:00:00±HH:MM for hours.' }),
    sessions: Type.Integer(),
  })),
})
export type SessionsDataSeriesResponse = Static<typeof SessionsDataSeriesResponse>

/** The error answers every Braze route can give, for its response schema. */
export const BRAZE_ERRORS = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  429: ErrorBody,
} as const

export const SegmentsListQuery = Type.Object({
  page: Type.Optional(Type.String({
    pattern: '^[0-9]+$',
    description: '0-based page of up to 100 segments; a page past the end is empty.',
    default: '0',
    examples: ['0'],
  })),
  sort_direction: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], {
    default: 'asc',
    description: 'By creation time: asc (oldest first, the default) or desc.',
  })),
})
export type SegmentsListQuery = Static<typeof SegmentsListQuery>

export const SegmentsListResponse = Type.Object({
  segments: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.String(),
    analytics_tracking_enabled: Type.Boolean(),
    tags: Type.Array(Type.String()),
  })),
  message: Success,
})
export type SegmentsListResponse = Static<typeof SegmentsListResponse>

export const SegmentsDetailsQuery = Type.Object({
  segment_id: SegmentId,
})
export type SegmentsDetailsQuery = Static<typeof SegmentsDetailsQuery>

export const SegmentsDetailsResponse = Type.Object({
  message: Success,
  created_at: Type.String({ description: 'ISO 8601, UTC.' }),
  updated_at: Type.String({ description: 'ISO 8601, UTC.' }),
  name: Type.String(),
  description: Type.String(),
  text_description: Type.String(),
  tags: Type.Array(Type.String()),
  teams: Type.Array(Type.String()),
})
export type SegmentsDetailsResponse = Static<typeof SegmentsDetailsResponse>
