// GET /canvas/list: the workspace's Canvases, 100 a page, by creation time (BRAZE-EXPORT.md sections 0, 2.3 and
// 3.7); stopped ones are listed, archived ones only when asked.
// Items in the key order Airbyte recorded from Braze (BRAZE-EXPORT.md section 5).
import { Type } from '@sinclair/typebox'
import type { Canvas } from '../world/world.js'
import { defineEndpoint } from './define.js'
import { brazeTime, listPage } from './listing.js'
import { includeArchived, lastEditTimeGt, optional, page, sortDirection, Success } from './parameters.js'

export const canvasList = defineEndpoint({
  path: '/canvas/list',
  permission: 'canvas.list',
  pool: 'default',
  summary: 'Export Canvas list: the workspace\'s Canvases, 100 a page, oldest first',
  parameters: {
    page: optional(page('0-based page of up to 100 Canvases; a page past the end is empty.')),
    include_archived: optional(includeArchived),
    sort_direction: optional(sortDirection),
    'last_edit.time[gt]': optional(lastEditTimeGt),
  },
  response: Type.Object({
    canvases: Type.Array(Type.Object({
      id: Type.String(),
      name: Type.String(),
      tags: Type.Array(Type.String()),
      last_edited: Type.String({ description: 'ISO 8601 with a +00:00 offset.' }),
    })),
    message: Success,
  }),
  example: { page: '0' },
  handle ({ query, workspace }) {
    return { canvases: listPage(workspace.canvases, query, workspace).map(item), message: 'success' }
  },
})

function item (canvas: Canvas) {
  return {
    id: canvas.id,
    name: canvas.name,
    tags: canvas.tags as string[],
    last_edited: brazeTime(canvas.lastEdited),
  }
}
