// GET /segments/list: the workspace's segments, 100 a page, by creation time (BRAZE.md, section 5). The
// listing is sorted once per fixture load; a page is a slice of it, read backwards for desc.
import { Type } from '@sinclair/typebox'
import type { Segment } from '../world/world.js'
import { defineEndpoint } from './define.js'
import { optional, page, sortDirection, Success } from './parameters.js'

export const PAGE_SIZE = 100

export const segmentsList = defineEndpoint({
  path: '/segments/list',
  permission: 'segments.list',
  pool: 'default',
  summary: 'Export segment list: the workspace\'s segments, 100 a page, archived ones left out',
  parameters: {
    page: optional(page('0-based page of up to 100 segments; a page past the end is empty.')),
    sort_direction: optional(sortDirection),
  },
  response: Type.Object({
    segments: Type.Array(Type.Object({
      id: Type.String(),
      name: Type.String(),
      analytics_tracking_enabled: Type.Boolean(),
      tags: Type.Array(Type.String()),
    })),
    message: Success,
  }),
  example: { page: '0', sort_direction: 'asc' },
  handle ({ query, workspace }) {
    const listed = workspace.listedSegments
    const first = Number(query.page ?? 0) * PAGE_SIZE
    const count = Math.max(0, Math.min(PAGE_SIZE, listed.length - first))
    const descending = query.sort_direction === 'desc'
    const segments = new Array<ReturnType<typeof item>>(count)
    for (let i = 0; i < count; i++) {
      segments[i] = item(listed.at(descending ? listed.length - 1 - first - i : first + i)!)
    }
    return { segments, message: 'success' }
  },
})

function item (segment: Segment) {
  return {
    id: segment.id,
    name: segment.name,
    analytics_tracking_enabled: segment.analyticsTrackingEnabled,
    // The serialiser only reads it: no copy per item.
    tags: segment.tags as string[],
  }
}
