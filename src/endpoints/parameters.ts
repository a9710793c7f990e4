// The query parameters the Braze endpoints share, each with the 400 Braze answers when a value breaks it
// (BRAZE.md section 2): the rule travels with the schema, so an endpoint that takes a parameter cannot take
// it without its wording. The schemas validate requests and, through @fastify/swagger, become the OpenAPI
// document.
import { Type, type TSchema } from '@sinclair/typebox'
import { INSTANT_RANGE } from '../world/instant.js'

/** A query parameter: how it is validated, and the message of the 400 a bad value gets. */
export interface Parameter<S extends TSchema = TSchema> {
  readonly schema: S
  readonly rule: string
}

export function parameter<S extends TSchema> (schema: S, rule: string): Parameter<S> {
  return { schema, rule }
}

/** The same parameter, optional in the query. */
export function optional<S extends TSchema> ({ schema, rule }: Parameter<S>) {
  return { schema: Type.Optional(schema), rule }
}

export const ErrorBody = Type.Object({
  message: Type.String({ examples: ['Invalid API key: 6f1e…'] }),
}, { description: 'Every error Braze answers has this shape.' })

const header = (description: string) => ({ type: 'string', description })

/**
 * The headers of every answer of a Braze route (BRAZE.md sections 1 and 3, "Other headers seen"), as
 * @fastify/swagger reads them from a response schema's `headers`, so the OpenAPI document lists them.
 */
const BRAZE_HEADERS = {
  'X-Request-Id': header('A UUID per request; the journal shows it too.'),
  'X-RateLimit-Limit': header('Requests per window of the endpoint\'s pool; empty on a 401.'),
  'X-RateLimit-Remaining': header('Requests left in the window; empty on a 401.'),
  'X-RateLimit-Reset': header('End of the window, UTC epoch seconds, on the emulator\'s clock; empty on a 401.'),
  'Cache-Control': header('max-age=0, private, must-revalidate on a 200; no-cache on an error.'),
}

/** A response schema with the headers every Braze answer carries (and Retry-After on a 429). */
function withHeaders<T extends object> (schema: T, retryAfter = false): T {
  return {
    ...schema,
    headers: retryAfter ? { ...BRAZE_HEADERS, 'Retry-After': header('Seconds until the window ends.') } : BRAZE_HEADERS,
  }
}

/** The error answers every Braze route can give, for its response schema: its own, and what faults inject. */
export const BRAZE_ERRORS = {
  400: withHeaders(ErrorBody),
  401: withHeaders(ErrorBody),
  403: withHeaders(ErrorBody),
  429: withHeaders(ErrorBody, true),
  '4xx': withHeaders(Type.Object(ErrorBody.properties, { description: 'Another 4xx status a fault rule injects.' })),
  '5xx': withHeaders(Type.Object(ErrorBody.properties, { description: 'A 5xx status a fault rule injects; no input reaches one otherwise.' })),
} as const

/** The 200 answer of a Braze route, with its headers. */
export function success<T extends object> (schema: T): T {
  return withHeaders(schema)
}

export const Success = Type.String({ description: '"success" when the export completed without errors.', examples: ['success'] })

// Braze's own words for an id it cannot resolve (observed for canvas_id, BRAZE-EXPORT.md section 0).
export const segmentId = (description = 'Segment API identifier (from /segments/list).') =>
  parameter(Type.String({ minLength: 1, description }), 'segment_id must be a string of the Segment api identifier')

export const appId = parameter(
  Type.String({ minLength: 1, description: 'App API identifier, from the dashboard\'s API Keys page.' }),
  'app_id must be a string of the App api identifier')

export const length = parameter(Type.String({
  pattern: '^0*(?:100|[1-9][0-9]?)$',
  description: 'Number of buckets before ending_at, an integer from 1 to 100 (decimal digits only).',
  examples: ['14'],
}), 'length must be an integer between 1 and 100')

export const endingAt = parameter(Type.String({
  description: 'Exclusive end of the series, ISO 8601: a date (start of that day in the workspace\'s zone) or a ' +
    'date-time (UTC when it has no offset). Defaults to now.',
  examples: ['2018-06-27T23:59:59-05:00', '2022-12-09'],
}), 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00')

/**
 * ending_at in an accepted form but outside the instants the emulator can write as YYYY-MM-DD: told so, not
 * that it is no ISO 8601, which it is.
 */
export const ENDING_AT_OUTSIDE_RANGE = `ending_at must be ${INSTANT_RANGE.text} (UTC)`

export const unit = parameter(
  Type.Union([Type.Literal('day'), Type.Literal('hour')], { default: 'day' }),
  'unit must be one of: day, hour')

export const page = (description: string) => parameter(Type.String({
  pattern: '^[0-9]+$',
  description,
  default: '0',
  examples: ['0'],
}), 'page must be an integer of 0 or more')

export const sortDirection = parameter(Type.Union([Type.Literal('asc'), Type.Literal('desc')], {
  default: 'asc',
  description: 'By creation time: asc (oldest first, the default) or desc.',
}), 'sort_direction must be one of: asc, desc')

export const campaignId = parameter(
  Type.String({ minLength: 1, description: 'Campaign API identifier (from /campaigns/list).' }),
  'campaign_id must be a string of the Campaign api identifier')

// The wording Braze answers for an unknown Canvas (BRAZE-EXPORT.md section 5, braze_ruby's cassette).
export const canvasId = parameter(
  Type.String({ minLength: 1, description: 'Canvas API identifier (from /canvas/list).' }),
  'canvas_id must be a string of the Canvas api identifier')

export const includeArchived = parameter(Type.Union([Type.Literal('true'), Type.Literal('false')], {
  default: 'false',
  description: 'Whether archived ones are listed too.',
}), 'include_archived must be one of: true, false')

export const postLaunchDraftVersion = parameter(Type.Union([Type.Literal('true'), Type.Literal('false')], {
  default: 'false',
  description: 'Whether to show the post-launch draft; the emulator keeps no draft apart, so both read the same.',
}), 'post_launch_draft_version must be one of: true, false')

export const lastEditTimeGt = parameter(Type.String({
  description: 'Only those last edited strictly after this instant, in every form ending_at takes: a date (start of ' +
    'that day in the workspace\'s zone) or a date-time (UTC when it has no offset).',
  examples: ['2020-06-28T23:59:59-5:00', '2022-12-09'],
}), 'last_edit.time[gt] must be an ISO 8601 date or date-time, such as 2020-06-28T23:59:59-5:00')
