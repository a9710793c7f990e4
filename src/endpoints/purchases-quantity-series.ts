// GET /purchases/quantity_series: items bought (the sum of quantities) per day or hour, for one app or
// all, one product or all (BRAZE-EXPORT.md sections 0 "Purchases", 1, 3.5). A product name the workspace never
// saw is a 200 with zeros.
import { Type } from '@sinclair/typebox'
import { occurrencesPerDay, occurrencesPerHour } from '../world/series/occurrences.js'
import { defineEndpoint } from './define.js'
import { occurrenceData } from './occurrence-series.js'
import { appId, endingAt, length, optional, parameter, Success, unit } from './parameters.js'
import { appOf, endingAtOf, lengthOf } from './resolve.js'

export const purchasesQuantitySeries = defineEndpoint({
  path: '/purchases/quantity_series',
  permission: 'purchases.quantity_series',
  // The purchases pages put both series in the 1,000-an-hour pool (BRAZE-EXPORT.md section 4).
  pool: 'custom-data',
  summary: 'Export number of purchases: items bought per day or hour',
  parameters: {
    length,
    ending_at: optional(endingAt),
    unit: optional(unit),
    app_id: optional(appId),
    product: optional(parameter(Type.String({ minLength: 1, description: 'Only this product (its name, as /purchases/product_list gives it).' }),
      'product must be the name of a product')),
  },
  response: Type.Object({
    message: Success,
    data: Type.Array(Type.Object({
      time: Type.String({ description: 'YYYY-MM-DD for days; YYYY-MM-DDTHH:00:00±HH:MM for hours.' }),
      purchase_quantity: Type.Integer({ description: 'Items bought in the bucket.' }),
    })),
  }),
  example: { length: '14', ending_at: '2026-11-20', unit: 'day' },
  handle ({ query, workspace, series }) {
    const apps = query.app_id === undefined ? workspace.apps : [appOf(workspace, query.app_id)]
    const product = query.product === undefined ? undefined : workspace.productsByName.get(query.product) ?? null
    const scope = { workspace, apps, what: { kind: 'quantity', product } as const }
    const end = endingAtOf(query.ending_at, workspace, series.now)
    return {
      message: 'success',
      data: occurrenceData(series, workspace, scope, query.unit, end, lengthOf(query.length), 'purchase_quantity',
        occurrencesPerDay, occurrencesPerHour),
    }
  },
})
