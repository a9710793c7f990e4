// What /campaigns/data_series and /sends/data_series write for a day (BRAZE-EXPORT.md sections 0 "Campaigns and
// sends", 3.6 and 5): the recorded field names and order, `messages` with one array per channel of the
// campaign (empty for a channel without variations), push and in-app entries carrying their variation's own
// revenue, recipients and conversions, the control group's entry with `enrolled`, and `conversions1..3` only
// for the behaviours the campaign has. Revenue is written in the workspace's currency units (a float).
import { Type } from '@sinclair/typebox'
import { carriesConversions } from '../world/series/funnels.js'
import type { ArmDay, CampaignDay, SendDay } from '../world/series/campaign-stats.js'
import { controlChannel } from '../world/messaging.js'
import type { Campaign } from '../world/world.js'
import { campaignId, endingAt, length, optional, Success } from './parameters.js'

const Entry = Type.Object({}, {
  additionalProperties: true,
  description: 'One variation (or the control group): its id, its channel\'s figures, and on push and in-app entries its own ' +
    'revenue, unique recipients and conversions.',
})

const Count = (description: string) => Type.Optional(Type.Integer({ description }))

/** A data point, its keys in the order Braze writes them (section 5, Airbyte's recording). */
export const CampaignPoint = Type.Object({
  time: Type.String({ description: 'YYYY-MM-DD in the workspace\'s zone.' }),
  messages: Type.Record(Type.String(), Type.Array(Entry), { description: 'By channel, one entry per variation; [] for a channel without one.' }),
  conversions_by_send_time: Count('Primary conversions, counted on the day the user received the message.'),
  conversions1_by_send_time: Count('Second conversion behaviour, by send day.'),
  conversions2_by_send_time: Count('Third conversion behaviour, by send day.'),
  conversions3_by_send_time: Count('Fourth conversion behaviour, by send day.'),
  conversions: Count('Primary conversions, counted on the day they happened.'),
  conversions1: Count('Second conversion behaviour.'),
  conversions2: Count('Third conversion behaviour.'),
  conversions3: Count('Fourth conversion behaviour.'),
  // Always present: optional in the schema only because the serializer writes required keys first, and
  // these two come last in the recorded order.
  unique_recipients: Type.Optional(Type.Integer({ description: 'Users who received a message that day (always present).' })),
  revenue: Type.Optional(Type.Number({ description: 'Revenue from recipients and the control group within the primary conversion window (always present).' })),
})

export const campaignSeriesParameters = { campaign_id: campaignId, length, ending_at: optional(endingAt) }

export const CampaignSeriesResponse = Type.Object({ message: Success, data: Type.Array(CampaignPoint) })

const conversionName = (b: number) => b === 0 ? 'conversions' : `conversions${b}`

/** A variation's own conversions: each behaviour's count beside its count by send time (section 5's order). */
function ownConversions (arm: ArmDay): Record<string, number> {
  const out: Record<string, number> = { revenue: arm.revenueCents / 100, unique_recipients: arm.recipients }
  arm.conversions.forEach((value, b) => {
    out[conversionName(b)] = value
    out[`${conversionName(b)}_by_send_time`] = arm.bySendTime[b]!
  })
  return out
}

export function campaignPoint (campaign: Campaign, point: CampaignDay | SendDay) {
  const messages: Record<string, Array<Record<string, unknown>>> = {}
  for (const channel of campaign.channels) messages[channel] = []
  for (const variation of point.variations) {
    const { message, stats } = variation
    const own = carriesConversions(message.channel)
    messages[message.channel]!.push({
      ...(own ? { variation_name: message.name } : {}),
      variation_api_id: message.id,
      ...stats,
      ...(own ? ownConversions(variation) : {}),
    })
  }
  if ('control' in point && point.control !== undefined) {
    const { id, recipients: enrolled, ...arm } = point.control
    messages[controlChannel(campaign)]!.push({
      variation_name: 'Control Group',
      variation_api_id: id,
      enrolled,
      // The control group receives nothing; its users' conversions and revenue count (rule 15).
      ...ownConversions({ ...arm, recipients: 0 }),
    })
  }
  const out: Record<string, unknown> = { time: point.day.date, messages }
  point.bySendTime.forEach((value, b) => { out[`${conversionName(b)}_by_send_time`] = value })
  point.conversions.forEach((value, b) => { out[conversionName(b)] = value })
  out.unique_recipients = point.uniqueRecipients
  out.revenue = point.revenueCents / 100
  return out as { time: string, messages: typeof messages, unique_recipients: number, revenue: number }
}
