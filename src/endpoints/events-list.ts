// GET /events/list: the names of the workspace's custom events, 250 a page, alphabetical (BRAZE-EXPORT.md
// sections 0, 2.3 and 3.3). Rule 11 of section 7: the names are those with occurrences in the world, the
// events logged at a rate above zero in at least one app. An Inactive event is listed like an Active one:
// Braze lists the names "recorded for your app", and its past occurrences stay recorded.
import { Type } from '@sinclair/typebox'
import { defineEndpoint } from './define.js'
import { optional, page, Success } from './parameters.js'

export const EVENTS_PAGE_SIZE = 250

/** The events with occurrences, alphabetical (the catalog is sorted at load): what /events/list and /events list. */
export const eventsList = defineEndpoint({
  path: '/events/list',
  permission: 'events.list',
  pool: 'custom-data',
  summary: 'Export custom events list: the names of the events recorded in the workspace, 250 a page, alphabetical',
  parameters: {
    page: optional(page('0-based page of up to 250 event names; a page past the end is empty.')),
  },
  response: Type.Object({
    message: Success,
    events: Type.Array(Type.String()),
  }),
  example: { page: '0' },
  handle ({ query, workspace }) {
    const first = Number(query.page ?? 0) * EVENTS_PAGE_SIZE
    return {
      message: 'success',
      events: workspace.recordedEvents.slice(first, first + EVENTS_PAGE_SIZE).map(event => event.name),
    }
  },
})
