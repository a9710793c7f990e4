import { DateTime } from 'luxon'

/**
 * Parses the instants written in fixtures and settings: ISO 8601 with an offset or Z, or without one (UTC),
 * or a date alone (midnight UTC). Undefined when the text is not such an instant.
 */
export function parseInstant (text: string): number | undefined {
  const parsed = DateTime.fromISO(text, { zone: 'utc' })
  return parsed.isValid ? parsed.toMillis() : undefined
}
