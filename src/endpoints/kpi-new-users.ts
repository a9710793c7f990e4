// GET /kpi/new_users/data_series (BRAZE-EXPORT.md section 1, section 3.1).
import { NEW_USERS } from '../world/series/kpis.js'
import { kpiEndpoint } from './kpi-series.js'

export const kpiNewUsers = kpiEndpoint(NEW_USERS, 'Export daily new users by date', 'New users that day: users whose first session in the app was that day (all apps: the sum over apps).')
