// The one catalogue of errors the emulator answers with. Hooks and handlers throw these; the error handler
// (plugins/braze-errors.ts) turns them, and every other error, into Braze's wire shape {"message": "..."}.
import createError from '@fastify/error'
import type { Permission } from './world/fixture-schema.js'
import { INSTANT_RANGE } from './world/instant.js'

export const InvalidApiKey = createError<[string]>('BRAZE_INVALID_API_KEY', 'Invalid API key: %s', 401)
export const AccessDenied = createError<[Permission]>('BRAZE_ACCESS_DENIED', 'Access Denied: this API key lacks the %s permission', 403)
export const InvalidParameter = createError<[string]>('BRAZE_INVALID_PARAMETER', '%s', 400)
export const NotFound = createError('BRAZE_NOT_FOUND', 'Not Found', 404)
export const RateLimited = createError('BRAZE_RATE_LIMITED', 'Rate limit exceeded', 429)

/** A control-plane request the emulator cannot carry out (an unknown id, a bucket it cannot place). */
export const ControlRejected = createError<[string]>('BRAZE_MOCK_REJECTED', '%s', 400)
/** A fixtures reload that failed validation; the previous fixtures stay in service. */
export const FixturesRejected = createError<[string]>('BRAZE_MOCK_FIXTURES_REJECTED', 'fixtures not reloaded, the previous ones stay in service: %s', 422)
export const ControlNotFound = createError<[string]>('BRAZE_MOCK_NOT_FOUND', '%s', 404)
export const ControlUnauthorized = createError('BRAZE_MOCK_UNAUTHORIZED', 'Invalid control token', 401)

/** What each query parameter must be: the 400 message names the parameter and the rule (BRAZE.md, section 2). */
export const PARAMETER_RULES = {
  segment_id: 'segment_id must be a string of the Segment api identifier',
  app_id: 'app_id must be a string of the App api identifier',
  length: 'length must be an integer between 1 and 100',
  unit: 'unit must be one of: day, hour',
  ending_at: 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00',
  page: 'page must be an integer of 0 or more',
  sort_direction: 'sort_direction must be one of: asc, desc',
} as const

export type Parameter = keyof typeof PARAMETER_RULES

/**
 * ending_at in an accepted form but outside the instants the emulator can write as YYYY-MM-DD: told so, not
 * that it is no ISO 8601, which it is.
 */
export const ENDING_AT_OUTSIDE_RANGE = `ending_at must be ${INSTANT_RANGE.text} (UTC)`

export function invalidParameter (name: Parameter): Error {
  return new InvalidParameter(PARAMETER_RULES[name])
}

export function segmentNotAnalyticsEnabled (): Error {
  return new InvalidParameter('segment_id must be a segment with analytics tracking enabled; this segment does not track analytics')
}

export function isParameter (name: string): name is Parameter {
  return Object.hasOwn(PARAMETER_RULES, name)
}
