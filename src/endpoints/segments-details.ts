// GET /segments/details: one segment's details (BRAZE.md, section 5). Archived segments answer too; ids of
// another workspace are unknown ids.
import { Type } from '@sinclair/typebox'
import { defineEndpoint } from './define.js'
import { segmentId, Success } from './parameters.js'
import { segmentOf } from './resolve.js'

export const segmentsDetails = defineEndpoint({
  path: '/segments/details',
  permission: 'segments.details',
  pool: 'default',
  summary: 'See segment details',
  parameters: { segment_id: segmentId() },
  response: Type.Object({
    message: Success,
    created_at: Type.String({ description: 'ISO 8601, UTC.' }),
    updated_at: Type.String({ description: 'ISO 8601, UTC.' }),
    name: Type.String(),
    description: Type.String(),
    text_description: Type.String(),
    tags: Type.Array(Type.String()),
    teams: Type.Array(Type.String()),
  }),
  example: { segment_id: '2526216c-722a-4946-9d15-921eb0fa454e' },
  handle ({ query, workspace }) {
    const segment = segmentOf(workspace, query.segment_id)
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
  },
})
