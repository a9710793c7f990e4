// The one catalogue of errors the emulator answers with. Hooks and handlers throw these; the error handler
// (plugins/braze-errors.ts) turns them, and every other error, into Braze's wire shape {"message": "..."}.
// A query parameter's 400 wording lives beside its schema (src/endpoints/parameters.ts).
import createError from '@fastify/error'

export const InvalidApiKey = createError<[string]>('BRAZE_INVALID_API_KEY', 'Invalid API key: %s', 401)
export const AccessDenied = createError<[string]>('BRAZE_ACCESS_DENIED', 'Access Denied: this API key lacks the %s permission', 403)
export const InvalidParameter = createError<[string]>('BRAZE_INVALID_PARAMETER', '%s', 400)
export const NotFound = createError('BRAZE_NOT_FOUND', 'Not Found', 404)
export const RateLimited = createError('BRAZE_RATE_LIMITED', 'Rate limit exceeded', 429)

/** A control-plane request the emulator cannot carry out (an unknown id, a bucket it cannot place). */
export const ControlRejected = createError<[string]>('BRAZE_MOCK_REJECTED', '%s', 400)
/** A fixtures reload that failed validation; the previous fixtures stay in service. */
export const FixturesRejected = createError<[string]>('BRAZE_MOCK_FIXTURES_REJECTED', 'fixtures not reloaded, the previous ones stay in service: %s', 422)
export const ControlNotFound = createError<[string]>('BRAZE_MOCK_NOT_FOUND', '%s', 404)
export const ControlUnauthorized = createError('BRAZE_MOCK_UNAUTHORIZED', 'Invalid control token', 401)

export function segmentNotAnalyticsEnabled (): Error {
  return new InvalidParameter('segment_id must be a segment with analytics tracking enabled; this segment does not track analytics')
}

/** A setting (from the environment, a flag or an in-process option) the emulator cannot start with. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}
