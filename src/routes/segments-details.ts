// GET /segments/details: one segment's details (BRAZE.md, section 5). Archived segments answer too; ids of
// another workspace are unknown ids.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BRAZE_ERRORS, SegmentsDetailsQuery, SegmentsDetailsResponse } from '../schemas/braze.js'
import { segmentOf } from './resolve.js'

export const segmentsDetails: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/segments/details', {
    config: { permission: 'segments.details' },
    schema: {
      summary: 'See segment details',
      tags: ['Braze'],
      security: [{ bearer: [] }],
      querystring: SegmentsDetailsQuery,
      response: { 200: SegmentsDetailsResponse, ...BRAZE_ERRORS },
    },
  }, async (request) => {
    const segment = segmentOf(request.apiKey!.workspace, request.query.segment_id)
    return {
      message: 'success',
      created_at: new Date(segment.createdAt).toISOString(),
      updated_at: new Date(segment.updatedAt).toISOString(),
      name: segment.name,
      description: segment.description,
      text_description: segment.textDescription,
      tags: [...segment.tags],
      teams: [...segment.teams],
    }
  })
}
