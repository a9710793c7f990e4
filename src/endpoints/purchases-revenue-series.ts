// GET /purchases/revenue_series: revenue per day or hour, a JSON number rounded to cents in the workspace's
// currency (BRAZE-EXPORT.md section 0), for one app or all, one product or all.
import { Type } from '@sinclair/typebox'
import { purchasesSeriesEndpoint } from './purchases-series.js'

export const purchasesRevenueSeries = purchasesSeriesEndpoint({
  kind: 'revenue',
  path: '/purchases/revenue_series',
  permission: 'purchases.revenue_series',
  summary: 'Export revenue data by time: revenue per day or hour',
  key: 'revenue',
  value: Type.Number({ description: 'Revenue in the bucket, in the workspace\'s currency, rounded to cents.' }),
  // The series count whole cents, so that revenue adds up exactly; the answer writes the currency.
  write: cents => cents / 100,
})
