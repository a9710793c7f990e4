// GET /custom_attributes (BRAZE-EXPORT.md sections 0, 2.3 and 3.4): every custom attribute of the workspace,
// whatever its status, with Braze's keys in Braze's order, 50 a call alphabetically, and a Link header to
// the next call (the host as sent) while more remain; a cursor it could not have issued is a 400.
import { Buffer } from 'node:buffer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import type { AnyEndpoint } from '../../src/endpoints/define.js'
import { customAttributes } from '../../src/endpoints/custom-attributes.js'
import { eventsList } from '../../src/endpoints/events-list.js'
import { events } from '../../src/endpoints/events.js'
import { ENDPOINTS } from '../../src/endpoints/index.js'
import { purchasesProductList } from '../../src/endpoints/purchases-product-list.js'
import { generatedAttributes } from '../../src/world/names.js'
import { builtInFixtureSet, type FixtureObject } from '../endpoints.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const CATALOG_ENDPOINTS = [eventsList, events, customAttributes, purchasesProductList]
const APP_ENDPOINTS: AnyEndpoint[] = [...ENDPOINTS, ...CATALOG_ENDPOINTS.filter(e => !ENDPOINTS.includes(e))]
const PERMISSIONS = [...new Set(APP_ENDPOINTS.map(e => e.permission))]
const KEYS = { lumen: 'lumen-catalog-key', harbor: 'harbor-catalog-key', lacking: 'lumen-without-custom-attributes-get' }
const { lumen, harbor } = BUILT_IN

interface AttributeEntry {
  workspace_id: string
  name: string
  data_type?: string
  array_length?: number | null
  description?: string
  status?: 'Active' | 'Inactive'
  tags?: string[]
}
type CatalogSet = FixtureObject & { custom_attributes: AttributeEntry[] }

function catalogFixtures (): CatalogSet {
  const set = builtInFixtureSet() as CatalogSet
  return {
    ...set,
    api_keys: [
      ...set.api_keys,
      { key: KEYS.lumen, workspace_id: lumen.workspaceId, permissions: ['*'] },
      { key: KEYS.harbor, workspace_id: harbor.workspaceId, permissions: ['*'] },
      { key: KEYS.lacking, workspace_id: lumen.workspaceId, permissions: PERMISSIONS.filter(p => p !== 'custom_attributes.get') },
    ],
  }
}

const byCodeUnit = (a: { name: string }, b: { name: string }) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0
const skip = (n: number) => Buffer.from(`skip:${n}`).toString('base64url')

/** /custom_attributes items as Braze writes them, from fixture entries (with the schema's defaults). */
function items (entries: AttributeEntry[], workspaceId: string) {
  return entries
    .filter(a => a.workspace_id === workspaceId)
    .sort(byCodeUnit)
    .map(a => ({
      array_length: a.array_length ?? null,
      data_type: a.data_type ?? 'String',
      description: a.description ?? '',
      name: a.name,
      status: a.status ?? 'Active',
      tag_names: a.tags ?? [],
    }))
}

describe('GET /custom_attributes on the built-in fixtures', () => {
  let app: BrazeMockApp
  const set = catalogFixtures()
  beforeAll(async () => { app = await testApp({ endpoints: APP_ENDPOINTS, fixtures: set }) })
  afterAll(() => app.close())

  it.each([['Lumen', lumen.workspaceId, KEYS.lumen], ['Harbor', harbor.workspaceId, KEYS.harbor]])(
    'answers all of %s\'s attributes in one call, in Braze\'s shape and key order, with no Link', async (_, workspaceId, key) => {
      const response = await get(app, '/custom_attributes', key)
      expect(response.status).toBe(200)
      expect(response.body).toStrictEqual({ message: 'success', attributes: items(set.custom_attributes, workspaceId) })
      expect(response.raw.startsWith('{"message":"success","attributes":[{"array_length":')).toBe(true)
      expect(Object.keys(response.body.attributes[0])).toStrictEqual(['array_length', 'data_type', 'description', 'name', 'status', 'tag_names'])
      expect(response.headers.link).toBeUndefined()
    })

  it('lists every data type, an array\'s length, and the Inactive attribute with its status', async () => {
    const { attributes } = (await get(app, '/custom_attributes', KEYS.lumen)).body as { attributes: Array<ReturnType<typeof items>[number]> }
    expect(new Set(attributes.map(a => a.data_type))).toStrictEqual(new Set(['String', 'Number', 'Boolean', 'Date', 'Array', 'Object', 'Object Array']))
    expect(attributes.find(a => a.name === 'favorite_activities')).toMatchObject({ data_type: 'Array', array_length: 10 })
    expect(attributes.find(a => a.name === 'fitness_goal')).toMatchObject({ data_type: 'String', array_length: null })
    expect(attributes.find(a => a.name === 'daily_step_goal')).toMatchObject({ status: 'Inactive' })
  })

  it('needs the custom_attributes.get permission', async () => {
    const response = await get(app, '/custom_attributes', KEYS.lacking)
    expect(response.status).toBe(403)
    expect(response.body).toStrictEqual({ message: 'Access Denied: this API key lacks the custom_attributes.get permission' })
  })
})

describe('GET /custom_attributes: the cursor walk over 120 attributes', () => {
  const WORKSPACE = 'attributes-cursor'
  const KEY = 'attributes-cursor-key'
  const catalog = generatedAttributes([2], 'fitness', 120).map(a => ({ workspace_id: WORKSPACE, ...a }))
  const fixtures = {
    workspaces: [{ id: WORKSPACE, name: 'Cursor', industry: 'fitness' }],
    custom_attributes: catalog,
    api_keys: [{ key: KEY, workspace_id: WORKSPACE, permissions: ['custom_attributes.get'] }],
  }
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp({ endpoints: APP_ENDPOINTS, fixtures }) })
  afterAll(() => app.close())

  const call = async (url: string) => {
    const response = await app.inject({ url, headers: { authorization: `Bearer ${KEY}`, host: 'braze-mock:4000' } })
    return { status: response.statusCode, link: response.headers.link, body: response.json() }
  }

  it('answers 50, 50 and 20 attributes, each Link to /custom_attributes with the host as sent, none on the last', async () => {
    const first = await call('/custom_attributes')
    const second = await call(`/custom_attributes?cursor=${skip(50)}`)
    const last = await call(`/custom_attributes?cursor=${skip(100)}`)
    expect([first, second, last].map(c => [c.status, c.body.attributes.length, c.link])).toStrictEqual([
      [200, 50, `<http://braze-mock:4000/custom_attributes?cursor=${skip(50)}>; rel="next"`],
      [200, 50, `<http://braze-mock:4000/custom_attributes?cursor=${skip(100)}>; rel="next"`],
      [200, 20, undefined],
    ])
    expect([first, second, last].flatMap(c => c.body.attributes)).toStrictEqual(items(catalog, WORKSPACE))
  })

  it.each([
    ['empty', ''],
    ['not a cursor', 'c2tpcDow!'],
    ['an offset at the end', skip(150)],
    ['an offset off the page boundary', skip(60)],
    ['a cursor of /events past this list\'s end', skip(200)],
  ])('answers 400 naming cursor for %s', async (_, cursor) => {
    const response = await call(`/custom_attributes?cursor=${cursor}`)
    expect([response.status, response.body, response.link])
      .toStrictEqual([400, { message: 'cursor must be a cursor from a Link header of this endpoint' }, undefined])
  })

  it('answers a workspace with no attributes with an empty list, and takes skip:0 there too', async () => {
    const empty = await testApp({
      endpoints: APP_ENDPOINTS,
      fixtures: { workspaces: [{ id: 'w' }].map(w => ({ ...w, name: 'Empty' })), api_keys: [{ key: 'k', workspace_id: 'w', permissions: ['custom_attributes.get'] }] },
    })
    try {
      for (const url of ['/custom_attributes', '/custom_attributes?cursor=c2tpcDow']) {
        const response = await get(empty, url, 'k')
        expect([response.status, response.body, response.headers.link]).toStrictEqual([200, { message: 'success', attributes: [] }, undefined])
      }
      expect((await get(empty, `/custom_attributes?cursor=${skip(50)}`, 'k')).status).toBe(400)
    } finally {
      await empty.close()
    }
  })
})
