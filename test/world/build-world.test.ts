import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BUILT_IN_FIXTURES } from '../../src/app.js'
import { buildWorld, digestOf } from '../../src/world/build-world.js'
import { FixtureError, loadFixtures } from '../../src/world/load-fixtures.js'
import type { Workspace, World } from '../../src/world/world.js'
import { PERMISSIONS } from '../endpoints.js'
import { BUILT_IN } from '../helpers.js'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
/** The permissions the app's endpoints need: what buildApp passes as the known ones. */
const ALL_PERMISSIONS = [...PERMISSIONS]

const created: string[] = []

afterEach(async () => {
  await Promise.all(created.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
})

async function fixtureDir (files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'braze-mock-world-'))
  created.push(dir)
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), JSON.stringify(content, null, 2))
  return dir
}

async function worldOf (source: unknown, extraApiKey?: string): Promise<World> {
  return await buildWorld(await loadFixtures(source), { extraApiKey, permissions: ALL_PERMISSIONS })
}

async function failure (source: unknown): Promise<FixtureError> {
  const error: unknown = await worldOf(source).then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(FixtureError)
  return error as FixtureError
}

function workspace (world: World, id: string): Workspace {
  const found = world.workspaces.find(w => w.id === id)
  expect(found).toBeDefined()
  return found!
}

function keyOf (world: World, key: string) {
  return world.keys.filter(k => k.digest.equals(digestOf(key)))
}

const TWO_WORKSPACES = [{ id: 'w1', name: 'One' }, { id: 'w2', name: 'Two', time_zone: 'America/New_York' }]
const app = (id: string, workspaceId = 'w1') => ({ id, workspace_id: workspaceId, name: id, created_at: '2020-01-01' })
const segment = (id: string, workspaceId = 'w1', createdAt = '2020-01-01') =>
  ({ id, workspace_id: workspaceId, name: id, tags: [], created_at: createdAt })
const key = (k: string, workspaceId = 'w1') => ({ key: k, workspace_id: workspaceId, permissions: ['segments.list'] })

describe('buildWorld: references between fixtures, checked with file, path and reason', () => {
  it.each([
    ['a duplicate workspace id', { 'workspaces.json': [...TWO_WORKSPACES, { id: 'w1', name: 'Again' }] },
      'workspaces.json', '/2/id', 'duplicate workspace id "w1"'],
    ['a duplicate app id, even across workspaces', { 'workspaces.json': TWO_WORKSPACES, 'apps.json': [app('a1'), app('a2'), app('a1', 'w2')] },
      'apps.json', '/2/id', 'duplicate app id "a1"'],
    ['a duplicate segment id', { 'workspaces.json': TWO_WORKSPACES, 'segments.json': [segment('s1'), segment('s1', 'w2')] },
      'segments.json', '/1/id', 'duplicate segment id "s1"'],
    ['a duplicate API key', { 'workspaces.json': TWO_WORKSPACES, 'api-keys.json': [key('k1'), key('k2'), key('k1', 'w2')] },
      'api-keys.json', '/2/key', 'duplicate key'],
    ['an app in no workspace', { 'workspaces.json': TWO_WORKSPACES, 'apps.json': [app('a1'), app('a2'), app('a3', 'w3')] },
      'apps.json', '/2/workspace_id', 'no workspace "w3" in the workspaces'],
    ['a segment in no workspace', { 'workspaces.json': TWO_WORKSPACES, 'segments.json': [segment('s1', 'W1')] },
      'segments.json', '/0/workspace_id', 'no workspace "W1" in the workspaces'],
    ['a key in no workspace', { 'workspaces.json': TWO_WORKSPACES, 'api-keys.json': [key('k1'), key('k2', 'gone')] },
      'api-keys.json', '/1/workspace_id', 'no workspace "gone" in the workspaces'],
    ['an unknown IANA time zone', { 'workspaces.json': [TWO_WORKSPACES[0], { id: 'w2', name: 'Two', time_zone: 'America/NewYork' }] },
      'workspaces.json', '/1/time_zone', 'unknown IANA time zone "America/NewYork"'],
    ['updated_at before created_at', { 'workspaces.json': TWO_WORKSPACES, 'segments.json': [{ ...segment('s1'), created_at: '2020-01-02T00:00:00Z', updated_at: '2020-01-01T23:59:59.999Z' }] },
      'segments.json', '/0/updated_at', 'is before created_at'],
    ['updated_at before created_at once offsets are applied', { 'workspaces.json': TWO_WORKSPACES, 'segments.json': [{ ...segment('s1'), created_at: '2020-01-01T12:00:00+02:00', updated_at: '2020-01-01T09:30:00Z' }] },
      'segments.json', '/0/updated_at', 'is before created_at'],
  ])('%s', async (_, files, file, path, reason) => {
    const dir = await fixtureDir(files)
    const error = await failure(dir)
    expect({ file: error.file, path: error.path, reason: error.reason }).toEqual({ file: join(dir, file), path, reason })
  })

  it('never writes a duplicated key into the error', async () => {
    const error = await failure({ workspaces: TWO_WORKSPACES, api_keys: [key('secret-key-1'), key('secret-key-1')] })
    expect(error.message).not.toContain('secret-key-1')
  })

  it('names the part and path of an inline fixture set', async () => {
    expect(await failure({ workspaces: TWO_WORKSPACES, apps: [app('a1', 'w9')] }))
      .toMatchObject({ file: 'inline fixtures', path: '/apps/0/workspace_id', reason: 'no workspace "w9" in the workspaces' })
    expect(await failure({ workspaces: [{ id: 'w1', name: 'One', time_zone: 'Mars/Olympus' }] }))
      .toMatchObject({ file: 'inline fixtures', path: '/workspaces/0/time_zone', reason: 'unknown IANA time zone "Mars/Olympus"' })
    expect(await failure({ workspaces: TWO_WORKSPACES, segments: [segment('s1'), segment('s1')] }))
      .toMatchObject({ file: 'inline fixtures', path: '/segments/1/id', reason: 'duplicate segment id "s1"' })
  })

  it('accepts updated_at equal to created_at', async () => {
    const world = await worldOf({ workspaces: TWO_WORKSPACES, segments: [{ ...segment('s1'), created_at: '2020-01-01T02:00:00+02:00', updated_at: '2020-01-01T00:00:00Z' }] })
    const s1 = workspace(world, 'w1').segmentsById.get('s1')!
    expect(s1.updatedAt).toBe(Date.UTC(2020, 0, 1))
    expect(s1.createdAt).toBe(Date.UTC(2020, 0, 1))
  })
})

describe('buildWorld: defaults and resolution', () => {
  it('fills in what the fixtures leave out', async () => {
    const world = await worldOf({
      workspaces: [{ id: 'w1', name: 'One' }],
      apps: [{ id: 'a1', workspace_id: 'w1', created_at: '2020-01-01' }],
      segments: [{ id: 's1', workspace_id: 'w1', name: 'Loyal', created_at: '2020-03-01T10:00:00-05:00' }],
    })
    const w1 = workspace(world, 'w1')
    expect(w1).toMatchObject({
      name: 'One',
      rateLimits: { default: 250_000, 'custom-data': 1_000, 'campaign-analytics': 50_000 },
      population: 1_000_000,
      nonAnalyticsSegmentSessions: 'error',
    })
    expect(w1.calendar.name).toBe('UTC')

    const a1 = w1.appsById.get('a1')!
    expect(a1).toMatchObject({ platform: 'ios', createdAt: Date.UTC(2020, 0, 1) })
    expect(a1.activity).toMatchObject({
      launchDay: Date.UTC(2020, 0, 1) / 86_400_000, // created at midnight: its first day has users
      growth: 0.2,
      weekly: 0.12,
      peakWeekday: 6,
      peakHour: 20,
      noise: 0.04,
      sessionsPerUser: 2.2,
      retention: { day1: 0.3, decay: 0.5, horizon: 400, spread: 0.3, uninstall: 0.02 },
    })
    // Without new_users, arrivals are set so that a mature app opens about daily_sessions sessions a day.
    expect(a1.activity.arrivals).toBeGreaterThan(200)
    expect(a1.activity.arrivals).toBeLessThan(2_000)
    // Unnamed apps get a generated company name and their platform's label.
    expect(a1.name).toMatch(/^\S.* iOS$/)

    const s1 = w1.segmentsById.get('s1')!
    expect(s1).toMatchObject({
      name: 'Loyal',
      description: '',
      textDescription: 'Users who match the filters of "Loyal"',
      teams: [],
      createdAt: Date.UTC(2020, 2, 1, 15),
      updatedAt: Date.UTC(2020, 2, 1, 15),
      analyticsTrackingEnabled: true,
      archived: false,
    })
    // A segment written before audiences: a trait share of all users, its typical size over the population.
    expect(s1.audience).toEqual({ kind: 'trait', share: 0.01, drift: 0.05 })
    for (const tag of s1.tags) expect(tag).toMatch(/\S/)
    expect(world.settings).toEqual({})
    expect(world.keys).toEqual([])
  })

  it('generates the same name and tags for an unnamed fixture segment on every build', async () => {
    const source = { workspaces: [{ id: 'w1', name: 'One' }], segments: [{ id: 's1', workspace_id: 'w1', created_at: '2020-01-01' }] }
    const [first, second] = [await worldOf(source), await worldOf(source)]
    const a = workspace(first, 'w1').segmentsById.get('s1')!
    const b = workspace(second, 'w1').segmentsById.get('s1')!
    expect(a.name).toMatch(/\S/)
    expect(b.name).toBe(a.name)
    expect(b.tags).toEqual(a.tags)
    expect(a.textDescription).toBe(`Users who match the filters of "${a.name}"`)
  })

  it('reads the emulator settings', async () => {
    const world = await worldOf({ emulator: { now: '2026-11-23T07:00:00-05:00', seed: 42 }, workspaces: TWO_WORKSPACES })
    expect(world.settings).toEqual({ now: Date.UTC(2026, 10, 23, 12), seed: 42 })
  })

  it('resolves keys to their workspace and permissions, with a digest to compare and the key for the world listing', async () => {
    const world = await worldOf({
      workspaces: TWO_WORKSPACES,
      api_keys: [{ key: 'k-two', workspace_id: 'w2', name: 'Export', permissions: ['sessions.data_series', 'segments.list'] }],
    })
    expect(world.keys).toHaveLength(1)
    const [k] = world.keys
    expect(k!.name).toBe('Export')
    expect(k!.workspace).toBe(workspace(world, 'w2'))
    expect([...k!.permissions]).toEqual(['sessions.data_series', 'segments.list'])
    expect(k!.digest.equals(createHash('sha256').update('k-two').digest())).toBe(true)
    expect([k!.key, k!.extra]).toEqual(['k-two', false])
  })
})

describe('buildWorld: the extra API key', () => {
  it('has every permission in the first workspace', async () => {
    const world = await worldOf({ workspaces: TWO_WORKSPACES, api_keys: [key('k1', 'w2')] }, 'extra')
    expect(world.keys).toHaveLength(2)
    const [extra] = keyOf(world, 'extra')
    expect(extra!.workspace).toBe(workspace(world, 'w1'))
    expect([...extra!.permissions].sort()).toEqual([...ALL_PERMISSIONS].sort())
    expect(extra!.name).toBe('BRAZE_MOCK_API_KEY')
  })

  it('replaces a fixture key equal to it', async () => {
    const world = await worldOf({ workspaces: TWO_WORKSPACES, api_keys: [key('k1', 'w2'), key('same', 'w2')] }, 'same')
    expect(world.keys).toHaveLength(2)
    const matching = keyOf(world, 'same')
    expect(matching).toHaveLength(1)
    expect(matching[0]!.workspace).toBe(workspace(world, 'w1'))
    expect([...matching[0]!.permissions].sort()).toEqual([...ALL_PERMISSIONS].sort())
    expect(keyOf(world, 'k1')[0]!.workspace).toBe(workspace(world, 'w2'))
  })
})

describe('buildWorld: permissions and rate-limit pools', () => {
  it('names an unknown permission with its place, and lists the known ones', async () => {
    const error = await failure({ workspaces: TWO_WORKSPACES, api_keys: [{ key: 'k', workspace_id: 'w1', permissions: ['segments.list', 'users.export'] }] })
    expect({ file: error.file, path: error.path, reason: error.reason }).toEqual({
      file: 'inline fixtures',
      path: '/api_keys/0/permissions/1',
      reason: `must be one of: *, ${ALL_PERMISSIONS.join(', ')} (got "users.export")`,
    })
  })

  it('grants every known permission for "*"', async () => {
    const world = await worldOf({ workspaces: TWO_WORKSPACES, api_keys: [{ key: 'k', workspace_id: 'w1', permissions: ['*'] }] })
    expect([...keyOf(world, 'k')[0]!.permissions].sort()).toEqual([...ALL_PERMISSIONS].sort())
  })

  it('sets each pool from rate_limits, and the default pool from rate_limit too', async () => {
    const world = await worldOf({
      workspaces: [
        { id: 'w1', name: 'One', rate_limit: 5, rate_limits: { 'custom-data': 2 } },
        { id: 'w2', name: 'Two', rate_limits: { default: 7, 'campaign-analytics': 3 } },
      ],
    })
    expect(workspace(world, 'w1').rateLimits).toEqual({ default: 5, 'custom-data': 2, 'campaign-analytics': 50_000 })
    expect(workspace(world, 'w2').rateLimits).toEqual({ default: 7, 'custom-data': 1_000, 'campaign-analytics': 3 })
  })

  it('refuses rate_limit and rate_limits.default that disagree', async () => {
    const error = await failure({ workspaces: [{ id: 'w1', name: 'One', rate_limit: 5, rate_limits: { default: 6 } }] })
    expect([error.path, error.reason]).toEqual(['/workspaces/0/rate_limit', 'and rate_limits.default both set the default pool, to different limits: keep one'])
  })
})

describe('buildWorld: catalogs of events, products and attributes', () => {
  const apps = [{ id: 'a1', workspace_id: 'w1', created_at: '2020-01-01' }, { id: 'a2', workspace_id: 'w1', created_at: '2020-01-01' }]

  it('sorts each catalog by name, resolves apps and keeps prices in whole cents', async () => {
    const world = await worldOf({
      workspaces: TWO_WORKSPACES,
      apps,
      events: [{ workspace_id: 'w1', name: 'b', apps: ['a2'] }, { workspace_id: 'w1', name: 'B' }, { workspace_id: 'w1', name: 'a' }],
      products: [{ workspace_id: 'w1', name: 'plan', price: 12.345 }],
      custom_attributes: [{ workspace_id: 'w1', name: 'z' }, { workspace_id: 'w1', name: 'tier', data_type: 'Array', array_length: 5 }],
    })
    const w1 = workspace(world, 'w1')
    expect(w1.events.map(e => e.name)).toEqual(['B', 'a', 'b'])
    expect(w1.eventsByName.get('b')!.apps.map(a => a.id)).toEqual(['a2'])
    expect(w1.eventsByName.get('a')!.apps.map(a => a.id)).toEqual(['a1', 'a2'])
    expect(w1.products[0]).toMatchObject({ name: 'plan', priceCents: 1235 })
    expect(w1.attributes.map(a => [a.name, a.dataType, a.arrayLength])).toEqual([['tier', 'Array', 5], ['z', 'String', null]])
    expect(workspace(world, 'w2').events).toEqual([])
  })

  it.each([
    ['a duplicate event name', { events: [{ workspace_id: 'w1', name: 'x' }, { workspace_id: 'w1', name: 'x' }] }, '/events/1/name', 'duplicate name "x" in workspace "w1"'],
    ['an app of another workspace', { events: [{ workspace_id: 'w2', name: 'x', apps: ['a1'] }] }, '/events/0/apps/0', 'no app "a1" in workspace "w2"'],
    ['an unknown workspace', { products: [{ workspace_id: 'w9', name: 'x' }] }, '/products/0/workspace_id', 'no workspace "w9" in the workspaces'],
  ])('refuses %s, with its place', async (_, parts, path, reason) => {
    const error = await failure({ workspaces: TWO_WORKSPACES, apps, ...parts })
    expect([error.path, error.reason]).toEqual([path, reason])
  })
})

describe('buildWorld: generated entities', () => {
  const GENERATING = {
    workspaces: [
      { id: 'w1', name: 'One', population: 500_000, generate: { seed: 3, segments: 300, apps: 4 } },
      { id: 'w2', name: 'Two' },
    ],
    segments: [
      { ...segment('fixture-old', 'w1', '2018-06-01T00:00:00Z') },
      { ...segment('fixture-archived', 'w1', '2021-06-01T00:00:00Z'), archived: true },
    ],
    apps: [app('a1')],
  }

  it('adds the requested number beside the fixtures', async () => {
    const w1 = workspace(await worldOf(GENERATING), 'w1')
    expect(w1.segmentsById.size).toBe(302)
    expect(w1.apps).toHaveLength(5)
    expect(w1.apps[0]!.id).toBe('a1')
    expect(workspace(await worldOf(GENERATING), 'w2').segmentsById.size).toBe(0)
  })

  it('is the same on every build', async () => {
    const describeAll = (w: Workspace) => ({
      segments: [...w.segmentsById.values()].map(s => ({
        id: s.id,
        name: s.name,
        tags: s.tags,
        teams: s.teams,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
        archived: s.archived,
        analytics: s.analyticsTrackingEnabled,
        audience: s.audience,
        key: s.key,
      })),
      apps: w.apps.map(a => ({ ...a })),
    })
    const first = describeAll(workspace(await worldOf(GENERATING), 'w1'))
    const second = describeAll(workspace(await worldOf(structuredClone(GENERATING)), 'w1'))
    expect(second).toEqual(first)
  })

  it('depends on the seed', async () => {
    const reseeded = structuredClone(GENERATING)
    reseeded.workspaces[0]!.generate!.seed = 4
    const ids = (w: Workspace) => new Set(w.segmentsById.keys())
    const a = ids(workspace(await worldOf(GENERATING), 'w1'))
    const b = ids(workspace(await worldOf(reseeded), 'w1'))
    expect([...b].filter(id => a.has(id))).toEqual(['fixture-old', 'fixture-archived'])
  })

  it('gives UUIDs, unique within the workspace', async () => {
    const w1 = workspace(await worldOf(GENERATING), 'w1')
    const generated = [...w1.segmentsById.keys()].filter(id => !id.startsWith('fixture-'))
    expect(generated).toHaveLength(300)
    for (const id of generated) expect(id).toMatch(UUID_V4)
    for (const a of w1.apps.slice(1)) expect(a.id).toMatch(UUID_V4)
    expect(new Set([...generated, ...w1.apps.map(a => a.id)]).size).toBe(305)
  })

  it('lists segments oldest first, leaving archived ones out', async () => {
    const w1 = workspace(await worldOf(GENERATING), 'w1')
    const listed = Array.from({ length: w1.listedSegments.length }, (_, i) => w1.listedSegments.at(i)!)
    for (let i = 1; i < listed.length; i++) expect(listed[i]!.createdAt).toBeGreaterThanOrEqual(listed[i - 1]!.createdAt)
    expect(listed[0]!.id).toBe('fixture-old') // generated segments start in 2019
    const archived = [...w1.segmentsById.values()].filter(s => s.archived)
    expect(archived.map(s => s.id)).toContain('fixture-archived')
    expect(archived.length).toBeGreaterThan(1) // about 4% of the generated ones
    expect(listed.some(s => s.archived)).toBe(false)
    expect(listed.length + archived.length).toBe(302)
  })

  it('names and tags them with non-empty strings', async () => {
    const w1 = workspace(await worldOf(GENERATING), 'w1')
    const segments = [...w1.segmentsById.values()]
    for (const s of segments) {
      expect(typeof s.name).toBe('string')
      expect(s.name.trim()).not.toBe('')
      expect(s.textDescription).toBe(`Users who match the filters of "${s.name}"`)
      expect(s.tags.length).toBeLessThanOrEqual(3)
      for (const tag of s.tags) expect(tag.trim()).not.toBe('')
      expect(s.updatedAt).toBeGreaterThanOrEqual(s.createdAt)
    }
    // Names vary: a generator stuck on one template would make listings useless.
    expect(new Set(segments.map(s => s.name)).size).toBeGreaterThan(100)
    for (const a of w1.apps) expect(a.name.trim()).not.toBe('')
  })
})

describe('buildWorld: the built-in fixtures', () => {
  it('load into two workspaces with their apps, segments and keys', async () => {
    const world = await worldOf(BUILT_IN_FIXTURES)
    const lumen = workspace(world, BUILT_IN.lumen.workspaceId)
    const harbor = workspace(world, BUILT_IN.harbor.workspaceId)
    expect(world.workspaces.map(w => w.name)).toEqual(['Lumen Fitness', 'Harbor Bank'])
    expect(lumen.calendar.name).toBe('UTC')
    expect(harbor.calendar.name).toBe('America/New_York')
    expect(lumen.apps.map(a => a.id)).toEqual(Object.values(BUILT_IN.lumen.apps))
    expect(lumen.segmentsById.size).toBe(14)
    expect(Array.from({ length: 13 }, (_, i) => lumen.listedSegments.at(i)!.id)).not.toContain(BUILT_IN.lumen.segments.springChallenge)
    expect(lumen.listedSegments).toHaveLength(13)
    expect(harbor.segmentsById.size).toBe(3 + 25)
    expect(harbor.segmentsById.get(BUILT_IN.harbor.segments.highBalance)!.name).toBe('High Balance Customers')
    expect(world.keys).toHaveLength(6)
    expect([...keyOf(world, BUILT_IN.lumen.keys.full)[0]!.permissions].sort()).toEqual([...ALL_PERMISSIONS].sort())
    expect([...keyOf(world, BUILT_IN.lumen.keys.noSegmentsList)[0]!.permissions]).not.toContain('segments.list')
    expect(keyOf(world, BUILT_IN.harbor.keys.full)[0]!.workspace).toBe(harbor)
    expect(lumen.segmentsById.get(BUILT_IN.lumen.segments.holidayCampaign)!.createdAt).toBe(Date.UTC(2026, 10, 10, 14))
  })
})

describe('buildWorld: campaigns and Canvases', () => {
  const base = {
    workspaces: TWO_WORKSPACES,
    apps: [{ id: 'a1', workspace_id: 'w1', created_at: '2020-01-01' }],
    segments: [segment('s1', 'w1', '2020-01-01T00:00:00Z'), segment('s2', 'w2', '2020-01-01T00:00:00Z')],
    events: [{ workspace_id: 'w1', name: 'Joined' }],
    products: [{ workspace_id: 'w1', name: 'plan' }],
  }
  const campaign = (extra: object = {}) => ({ id: 'c1', workspace_id: 'w1', name: 'C', created_at: '2024-01-01', channels: ['email'], ...extra })
  const canvas = (extra: object = {}) => ({
    id: 'v1',
    workspace_id: 'w1',
    name: 'V',
    created_at: '2024-01-01',
    variants: [{ id: 'var1', name: 'Variant 1', first_step_ids: ['st1'] }],
    steps: [{ id: 'st1', name: 'Step' }],
    ...extra,
  })

  it('resolves them, completes message content with the channel\'s fields and sorts them by creation', async () => {
    const w1 = workspace(await worldOf({
      ...base,
      campaigns: [
        campaign({ id: 'c2', created_at: '2024-02-01', variations: [{ id: 'm1', name: 'M', channel: 'email', content: { subject: 'Hi' } }], segment_id: 's1' }),
        campaign({ conversion_behaviors: [{ type: 'Makes Specific Purchase', window: 60, product: 'plan' }, { type: 'Starts Session', window: 60 }] }),
      ],
      canvases: [canvas()],
    }), 'w1')
    expect(w1.campaigns.map(c => c.id)).toEqual(['c1', 'c2'])
    expect(w1.campaignsById.get('c2')!.segment!.id).toBe('s1')
    expect(Object.keys(w1.campaignsById.get('c2')!.variations[0]!.content)[0]).toBe('subject')
    expect(w1.campaignsById.get('c2')!.variations[0]!.content.body).toBe('')
    expect(w1.campaignsById.get('c1')!.conversionBehaviors).toEqual([
      { type: 'Makes Specific Purchase', window: 60, product: 'plan' },
      { type: 'Starts Session', window: 60, appIds: null },
    ])
    expect(w1.canvasesById.get('v1')!.steps[0]!.channels).toEqual([])
  })

  it.each([
    ['an unknown workspace', { campaigns: [campaign({ workspace_id: 'w9' })] }, '/campaigns/0/workspace_id', 'no workspace "w9" in the workspaces'],
    ['another workspace\'s segment', { campaigns: [campaign({ segment_id: 's2' })] }, '/campaigns/0/segment_id', 'no segment "s2" in workspace "w1"'],
    ['an unknown product', { campaigns: [campaign({ conversion_behaviors: [{ type: 'Makes Specific Purchase', window: 60, product: 'gold' }] })] },
      '/campaigns/0/conversion_behaviors/0/product', 'no product "gold" in workspace "w1"'],
    ['an unknown event', { campaigns: [campaign({ conversion_behaviors: [{ type: 'Performs Custom Event', window: 60, custom_event_name: 'Left' }] })] },
      '/campaigns/0/conversion_behaviors/0/custom_event_name', 'no custom event "Left" in workspace "w1"'],
    ['a behaviour without its event', { campaigns: [campaign({ conversion_behaviors: [{ type: 'Performs Custom Event', window: 60 }] })] },
      '/campaigns/0/conversion_behaviors/0/custom_event_name', 'is required for a "Performs Custom Event" behaviour'],
    ['an unknown app', { campaigns: [campaign({ conversion_behaviors: [{ type: 'Upgrades App', window: 60, app_ids: ['a9'] }] })] },
      '/campaigns/0/conversion_behaviors/0/app_ids/0', 'no app "a9" in workspace "w1"'],
    ['a variation on a channel the campaign lacks', { campaigns: [campaign({ variations: [{ id: 'm1', name: 'M', channel: 'sms' }] })] },
      '/campaigns/0/variations/0/channel', 'sms is not one of the campaign\'s channels (email)'],
    ['a field its channel lacks', { campaigns: [campaign({ variations: [{ id: 'm1', name: 'M', channel: 'email', content: { alert: 'x' } }] })] },
      '/campaigns/0/variations/0/content/alert', expect.stringMatching(/^not a field of email messages; expected one of: subject, body/)],
    ['sends of a campaign that is not an API campaign', { campaigns: [campaign({ send_ids: ['x'] })] }, '/campaigns/0/send_ids', 'only an API campaign (is_api_campaign) has sends'],
    ['a duplicate id across campaigns and Canvases', { campaigns: [campaign()], canvases: [canvas({ id: 'c1' })] }, '/canvases/0/id', 'duplicate campaign or Canvas id "c1"'],
    ['a first step that is not a step', { canvases: [canvas({ variants: [{ id: 'var1', name: 'V', first_step_ids: ['st9'] }] })] },
      '/canvases/0/variants/0/first_step_ids/0', 'no step "st9" in the Canvas'],
    ['a path to no step', { canvases: [canvas({ steps: [{ id: 'st1', name: 'S', next_paths: [{ name: 'Yes', next_step_id: 'st9' }] }] })] },
      '/canvases/0/steps/0/next_paths/0/next_step_id', 'no step "st9" in the Canvas'],
  ])('refuses %s, with its place', async (_, parts, path, reason) => {
    const error = await failure({ ...base, ...parts })
    expect([error.path, error.reason]).toEqual([path, reason])
  })
})
