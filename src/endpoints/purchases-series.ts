// What the two purchases series share (BRAZE-EXPORT.md sections 0 "Purchases", 1 rows 14 and 15, 3.5):
// `length`, `ending_at`, `unit`, `app_id` and `product`, the 1,000-an-hour pool the purchases pages put them
// in (section 4), and a name the workspace never saw reading zeros. Each endpoint is still its own
// definition file; this builds the definition from what it counts.
import { Type, type TSchema } from '@sinclair/typebox'
import { occurrencesPerDay, occurrencesPerHour } from '../world/series/occurrences.js'
import { defineEndpoint } from './define.js'
import { occurrenceData } from './occurrence-series.js'
import { appId, endingAt, length, optional, parameter, Success, unit } from './parameters.js'
import { appsOf, endingAtOf, lengthOf } from './resolve.js'

interface Counted {
  readonly kind: 'quantity' | 'revenue'
  readonly path: string
  readonly permission: string
  readonly summary: string
  /** The value's key in a data point, and its schema. */
  readonly key: string
  readonly value: TSchema
  /** From what the series count (items, or cents) to what the answer writes. */
  readonly write: (value: number) => number
}

export function purchasesSeriesEndpoint ({ kind, path, permission, summary, key, value, write }: Counted) {
  return defineEndpoint({
    path,
    permission,
    pool: 'custom-data',
    summary,
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
      data: Type.Array(Type.Object<Record<string, TSchema>>({
        time: Type.String({ description: 'YYYY-MM-DD for days; YYYY-MM-DDTHH:00:00±HH:MM for hours.' }),
        [key]: value,
      })),
    }),
    example: { length: '14', ending_at: '2026-11-20', unit: 'day' },
    handle ({ query, workspace, series }) {
      const apps = appsOf(workspace, query.app_id)
      const product = query.product === undefined ? undefined : workspace.productsByName.get(query.product) ?? null
      const end = endingAtOf(query.ending_at, workspace, series.now)
      return {
        message: 'success',
        data: occurrenceData(series, workspace, { workspace, apps, what: { kind, product } }, query.unit, end,
          lengthOf(query.length), key, occurrencesPerDay, occurrencesPerHour, write),
      }
    },
  })
}
