// GET /campaigns/details: one campaign, keys in the documented order (BRAZE-EXPORT.md sections 1 and 3.6).
// `messages` is an object keyed by message variation id, the control group's entry included; archived campaigns
// answer too, ids of another workspace are unknown ids.
import { Type } from '@sinclair/typebox'
import type { ConversionBehavior, Message } from '../world/world.js'
import { controlChannel } from '../world/messaging.js'
import { defineEndpoint } from './define.js'
import { brazeTime } from './listing.js'
import { campaignId, optional, postLaunchDraftVersion, Success } from './parameters.js'
import { campaignOf } from './resolve.js'

const Time = Type.String({ description: 'ISO 8601 with a +00:00 offset.' })
const OptionalTime = Type.Union([Time, Type.Null()])

export const campaignsDetails = defineEndpoint({
  path: '/campaigns/details',
  permission: 'campaigns.details',
  pool: 'default',
  summary: 'See campaign details: dates, state, channels, message variations and conversion behaviours',
  parameters: {
    campaign_id: campaignId,
    post_launch_draft_version: optional(postLaunchDraftVersion),
  },
  response: Type.Object({
    message: Success,
    created_at: Time,
    updated_at: Time,
    archived: Type.Boolean(),
    draft: Type.Boolean(),
    enabled: Type.Boolean(),
    has_post_launch_draft: Type.Boolean(),
    name: Type.String(),
    description: Type.String(),
    schedule_type: Type.String(),
    channels: Type.Array(Type.String()),
    first_sent: OptionalTime,
    last_sent: OptionalTime,
    tags: Type.Array(Type.String()),
    teams: Type.Array(Type.String()),
    messages: Type.Record(Type.String(), Type.Object({ channel: Type.String() }, { additionalProperties: true }), {
      description: 'By message variation id: channel, name and the channel\'s fields; the control group is {channel, type: "control"}.',
    }),
    conversion_behaviors: Type.Array(Type.Object({ type: Type.String(), window: Type.Integer() }, { additionalProperties: true })),
  }),
  example: { campaign_id: '5f0c3a8e-2b7d-4c61-9e4a-8d1f6b2c7a90' },
  handle ({ query, workspace }) {
    const campaign = campaignOf(workspace, query.campaign_id)
    const messages: Record<string, { channel: string }> = {}
    for (const variation of campaign.variations) messages[variation.id] = messageOf(variation)
    if (campaign.control !== undefined) messages[campaign.control.id] = { channel: controlChannel(campaign), type: 'control' } as { channel: string }
    return {
      message: 'success',
      created_at: brazeTime(campaign.createdAt),
      updated_at: brazeTime(campaign.updatedAt),
      archived: campaign.archived,
      draft: campaign.draft,
      enabled: campaign.enabled,
      has_post_launch_draft: campaign.hasPostLaunchDraft,
      name: campaign.name,
      description: campaign.description,
      schedule_type: campaign.scheduleType,
      channels: [...campaign.channels],
      first_sent: campaign.firstSent === undefined ? null : brazeTime(campaign.firstSent),
      last_sent: campaign.lastSent === undefined ? null : brazeTime(campaign.lastSent),
      tags: [...campaign.tags],
      teams: [...campaign.teams],
      messages,
      conversion_behaviors: campaign.conversionBehaviors.map(behaviorOf),
    }
  },
})

/** A message variation as details write it: channel, name, then its channel's fields in order. */
export function messageOf (message: Message): { channel: string } {
  return { channel: message.channel, name: message.name, ...structuredClone(message.content) } as { channel: string }
}

function behaviorOf (behavior: ConversionBehavior) {
  return {
    type: behavior.type,
    window: behavior.window,
    ...(behavior.product === undefined ? {} : { product: behavior.product }),
    ...(behavior.customEventName === undefined ? {} : { custom_event_name: behavior.customEventName }),
    ...(behavior.appIds === undefined ? {} : { app_ids: behavior.appIds === null ? null : [...behavior.appIds] }),
  }
}
