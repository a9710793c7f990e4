// GET /events (BRAZE-EXPORT.md sections 0, 2.3 and 3.3; rule 11 of section 7): the recorded events with
// their metadata, the same names in the same order as /events/list, 50 a call, and while more remain a
// Link header to the next call built from the Host header as sent, with an opaque cursor (base64 of
// skip:<offset>); a cursor the emulator could not have issued is a 400 naming cursor.
import { Buffer } from 'node:buffer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import type { AnyEndpoint } from '../../src/endpoints/define.js'
import { customAttributes } from '../../src/endpoints/custom-attributes.js'
import { eventsList } from '../../src/endpoints/events-list.js'
import { events } from '../../src/endpoints/events.js'
import { ENDPOINTS } from '../../src/endpoints/index.js'
import { purchasesProductList } from '../../src/endpoints/purchases-product-list.js'
import { generatedEvents } from '../../src/world/names.js'
import { builtInFixtureSet, type FixtureObject } from '../endpoints.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const CATALOG_ENDPOINTS = [eventsList, events, customAttributes, purchasesProductList]
const APP_ENDPOINTS: AnyEndpoint[] = [...ENDPOINTS, ...CATALOG_ENDPOINTS.filter(e => !ENDPOINTS.includes(e))]
const PERMISSIONS = [...new Set(APP_ENDPOINTS.map(e => e.permission))]
const KEYS = { lumen: 'lumen-catalog-key', harbor: 'harbor-catalog-key', lacking: 'lumen-without-events-get' }
const { lumen, harbor } = BUILT_IN

interface EventEntry {
  workspace_id: string
  name: string
  description?: string
  tags?: string[]
  status?: 'Active' | 'Inactive'
  included_in_analytics_report?: boolean
  rate?: number
  apps?: string[]
}
type CatalogSet = FixtureObject & { events: EventEntry[] }

function catalogFixtures (): CatalogSet {
  const set = builtInFixtureSet() as CatalogSet
  return {
    ...set,
    api_keys: [
      ...set.api_keys,
      { key: KEYS.lumen, workspace_id: lumen.workspaceId, permissions: ['*'] },
      { key: KEYS.harbor, workspace_id: harbor.workspaceId, permissions: ['*'] },
      { key: KEYS.lacking, workspace_id: lumen.workspaceId, permissions: PERMISSIONS.filter(p => p !== 'events.get') },
    ],
  }
}

const byCodeUnit = (a: { name: string }, b: { name: string }) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0
const skip = (n: number) => Buffer.from(`skip:${n}`).toString('base64url')

/** /events items as Braze writes them, from fixture entries (with the schema's defaults). */
function items (set: CatalogSet, workspaceId: string) {
  return set.events
    .filter(e => e.workspace_id === workspaceId && (e.rate ?? 0.1) > 0 && (e.apps === undefined || e.apps.length > 0))
    .sort(byCodeUnit)
    .map(e => ({
      name: e.name,
      description: e.description ?? '',
      included_in_analytics_report: e.included_in_analytics_report ?? false,
      status: e.status ?? 'Active',
      tag_names: e.tags ?? [],
    }))
}

async function call (app: BrazeMockApp, url: string, key: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}`, ...headers } })
  return { status: response.statusCode, headers: response.headers, body: response.json(), raw: response.body }
}

describe('GET /events on the built-in fixtures', () => {
  let app: BrazeMockApp
  const set = catalogFixtures()
  beforeAll(async () => { app = await testApp({ endpoints: APP_ENDPOINTS, fixtures: set }) })
  afterAll(() => app.close())

  it.each([['Lumen', lumen.workspaceId, KEYS.lumen], ['Harbor', harbor.workspaceId, KEYS.harbor]])(
    'answers %s\'s events in one call (under 50), in Braze\'s shape and key order, with no Link', async (_, workspaceId, key) => {
      const response = await get(app, '/events', key)
      expect(response.status).toBe(200)
      expect(response.body).toStrictEqual({ message: 'success', events: items(set, workspaceId) })
      expect(response.body.events.length).toBeGreaterThan(10)
      expect(response.body.events.length).toBeLessThan(50)
      expect(response.raw.startsWith('{"message":"success","events":[{"name":')).toBe(true)
      expect(Object.keys(response.body.events[0])).toStrictEqual(['name', 'description', 'included_in_analytics_report', 'status', 'tag_names'])
      expect(response.headers.link).toBeUndefined()
    })

  it('lists the same names in the same order as /events/list (rule 11), the Inactive one with its status', async () => {
    const list = await get(app, '/events/list', KEYS.lumen)
    const detailed = await get(app, '/events', KEYS.lumen)
    expect(detailed.body.events.map((e: { name: string }) => e.name)).toStrictEqual(list.body.events)
    expect(detailed.body.events.find((e: { name: string }) => e.name === 'Step Sync (Legacy)')).toMatchObject({ status: 'Inactive' })
  })

  it('takes Braze\'s documented cursor c2tpcDow (skip:0) as the first call', async () => {
    expect((await get(app, '/events?cursor=c2tpcDow', KEYS.lumen)).raw).toBe((await get(app, '/events', KEYS.lumen)).raw)
  })

  it('needs the events.get permission', async () => {
    const response = await get(app, '/events', KEYS.lacking)
    expect(response.status).toBe(403)
    expect(response.body).toStrictEqual({ message: 'Access Denied: this API key lacks the events.get permission' })
  })

  it('documents the Link header of its 200 in the OpenAPI document', async () => {
    const doc = (await app.inject('/_mock/openapi.json')).json()
    expect(Object.keys(doc.paths['/events'].get.responses['200'].headers)).toContain('Link')
  })
})

describe('GET /events: the cursor walk over 130 events', () => {
  const WORKSPACE = 'events-cursor'
  const KEY = 'events-cursor-key'
  const catalog = generatedEvents([5], 'finance', 130).map(e => ({ workspace_id: WORKSPACE, ...e }))
  const fixtures = {
    workspaces: [{ id: WORKSPACE, name: 'Cursor', industry: 'finance' }],
    apps: [{ id: 'app', workspace_id: WORKSPACE, created_at: '2024-01-01T00:00:00Z' }],
    events: catalog,
    api_keys: [{ key: KEY, workspace_id: WORKSPACE, permissions: ['events.get', 'events.list'] }],
  }
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp({ endpoints: APP_ENDPOINTS, fixtures }) })
  afterAll(() => app.close())

  it('answers 50, 50 and 30 events, a Link on each call but the last, following the Link as given', async () => {
    const host = 'braze-mock:4000'
    const calls = []
    let url: string | undefined = '/events'
    while (url !== undefined) {
      const response = await call(app, url, KEY, { host })
      expect(response.status).toBe(200)
      calls.push(response)
      const link = response.headers.link as string | undefined
      if (link === undefined) break
      const match = /^<(http:\/\/braze-mock:4000)(\/events\?cursor=[A-Za-z0-9_-]+)>; rel="next"$/.exec(link)
      expect(match, link).not.toBeNull()
      url = match![2]
    }
    expect(calls.map(c => c.body.events.length)).toStrictEqual([50, 50, 30])
    expect(calls.map(c => c.headers.link)).toStrictEqual([
      `<http://braze-mock:4000/events?cursor=${skip(50)}>; rel="next"`,
      `<http://braze-mock:4000/events?cursor=${skip(100)}>; rel="next"`,
      undefined,
    ])
    const names = calls.flatMap(c => c.body.events.map((e: { name: string }) => e.name))
    expect(names).toStrictEqual(catalog.map(e => e.name).sort())
    // The same names as /events/list, in the same order.
    expect(names).toStrictEqual((await call(app, '/events/list', KEY)).body.events)
  })

  it('writes the host exactly as the client sent it (localhost when it is no authority), and reads no X-Forwarded-* header', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ host: 'localhost:4010' }, 'http://localhost:4010'],
      [{ host: '127.0.0.1' }, 'http://127.0.0.1'],
      [{ host: '[::1]:4000' }, 'http://[::1]:4000'],
      [{ host: 'braze-mock:4000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'elsewhere.example' }, 'http://braze-mock:4000'],
      // A Host that cannot go into a URL: the socket's port on localhost (inject's socket has none, so 80).
      [{ host: 'bad host>' }, 'http://localhost:80'],
    ]
    for (const [headers, origin] of cases) {
      const response = await call(app, '/events', KEY, headers)
      expect(response.headers.link).toBe(`<${origin}/events?cursor=${skip(50)}>; rel="next"`)
    }
  })

  it('takes the padded base64 form of a cursor it issued', async () => {
    const padded = encodeURIComponent(Buffer.from('skip:50').toString('base64'))
    expect(padded).toBe('c2tpcDo1MA%3D%3D')
    expect((await call(app, `/events?cursor=${padded}`, KEY)).raw).toBe((await call(app, `/events?cursor=${skip(50)}`, KEY)).raw)
  })

  it.each([
    ['empty', ''],
    ['not base64 of skip', 'nope'],
    ['another word', Buffer.from('offset:50').toString('base64url')],
    ['an offset not on a page boundary', skip(7)],
    ['an offset at the end', skip(150)],
    ['an offset past the end', skip(5000)],
    ['a negative offset', Buffer.from('skip:-50').toString('base64url')],
    ['a padded zero', Buffer.from('skip:050').toString('base64url')],
    ['a cursor with trailing junk', `${skip(50)}x`],
    ['a cursor with a space', `${skip(50)}%20`],
  ])('answers 400 naming cursor for %s', async (_, cursor) => {
    const response = await call(app, `/events?cursor=${cursor}`, KEY)
    expect({ status: response.status, body: response.body, link: response.headers.link })
      .toStrictEqual({ status: 400, body: { message: 'cursor must be a cursor from a Link header of this endpoint' }, link: undefined })
  })
})

describe('GET /events over a real socket', () => {
  let app: BrazeMockApp
  let port: number
  beforeAll(async () => {
    const set = catalogFixtures()
    const extra = generatedEvents([9], 'fitness', 60, new Set(set.events.map(e => e.name)))
    app = await testApp({ endpoints: APP_ENDPOINTS, fixtures: { ...set, events: [...set.events, ...extra.map(e => ({ workspace_id: lumen.workspaceId, ...e }))] } })
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    port = Number(new URL(address).port)
  })
  afterAll(() => app.close())

  it('puts the Host the client sent on the wire, and the link it gives answers the next call', async () => {
    const first = await fetch(`http://127.0.0.1:${port}/events`, { headers: { authorization: `Bearer ${KEYS.lumen}` } })
    const link = first.headers.get('link')
    expect(link).toBe(`<http://127.0.0.1:${port}/events?cursor=${skip(50)}>; rel="next"`)
    const next = await fetch(/^<([^>]+)>/.exec(link!)![1]!, { headers: { authorization: `Bearer ${KEYS.lumen}` } })
    expect(next.status).toBe(200)
    expect(next.headers.get('link')).toBeNull()
    const body = await next.json() as { events: unknown[] }
    expect(body.events.length).toBeGreaterThan(0)
  })
})
