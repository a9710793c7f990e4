// The KPI series (GET /kpi/*/data_series), daily only, from the workspace's simulated users
// (BRAZE-EXPORT.md section 0 "KPIs", section 7 rules 1 to 5):
// - new users, DAU and uninstalls per app from the population; all apps: new users and uninstalls are the
//   sum over apps (a user new to two apps counts twice), DAU and MAU the unique count (uniqueUsers);
// - MAU is the 30-day rolling unique count, held between the highest DAU of its window and their sum;
//   Braze computes it nightly, so the day "now" is in repeats the day before (within those bounds);
// - the day "now" cuts keeps the share of its users its hours before now had of its sessions: DAU and
//   new users and uninstalls scale with it, and a day with a session has at least one active user;
// - days from now on read 0; a day override sets an app's value for that metric (all apps follow).
import { uniqueUsers } from '../population/index.js'
import type { Metric } from '../metrics.js'
import type { App, Workspace } from '../world.js'
import type { Day, ZoneCalendar } from '../zone-calendar.js'
import { activityOf, dayCut, dayStarted, maskHours, sum, type WorkspaceActivity } from './activity.js'
import type { SeriesContext } from './context.js'

const kpi = <K extends string>(id: K, aggregate: Metric['aggregate'], salt: number): Metric & { id: K } =>
  ({ id, key: id, entity: 'app', hours: false, aggregate, salt })

export const NEW_USERS = kpi('new_users', 'sum', 0x4e55)
export const DAU = kpi('dau', 'unique', 0xda00)
export const MAU = kpi('mau', 'unique', 0x3a00)
export const UNINSTALLS = kpi('uninstalls', 'sum', 0x0515)

export type Kpi = 'new_users' | 'dau' | 'mau' | 'uninstalls'

const MAU_DAYS = 30

/** The KPI for `days` (consecutive), for the apps given: one app, or all of the workspace's. */
export function kpiSeries (ctx: SeriesContext, workspace: Workspace, metric: Kpi, apps: readonly App[], days: readonly Day[]): number[] {
  if (days.length === 0) return []
  const activity = activityOf(ctx, workspace)
  const perApp = apps.map(app => metric === 'mau'
    ? appMau(ctx, activity, workspace.calendar, app, days)
    : appDaily(ctx, activity, workspace.calendar, app, metric, days[0]!.index, days.length))
  const out = new Array<number>(days.length)
  for (let i = 0; i < days.length; i++) {
    const values = perApp.map(series => series[i]!)
    out[i] = metric === 'dau' || metric === 'mau' ? uniqueUsers(values, workspace.overlap) : sum(values)
  }
  return out
}

/** An app's new users, DAU or uninstalls on `count` days from `first`, as served. */
function appDaily (ctx: SeriesContext, activity: WorkspaceActivity, calendar: ZoneCalendar, app: App,
  metric: Exclude<Kpi, 'mau'>, first: number, count: number): number[] {
  const population = activity.population.app(app.key)
  const dau = population.dau(first, count)
  const values = metric === 'dau' ? dau : metric === 'new_users' ? population.newUsers(first, count) : population.uninstalls(first, count)
  const out = new Array<number>(count)
  for (let i = 0; i < count; i++) {
    const day = calendar.day(first + i)
    const overridden = ctx.overrides?.day(metric, app.id, day.index)
    if (overridden !== undefined) out[i] = overridden
    else if (!dayStarted(ctx, day)) out[i] = 0
    else if (!dayCut(ctx, day)) out[i] = values[i]!
    else {
      const full = population.sessionsPerHour(day)
      const live = sum(maskHours(ctx, day, full.slice()))
      const share = live / Math.max(1, sum(full))
      const users = live > 0 ? Math.max(1, Math.floor(dau[i]! * share)) : 0
      out[i] = metric === 'dau' ? users : Math.min(metric === 'new_users' ? users : Infinity, Math.floor(values[i]! * share))
    }
  }
  return out
}

/** An app's MAU on `days`: see the header. */
function appMau (ctx: SeriesContext, activity: WorkspaceActivity, calendar: ZoneCalendar, app: App, days: readonly Day[]): number[] {
  const first = days[0]!.index
  const count = days.length
  // DAU as served over each point's window, and the population's MAU from the day before the first.
  const dau = appDaily(ctx, activity, calendar, app, 'dau', first - MAU_DAYS + 1, count + MAU_DAYS - 1)
  const generated = activity.population.app(app.key).mau(first - 1, count + 1)
  const out = new Array<number>(count)
  for (let i = 0; i < count; i++) {
    const day = days[i]!
    const overridden = ctx.overrides?.day(MAU.id, app.id, day.index)
    if (overridden !== undefined) {
      out[i] = overridden
      continue
    }
    if (!dayStarted(ctx, day)) {
      out[i] = 0
      continue
    }
    let most = 0
    let total = 0
    for (let j = i; j < i + MAU_DAYS; j++) {
      most = Math.max(most, dau[j]!)
      total += dau[j]!
    }
    const base = dayCut(ctx, day) ? generated[i]! : generated[i + 1]!
    out[i] = Math.max(most, Math.min(base, total))
  }
  return out
}
