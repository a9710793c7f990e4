// GET /kpi/dau/data_series (BRAZE-EXPORT.md section 1, section 3.1).
import { DAU } from '../world/series/kpis.js'
import { kpiEndpoint } from './kpi-series.js'

export const kpiDau = kpiEndpoint(DAU, 'Export daily active users by date', 'Unique users with at least one session that day.')
