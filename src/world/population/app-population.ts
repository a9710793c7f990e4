// One app's simulated users: every daily figure of the app is an aggregate of the same cohorts, so the hard
// rules of BRAZE-EXPORT.md section 7 hold by construction. With N(d) the new users on day d (arrivals.ts), r(k)
// the return probability and m_n(k) the n-day reach of a cohort of age k (retention.ts), H the horizon:
//
//   a(d)       = weekly(d) · jitter(d)                        the day's activity (users come back more on
//                                                            some weekdays); it scales returners, never arrivals
//   DAU(d)     = N(d) + ⌊Σ_{k=1}^{H−1} N(d−k) · min(1, r(k) · a(d))⌋       so N(d) ≤ DAU(d) ≤ users(d)
//   users(d)   = Σ_{j ≤ d} N(j)                               the app's user base (All Users of the app)
//   R_n(d)     = Σ_{k<n} N(d−k) + Σ_{k≥n} N̄(d−k) · m_n(k),  N̄(j) = (N(j−6) + … + N(j)) / 7
//                the users reached in the n days ending d: every arrival of the window, and the older cohorts
//                at their reach. A cohort that arrived before the window is taken at its week's mean size:
//                weeks later the weekday a user arrived on no longer matters, and without it the weekly rhythm
//                of arrivals leaks into a rolling audience through the drop of m_n at k = n (up to 6% for a
//                steep retention curve). Each N(j) is counted at most 7 × 1/7 times, so R_n(d) ≤ users(d).
//   A_n(d)     = max(max_W DAU, min(⌊R_n(d)⌋, Σ_W DAU))   over W = the n days ending d: users active in the
//                last n days. Each DAU of W is at most A_n(d), A_n(d) at most their sum; and A_n(d) ≤ users(d),
//                since ⌊R_n(d)⌋ ≤ users(d) and every DAU(d') ≤ users(d') ≤ users(d). A_1 = DAU.
//   MAU(d)     = A_30(d)
//   lapsed_n   = users(d) − A_n(d) ≥ 0;   new_n(d) = users(d) − users(d − n)
//   U(d)       = ⌊Σ_{k=1}^{H−1} N(d−k) · min(1, u(k) · jitter(d))⌋ ≤ users(d − 1)   uninstalls
//   S(d)       = DAU(d) + ⌊DAU(d) · e(d)⌋, e(d) = (sessionsPerUser − 1) · jitter(d) ≥ 0   so S ≥ DAU, and
//                S = 0 exactly when DAU = 0
//   S(d, hour) = split(S(d), curve(local hour) · jitter(hour))       hours sum exactly to the day, on days of
//                23, 24 or 25 hours alike
//   O(d)       = ⌊DAU(d) · rate · jitter(d)⌋, O(d, hour) = split(O(d), S(d, ·))   custom events, items bought
//
// The weekly rhythm enters arrivals and activity, never the reach tables, so a rolling audience (the sum of a
// week's arrivals plus older cohorts at their weekly mean size) keeps no weekly saw-tooth.
//
// Every value is computed from the day index alone, in a fixed order of terms: a point reads the same in any
// window. Sums of whole numbers are exact (they stay below 2^53 for any believable fixture). The instance keeps
// DAU by day (bounded; H terms a day, and the base of most other figures), beside the arrivals' own caches.
import { mix } from '../hash.js'
import { split } from '../series/split.js'
import type { Day } from '../zone-calendar.js'
import { Arrivals, type ArrivalShape } from './arrivals.js'
import { dailyCurve } from './daily-curve.js'
import { clamp, jitter, MAX_NOISE, WeeklyRhythm } from './noise.js'
import { RetentionCurve, type RetentionProfile } from './retention.js'

export interface AppParams extends ArrivalShape {
  /** Sessions per active user per day, ≥ 1. */
  readonly sessionsPerUser: number
  /** Local clock hour (0-23) of the day bump; the night trough stays at 02:00-05:00 whatever it is. */
  readonly peakHour: number
  readonly retention: RetentionProfile
}

/** Something active users do at a rate per active user per day: a custom event, or a product's purchases. */
export interface Occurrence {
  /** Hash of the event or product name. */
  readonly key: number
  readonly rate: number
}

/** 30-day rolling unique users, as the KPI defines MAU. */
export const MAU_DAYS = 30

const ACTIVITY_SALT = 0xac71
const SESSION_SALT = 0x5e55
const HOUR_SALT = 0x4077
const UNINSTALL_SALT = 0x0d1e
const OCCURRENCE_SALT = 0x0cc0
const HOUR_NOISE = 0.1
const OCCURRENCE_NOISE = 0.1
const MAX_COUNT = 100_000
const MAX_CACHED_DAYS = 20_000
const WEEK = 7

export class AppPopulation {
  /** The app's entity key, as given. */
  readonly key: number
  readonly launchDay: number
  readonly retention: RetentionCurve
  readonly #arrivals: Arrivals
  readonly #params: AppParams
  readonly #curve: Float64Array
  readonly #weekly: WeeklyRhythm
  readonly #noise: number
  readonly #activityKey: number
  readonly #sessionKey: number
  readonly #hourKey: number
  readonly #uninstallKey: number
  readonly #occurrenceKey: number
  /** DAU by day index: the costliest figure (H terms a day) and the base of most others. */
  readonly #dauCache = new Map<number, number>()

  constructor (seedKey: number, appKey: number, params: AppParams) {
    const key = mix(seedKey, appKey)
    this.key = appKey
    this.#params = params
    this.#arrivals = new Arrivals(key, params)
    this.launchDay = this.#arrivals.launchDay
    this.#noise = clamp(params.noise, 0, MAX_NOISE)
    this.#weekly = new WeeklyRhythm(params.weekly, params.peakWeekday)
    // â, the largest activity factor a(d) = weekly(d) · jitter(d) can take
    this.retention = new RetentionCurve(params.retention, this.#weekly.peak * (1 + this.#noise))
    this.#curve = dailyCurve(params.peakHour)
    this.#activityKey = mix(key, ACTIVITY_SALT)
    this.#sessionKey = mix(key, SESSION_SALT)
    this.#hourKey = mix(key, HOUR_SALT)
    this.#uninstallKey = mix(key, UNINSTALL_SALT)
    this.#occurrenceKey = mix(key, OCCURRENCE_SALT)
  }

  /** New users N(d) on each day of [first, first + count). */
  newUsers (first: number, count: number): number[] {
    checkWindow(first, count)
    return Array.from(this.#arrivals.span(first, count))
  }

  /** The app's user base through each day: every user who ever had a session in it. */
  users (first: number, count: number): number[] {
    checkWindow(first, count)
    return count === 0 ? [] : this.#arrivals.cumulative(first, count)
  }

  /** Unique users with at least one session on each day. */
  dau (first: number, count: number): number[] {
    checkWindow(first, count)
    return this.#dau(first, count)
  }

  /** Unique users with a session in the `days` days ending each day (1 to MAX_WINDOW_DAYS). */
  activeInLast (days: number, first: number, count: number): number[] {
    checkWindow(first, count)
    const table = this.retention.reach(days)
    const ages = table.length
    const dau = this.#dau(first - days + 1, count + days - 1)
    // arrivals[j] is N(first − ages − 5 + j); weekMean[j] the mean of N over the 7 days ending there.
    const lead = ages + WEEK - 2
    const arrivals = this.#arrivals.span(first - lead, count + lead)
    const weekMean = trailingWeekMean(arrivals)
    const out = new Array<number>(count)
    for (let i = 0; i < count; i++) {
      const at = i + lead // day d
      let reached = 0
      for (let k = 0; k < days; k++) reached += arrivals[at - k]!
      for (let k = days; k < ages; k++) reached += weekMean[at - k]! * table[k]!
      let most = 0
      let total = 0
      for (let j = i; j < i + days; j++) {
        const value = dau[j]!
        if (value > most) most = value
        total += value
      }
      out[i] = Math.max(most, Math.min(Math.floor(reached), total))
    }
    return out
  }

  /** Monthly active users: the 30-day rolling unique count. */
  mau (first: number, count: number): number[] {
    return this.activeInLast(MAU_DAYS, first, count)
  }

  /** Users of the app with no session in the `days` days ending each day. */
  lapsed (days: number, first: number, count: number): number[] {
    const users = this.users(first, count)
    const active = this.activeInLast(days, first, count)
    return users.map((value, i) => value - active[i]!)
  }

  /** Users whose first session was in the `days` days ending each day. */
  newInLast (days: number, first: number, count: number): number[] {
    checkWindow(first, count)
    if (!Number.isInteger(days) || days < 1) throw new RangeError(`a window is a whole number of days, not ${days}`)
    if (count === 0) return []
    const users = this.#arrivals.cumulative(first - days, count + days)
    const out = new Array<number>(count)
    for (let i = 0; i < count; i++) out[i] = users[i + days]! - users[i]!
    return out
  }

  /** Share of each day's active users whose first session was in the `days` days ending that day, in [0, 1]. */
  newInLastShare (days: number, first: number, count: number): number[] {
    checkWindow(first, count)
    if (!Number.isInteger(days) || days < 1) throw new RangeError(`a window is a whole number of days, not ${days}`)
    const arrivals = this.#arrivals.span(first, count)
    const returning = this.#returning(first, count, days)
    const out = new Array<number>(count)
    for (let i = 0; i < count; i++) {
      const active = arrivals[i]! + returning.all[i]!
      // A day with no active user (DAU 0, even if a fraction of one was expected) has no share to give.
      out[i] = arrivals[i]! + Math.floor(returning.all[i]!) === 0
        ? 0
        : Math.min(1, (arrivals[i]! + returning.younger[i]!) / active)
    }
    return out
  }

  /** Users who uninstalled the app on each day. */
  uninstalls (first: number, count: number): number[] {
    checkWindow(first, count)
    const hazard = this.retention.uninstall
    const horizon = this.retention.horizon
    const arrivals = this.#arrivals.span(first - horizon + 1, count + horizon - 1)
    const out = new Array<number>(count)
    for (let i = 0; i < count; i++) {
      const factor = jitter(this.#uninstallKey, first + i, this.#noise)
      let total = 0
      for (let k = 1; k < horizon; k++) total += arrivals[i + horizon - 1 - k]! * Math.min(1, hazard[k]! * factor)
      out[i] = Math.floor(total)
    }
    return out
  }

  /** Sessions on each day: every active user has one, some have more. */
  sessions (first: number, count: number): number[] {
    checkWindow(first, count)
    const dau = this.#dau(first, count)
    const extra = Math.max(0, this.#params.sessionsPerUser - 1)
    return dau.map((users, i) => users + Math.floor(users * extra * jitter(this.#sessionKey, first + i, this.#noise)))
  }

  /** Sessions in each hour bucket of a local day (23, 24 or 25 of them); they sum to the day's sessions. */
  sessionsPerHour (day: Day): number[] {
    const [total] = this.sessions(day.index, 1)
    const weights = new Array<number>(day.hours)
    for (let k = 0; k < day.hours; k++) {
      weights[k] = this.#curve[day.hourOfDay(k)]! * jitter(this.#hourKey, day.index * 32 + k, HOUR_NOISE)
    }
    return split(total!, weights)
  }

  /** Occurrences (event count, items bought) on each day: a rate per active user. */
  occurrences (occurrence: Occurrence, first: number, count: number): number[] {
    checkWindow(first, count)
    const dau = this.#dau(first, count)
    const rate = Math.max(0, occurrence.rate)
    const key = mix(this.#occurrenceKey, occurrence.key)
    return dau.map((users, i) => Math.floor(users * rate * jitter(key, first + i, OCCURRENCE_NOISE)))
  }

  /** Occurrences in each hour bucket of a local day, in proportion to the hour's sessions; exact sum. */
  occurrencesPerHour (occurrence: Occurrence, day: Day): number[] {
    const [total] = this.occurrences(occurrence, day.index, 1)
    return split(total!, this.sessionsPerHour(day))
  }

  /** DAU from the bounded per-day cache, computing the days it lacks in one run. */
  #dau (first: number, count: number): number[] {
    const out = new Array<number>(count)
    let from = -1
    let to = -1
    for (let i = 0; i < count; i++) {
      const cached = this.#dauCache.get(first + i)
      if (cached === undefined) {
        if (from < 0) from = i
        to = i
      } else {
        out[i] = cached
      }
    }
    if (from < 0) return out
    const missing = to - from + 1
    const arrivals = this.#arrivals.span(first + from, missing)
    const returning = this.#returning(first + from, missing, 0).all
    if (this.#dauCache.size + missing > MAX_CACHED_DAYS) this.#dauCache.clear()
    for (let i = 0; i < missing; i++) {
      const value = arrivals[i]! + Math.floor(returning[i]!)
      out[from + i] = value
      this.#dauCache.set(first + from + i, value)
    }
    return out
  }

  /**
   * Σ_{k=1}^{H−1} N(d−k) · min(1, r(k) · a(d)) for each day (`all`), and the same sum over ages below `below`
   * (`younger`), which is one of its partial sums and so never exceeds it.
   */
  #returning (first: number, count: number, below: number): { all: Float64Array, younger: Float64Array } {
    const r = this.retention.active
    const horizon = this.retention.horizon
    const arrivals = this.#arrivals.span(first - horizon + 1, count + horizon - 1)
    const all = new Float64Array(count)
    const younger = new Float64Array(count)
    for (let i = 0; i < count; i++) {
      const d = first + i
      const activity = this.#weekly.at(d) * jitter(this.#activityKey, d, this.#noise)
      let total = 0
      for (let k = 1; k < horizon; k++) {
        if (k === below) younger[i] = total
        total += arrivals[i + horizon - 1 - k]! * Math.min(1, r[k]! * activity)
      }
      if (below >= horizon) younger[i] = total
      all[i] = total
    }
    return { all, younger }
  }
}

/** out[j] = mean of values[j − 6..j] (0 for j < 6, which callers never read). */
function trailingWeekMean (values: Float64Array): Float64Array {
  const out = new Float64Array(values.length)
  for (let j = WEEK - 1; j < values.length; j++) {
    let total = 0
    for (let t = 0; t < WEEK; t++) total += values[j - t]!
    out[j] = total / WEEK
  }
  return out
}

export function checkWindow (first: number, count: number): void {
  if (!Number.isSafeInteger(first) || !Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new RangeError(`a window is a whole first day and 0 to ${MAX_COUNT} days, not (${first}, ${count})`)
  }
}
