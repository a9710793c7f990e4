import { FormatRegistry } from '@sinclair/typebox'
import { DateTime } from 'luxon'

/**
 * The instants the clock and `ending_at` may take: 0001-01-02 to 9999-12-31 (UTC). A window of up to 100
 * days or hours before them, in any zone (UTC-12 to UTC+14), stays within the years 0000 to 9999, whose days
 * and hours YYYY-MM-DD can write; past them every answer would carry a broken date.
 */
export const INSTANT_RANGE = {
  min: new Date('0001-01-02T00:00:00Z').getTime(),
  max: new Date('9999-12-31T00:00:00Z').getTime(),
  text: 'between 0001-01-02 and 9999-12-31',
} as const

export function inInstantRange (instant: number): boolean {
  return Number.isFinite(instant) && instant >= INSTANT_RANGE.min && instant <= INSTANT_RANGE.max
}

/**
 * Parses the instants written in fixtures and settings: ISO 8601 with an offset or Z, or without one (UTC),
 * or a date alone (midnight UTC). Undefined when the text is not such an instant, or lies outside
 * INSTANT_RANGE.
 */
export function parseInstant (text: string): number | undefined {
  const parsed = DateTime.fromISO(text, { zone: 'utc' })
  return parsed.isValid && inInstantRange(parsed.toMillis()) ? parsed.toMillis() : undefined
}

// TypeBox's `format: 'instant'` (fixtures, settings, control bodies) is this parser, registered once by
// whichever of them loads first.
FormatRegistry.Set('instant', (text) => parseInstant(text) !== undefined)
