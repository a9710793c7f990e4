// How a cohort (the users who arrived in an app on one day) comes back, lapses and uninstalls, as tables by age
// (days since arrival). Built once per app from its profile; everything else reads them.
//
// Return probability r(k), the chance that a user of age k has a session on a given day:
//   r(0) = 1                                    (a new user has a session on the day they arrive)
//   r(k) = day1 · k^(−decay) · (1 − (k/H)²)     for 1 ≤ k < H, a power law tapered to 0 at the horizon H
//   r(k) = 0                                    for k ≥ H (the cohort has lapsed for good)
// It is nonincreasing (each factor is), which the reach tables below rely on.
//
// Reach m_n(k): the share of a cohort of age k on day d that has at least one session in the n days ending d
// (ages j from max(0, k − n + 1) to k). Users active on each day with marginal probability r(j) can overlap
// anywhere between two extremes, both real user-level processes with those marginals:
//   nested       the same users come back, so reach = max_j r(j) = r(youngest age in the window);
//   independent  each day's returners are drawn afresh, so reach = 1 − Π_j (1 − r(j)).
// A mixture of two processes with the same marginals is a process with those marginals, so
//   m_n(k) = (1 − spread) · r(j₀) + spread · (1 − Π_j (1 − r(j)))
// is the reach of a real (heterogeneous) user base for any spread in [0, 1]; spread sets stickiness (DAU/MAU).
// A window that holds the arrival day (k < n) reaches the whole cohort: m_n(k) = 1.
//
// The reach tables take r at the busiest day, r̂(k) = min(1, r(k) · â), with â the largest activity factor a day
// can have (the weekly peak times the largest jitter; app-population.ts). On a day of activity a ≤ â a cohort's
// active share min(1, r(k) · a) is at most r̂(k), so in the nested coupling the users active on any day of the
// window are among those the reach counts: the reach is at least each day's DAU, cohort by cohort. Without it,
// for a curve where nearly everyone comes back, the busiest weekday's DAU would exceed the reach, the clamp by
// the window's highest DAU would decide the audience, and a growing audience would step up once a week.
//
// Uninstall hazard u(k), the share of a cohort that uninstalls at age k: uninstall · k^(−decay) · taper for
// 1 ≤ k < H, 0 otherwise (nobody uninstalls on the day of their first session).
import { clamp } from './noise.js'

export interface RetentionProfile {
  /** Share of a day's new users who have a session the next day, in [0, 1]. */
  readonly day1: number
  /** Exponent of the power-law decay of the return probability with age, ≥ 0. */
  readonly decay: number
  /** Age in days at which a cohort has lapsed for good, 1 to MAX_HORIZON. */
  readonly horizon: number
  /** How independent a user's active days are, in [0, 1]: 0 = the same users every day (sticky). */
  readonly spread: number
  /** Share of a cohort that uninstalls the day after arrival; later days decay like retention. */
  readonly uninstall: number
}

/** A consumer app's curve: 30% back the next day, 5.5% after a month, 1.8% after six months, none after 400 days. */
export const DEFAULT_RETENTION: RetentionProfile = { day1: 0.3, decay: 0.5, horizon: 400, spread: 0.3, uninstall: 0.02 }

export const MAX_HORIZON = 1000
/** Longest rolling window (a segment's "last N days") the tables are built for. */
export const MAX_WINDOW_DAYS = 1000
/** Reach tables kept per curve; a world asks for a handful of distinct windows (1, 7, 14, 30, 90…). */
const MAX_REACH_TABLES = 32

export class RetentionCurve {
  /** H: ages 0..H−1 can be active. */
  readonly horizon: number
  /** r(k) for k < H. */
  readonly active: Float64Array
  /** u(k) for k < H. */
  readonly uninstall: Float64Array
  readonly #spread: number
  readonly #peakActivity: number
  readonly #reach = new Map<number, Float64Array>()

  /** `peakActivity` (≥ 1) is â, the largest factor by which a day's activity scales r (1: none). */
  constructor (profile: RetentionProfile, peakActivity = 1) {
    const horizon = Math.round(clamp(profile.horizon, 1, MAX_HORIZON))
    const day1 = clamp(profile.day1, 0, 1)
    const decay = Math.max(0, profile.decay)
    const uninstall = clamp(profile.uninstall, 0, 1)
    this.horizon = horizon
    this.#spread = clamp(profile.spread, 0, 1)
    this.#peakActivity = Math.max(1, peakActivity)
    this.active = new Float64Array(horizon)
    this.uninstall = new Float64Array(horizon)
    this.active[0] = 1
    for (let k = 1; k < horizon; k++) {
      const shape = Math.pow(k, -decay) * (1 - (k / horizon) ** 2)
      this.active[k] = day1 * shape
      this.uninstall[k] = uninstall * shape
    }
  }

  /** m_n(k) for k < H + n − 1 (older cohorts were inactive through the whole window). Cached; do not modify. */
  reach (days: number): Float64Array {
    if (!Number.isInteger(days) || days < 1 || days > MAX_WINDOW_DAYS) {
      throw new RangeError(`a rolling window is 1 to ${MAX_WINDOW_DAYS} whole days, not ${days}`)
    }
    let table = this.#reach.get(days)
    if (table === undefined) {
      if (this.#reach.size >= MAX_REACH_TABLES) this.#reach.clear()
      table = this.#buildReach(days)
      this.#reach.set(days, table)
    }
    return table
  }

  #buildReach (days: number): Float64Array {
    const r = this.active.map(share => Math.min(1, share * this.#peakActivity))
    const table = new Float64Array(this.horizon + days - 1)
    for (let k = 0; k < table.length; k++) {
      const youngest = Math.max(0, k - days + 1)
      if (youngest === 0) {
        table[k] = 1
        continue
      }
      let missed = 1
      for (let j = youngest; j <= k && j < this.horizon; j++) missed *= 1 - r[j]!
      // min(1, ·): a convex combination of two numbers ≤ 1 may round to just above 1.
      table[k] = Math.min(1, (1 - this.#spread) * r[youngest]! + this.#spread * (1 - missed))
    }
    return table
  }
}
