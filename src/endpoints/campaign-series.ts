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

/** Conversion behaviour b's field names, made once: the four a campaign can have, and any past them. */
const CONVERSION_NAMES = [0, 1, 2, 3].map(b => b === 0 ? 'conversions' : `conversions${b}`)
const conversionName = (b: number) => CONVERSION_NAMES[b] ?? `conversions${b}`
const BY_SEND_TIME_NAMES = CONVERSION_NAMES.map(name => `${name}_by_send_time`)
const bySendTimeName = (b: number) => BY_SEND_TIME_NAMES[b] ?? `${conversionName(b)}_by_send_time`

type Fields = Record<string, unknown>

/**
 * Adds an arm's own conversions to `out`: revenue, recipients, then each behaviour's count beside its count
 * by send time (section 5's order). A key `out` already has keeps its place and takes the new value, as a
 * spread would do.
 */
function addOwnConversions (out: Fields, arm: Pick<ArmDay, 'revenueCents' | 'conversions' | 'bySendTime'>, recipients: number): void {
  out.revenue = arm.revenueCents / 100
  out.unique_recipients = recipients
  arm.conversions.forEach((value, b) => {
    out[conversionName(b)] = value
    out[bySendTimeName(b)] = arm.bySendTime[b]!
  })
}

// Written field by field rather than with object spreads: the spreads, one point per day, channel and
// variation, were the largest cost of a campaign's or send's first answer (18% of its CPU in a profile of the
// bench's mix, beside the collector's 20%), with the same keys in the same order.
export function campaignPoint (campaign: Campaign, point: CampaignDay | SendDay) {
  const messages: Record<string, Fields[]> = {}
  for (const channel of campaign.channels) messages[channel] = []
  for (const variation of point.variations) {
    const { message, stats } = variation
    const own = carriesConversions(message.channel)
    const entry: Fields = {}
    if (own) entry.variation_name = message.name
    entry.variation_api_id = message.id
    for (const key in stats) entry[key] = stats[key]
    if (own) addOwnConversions(entry, variation, variation.recipients)
    messages[message.channel]!.push(entry)
  }
  if ('control' in point && point.control !== undefined) {
    const control = point.control
    // The control group receives nothing; its users' conversions and revenue count (rule 15).
    const entry: Fields = { variation_name: 'Control Group', variation_api_id: control.id, enrolled: control.recipients }
    addOwnConversions(entry, control, 0)
    messages[controlChannel(campaign)]!.push(entry)
  }
  const out: Fields = { time: point.day.date, messages }
  point.bySendTime.forEach((value, b) => { out[bySendTimeName(b)] = value })
  point.conversions.forEach((value, b) => { out[conversionName(b)] = value })
  out.unique_recipients = point.uniqueRecipients
  out.revenue = point.revenueCents / 100
  return out as { time: string, messages: typeof messages, unique_recipients: number, revenue: number }
}
