// Generated campaigns and Canvases (a workspace's generate.campaigns and generate.canvases): what campaignFrom
// and canvasFrom make of fixtures a person could have written, against the workspace's own apps, segments,
// events and products (BRAZE-EXPORT.md sections 3.6, 3.7, rules 13 and 17), dated inside its history, named for
// its industry, and the same on every build.
import { describe, expect, it } from 'vitest'
import { buildWorld } from '../../src/world/build-world.js'
import { CHANNELS, CONVERSION_TYPES } from '../../src/world/fixture-schema.js'
import { GeneratedCampaign, GeneratedCanvas } from '../../src/world/generated-messaging.js'
import { hashString } from '../../src/world/hash.js'
import { FixtureError, loadFixtures } from '../../src/world/load-fixtures.js'
import { campaignFrom, canvasFrom, type MessagingContext } from '../../src/world/messaging.js'
import type { Campaign, Canvas, Workspace, World } from '../../src/world/world.js'
import { NOW } from '../helpers.js'
import { foreignWords } from './industry-signatures.js'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
/** When generated entities are created (build-world.ts): from 2019 to June 2026. */
const SINCE = Date.UTC(2019, 0, 1)
const UNTIL = Date.UTC(2026, 5, 1)

/** A bank with apps, segments and catalogs; a gym with none of them; a fixture campaign and Canvas beside. */
const FIXTURES = {
  workspaces: [
    { id: 'bank', name: 'Harbor Bank', industry: 'finance', generate: { seed: 5, apps: 2, segments: 40, events: 30, products: 12, campaigns: 400, canvases: 150 } },
    { id: 'gym', name: 'Lumen Fitness', industry: 'fitness', generate: { seed: 5, campaigns: 200, canvases: 60 } },
  ],
  apps: [{ id: 'bank-ios', workspace_id: 'bank', platform: 'ios', created_at: '2020-03-01T00:00:00Z' }],
  campaigns: [{ id: 'fixture-campaign', workspace_id: 'bank', name: 'Fixture Campaign', created_at: '2018-01-01', channels: ['email'] }],
  canvases: [{
    id: 'fixture-canvas',
    workspace_id: 'bank',
    name: 'Fixture Canvas',
    created_at: '2018-01-01',
    variants: [{ id: 'fixture-variant', name: 'Variant 1', first_step_ids: ['fixture-step'] }],
    steps: [{ id: 'fixture-step', name: 'Step' }],
  }],
}

async function worldOf (source: unknown): Promise<World> {
  return await buildWorld(await loadFixtures(structuredClone(source)))
}

function workspace (world: World, id: string): Workspace {
  return world.workspaces.find(w => w.id === id)!
}

const generatedCampaigns = (w: Workspace) => w.campaigns.filter((c): c is GeneratedCampaign => c instanceof GeneratedCampaign)
const generatedCanvases = (w: Workspace) => w.canvases.filter((c): c is GeneratedCanvas => c instanceof GeneratedCanvas)

/** Every field a request can read, lazily drawn ones included, as plain data. */
function campaignData (c: Campaign) {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    tags: c.tags,
    teams: c.teams,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    lastEdited: c.lastEdited,
    archived: c.archived,
    draft: c.draft,
    enabled: c.enabled,
    hasPostLaunchDraft: c.hasPostLaunchDraft,
    scheduleType: c.scheduleType,
    segment: c.segment?.id,
    key: c.key,
    isApiCampaign: c.isApiCampaign,
    channels: c.channels,
    variations: c.variations,
    control: c.control,
    conversionBehaviors: c.conversionBehaviors,
    firstSent: c.firstSent,
    lastSent: c.lastSent,
    sendIds: c.sendIds,
  }
}

function canvasData (c: Canvas) {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    tags: c.tags,
    teams: c.teams,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    lastEdited: c.lastEdited,
    archived: c.archived,
    draft: c.draft,
    enabled: c.enabled,
    hasPostLaunchDraft: c.hasPostLaunchDraft,
    scheduleType: c.scheduleType,
    segment: c.segment?.id,
    key: c.key,
    firstEntry: c.firstEntry,
    lastEntry: c.lastEntry,
    variants: c.variants,
    steps: c.steps,
    channels: c.channels,
  }
}

/** The whole workspace as build-world hands it to the fixtures' campaigns and Canvases. */
function contextOf (w: Workspace): MessagingContext {
  const fail = (pointer: string, reason: string): never => { throw new Error(`${pointer}: ${reason}`) }
  return {
    workspaceId: w.id,
    workspaceKey: hashString(w.id),
    segments: w.segmentsById,
    apps: w.apps,
    events: new Set(w.events.map(e => e.name)),
    products: new Set(w.products.map(p => p.name)),
    fail,
    instant: (pointer, text) => { const t = Date.parse(text); return Number.isNaN(t) ? fail(pointer, text) : t },
  }
}

describe('generated campaigns and Canvases', async () => {
  const world = await worldOf(FIXTURES)
  const bank = workspace(world, 'bank')
  const gym = workspace(world, 'gym')

  it('join the fixtures\' ones in the lists, oldest first, and in the maps by id', () => {
    expect(bank.campaigns).toHaveLength(401)
    expect(bank.canvases).toHaveLength(151)
    expect(gym.campaigns).toHaveLength(200)
    expect(gym.canvases).toHaveLength(60)
    for (const w of [bank, gym]) {
      for (const list of [w.campaigns, w.canvases]) {
        for (let i = 1; i < list.length; i++) expect(list[i]!.createdAt).toBeGreaterThanOrEqual(list[i - 1]!.createdAt)
      }
      for (const c of w.campaigns) expect(w.campaignsById.get(c.id)).toBe(c)
      for (const c of w.canvases) expect(w.canvasesById.get(c.id)).toBe(c)
      expect(w.campaignsById.size).toBe(w.campaigns.length)
      expect(w.canvasesById.size).toBe(w.canvases.length)
    }
    expect(bank.campaigns[0]!.id).toBe('fixture-campaign') // created in 2018, before any generated one
    const ids = [...bank.campaigns, ...bank.canvases, ...gym.campaigns, ...gym.canvases].map(c => c.id).filter(id => !id.startsWith('fixture-'))
    for (const id of ids) expect(id).toMatch(UUID_V4)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('are what campaignFrom and canvasFrom make of their fixtures, checked against the whole workspace', () => {
    for (const w of [bank, gym]) {
      for (const campaign of generatedCampaigns(w)) {
        expect(campaignData(campaignFrom(campaign.fixture(), contextOf(w)))).toEqual(campaignData(campaign))
      }
      for (const canvas of generatedCanvases(w)) {
        expect(canvasData(canvasFrom(canvas.fixture(), contextOf(w)))).toEqual(canvasData(canvas))
      }
    }
  })

  it('mix channels, variations, control groups, API campaigns with sends, archived ones and drafts', () => {
    const campaigns = generatedCampaigns(bank)
    expect(new Set(campaigns.flatMap(c => c.channels))).toEqual(new Set(CHANNELS))
    for (const c of campaigns) {
      expect(c.channels.length).toBeGreaterThan(0)
      for (const v of c.variations) expect(c.channels).toContain(v.channel)
      expect(c.sendIds.length > 0).toBe(c.isApiCampaign && !c.draft)
      expect(c.scheduleType === 'api_triggered').toBe(c.isApiCampaign)
      if (c.control !== undefined) {
        expect(c.control.share).toBeGreaterThanOrEqual(0.05)
        expect(c.control.share).toBeLessThanOrEqual(0.2)
        expect(c.tags).toContain('multivariate')
      }
      expect(c.enabled).toBe(!c.archived && !c.draft && c.enabled)
      expect(c.archived && c.draft).toBe(false)
    }
    const count = (keep: (c: Campaign) => boolean) => campaigns.filter(keep).length
    expect(count(c => c.isApiCampaign)).toBeGreaterThan(3)
    expect(count(c => c.control !== undefined)).toBeGreaterThan(10)
    expect(count(c => new Set(c.variations.map(v => v.channel)).size < c.variations.length)).toBeGreaterThan(10) // multivariate
    expect(count(c => c.archived)).toBeGreaterThan(10)
    expect(count(c => c.draft)).toBeGreaterThan(5)
    expect(count(c => c.enabled)).toBeGreaterThan(200)
    expect(count(c => c.channels.length > 1)).toBeGreaterThan(20)
  })

  it('are dated inside the workspace\'s history and before the clock tests pin, in whole seconds', () => {
    const firstApp = Math.min(...bank.apps.map(a => a.createdAt))
    for (const [w, since] of [[bank, firstApp], [gym, SINCE]] as const) {
      const all = [
        ...generatedCampaigns(w).map(c => ({ ...c, first: c.firstSent, last: c.lastSent, name: c.name })),
        ...generatedCanvases(w).map(c => ({ ...c, first: c.firstEntry, last: c.lastEntry, name: c.name })),
      ]
      for (const c of all) {
        expect(c.createdAt, c.name).toBeGreaterThanOrEqual(since)
        expect(c.createdAt, c.name).toBeLessThan(UNTIL)
        expect(c.updatedAt, c.name).toBeGreaterThanOrEqual(c.createdAt)
        expect(c.lastEdited, c.name).toBeGreaterThanOrEqual(c.createdAt)
        expect(c.lastEdited, c.name).toBeLessThanOrEqual(c.updatedAt)
        for (const instant of [c.createdAt, c.updatedAt, c.lastEdited, c.first, c.last]) {
          if (instant === undefined) continue
          expect(instant % 1000, c.name).toBe(0)
          expect(instant, c.name).toBeLessThan(NOW)
        }
        expect(c.first === undefined, c.name).toBe(c.draft)
        expect(c.last === undefined, c.name).toBe(c.draft)
        if (c.first === undefined || c.last === undefined) continue
        expect(c.first, c.name).toBeGreaterThanOrEqual(c.createdAt)
        expect(c.last, c.name).toBeGreaterThanOrEqual(c.first)
        if (!c.enabled) expect(c.updatedAt, c.name).toBeGreaterThanOrEqual(c.last) // stopping or archiving is an edit
      }
    }
  })

  it('name audiences, conversion events and products the workspace has, and none where it has none', () => {
    const recorded = new Set(bank.recordedEvents.map(e => e.name))
    const bought = new Set(bank.purchasedProducts.map(p => p.name))
    const appIds = new Set(bank.apps.map(a => a.id))
    const behaviors = generatedCampaigns(bank).flatMap(c => c.conversionBehaviors)
    for (const c of generatedCampaigns(bank)) {
      expect(c.conversionBehaviors.length).toBeLessThanOrEqual(4)
      if (c.segment !== undefined) {
        expect(bank.segmentsById.get(c.segment.id)).toBe(c.segment)
        expect(c.segment.archived).toBe(false)
        expect(c.segment.createdAt).toBeLessThanOrEqual(c.createdAt)
      }
      for (const b of c.conversionBehaviors) {
        expect(CONVERSION_TYPES).toContain(b.type)
        if (b.type === 'Opens Email' || b.type === 'Clicks Email') expect(c.channels).toContain('email')
      }
    }
    for (const b of behaviors) {
      if (b.customEventName !== undefined) expect(recorded.has(b.customEventName), b.customEventName).toBe(true)
      if (b.product !== undefined) expect(bought.has(b.product), b.product).toBe(true)
      for (const id of b.appIds ?? []) expect(appIds.has(id)).toBe(true)
    }
    expect(new Set(behaviors.map(b => b.type))).toEqual(new Set(CONVERSION_TYPES))
    expect(generatedCampaigns(bank).filter(c => c.segment !== undefined).length).toBeGreaterThan(200)

    // The gym has no apps, segments, events or products: no audience, nothing to name.
    for (const c of generatedCampaigns(gym)) {
      expect(c.segment).toBeUndefined()
      for (const b of c.conversionBehaviors) {
        expect(['Performs Custom Event', 'Makes Specific Purchase']).not.toContain(b.type)
        expect(b.appIds ?? null).toBeNull()
      }
    }
    for (const c of generatedCanvases(gym)) expect(c.segment).toBeUndefined()
  })

  it('give each Canvas variants and paths that lead to its own steps, every step reachable', () => {
    for (const canvas of [...generatedCanvases(bank), ...generatedCanvases(gym)]) {
      const steps = new Map(canvas.steps.map(s => [s.id, s]))
      expect(steps.size).toBe(canvas.steps.length)
      expect(canvas.variants.length).toBeGreaterThanOrEqual(1)
      expect(canvas.variants.length).toBeLessThanOrEqual(3)
      const reached = new Set<string>()
      const visit = (id: string): void => {
        if (reached.has(id)) return
        reached.add(id)
        for (const next of steps.get(id)!.nextStepIds) visit(next)
      }
      for (const variant of canvas.variants) {
        expect(variant.firstStepIds).toHaveLength(1)
        for (const id of variant.firstStepIds) {
          expect(steps.get(id)?.type).toBe('message')
          visit(id)
        }
      }
      expect(reached.size, canvas.name).toBe(steps.size)
      for (const step of canvas.steps) {
        for (const id of step.nextStepIds) expect(steps.has(id)).toBe(true)
        if (step.type === 'decision_split') {
          expect(step.nextPaths.map(p => p.name)).toEqual(['Yes', 'Everyone Else'])
          expect(step.nextPaths.map(p => p.nextStepId)).toEqual(step.nextStepIds)
        } else {
          expect(step.nextPaths).toEqual([])
        }
        expect(step.messages.length > 0).toBe(step.type === 'message')
        expect(step.type === 'delay' ? step.nextStepIds.length : 1).toBe(1)
      }
      expect(new Set(canvas.channels)).toEqual(new Set(canvas.steps.flatMap(s => s.channels)))
    }
  })

  it('never repeat a name within the workspace, the fixtures\' own included', async () => {
    for (const w of [bank, gym]) {
      expect(new Set(w.campaigns.map(c => c.name)).size).toBe(w.campaigns.length)
      expect(new Set(w.canvases.map(c => c.name)).size).toBe(w.canvases.length)
    }
    // A fixture that takes a generated name keeps it; the generated ones skip it and still number 400.
    const name = generatedCampaigns(bank)[7]!.name
    const taken = structuredClone(FIXTURES)
    taken.campaigns[0]!.name = name
    const again = workspace(await worldOf(taken), 'bank')
    expect(again.campaigns.filter(c => c.name === name).map(c => c.id)).toEqual(['fixture-campaign'])
    expect(generatedCampaigns(again)).toHaveLength(400)
  })

  it('fit the industry: a bank\'s say nothing of fitness, a gym\'s nothing of banking', () => {
    for (const [w, industry] of [[bank, 'finance'], [gym, 'fitness']] as const) {
      const texts = [
        ...generatedCampaigns(w).flatMap(c => [c.name, c.description, ...c.variations.map(v => JSON.stringify(v.content))]),
        ...generatedCanvases(w).flatMap(c => [c.name, c.description, ...c.steps.flatMap(s => [s.name, ...s.messages.map(m => JSON.stringify(m.content))])]),
      ].map(text => text.toLowerCase())
      expect(foreignWords(industry, texts)).toEqual([])
    }
    expect(generatedCampaigns(bank).some(c => /card|deposit|savings|credit|statement/i.test(c.name))).toBe(true)
    expect(generatedCampaigns(gym).some(c => /workout|class|streak|challenge/i.test(c.name))).toBe(true)
  })

  it('are the same on every build, and others for another seed', async () => {
    const data = (w: Workspace) => ({ campaigns: w.campaigns.map(campaignData), canvases: w.canvases.map(canvasData) })
    const again = await worldOf(FIXTURES)
    expect(data(workspace(again, 'bank'))).toEqual(data(bank))
    expect(data(workspace(again, 'gym'))).toEqual(data(gym))
    const reseeded = structuredClone(FIXTURES)
    reseeded.workspaces[0]!.generate.seed = 6
    const other = workspace(await worldOf(reseeded), 'bank')
    const ids = new Set([...bank.campaignsById.keys(), ...bank.canvasesById.keys()])
    expect([...other.campaignsById.keys(), ...other.canvasesById.keys()].filter(id => ids.has(id))).toEqual(['fixture-campaign', 'fixture-canvas'])
    expect(other.campaigns.map(c => c.name).slice(0, 50)).not.toEqual(bank.campaigns.map(c => c.name).slice(0, 50))
  })
})

describe('generate.campaigns and generate.canvases in the fixtures', () => {
  async function failure (source: unknown): Promise<FixtureError> {
    const error: unknown = await worldOf(source).then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(FixtureError)
    return error as FixtureError
  }
  const generating = (generate: object) => ({ workspaces: [{ id: 'w1', name: 'One', generate: { seed: 1, ...generate } }] })

  it.each([
    ['more than 100,000 campaigns', { campaigns: 100_001 }, '/workspaces/0/generate/campaigns', /less or equal to 100000 \(got 100001\)$/],
    ['more than 100,000 Canvases', { canvases: 100_001 }, '/workspaces/0/generate/canvases', /less or equal to 100000 \(got 100001\)$/],
    ['a negative count of campaigns', { campaigns: -1 }, '/workspaces/0/generate/campaigns', /greater or equal to 0 \(got -1\)$/],
    ['a fractional count of Canvases', { canvases: 1.5 }, '/workspaces/0/generate/canvases', /integer/],
  ])('refuses %s, with its place', async (_, generate, path, reason) => {
    const error = await failure(generating(generate))
    expect(error.path).toBe(path)
    expect(error.reason).toMatch(reason)
  })

  it('refuses a seed whose generated id a fixture campaign already has', async () => {
    const id = generatedCampaigns(workspace(await worldOf(generating({ campaigns: 3 })), 'w1'))[1]!.id
    const error = await failure({
      ...generating({ campaigns: 3 }),
      campaigns: [{ id, workspace_id: 'w1', name: 'Pinned', created_at: '2024-01-01', channels: ['email'] }],
    })
    expect([error.path, error.reason]).toEqual(['/workspaces/0/generate/seed',
      `generates the id ${JSON.stringify(id)}, which a fixture campaign or Canvas has: pick another seed`])
  })

  it('generate nothing when left out or 0, as before', async () => {
    const w = workspace(await worldOf(generating({ segments: 3 })), 'w1')
    expect([w.campaigns.length, w.canvases.length]).toEqual([0, 0])
  })
})
