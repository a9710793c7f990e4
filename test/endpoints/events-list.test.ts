// GET /events/list (BRAZE-EXPORT.md sections 0, 2.3 and 3.3; rule 11 of section 7): the names of the events
// with occurrences in the world, 250 a page, alphabetical; the custom-data pool of 1,000 an hour, shared
// with /events, /custom_attributes and /purchases/product_list and with no default-pool endpoint.
// The definitions are not in src/endpoints/index.ts yet, so the app is built with them added, on the
// built-in fixtures plus keys that hold their permissions.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import type { AnyEndpoint } from '../../src/endpoints/define.js'
import { eventsList } from '../../src/endpoints/events-list.js'
import { events } from '../../src/endpoints/events.js'
import { customAttributes } from '../../src/endpoints/custom-attributes.js'
import { ENDPOINTS } from '../../src/endpoints/index.js'
import { purchasesProductList } from '../../src/endpoints/purchases-product-list.js'
import { generatedEvents } from '../../src/world/names.js'
import { builtInFixtureSet, type FixtureObject } from '../endpoints.js'
import { BUILT_IN, get, NOW, testApp } from '../helpers.js'

const CATALOG_ENDPOINTS = [eventsList, events, customAttributes, purchasesProductList]
const APP_ENDPOINTS: AnyEndpoint[] = [...ENDPOINTS, ...CATALOG_ENDPOINTS.filter(e => !ENDPOINTS.includes(e))]
const PERMISSIONS = [...new Set(APP_ENDPOINTS.map(e => e.permission))]
const KEYS = { lumen: 'lumen-catalog-key', harbor: 'harbor-catalog-key', lacking: 'lumen-without-events-list' }
const { lumen, harbor } = BUILT_IN

interface EventEntry { workspace_id: string, name: string, rate?: number, apps?: string[] }
type CatalogSet = FixtureObject & { events: EventEntry[] }

/** The built-in fixtures with a key holding every permission in each workspace, and one lacking events.list. */
function catalogFixtures (): CatalogSet {
  const set = builtInFixtureSet() as CatalogSet
  return {
    ...set,
    api_keys: [
      ...set.api_keys,
      { key: KEYS.lumen, workspace_id: lumen.workspaceId, permissions: ['*'] },
      { key: KEYS.harbor, workspace_id: harbor.workspaceId, permissions: ['*'] },
      { key: KEYS.lacking, workspace_id: lumen.workspaceId, permissions: PERMISSIONS.filter(p => p !== 'events.list') },
    ],
  }
}

const byCodeUnit = (a: string, b: string) => a < b ? -1 : a > b ? 1 : 0
const DEFAULT_RATE = 0.1

/** Rule 11: the names of a workspace's events logged at a rate above zero in at least one app, sorted. */
function recordedNames (set: CatalogSet, workspaceId: string): string[] {
  return set.events
    .filter(e => e.workspace_id === workspaceId && (e.rate ?? DEFAULT_RATE) > 0 && (e.apps === undefined || e.apps.length > 0))
    .map(e => e.name)
    .sort(byCodeUnit)
}

describe('GET /events/list on the built-in fixtures', () => {
  let app: BrazeMockApp
  const set = catalogFixtures()
  beforeAll(async () => { app = await testApp({ endpoints: APP_ENDPOINTS, fixtures: set }) })
  afterAll(() => app.close())

  it('lists Lumen\'s recorded events alphabetically, message first', async () => {
    const response = await get(app, '/events/list', KEYS.lumen)
    expect(response.status).toBe(200)
    expect(response.body).toStrictEqual({ message: 'success', events: recordedNames(set, lumen.workspaceId) })
    expect(response.raw.startsWith('{"message":"success","events":["')).toBe(true)
    // Every Lumen event has occurrences; the Inactive one (old Android builds still send it) is listed too.
    expect(response.body.events).toHaveLength(set.events.filter(e => e.workspace_id === lumen.workspaceId).length)
    expect(response.body.events).toContain('Step Sync (Legacy)')
    expect(response.body.events.slice(0, 4)).toStrictEqual(['Challenge Completed', 'Challenge Joined', 'Class Booked', 'Class Cast to TV'])
  })

  it('lists Harbor\'s own events, none of Lumen\'s', async () => {
    const response = await get(app, '/events/list', KEYS.harbor)
    expect(response.body).toStrictEqual({ message: 'success', events: recordedNames(set, harbor.workspaceId) })
    expect(response.body.events).toContain('Transfer Sent')
    expect(response.body.events).not.toContain('Workout Started')
  })

  it('answers an empty page past the end', async () => {
    expect((await get(app, '/events/list?page=1', KEYS.lumen)).body).toStrictEqual({ message: 'success', events: [] })
    expect((await get(app, '/events/list?page=99999999999999999999', KEYS.lumen)).body).toStrictEqual({ message: 'success', events: [] })
  })

  it.each(['-1', 'abc', '1.5', ''])('answers 400 for page=%s', async (page) => {
    const response = await get(app, `/events/list?page=${page}`, KEYS.lumen)
    expect(response.status).toBe(400)
    expect(response.body).toStrictEqual({ message: 'page must be an integer of 0 or more' })
  })

  it('needs the events.list permission', async () => {
    const response = await get(app, '/events/list', KEYS.lacking)
    expect(response.status).toBe(403)
    expect(response.body).toStrictEqual({ message: 'Access Denied: this API key lacks the events.list permission' })
  })
})

describe('GET /events/list: which events are listed, and paging', () => {
  const WORKSPACE = 'events-list-paging'
  const KEY = 'events-list-paging-key'
  const APPS = ['app-a', 'app-b']
  // 600 generated events and four that never occur: rate 0, or no app.
  const generated = generatedEvents([11], 'fitness', 600).map(e => ({ workspace_id: WORKSPACE, ...e }))
  const fixtures = {
    workspaces: [{ id: WORKSPACE, name: 'Paging', industry: 'fitness' }],
    apps: APPS.map(id => ({ id, workspace_id: WORKSPACE, created_at: '2024-01-01T00:00:00Z' })),
    events: [
      ...generated,
      { workspace_id: WORKSPACE, name: 'Never Logged', rate: 0 },
      { workspace_id: WORKSPACE, name: 'Logged Nowhere', apps: [] },
      { workspace_id: WORKSPACE, name: 'Inactive, Still Logged', status: 'Inactive', rate: 0.001, apps: ['app-b'] },
      { workspace_id: WORKSPACE, name: 'Inactive, No Longer Logged', status: 'Inactive', rate: 0 },
    ],
    api_keys: [{ key: KEY, workspace_id: WORKSPACE, permissions: ['events.list', 'events.get'] }],
  }
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp({ endpoints: APP_ENDPOINTS, fixtures }) })
  afterAll(() => app.close())

  it('pages 250 names at a time, alphabetically, every recorded event exactly once, then an empty page', async () => {
    const pages: string[][] = []
    for (let page = 0; page < 4; page++) pages.push((await get(app, `/events/list?page=${page}`, KEY)).body.events)
    expect(pages.map(p => p.length)).toStrictEqual([250, 250, 101, 0])
    const expected = [...generated.map(e => e.name), 'Inactive, Still Logged'].sort(byCodeUnit)
    expect(pages.flat()).toStrictEqual(expected)
  })

  it('leaves out events without occurrences: rate 0, or logged in no app, whatever their status', async () => {
    const all = [0, 1, 2].map(page => get(app, `/events/list?page=${page}`, KEY))
    const names = (await Promise.all(all)).flatMap(r => r.body.events as string[])
    expect(names).toContain('Inactive, Still Logged')
    for (const name of ['Never Logged', 'Logged Nowhere', 'Inactive, No Longer Logged']) expect(names).not.toContain(name)
  })
})

describe('the custom-data pool', () => {
  const CATALOG_URLS = ['/events/list', '/events', '/custom_attributes', '/purchases/product_list']
  let app: BrazeMockApp
  afterEach(() => app.close())

  const limits = (response: { headers: Record<string, unknown> }) =>
    ({ limit: response.headers['x-ratelimit-limit'], remaining: response.headers['x-ratelimit-remaining'] })

  it('counts the four catalog endpoints together, 1,000 an hour, and no default-pool endpoint with them', async () => {
    app = await testApp({ endpoints: APP_ENDPOINTS, fixtures: catalogFixtures() })
    const seen = []
    for (const url of CATALOG_URLS) seen.push(limits(await get(app, url, KEYS.lumen)))
    expect(seen).toStrictEqual(CATALOG_URLS.map((_, i) => ({ limit: '1000', remaining: String(999 - i) })))
    // Every default-pool endpoint counts in its own pool, and leaves the custom-data count where it was.
    for (const endpoint of ENDPOINTS.filter(e => e.pool === 'default')) {
      const url = `${endpoint.path}?${new URLSearchParams(endpoint.example as Record<string, string>)}`
      expect(limits(await get(app, url, KEYS.lumen)).limit).toBe('250000')
    }
    expect(limits(await get(app, '/events/list', KEYS.lumen))).toStrictEqual({ limit: '1000', remaining: '995' })
    // Another workspace has its own.
    expect(limits(await get(app, '/events', KEYS.harbor))).toStrictEqual({ limit: '1000', remaining: '999' })
  })

  it('is spent by any of the four, and the others answer 429 while default-pool endpoints still answer', async () => {
    const set = catalogFixtures()
    app = await testApp({
      endpoints: APP_ENDPOINTS,
      now: NOW,
      fixtures: { ...set, workspaces: set.workspaces.map(w => w.id === lumen.workspaceId ? { ...w, rate_limits: { 'custom-data': 2 } } : w) },
    })
    expect((await get(app, '/events/list', KEYS.lumen)).status).toBe(200)
    expect((await get(app, '/purchases/product_list', KEYS.lumen)).status).toBe(200)
    for (const url of CATALOG_URLS) {
      const response = await get(app, url, KEYS.lumen)
      expect({ url, status: response.status, ...limits(response) }).toStrictEqual({ url, status: 429, limit: '2', remaining: '0' })
    }
    expect((await get(app, '/segments/list', KEYS.lumen)).status).toBe(200)
  })
})
