// Parses `ending_at` in every form Braze's clients send (see BRAZE.md, section 4), with the grammar every
// instant a user writes follows (./instant.ts); anything else is rejected. What is particular to ending_at is
// that a date alone starts in the workspace's zone.
import { inInstantRange, readInstant } from './instant.js'
import type { ZoneCalendar } from './zone-calendar.js'

/**
 * The instant `text` names, or undefined if it is not an accepted form or lies outside INSTANT_RANGE. A date
 * alone means the start of that date in the workspace's zone; a date-time without an offset is UTC.
 */
export function parseEndingAt (text: string, calendar: ZoneCalendar): number | undefined {
  const instant = readInstant(text, calendar)
  return instant !== undefined && inInstantRange(instant) ? instant : undefined
}

/** True when `text` is an accepted form that parseEndingAt refuses only for lying outside INSTANT_RANGE. */
export function endingAtOutsideRange (text: string, calendar: ZoneCalendar): boolean {
  const instant = readInstant(text, calendar)
  return instant !== undefined && !inInstantRange(instant)
}
