// GET /purchases/quantity_series: items bought (the sum of quantities, BRAZE-EXPORT.md section 0) per day or
// hour, for one app or all, one product or all.
import { Type } from '@sinclair/typebox'
import { purchasesSeriesEndpoint } from './purchases-series.js'

export const purchasesQuantitySeries = purchasesSeriesEndpoint({
  kind: 'quantity',
  path: '/purchases/quantity_series',
  permission: 'purchases.quantity_series',
  summary: 'Export number of purchases: items bought per day or hour',
  key: 'purchase_quantity',
  value: Type.Integer({ description: 'Items bought in the bucket.' }),
  write: items => items,
})
