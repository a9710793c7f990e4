// What happens to the messages a campaign variation or a Canvas step sends on one day: each channel's funnel
// from its sends, with the identities and inequalities of BRAZE-EXPORT.md section 7 rule 14 holding exactly
// (every later stage is a floor of a share of an earlier one). Rates are drawn per message from its key and
// wander a little by day, so two variations of one campaign do not read alike.
import { mix, unit } from '../hash.js'
import type { Channel } from '../fixture-schema.js'
import type { Message } from '../world.js'

/** Field → value, in the order Braze writes the channel's entry (section 5 where recorded, 3.6 otherwise). */
export type ChannelStats = Record<string, number>

/** A rate in [lo, hi) for this message and stage, moved by up to ±10% on each day. */
function rate (key: number, salt: number, day: number, lo: number, hi: number): number {
  const base = lo + (hi - lo) * unit(mix(key, salt))
  return base * (0.9 + 0.2 * unit(mix(mix(key, salt), day)))
}

function share (value: number, key: number, salt: number, day: number, lo: number, hi: number): number {
  return Math.floor(value * rate(key, salt, day, lo, hi))
}

/** Campaign email: delivered = sent - bounces, unique ≤ total opens and clicks, machine opens ≤ opens. */
function email (sent: number, key: number, day: number, amp: boolean): ChannelStats {
  const bounces = share(sent, key, 1, day, 0.005, 0.03)
  const delivered = sent - bounces
  const uniqueOpens = share(delivered, key, 2, day, 0.15, 0.35)
  const opens = uniqueOpens + share(uniqueOpens, key, 3, day, 0.1, 0.4)
  // Apple's Mail Privacy Protection opens: a share of all opens (section 5 records the field, undocumented).
  const machineOpen = share(opens, key, 4, day, 0.3, 0.55)
  const uniqueClicks = share(uniqueOpens, key, 5, day, 0.05, 0.2)
  return {
    sent,
    opens,
    machine_open: machineOpen,
    unique_opens: uniqueOpens,
    machine_amp_open: amp ? share(machineOpen, key, 6, day, 0.02, 0.08) : 0,
    clicks: uniqueClicks + share(uniqueClicks, key, 7, day, 0.1, 0.5),
    unique_clicks: uniqueClicks,
    unsubscribes: share(delivered, key, 8, day, 0.001, 0.006),
    bounces,
    delivered,
    reported_spam: share(delivered, key, 9, day, 0.0001, 0.0008),
  }
}

/** Push: bounces ≤ sent, total opens = direct + influenced ≥ direct, body clicks ≤ direct opens. */
function push (sent: number, key: number, day: number) {
  const bounces = share(sent, key, 11, day, 0.01, 0.05)
  const directOpens = share(sent - bounces, key, 12, day, 0.02, 0.08)
  return {
    sent,
    directOpens,
    totalOpens: directOpens + share(sent - bounces, key, 13, day, 0.01, 0.05),
    bounces,
    bodyClicks: share(directOpens, key, 14, day, 0.5, 0.9),
  }
}

/** SMS: delivery_failed = sent - sent_to_carrier, delivered and rejected ≤ sent_to_carrier ≤ sent. */
function sms (sent: number, key: number, day: number): ChannelStats {
  const sentToCarrier = sent - share(sent, key, 21, day, 0.002, 0.01)
  const rejected = share(sentToCarrier, key, 22, day, 0.005, 0.02)
  const delivered = sentToCarrier - rejected - share(sentToCarrier, key, 23, day, 0, 0.01)
  return {
    sent,
    sent_to_carrier: sentToCarrier,
    delivered,
    rejected,
    delivery_failed: sent - sentToCarrier,
    clicks: share(delivered, key, 24, day, 0.02, 0.1),
    opt_out: share(delivered, key, 25, day, 0.001, 0.006),
    help: share(delivered, key, 26, day, 0, 0.001),
  }
}

/** Webhook: errors ≤ sent; errors count as sends but not as recipients. */
function webhook (sent: number, key: number, day: number): ChannelStats {
  return { sent, errors: share(sent, key, 31, day, 0, 0.01) }
}

/** Content Cards: unique ≤ total for impressions, clicks and dismissals. */
function contentCards (sent: number, key: number, day: number): ChannelStats {
  const uniqueImpressions = share(sent, key, 41, day, 0.3, 0.7)
  const uniqueClicks = share(uniqueImpressions, key, 42, day, 0.03, 0.12)
  const uniqueDismissals = share(uniqueImpressions, key, 43, day, 0.05, 0.2)
  return {
    sent,
    total_clicks: uniqueClicks + share(uniqueClicks, key, 44, day, 0, 0.3),
    total_dismissals: uniqueDismissals + share(uniqueDismissals, key, 45, day, 0, 0.1),
    total_impressions: uniqueImpressions + share(uniqueImpressions, key, 46, day, 0.2, 1),
    unique_clicks: uniqueClicks,
    unique_dismissals: uniqueDismissals,
    unique_impressions: uniqueImpressions,
  }
}

/**
 * In-app messages are shown, not sent: `reached` users saw one (its unique recipients), impressions count
 * every showing, and button clicks are part of the clicks.
 */
function inApp (reached: number, key: number, day: number): ChannelStats {
  const clicks = share(reached, key, 51, day, 0.05, 0.2)
  const first = share(clicks, key, 52, day, 0.4, 0.7)
  return {
    impressions: reached + share(reached, key, 53, day, 0.1, 0.5),
    clicks,
    first_button_clicks: first,
    second_button_clicks: share(clicks - first, key, 54, day, 0.3, 0.7),
  }
}

/** One campaign variation's channel figures on a day, in its series entry's order (without ids and conversions). */
export function campaignStats (channel: Channel, sent: number, key: number, day: number, amp: boolean): ChannelStats {
  switch (channel) {
    case 'email': return email(sent, key, day, amp)
    case 'ios_push':
    case 'android_push':
    case 'web_push': {
      const p = push(sent, key, day)
      return { sent, direct_opens: p.directOpens, total_opens: p.totalOpens, bounces: p.bounces, body_clicks: p.bodyClicks }
    }
    case 'sms': return sms(sent, key, day)
    case 'webhook': return webhook(sent, key, day)
    case 'content_cards': return contentCards(sent, key, day)
    case 'in_app_message': return inApp(sent, key, day)
    default: throw new RangeError(`no funnel for channel ${String(channel)}`)
  }
}

/**
 * /sends/data_series's push entry (section 3.6, [D19]): delivered = sent - bounces, undelivered = bounces,
 * delivery_failed (rejected by the push service) a part of them. Other channels read as in campaigns.
 */
export function sendStats (channel: Channel, sent: number, key: number, day: number, amp: boolean): ChannelStats {
  if (channel !== 'ios_push' && channel !== 'android_push' && channel !== 'web_push') return campaignStats(channel, sent, key, day, amp)
  const p = push(sent, key, day)
  return {
    sent,
    delivered: sent - p.bounces,
    undelivered: p.bounces,
    delivery_failed: share(p.bounces, key, 15, day, 0.1, 0.4),
    direct_opens: p.directOpens,
    total_opens: p.totalOpens,
    bounces: p.bounces,
    body_clicks: p.bodyClicks,
  }
}

/**
 * A Canvas step message's figures (section 3.7): push reads `opens` (direct) and `influenced_opens`, which in
 * the API is direct and influenced opens together ([L4]); other channels read as in campaigns.
 */
export function canvasStats (channel: Channel, sent: number, key: number, day: number, amp: boolean): ChannelStats {
  if (channel !== 'ios_push' && channel !== 'android_push' && channel !== 'web_push') return campaignStats(channel, sent, key, day, amp)
  const p = push(sent, key, day)
  return { sent, opens: p.directOpens, influenced_opens: p.totalOpens, bounces: p.bounces, body_clicks: p.bodyClicks }
}

/** Whether an email carries an AMP body, which alone gets AMP opens. */
export function hasAmp (message: Message): boolean {
  const amp = message.content.amp_body
  return typeof amp === 'string' && amp.length > 0
}

/** Field by field sum of one channel's figures: the identities of rule 14 are linear, so they hold for the sum. */
export function sumStats (parts: readonly ChannelStats[]): ChannelStats {
  const out: ChannelStats = {}
  for (const part of parts) for (const [field, value] of Object.entries(part)) out[field] = (out[field] ?? 0) + value
  return out
}

/** Users a variation reached from what it sent: webhook errors are sends without a recipient (rule 14). */
export function recipientsOf (channel: Channel, stats: ChannelStats, sent: number): number {
  return channel === 'webhook' ? sent - stats.errors! : sent
}

/** Whether a channel's series entries carry a variation's own revenue, recipients and conversions (section 5). */
export function carriesConversions (channel: Channel): boolean {
  return channel === 'ios_push' || channel === 'android_push' || channel === 'web_push' || channel === 'in_app_message'
}
