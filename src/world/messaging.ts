// Campaigns and Canvases from their fixtures: references checked (workspace, audience segment, the products,
// events and apps conversion behaviours name, the steps variants and paths lead to), message content completed
// with its channel's fields in Braze's order (BRAZE-EXPORT.md sections 3.6 and 3.7).
import { hashString, mix } from './hash.js'
import type { CampaignFixture, CanvasFixture, Channel, ConversionBehaviorFixture, MessageFixture } from './fixture-schema.js'
import type { App, Campaign, Canvas, CanvasStep, ConversionBehavior, Message, Segment, Segments } from './world.js'

const PUSH = { alert: '', extras: {}, title: '', action: '', image_url: null, large_image_url: null }

/** Each channel's message fields, in the order /campaigns/details writes them, with the value of one left out. */
export const CHANNEL_FIELDS: Readonly<Record<Channel, Readonly<Record<string, unknown>>>> = {
  email: {
    subject: '',
    body: '',
    from: '',
    reply_to: '',
    title: '',
    amp_body: null,
    preheader: '',
    custom_plain_text: null,
    should_inline_css: false,
    should_whitespace_header: false,
    email_headers: {},
    extras: {},
  },
  ios_push: PUSH,
  android_push: PUSH,
  web_push: PUSH,
  in_app_message: { type: 'SLIDEUP', header: '', message: '', extras: {} },
  sms: { body: '', from: '', subscription_group_id: '' },
  webhook: { url: '', body: '', type: 'application/json', headers: {}, method: 'POST' },
  content_cards: { extras: {} },
}

/** What resolving needs of the workspace, and where to report a mistake. */
export interface MessagingContext {
  readonly workspaceId: string
  readonly workspaceKey: number
  readonly segments: Pick<Segments, 'get'>
  readonly apps: readonly App[]
  readonly events: ReadonlySet<string>
  readonly products: ReadonlySet<string>
  /** Throws a FixtureError at `pointer` (relative to the item) with `reason`. */
  fail (pointer: string, reason: string): never
  instant (pointer: string, text: string): number
}

function messageFrom (fixture: MessageFixture, pointer: string, context: MessagingContext): Message {
  const fields = CHANNEL_FIELDS[fixture.channel]
  for (const name of Object.keys(fixture.content)) {
    if (!(name in fields)) {
      context.fail(`${pointer}/content/${name}`, `not a field of ${fixture.channel} messages; expected one of: ${Object.keys(fields).join(', ')}`)
    }
  }
  const content: Record<string, unknown> = {}
  for (const [name, fallback] of Object.entries(fields)) content[name] = fixture.content[name] ?? structuredClone(fallback)
  return { id: fixture.id, name: fixture.name, channel: fixture.channel, content }
}

function datesOf (fixture: CampaignFixture | CanvasFixture, context: MessagingContext) {
  const createdAt = context.instant('/created_at', fixture.created_at)
  const updatedAt = fixture.updated_at === undefined ? createdAt : context.instant('/updated_at', fixture.updated_at)
  if (updatedAt < createdAt) context.fail('/updated_at', 'is before created_at')
  const lastEdited = fixture.last_edited === undefined ? updatedAt : context.instant('/last_edited', fixture.last_edited)
  if (lastEdited < createdAt) context.fail('/last_edited', 'is before created_at')
  return { createdAt, updatedAt, lastEdited }
}

function segmentOf (id: string | undefined, context: MessagingContext): Segment | undefined {
  if (id === undefined) return undefined
  return context.segments.get(id) ?? context.fail('/segment_id', `no segment ${JSON.stringify(id)} in workspace ${JSON.stringify(context.workspaceId)}`)
}

/**
 * What a campaign and a Canvas share; each adds its own fields with Object.assign. Under the Node 20 the
 * emulator targets, an object literal that spreads another and adds fields got a hidden class of its own
 * every time: 10,000 campaigns held 10,000 of them, about 7 MB of a large workspace's heap, and every
 * property read on a campaign missed its inline cache (BENCHMARKS.md, eighth pass).
 */
function common (fixture: CampaignFixture | CanvasFixture, context: MessagingContext) {
  return {
    id: fixture.id,
    name: fixture.name,
    description: fixture.description,
    tags: fixture.tags,
    teams: fixture.teams,
    ...datesOf(fixture, context),
    archived: fixture.archived,
    draft: fixture.draft,
    enabled: fixture.enabled,
    hasPostLaunchDraft: fixture.has_post_launch_draft,
    scheduleType: fixture.schedule_type,
    segment: segmentOf(fixture.segment_id, context),
    key: mix(context.workspaceKey, hashString(fixture.id)),
  }
}

function uniqueIds (ids: ReadonlyArray<{ id: string, pointer: string }>, what: string, context: MessagingContext): void {
  const seen = new Set<string>()
  for (const { id, pointer } of ids) {
    if (seen.has(id)) context.fail(pointer, `duplicate ${what} id ${JSON.stringify(id)}`)
    seen.add(id)
  }
}

function behaviorFrom (fixture: ConversionBehaviorFixture, pointer: string, context: MessagingContext): ConversionBehavior {
  const { type } = fixture
  const stray = (name: string, has: boolean, wanted: boolean): void => {
    if (has && !wanted) context.fail(`${pointer}/${name}`, `does not belong to a "${type}" behaviour`)
    if (!has && wanted) context.fail(`${pointer}/${name}`, `is required for a "${type}" behaviour`)
  }
  stray('product', fixture.product !== undefined, type === 'Makes Specific Purchase')
  stray('custom_event_name', fixture.custom_event_name !== undefined, type === 'Performs Custom Event')
  const takesApps = type === 'Upgrades App' || type === 'Starts Session'
  if (!takesApps && fixture.app_ids !== undefined) stray('app_ids', true, false)
  if (fixture.product !== undefined && !context.products.has(fixture.product)) {
    context.fail(`${pointer}/product`, `no product ${JSON.stringify(fixture.product)} in workspace ${JSON.stringify(context.workspaceId)}`)
  }
  if (fixture.custom_event_name !== undefined && !context.events.has(fixture.custom_event_name)) {
    context.fail(`${pointer}/custom_event_name`, `no custom event ${JSON.stringify(fixture.custom_event_name)} in workspace ${JSON.stringify(context.workspaceId)}`)
  }
  fixture.app_ids?.forEach((id, j) => {
    if (!context.apps.some(app => app.id === id)) context.fail(`${pointer}/app_ids/${j}`, `no app ${JSON.stringify(id)} in workspace ${JSON.stringify(context.workspaceId)}`)
  })
  return {
    type,
    window: fixture.window,
    ...(fixture.product === undefined ? {} : { product: fixture.product }),
    ...(fixture.custom_event_name === undefined ? {} : { customEventName: fixture.custom_event_name }),
    ...(takesApps ? { appIds: fixture.app_ids ?? null } : {}),
  }
}

export function campaignFrom (fixture: CampaignFixture, context: MessagingContext): Campaign {
  const variations = fixture.variations.map((v, j) => {
    if (!fixture.channels.includes(v.channel)) {
      context.fail(`/variations/${j}/channel`, `${v.channel} is not one of the campaign's channels (${fixture.channels.join(', ')})`)
    }
    return messageFrom(v, `/variations/${j}`, context)
  })
  uniqueIds([...fixture.variations.map((v, j) => ({ id: v.id, pointer: `/variations/${j}/id` })),
    ...(fixture.control === undefined ? [] : [{ id: fixture.control.id, pointer: '/control/id' }])], 'variation', context)
  if (fixture.send_ids.length > 0 && !fixture.is_api_campaign) context.fail('/send_ids', 'only an API campaign (is_api_campaign) has sends')
  const firstSent = fixture.first_sent === undefined ? undefined : context.instant('/first_sent', fixture.first_sent)
  const lastSent = fixture.last_sent === undefined ? undefined : context.instant('/last_sent', fixture.last_sent)
  if (firstSent !== undefined && lastSent !== undefined && lastSent < firstSent) context.fail('/last_sent', 'is before first_sent')
  return Object.assign(common(fixture, context), {
    isApiCampaign: fixture.is_api_campaign,
    channels: fixture.channels,
    variations,
    control: fixture.control,
    conversionBehaviors: fixture.conversion_behaviors.map((b, j) => behaviorFrom(b, `/conversion_behaviors/${j}`, context)),
    firstSent,
    lastSent,
    sendIds: fixture.send_ids,
  })
}

export function canvasFrom (fixture: CanvasFixture, context: MessagingContext): Canvas {
  uniqueIds(fixture.steps.map((s, j) => ({ id: s.id, pointer: `/steps/${j}/id` })), 'step', context)
  uniqueIds(fixture.variants.map((v, j) => ({ id: v.id, pointer: `/variants/${j}/id` })), 'variant', context)
  uniqueIds(fixture.steps.flatMap((s, j) => s.messages.map((m, k) => ({ id: m.id, pointer: `/steps/${j}/messages/${k}/id` }))),
    'message variation', context)
  const stepIds = new Set(fixture.steps.map(s => s.id))
  const known = (id: string, pointer: string): void => {
    if (!stepIds.has(id)) context.fail(pointer, `no step ${JSON.stringify(id)} in the Canvas`)
  }
  fixture.variants.forEach((v, j) => v.first_step_ids.forEach((id, k) => known(id, `/variants/${j}/first_step_ids/${k}`)))
  const steps = fixture.steps.map((s, j): CanvasStep => {
    s.next_step_ids.forEach((id, k) => known(id, `/steps/${j}/next_step_ids/${k}`))
    s.next_paths.forEach((p, k) => known(p.next_step_id, `/steps/${j}/next_paths/${k}/next_step_id`))
    const messages = s.messages.map((m, k) => messageFrom(m, `/steps/${j}/messages/${k}`, context))
    return {
      id: s.id,
      name: s.name,
      type: s.type,
      nextStepIds: s.next_step_ids,
      nextPaths: s.next_paths.map(p => ({ name: p.name, nextStepId: p.next_step_id })),
      channels: [...new Set(messages.map(m => m.channel))],
      messages,
    }
  })
  const firstEntry = fixture.first_entry === undefined ? undefined : context.instant('/first_entry', fixture.first_entry)
  const lastEntry = fixture.last_entry === undefined ? undefined : context.instant('/last_entry', fixture.last_entry)
  if (firstEntry !== undefined && lastEntry !== undefined && lastEntry < firstEntry) context.fail('/last_entry', 'is before first_entry')
  return Object.assign(common(fixture, context), {
    firstEntry,
    lastEntry,
    variants: fixture.variants.map(v => ({ id: v.id, name: v.name, firstStepIds: v.first_step_ids })),
    steps,
    channels: [...new Set(steps.flatMap(s => s.channels))],
  })
}

/**
 * The channel a control group is listed under, in /campaigns/details and in the series alike: its first
 * variation's (Airbyte's recording shows it beside the variations it holds out from), else the first channel.
 */
export function controlChannel (campaign: Campaign): Channel {
  return campaign.variations[0]?.channel ?? campaign.channels[0]!
}

/** Oldest first, ties by id: the order the lists page through. */
export function byCreation (a: { createdAt: number, id: string }, b: { createdAt: number, id: string }): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
