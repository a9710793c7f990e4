// Counts requests against the rate-limit pools of src/world/pools.ts: per workspace and pool, a fixed window
// aligned to the UTC clock, on the emulator's clock, so moving or pinning the clock moves the window and a
// request in a new window finds a full pool (BRAZE.md section 3). @fastify/rate-limit is not used: its
// windows start at a key's first request, its reset header is a delta rather than an epoch, and it cannot
// follow a clock that tests move.
import { windowAt, type PoolName } from '../world/pools.js'

export interface Admission {
  readonly allowed: boolean
  readonly limit: number
  /** Requests left in the window after this one. */
  readonly remaining: number
  /** End of the window, UTC epoch seconds. */
  readonly reset: number
  /** Seconds until the window ends (at least 1), for Retry-After. */
  readonly retryAfter: number
}

interface Count {
  window: number
  used: number
}

export class Pools {
  /** By workspace id, then pool: ids survive a fixtures reload, and so do the counts. */
  readonly #counts = new Map<string, Map<PoolName, Count>>()

  /** Counts one request of the workspace at `now` against the pool, unless the pool is spent. */
  take (workspaceId: string, pool: PoolName, limit: number, now: number): Admission {
    const { index } = windowAt(pool, now)
    let pools = this.#counts.get(workspaceId)
    if (pools === undefined) this.#counts.set(workspaceId, pools = new Map())
    let count = pools.get(pool)
    if (count === undefined) {
      pools.set(pool, count = { window: index, used: 0 })
    } else if (count.window !== index) {
      count.window = index
      count.used = 0
    }
    const allowed = count.used < limit
    if (allowed) count.used++
    return { allowed, limit, remaining: Math.max(0, limit - count.used), ...resetOf(pool, now) }
  }

  /** Every pool full again. */
  reset (): void {
    this.#counts.clear()
  }
}

/** The headers' view of the window that holds `now`: its end in epoch seconds, and the wait until then. */
export function resetOf (pool: PoolName, now: number): { reset: number, retryAfter: number } {
  const { end } = windowAt(pool, now)
  return { reset: end / 1000, retryAfter: Math.max(1, Math.ceil((end - now) / 1000)) }
}
