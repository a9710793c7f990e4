// GET /segments/list: the workspace's segments, 100 a page, by creation time (BRAZE.md, section 5). The
// listing is sorted once per fixture load; a page is a slice of it, read backwards for desc.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BRAZE_ERRORS, SegmentsListQuery, SegmentsListResponse } from '../schemas/braze.js'
import type { Segment } from '../world/world.js'

export const PAGE_SIZE = 100

export const segmentsList: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/segments/list', {
    config: { permission: 'segments.list' },
    schema: {
      summary: 'Export segment list: the workspace\'s segments, 100 a page, archived ones left out',
      tags: ['Braze'],
      security: [{ bearer: [] }],
      querystring: SegmentsListQuery,
      response: { 200: SegmentsListResponse, ...BRAZE_ERRORS },
    },
  }, async (request) => {
    const listed = request.apiKey!.workspace.listedSegments
    const first = Number(request.query.page ?? 0) * PAGE_SIZE
    const count = Math.max(0, Math.min(PAGE_SIZE, listed.length - first))
    const descending = request.query.sort_direction === 'desc'
    const segments = new Array<ReturnType<typeof item>>(count)
    for (let i = 0; i < count; i++) {
      segments[i] = item(listed[descending ? listed.length - 1 - first - i : first + i]!)
    }
    return { segments, message: 'success' }
  })
}

function item (segment: Segment) {
  return {
    id: segment.id,
    name: segment.name,
    analytics_tracking_enabled: segment.analyticsTrackingEnabled,
    // The serialiser only reads it: no copy per item.
    tags: segment.tags as string[],
  }
}
