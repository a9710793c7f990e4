// A campaign's daily statistics (GET /campaigns/data_series, /sends/data_series) from the workspace's simulated
// users (BRAZE-EXPORT.md sections 0 "Campaigns and sends", 3.6, 5, and section 7 rules 13 to 16):
//
//   - who is reached: the audience segment (or every user) as served, on the days between first_sent and
//     last_sent; a triggered campaign reaches a share of the audience's active users each day, a one-off
//     send a share of the audience once, a recurring one on the weekday it started; an override sets a
//     day's sends;
//   - a control group holds out its share and receives nothing; the rest is split over the variations;
//   - each variation's funnel obeys rule 14 (funnels.ts), each user reached gets one message, so the day's
//     unique recipients are the sends less webhook errors;
//   - conversions and revenue come from the reached users' share of the workspace's own events, purchases,
//     sessions and revenue within each behaviour's window (reach.ts), control group included;
//   - an API campaign's sends split each day's messages, conversions and revenue over its send ids, and
//     read 0 once 14 days have passed since the day (Braze keeps send analytics for 14 days).
import { DAY_MS } from '../zone-calendar.js'
import type { Day } from '../zone-calendar.js'
import { hashString, mix, unit } from '../hash.js'
import type { Metric } from '../metrics.js'
import type { Campaign, Message, Workspace } from '../world.js'
import type { SeriesContext } from './context.js'
import { campaignStats, hasAmp, recipientsOf, sendStats, sumStats, type ChannelStats } from './funnels.js'
import { bySendDay, conversionsByDay, dayNoise, liftOf, Reach, revenueByDay, windowDays } from './reach.js'
import { split } from './split.js'

export const CAMPAIGN_SENDS: Metric = { id: 'sends', key: 'sent', entity: 'campaign', hours: false, aggregate: 'sum', salt: 0xca5e }

/** Revenue is attributed within the primary behaviour's window, or these days when a campaign has none. */
const DEFAULT_REVENUE_WINDOW = 3

/** Braze keeps send analytics for 14 days after the send ([D19]). */
export const SEND_RETENTION_DAYS = 14

/** What a user reached by one arm (a variation, or the control group) did on one day. */
export interface ArmDay {
  readonly recipients: number
  /** One per conversion behaviour, in the campaign's order (A, B, C, D). */
  readonly conversions: readonly number[]
  readonly bySendTime: readonly number[]
  readonly revenueCents: number
}

export interface VariationDay extends ArmDay {
  readonly message: Message
  readonly stats: ChannelStats
}

export interface CampaignDay {
  readonly day: Day
  readonly variations: readonly VariationDay[]
  /** The control group's day, `recipients` being those it enrolled: absent when the campaign has none. */
  readonly control: (ArmDay & { readonly id: string }) | undefined
  readonly uniqueRecipients: number
  readonly conversions: readonly number[]
  readonly bySendTime: readonly number[]
  readonly revenueCents: number
}

type Cadence = 'triggered' | 'once' | 'weekly'

function cadenceOf (campaign: Campaign, firstDay: number, lastDay: number): Cadence {
  if (campaign.scheduleType !== 'time_based') return 'triggered'
  return firstDay === lastDay ? 'once' : 'weekly'
}

/** Share of the audience a send reaches: of its active users each day, or of all of it per scheduled send. */
function reachShare (key: number, cadence: Cadence): number {
  const u = unit(mix(key, 0x4eac))
  return cadence === 'triggered' ? 0.01 + 0.09 * u : cadence === 'once' ? 0.55 + 0.35 * u : 0.25 + 0.35 * u
}

function messageKey (campaignKey: number, message: Message): number {
  return mix(campaignKey, hashString(message.id))
}

/** The campaign's statistics on `days` (consecutive, oldest first). */
export function campaignDays (ctx: SeriesContext, workspace: Workspace, campaign: Campaign, days: readonly Day[]): CampaignDay[] {
  const behaviours = campaign.conversionBehaviors
  const windows = behaviours.map(b => windowDays(b.window))
  const revenueWindow = windows[0] ?? DEFAULT_REVENUE_WINDOW
  const longest = Math.max(revenueWindow, ...windows)
  const reach = new Reach(ctx, workspace, days, longest - 1, longest - 1)
  const n = reach.days.length

  // Messages sent per day, before the control group's share.
  const targeted = targetedPerDay(ctx, workspace, campaign, reach)
  const share = campaign.control?.share ?? 0
  const enrolled = new Array<number>(n).fill(0)
  const treated = new Array<number>(n).fill(0)
  for (let i = 0; i < n; i++) {
    const day = reach.days[i]!
    const overridden = day.start < ctx.now ? ctx.overrides?.day(CAMPAIGN_SENDS.id, campaign.id, day.index) : undefined
    if (overridden !== undefined) {
      treated[i] = overridden
      enrolled[i] = share > 0 ? Math.floor(overridden * share / (1 - share)) : 0
    } else {
      enrolled[i] = Math.floor(targeted[i]! * share)
      treated[i] = targeted[i]! - enrolled[i]!
    }
  }

  const variations = campaign.variations
  const sends = sendsOf(campaign)
  const keys = variations.map(v => messageKey(campaign.key, v))
  const weights = keys.map(key => 1 + unit(mix(key, 0x3e16)))
  const sent = variations.map(() => new Array<number>(n).fill(0))
  const stats = variations.map(() => new Array<ChannelStats>(n))
  const recipients = variations.map(() => new Array<number>(n).fill(0))
  for (let i = 0; i < n; i++) {
    const parts = split(treated[i]!, weights)
    for (let v = 0; v < variations.length; v++) {
      const message = variations[v]!
      sent[v]![i] = parts[v]!
      stats[v]![i] = sends.length === 0
        ? campaignStats(message.channel, parts[v]!, keys[v]!, reach.days[i]!.index, hasAmp(message))
        // An API campaign's funnel is the sum of its sends', so every send stays within it (rule 16).
        : sumStats(sendParts(sends, parts[v]!).map((part, k) =>
          campaignStats(message.channel, part, sendMessageKey(sends[k]!, message), reach.days[i]!.index, hasAmp(message))))
      recipients[v]![i] = recipientsOf(message.channel, stats[v]![i]!, parts[v]!)
    }
  }

  const arms = [
    ...variations.map((_, v) => ({ recipients: recipients[v]!, lift: liftOf(campaign.key, false) })),
    ...(campaign.control === undefined ? [] : [{ recipients: enrolled, lift: liftOf(campaign.key, true) }]),
  ]
  // conversions[b][a][i], bySend[b][a][i]
  const conversions = behaviours.map((behaviour, b) => {
    if (behaviour.type === 'Opens Email' || behaviour.type === 'Clicks Email') {
      const field = behaviour.type === 'Opens Email' ? 'unique_opens' : 'unique_clicks'
      return arms.map((_, a) => a < variations.length && variations[a]!.channel === 'email'
        ? stats[a]!.map(s => s[field]!)
        : new Array<number>(n).fill(0))
    }
    return conversionsByDay(reach, arms, reach.occurrences(behaviour), windows[b]!)
  })
  const bySend = behaviours.map((behaviour, b) => arms.map((arm, a) => {
    // An email's opens and clicks are counted on the day it went out: both attributions read the same.
    if (behaviour.type === 'Opens Email' || behaviour.type === 'Clicks Email') return conversions[b]![a]!
    return bySendDay(conversions[b]![a]!, arm.recipients, windows[b]!)
  }))
  const revenue = revenueByDay(reach, arms, reach.revenue(), revenueWindow)

  const out: CampaignDay[] = []
  for (let k = 0; k < reach.count; k++) {
    const i = reach.offset + k
    const armDay = (a: number, people: number): ArmDay => ({
      recipients: people,
      conversions: conversions.map(perArm => perArm[a]![i]!),
      bySendTime: bySend.map(perArm => perArm[a]![i]!),
      revenueCents: revenue[a]![i]!,
    })
    const variationDays = variations.map((message, v) => ({ message, stats: stats[v]![i]!, ...armDay(v, recipients[v]![i]!) }))
    const control = campaign.control === undefined ? undefined : { id: campaign.control.id, ...armDay(variations.length, enrolled[i]!) }
    const all: ArmDay[] = control === undefined ? variationDays : [...variationDays, control]
    out.push({
      day: reach.days[i]!,
      variations: variationDays,
      control,
      // The control group receives nothing: it adds conversions and revenue, not recipients (rule 15).
      uniqueRecipients: variationDays.reduce((total, v) => total + v.recipients, 0),
      conversions: behaviours.map((_, b) => all.reduce((total, arm) => total + arm.conversions[b]!, 0)),
      bySendTime: behaviours.map((_, b) => all.reduce((total, arm) => total + arm.bySendTime[b]!, 0)),
      revenueCents: all.reduce((total, arm) => total + arm.revenueCents, 0),
    })
  }
  return out
}

/** Messages the campaign would send each day of `reach`, control group included, before any override. */
function targetedPerDay (ctx: SeriesContext, workspace: Workspace, campaign: Campaign, reach: Reach): number[] {
  const n = reach.days.length
  const out = new Array<number>(n).fill(0)
  if (campaign.firstSent === undefined || campaign.variations.length === 0) return out
  const firstDay = workspace.calendar.dayContaining(campaign.firstSent)
  const lastDay = workspace.calendar.dayContaining(campaign.lastSent ?? campaign.firstSent).index
  const cadence = cadenceOf(campaign, firstDay.index, lastDay)
  const rho = reachShare(campaign.key, cadence)
  const audience = reach.audience(campaign.segment)
  // A scheduled send goes out at first_sent's time of day.
  const sendTime = campaign.firstSent - firstDay.start
  const lastSentTime = (campaign.lastSent ?? campaign.firstSent) - workspace.calendar.day(lastDay).start
  for (let i = 0; i < n; i++) {
    const day = reach.days[i]!
    if (day.index < firstDay.index || day.index > lastDay || day.hours === 0 || day.start >= ctx.now) continue
    if (cadence === 'triggered') {
      out[i] = Math.floor(audience[i]! * reach.active(i) * rho * dayNoise(campaign.key, day))
      continue
    }
    // The last send is on last_sent's day, whatever its weekday.
    const onDay = day.index === lastDay ? lastSentTime : sendTime
    if (((day.index - firstDay.index) % 7 !== 0 && day.index !== lastDay) || Math.min(day.start + onDay, day.end - 1) >= ctx.now) continue
    out[i] = Math.floor(audience[i]! * rho * (cadence === 'once' ? 1 : dayNoise(campaign.key, day)))
  }
  return out
}

/** An API campaign's sends: each one's key, and its fixed share of every day. */
interface Send { readonly key: number, readonly weight: number }

function sendsOf (campaign: Campaign): Send[] {
  return campaign.sendIds.map(id => {
    const key = mix(campaign.key, hashString(id))
    return { key, weight: 1 + unit(mix(key, 0x5e9d)) }
  })
}

function sendParts (sends: readonly Send[], total: number): number[] {
  return split(total, sends.map(send => send.weight))
}

function sendMessageKey (send: Send, message: Message): number {
  return mix(send.key, hashString(message.id))
}

export interface SendDay {
  readonly day: Day
  readonly variations: ReadonlyArray<ArmDay & { readonly message: Message, readonly stats: ChannelStats }>
  readonly uniqueRecipients: number
  readonly conversions: readonly number[]
  readonly bySendTime: readonly number[]
  readonly revenueCents: number
}

/**
 * One send's days: the campaign's messages, conversions and revenue of each day split over its send ids in
 * fixed proportions, so the sends of a day add up to the campaign's (rule 16); a day more than 14 days
 * before now reads 0.
 */
export function sendDays (ctx: SeriesContext, workspace: Workspace, campaign: Campaign, sendId: string, days: readonly Day[]): SendDay[] {
  const sends = sendsOf(campaign)
  const index = campaign.sendIds.indexOf(sendId)
  const ours = (total: number): number => sendParts(sends, total)[index]!
  return campaignDays(ctx, workspace, campaign, days).map(({ day, variations }) => {
    const kept = day.end + SEND_RETENTION_DAYS * DAY_MS > ctx.now
    const parts = variations.map(v => {
      const sent = kept ? ours(v.stats.sent ?? v.recipients) : 0
      const stats = sendStats(v.message.channel, sent, sendMessageKey(sends[index]!, v.message), day.index, hasAmp(v.message))
      return {
        message: v.message,
        stats,
        recipients: recipientsOf(v.message.channel, stats, sent),
        conversions: v.conversions.map(value => kept ? ours(value) : 0),
        bySendTime: v.bySendTime.map(value => kept ? ours(value) : 0),
        revenueCents: kept ? ours(v.revenueCents) : 0,
      }
    })
    const behaviours = campaign.conversionBehaviors.length
    return {
      day,
      variations: parts,
      uniqueRecipients: parts.reduce((total, v) => total + v.recipients, 0),
      conversions: Array.from({ length: behaviours }, (_, b) => parts.reduce((total, v) => total + v.conversions[b]!, 0)),
      bySendTime: Array.from({ length: behaviours }, (_, b) => parts.reduce((total, v) => total + v.bySendTime[b]!, 0)),
      revenueCents: parts.reduce((total, v) => total + v.revenueCents, 0),
    }
  })
}
