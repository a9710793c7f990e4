// The simulated user base of a workspace (issue 12, BRAZE-EXPORT.md section 0 "One world"): a cohort model from
// which every user-activity figure is an aggregate, so the hard rules of section 7 hold by construction.
//
//   arrivals.ts             N(d): new users per app and day (launch ramp, trend, weekly rhythm, wander, jitter)
//   retention.ts            r(k), u(k), m_n(k): return, uninstall and n-day reach of a cohort by age
//   app-population.ts       one app: DAU, MAU, rolling audiences, user base, uninstalls, sessions (daily and
//                           hourly), custom events and purchases
//   daily-curve.ts          relative activity by local hour, quietest at 02:00-05:00 whatever the peak hour
//   overlap.ts              unique users across apps
//   workspace-population.ts all apps: exact sums for additive figures, unique counts for users
//   segment-population.ts   a segment's size and its members' share of sessions and events
//
// Pure: values are functions of (seed key, entity key, day or hour) alone; caches belong to the instances.
export { AppPopulation, MAU_DAYS, type AppParams, type Occurrence } from './app-population.js'
export type { ArrivalShape } from './arrivals.js'
export { TREND_ORIGIN_DAY } from './noise.js'
export { MAX_OVERLAP, uniqueUsers } from './overlap.js'
export { DEFAULT_RETENTION, MAX_HORIZON, MAX_WINDOW_DAYS, type RetentionProfile } from './retention.js'
export { SegmentPopulation, type SegmentDefinition } from './segment-population.js'
export {
  WorkspacePopulation, type CatalogEvent, type CatalogProduct, type WorkspaceApp, type WorkspaceParams,
} from './workspace-population.js'
