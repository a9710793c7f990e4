// GET /kpi/uninstalls/data_series (BRAZE-EXPORT.md section 1, section 3.1).
import { UNINSTALLS } from '../world/series/kpis.js'
import { kpiEndpoint } from './kpi-series.js'

export const kpiUninstalls = kpiEndpoint(UNINSTALLS, 'Export app uninstalls by date', 'Uninstalls that day.')
