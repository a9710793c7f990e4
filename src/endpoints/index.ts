// Every Braze endpoint the emulator serves, in the order the OpenAPI document lists them. Adding one is a
// definition file (see define.ts) and a line here; nothing else in src/ needs to know.
import { campaignsDataSeries } from './campaigns-data-series.js'
import { campaignsDetails } from './campaigns-details.js'
import { campaignsList } from './campaigns-list.js'
import { canvasDataSeries } from './canvas-data-series.js'
import { canvasDataSummary } from './canvas-data-summary.js'
import { canvasDetails } from './canvas-details.js'
import { canvasList } from './canvas-list.js'
import { customAttributes } from './custom-attributes.js'
import type { AnyEndpoint } from './define.js'
import { events } from './events.js'
import { eventsDataSeries } from './events-data-series.js'
import { eventsList } from './events-list.js'
import { kpiDau } from './kpi-dau.js'
import { kpiMau } from './kpi-mau.js'
import { kpiNewUsers } from './kpi-new-users.js'
import { kpiUninstalls } from './kpi-uninstalls.js'
import { purchasesProductList } from './purchases-product-list.js'
import { purchasesQuantitySeries } from './purchases-quantity-series.js'
import { purchasesRevenueSeries } from './purchases-revenue-series.js'
import { segmentsDataSeries } from './segments-data-series.js'
import { segmentsDetails } from './segments-details.js'
import { segmentsList } from './segments-list.js'
import { sendsDataSeries } from './sends-data-series.js'
import { sessionsDataSeries } from './sessions-data-series.js'

export const ENDPOINTS: readonly AnyEndpoint[] = [
  segmentsList,
  segmentsDetails,
  segmentsDataSeries,
  sessionsDataSeries,
  kpiNewUsers,
  kpiDau,
  kpiMau,
  kpiUninstalls,
  eventsList,
  events,
  eventsDataSeries,
  customAttributes,
  purchasesProductList,
  purchasesQuantitySeries,
  purchasesRevenueSeries,
  campaignsList,
  campaignsDetails,
  campaignsDataSeries,
  sendsDataSeries,
  canvasList,
  canvasDetails,
  canvasDataSeries,
  canvasDataSummary,
]
