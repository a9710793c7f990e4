// GET /kpi/mau/data_series (BRAZE-EXPORT.md section 1, section 3.1).
import { MAU } from '../world/series/kpis.js'
import { kpiEndpoint } from './kpi-series.js'

export const kpiMau = kpiEndpoint(MAU, 'Export monthly active users for the last 30 days', 'Unique users with a session in the 30 days ending that day.')
