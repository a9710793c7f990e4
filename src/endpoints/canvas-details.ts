// GET /canvas/details: one Canvas, keys in the documented order (BRAZE-EXPORT.md sections 1 and 3.7): its
// variants with their first steps, and its steps with their paths and message variations keyed by id.
import { Type } from '@sinclair/typebox'
import type { CanvasStep } from '../world/world.js'
import { messageOf } from './campaigns-details.js'
import { defineEndpoint } from './define.js'
import { brazeTime } from './listing.js'
import { canvasId, optional, postLaunchDraftVersion, Success } from './parameters.js'
import { canvasOf } from './resolve.js'

const Time = Type.String({ description: 'ISO 8601 with a +00:00 offset.' })
const OptionalTime = Type.Union([Time, Type.Null()])

export const canvasDetails = defineEndpoint({
  path: '/canvas/details',
  permission: 'canvas.details',
  pool: 'default',
  summary: 'See Canvas details: dates, state, variants and steps with their messages',
  parameters: {
    canvas_id: canvasId,
    post_launch_draft_version: optional(postLaunchDraftVersion),
  },
  response: Type.Object({
    created_at: Time,
    updated_at: Time,
    name: Type.String(),
    description: Type.String(),
    archived: Type.Boolean(),
    draft: Type.Boolean(),
    enabled: Type.Boolean(),
    has_post_launch_draft: Type.Boolean(),
    schedule_type: Type.String(),
    first_entry: OptionalTime,
    last_entry: OptionalTime,
    channels: Type.Array(Type.String()),
    variants: Type.Array(Type.Object({
      name: Type.String(),
      id: Type.String(),
      first_step_ids: Type.Array(Type.String()),
      first_step_id: Type.Optional(Type.String({ description: 'Deprecated; only when the variant has one first step.' })),
    })),
    tags: Type.Array(Type.String()),
    teams: Type.Array(Type.String()),
    steps: Type.Array(Type.Object({
      name: Type.String(),
      type: Type.String(),
      id: Type.String(),
      next_step_ids: Type.Array(Type.String()),
      next_paths: Type.Array(Type.Object({ name: Type.String(), next_step_id: Type.String() })),
      channels: Type.Array(Type.String()),
      messages: Type.Record(Type.String(), Type.Object({ channel: Type.String() }, { additionalProperties: true })),
    })),
    message: Success,
  }),
  example: { canvas_id: '0b6f2d4e-7a1c-4e38-9f25-3c8d1a6e5b47' },
  handle ({ query, workspace }) {
    const canvas = canvasOf(workspace, query.canvas_id)
    return {
      created_at: brazeTime(canvas.createdAt),
      updated_at: brazeTime(canvas.updatedAt),
      name: canvas.name,
      description: canvas.description,
      archived: canvas.archived,
      draft: canvas.draft,
      enabled: canvas.enabled,
      has_post_launch_draft: canvas.hasPostLaunchDraft,
      schedule_type: canvas.scheduleType,
      first_entry: canvas.firstEntry === undefined ? null : brazeTime(canvas.firstEntry),
      last_entry: canvas.lastEntry === undefined ? null : brazeTime(canvas.lastEntry),
      channels: [...canvas.channels],
      variants: canvas.variants.map(v => ({
        name: v.name,
        id: v.id,
        first_step_ids: [...v.firstStepIds],
        ...(v.firstStepIds.length === 1 ? { first_step_id: v.firstStepIds[0]! } : {}),
      })),
      tags: [...canvas.tags],
      teams: [...canvas.teams],
      steps: canvas.steps.map(stepOf),
      message: 'success',
    }
  },
})

function stepOf (step: CanvasStep) {
  const messages: Record<string, { channel: string }> = {}
  for (const message of step.messages) messages[message.id] = messageOf(message)
  return {
    name: step.name,
    type: step.type,
    id: step.id,
    next_step_ids: [...step.nextStepIds],
    next_paths: step.nextPaths.map(p => ({ name: p.name, next_step_id: p.nextStepId })),
    channels: [...step.channels],
    messages,
  }
}
