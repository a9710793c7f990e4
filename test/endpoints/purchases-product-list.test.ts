// GET /purchases/product_list (BRAZE-EXPORT.md sections 0, 2.3 and 3.5; rule 12 of section 7): the ids of
// the products bought in the workspace (a rate above zero in at least one app), 100 a page from page 0,
// alphabetically, `products` before `message` as Braze's example writes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import type { AnyEndpoint } from '../../src/endpoints/define.js'
import { customAttributes } from '../../src/endpoints/custom-attributes.js'
import { eventsList } from '../../src/endpoints/events-list.js'
import { events } from '../../src/endpoints/events.js'
import { ENDPOINTS } from '../../src/endpoints/index.js'
import { purchasesProductList } from '../../src/endpoints/purchases-product-list.js'
import { generatedProducts } from '../../src/world/names.js'
import { builtInFixtureSet, type FixtureObject } from '../endpoints.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const CATALOG_ENDPOINTS = [eventsList, events, customAttributes, purchasesProductList]
const APP_ENDPOINTS: AnyEndpoint[] = [...ENDPOINTS, ...CATALOG_ENDPOINTS.filter(e => !ENDPOINTS.includes(e))]
const PERMISSIONS = [...new Set(APP_ENDPOINTS.map(e => e.permission))]
const KEYS = { lumen: 'lumen-catalog-key', harbor: 'harbor-catalog-key', lacking: 'lumen-without-purchases-product-list' }
const { lumen, harbor } = BUILT_IN

interface ProductEntry { workspace_id: string, name: string, price?: number, rate?: number, apps?: string[] }
type CatalogSet = FixtureObject & { products: ProductEntry[] }

function catalogFixtures (): CatalogSet {
  const set = builtInFixtureSet() as CatalogSet
  return {
    ...set,
    api_keys: [
      ...set.api_keys,
      { key: KEYS.lumen, workspace_id: lumen.workspaceId, permissions: ['*'] },
      { key: KEYS.harbor, workspace_id: harbor.workspaceId, permissions: ['*'] },
      { key: KEYS.lacking, workspace_id: lumen.workspaceId, permissions: PERMISSIONS.filter(p => p !== 'purchases.product_list') },
    ],
  }
}

const byCodeUnit = (a: string, b: string) => a < b ? -1 : a > b ? 1 : 0

/** Rule 12: the products bought at a rate above zero in at least one app, sorted. */
function purchasedNames (products: ProductEntry[], workspaceId: string): string[] {
  return products
    .filter(p => p.workspace_id === workspaceId && (p.rate ?? 0.002) > 0 && (p.apps === undefined || p.apps.length > 0))
    .map(p => p.name)
    .sort(byCodeUnit)
}

describe('GET /purchases/product_list on the built-in fixtures', () => {
  let app: BrazeMockApp
  const set = catalogFixtures()
  beforeAll(async () => { app = await testApp({ endpoints: APP_ENDPOINTS, fixtures: set }) })
  afterAll(() => app.close())

  it.each([['Lumen', lumen.workspaceId, KEYS.lumen], ['Harbor', harbor.workspaceId, KEYS.harbor]])(
    'lists %s\'s products alphabetically, products before message', async (_, workspaceId, key) => {
      const response = await get(app, '/purchases/product_list', key)
      expect(response.status).toBe(200)
      expect(response.body).toStrictEqual({ products: purchasedNames(set.products, workspaceId), message: 'success' })
      expect(response.body.products.length).toBeGreaterThan(5)
      expect(response.raw.startsWith('{"products":["')).toBe(true)
      expect(response.raw.endsWith('],"message":"success"}')).toBe(true)
    })

  it('answers Lumen\'s whole list on page 0 and an empty page 1', async () => {
    expect((await get(app, '/purchases/product_list?page=0', KEYS.lumen)).body.products).toStrictEqual([
      'Coaching Session', 'Family Plan Annual', 'Foam Roller', 'Gift Membership', 'Heart Rate Strap', 'Marathon Training Program',
      'Premium Annual', 'Premium Monthly', 'Resistance Band Set', 'Smart Water Bottle', 'Yoga Mat',
    ])
    expect((await get(app, '/purchases/product_list?page=1', KEYS.lumen)).body).toStrictEqual({ products: [], message: 'success' })
  })

  it.each(['-1', 'one', '2.0', ''])('answers 400 for page=%s', async (page) => {
    const response = await get(app, `/purchases/product_list?page=${page}`, KEYS.lumen)
    expect(response.status).toBe(400)
    expect(response.body).toStrictEqual({ message: 'page must be an integer of 0 or more' })
  })

  it('needs the purchases.product_list permission', async () => {
    const response = await get(app, '/purchases/product_list', KEYS.lacking)
    expect(response.status).toBe(403)
    expect(response.body).toStrictEqual({ message: 'Access Denied: this API key lacks the purchases.product_list permission' })
  })
})

describe('GET /purchases/product_list: which products are listed, and paging', () => {
  const WORKSPACE = 'products-paging'
  const KEY = 'products-paging-key'
  const generated = generatedProducts([4], 'fitness', 230).map(p => ({ workspace_id: WORKSPACE, ...p }))
  const fixtures = {
    workspaces: [{ id: WORKSPACE, name: 'Paging', industry: 'fitness' }],
    apps: ['a', 'b'].map(id => ({ id, workspace_id: WORKSPACE, created_at: '2024-01-01T00:00:00Z' })),
    products: [
      ...generated,
      { workspace_id: WORKSPACE, name: 'Never Bought', rate: 0 },
      { workspace_id: WORKSPACE, name: 'Sold Nowhere', apps: [] },
      { workspace_id: WORKSPACE, name: 'Sold on b', apps: ['b'] },
    ],
    api_keys: [{ key: KEY, workspace_id: WORKSPACE, permissions: ['purchases.product_list'] }],
  }
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp({ endpoints: APP_ENDPOINTS, fixtures }) })
  afterAll(() => app.close())

  it('pages 100 ids at a time from page 0, every purchased product once, then an empty page', async () => {
    const pages: string[][] = []
    for (let page = 0; page < 4; page++) pages.push((await get(app, `/purchases/product_list?page=${page}`, KEY)).body.products)
    expect(pages.map(p => p.length)).toStrictEqual([100, 100, 31, 0])
    expect(pages.flat()).toStrictEqual(purchasedNames(fixtures.products, WORKSPACE))
    expect(pages.flat()).toContain('Sold on b')
    for (const name of ['Never Bought', 'Sold Nowhere']) expect(pages.flat()).not.toContain(name)
  })
})
