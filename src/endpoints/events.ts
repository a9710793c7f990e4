// GET /events: the workspace's custom events with their metadata, 50 a call, alphabetical, and while more
// remain a Link header to the next call (BRAZE-EXPORT.md sections 0, 2.3 and 3.3). Rule 11 of section 7:
// the same names in the same order as /events/list. The cursor and the Link live here; /custom_attributes
// pages the same way.
import { Buffer } from 'node:buffer'
import { Type } from '@sinclair/typebox'
import { InvalidParameter } from '../emulator/errors.js'
import type { CustomEvent } from '../world/world.js'
import { defineEndpoint, type EndpointRequest } from './define.js'
import { optional, parameter, Success } from './parameters.js'

export const CURSOR_PAGE_SIZE = 50

/**
 * Braze's cursor is opaque to clients; its docs' example, c2tpcDow, is base64 of `skip:0`. The emulator's
 * are base64url of `skip:<offset>` without padding (the padded form is taken too), and a cursor it could not
 * have issued (another endpoint's offset past the end, not a multiple of 50, not base64) is this 400.
 */
export const cursor = parameter(Type.String({
  minLength: 1,
  description: 'The cursor from the previous answer\'s Link header; left out, the first 50.',
  examples: ['c2tpcDow'],
}), 'cursor must be a cursor from a Link header of this endpoint')

/** The header a cursor-paged answer carries, for its definition's `headers`. */
export const LINK_HEADER = {
  Link: 'While more remain: <{scheme}://{host}{path}?cursor={cursor}>; rel="next" (RFC 8288), the host as the client sent it.',
} as const

/** One call's slice of `list`, setting the Link to the next call while more remain. */
export function cursorPage<T> (list: readonly T[], sent: string | undefined, path: string,
  { origin, header }: Pick<EndpointRequest<unknown>, 'origin' | 'header'>): T[] {
  const skip = sent === undefined ? 0 : skipOf(sent, list.length)
  const end = skip + CURSOR_PAGE_SIZE
  if (end < list.length) header('Link', `<${origin}${path}?cursor=${cursorAt(end)}>; rel="next"`)
  return list.slice(skip, end)
}

function cursorAt (skip: number): string {
  return Buffer.from(`skip:${skip}`).toString('base64url')
}

function skipOf (sent: string, length: number): number {
  const match = /^skip:(0|[1-9][0-9]{0,15})$/.exec(Buffer.from(sent, 'base64url').toString('latin1'))
  const skip = match === null ? -1 : Number(match[1])
  const issued = skip % CURSOR_PAGE_SIZE === 0 && (skip === 0 || skip < length) &&
    (sent === cursorAt(skip) || sent === Buffer.from(`skip:${skip}`).toString('base64'))
  if (!issued) throw new InvalidParameter(cursor.rule)
  return skip
}

export const events = defineEndpoint({
  path: '/events',
  permission: 'events.get',
  pool: 'custom-data',
  summary: 'Export custom events: the events recorded in the workspace with their metadata, 50 a call, alphabetical',
  parameters: { cursor: optional(cursor) },
  response: Type.Object({
    message: Success,
    events: Type.Array(Type.Object({
      name: Type.String(),
      description: Type.String(),
      included_in_analytics_report: Type.Boolean(),
      status: Type.Union([Type.Literal('Active'), Type.Literal('Inactive')]),
      tag_names: Type.Array(Type.String()),
    })),
  }),
  headers: LINK_HEADER,
  example: {},
  handle (request) {
    return { message: 'success', events: cursorPage(request.workspace.recordedEvents, request.query.cursor, '/events', request).map(item) }
  },
})

function item (event: CustomEvent) {
  return {
    name: event.name,
    description: event.description,
    included_in_analytics_report: event.includedInAnalyticsReport,
    status: event.status,
    // The serialiser only reads it: no copy per item.
    tag_names: event.tags as string[],
  }
}
