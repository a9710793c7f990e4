// Braze's rate limit for the four analytics endpoints (BRAZE.md, section 3): one pool per workspace, a
// fixed window aligned to the top of the UTC hour, on the emulator's clock. Moving or pinning the clock
// moves the window; a request in a new window finds a full pool. @fastify/rate-limit is not used: its
// windows start at a key's first request, its reset header is a delta rather than an epoch, and it cannot
// follow a clock that tests move.

const WINDOW_MS = 3_600_000

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

interface Pool {
  window: number
  used: number
}

export class RateLimits {
  readonly #pools = new Map<string, Pool>()

  /** Counts one request of the workspace at `now` against its pool, unless the pool is spent. */
  take (workspaceId: string, limit: number, now: number): Admission {
    const window = Math.floor(now / WINDOW_MS)
    let pool = this.#pools.get(workspaceId)
    if (pool === undefined) {
      pool = { window, used: 0 }
      this.#pools.set(workspaceId, pool)
    } else if (pool.window !== window) {
      pool.window = window
      pool.used = 0
    }
    const resetMs = (window + 1) * WINDOW_MS
    const allowed = pool.used < limit
    if (allowed) pool.used++
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - pool.used),
      reset: resetMs / 1000,
      retryAfter: Math.max(1, Math.ceil((resetMs - now) / 1000)),
    }
  }

  /** Every pool full again. */
  reset (): void {
    this.#pools.clear()
  }
}
