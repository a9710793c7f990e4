// What /canvas/data_series and /canvas/data_summary share (BRAZE-EXPORT.md sections 0 "Canvases", 2.2, 3.7):
// their parameters, and the window they read. `ending_at` is optional (it defaults to now, whatever the
// "Required" tag says); one of `length` (1 to 14, decimal digits) or `starting_at` is required, and with both
// `length` wins; a `starting_at` window longer than 14 days is a 400. Each endpoint is still its own file.
import { Type } from '@sinclair/typebox'
import { InvalidParameter } from '../emulator/errors.js'
import { parseEndingAt } from '../world/ending-at.js'
import type { Workspace } from '../world/world.js'
import { DAY_MS, type Day } from '../world/zone-calendar.js'
import { canvasId, endingAt, optional, parameter } from './parameters.js'
import { endingAtOf } from './resolve.js'

/** The longest Canvas window, in days. */
export const CANVAS_MAX_DAYS = 14

const flag = (name: string, description: string) => optional(parameter(
  Type.Union([Type.Literal('true'), Type.Literal('false')], { default: 'false', description }),
  `${name} must be one of: true, false`))

const startingAt = parameter(Type.String({
  description: 'First day of the window, in every form ending_at takes; length wins when both are sent.',
  examples: ['2026-11-10'],
}), 'starting_at must be an ISO 8601 date or date-time, such as 2018-05-28T23:59:59-5:00')

export const canvasSeriesParameters = {
  canvas_id: canvasId,
  ending_at: optional(endingAt),
  starting_at: optional(startingAt),
  length: optional(parameter(Type.String({
    pattern: '^0*(?:1[0-4]|[1-9])$',
    description: 'Number of days before ending_at, from 1 to 14 (decimal digits only); this or starting_at is required.',
    examples: ['14'],
  }), 'length must be an integer between 1 and 14')),
  include_variant_breakdown: flag('include_variant_breakdown', 'Whether to add each variant\'s figures.'),
  include_step_breakdown: flag('include_step_breakdown', 'Whether to add each step\'s figures and messages.'),
  include_deleted_step_data: flag('include_deleted_step_data', 'Whether to add deleted steps\' figures (no built-in Canvas has any).'),
}

/** The 400s of a window the parameters' own rules cannot see: they are about two parameters together. */
export const CANVAS_WINDOW_RULES = {
  neither: 'either length or starting_at is required',
  reversed: 'starting_at must be before ending_at',
  tooLong: `starting_at must be at most ${CANVAS_MAX_DAYS} days before ending_at`,
} as const

/** The days the window covers, oldest first. */
export function canvasWindow (workspace: Workspace, now: number,
  query: { ending_at?: string | undefined, starting_at?: string | undefined, length?: string | undefined }): Day[] {
  const end = endingAtOf(query.ending_at, workspace, now)
  const last = workspace.calendar.dayContaining(end - 1)
  let count: number
  if (query.length !== undefined) count = Number(query.length)
  else if (query.starting_at !== undefined) {
    const start = parseEndingAt(query.starting_at, workspace.calendar)
    if (start === undefined) throw new InvalidParameter(startingAt.rule)
    if (start >= end) throw new InvalidParameter(CANVAS_WINDOW_RULES.reversed)
    // Elapsed time, as the message says: 14 days from midday touch 15 dates, and all of them are answered.
    if (end - start > CANVAS_MAX_DAYS * DAY_MS) throw new InvalidParameter(CANVAS_WINDOW_RULES.tooLong)
    count = last.index - workspace.calendar.dayContaining(start).index + 1
  } else throw new InvalidParameter(CANVAS_WINDOW_RULES.neither)
  return Array.from({ length: count }, (_, i) => workspace.calendar.day(last.index - count + 1 + i))
}
