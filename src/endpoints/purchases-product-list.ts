// GET /purchases/product_list: the ids of the products bought in the workspace, 100 a page (the size Braze
// leaves undocumented), alphabetical, `products` before `message` as Braze's example has it (BRAZE-EXPORT.md
// sections 0, 2.3 and 3.5). Rule 12 of section 7: the products that appear in purchases, those bought at a
// rate above zero in at least one app. `page` counts from 0, like every other list endpoint.
import { Type } from '@sinclair/typebox'
import { defineEndpoint } from './define.js'
import { optional, page, Success } from './parameters.js'

export const PRODUCTS_PAGE_SIZE = 100

/** The products with purchases, alphabetical (the catalog is sorted at load). */
export const purchasesProductList = defineEndpoint({
  path: '/purchases/product_list',
  permission: 'purchases.product_list',
  pool: 'custom-data',
  summary: 'Export product IDs: the products bought in the workspace, 100 a page, alphabetical',
  parameters: {
    page: optional(page('0-based page of up to 100 product ids; a page past the end is empty.')),
  },
  response: Type.Object({
    products: Type.Array(Type.String()),
    message: Success,
  }),
  example: { page: '0' },
  handle ({ query, workspace }) {
    const first = Number(query.page ?? 0) * PRODUCTS_PAGE_SIZE
    return {
      products: workspace.purchasedProducts.slice(first, first + PRODUCTS_PAGE_SIZE).map(product => product.name),
      message: 'success',
    }
  },
})
