// Braze's rate-limit pools as data (BRAZE-EXPORT.md sections 0 and 4). Each pool is counted per workspace in
// a fixed window aligned to the UTC clock; an endpoint names its pool, and a workspace may set any pool's
// limit in its fixture (tests want a limit of 5, not 250,000).

export const WINDOW_MS = { hour: 3_600_000, minute: 60_000 } as const
export type PoolWindow = keyof typeof WINDOW_MS

export interface PoolSpec {
  /** Requests per window, unless the workspace's fixture sets another. */
  readonly limit: number
  readonly window: PoolWindow
  readonly description: string
}

export const POOLS = {
  default: {
    limit: 250_000,
    window: 'hour',
    description: 'Braze\'s default limit, shared by most export endpoints (segments, sessions, KPIs, campaigns list and details, Canvases, sends).',
  },
  'custom-data': {
    limit: 1_000,
    window: 'hour',
    description: 'Shared by /events/list, /events, /custom_attributes and the purchases endpoints.',
  },
  'campaign-analytics': {
    limit: 50_000,
    window: 'minute',
    description: '/campaigns/data_series alone.',
  },
} as const satisfies Record<string, PoolSpec>

export type PoolName = keyof typeof POOLS
export const POOL_NAMES = Object.keys(POOLS) as PoolName[]

/** The window that holds `now`: its index since the epoch and its end (ms). */
export function windowAt (pool: PoolName, now: number): { index: number, end: number } {
  const ms = WINDOW_MS[POOLS[pool].window]
  const index = Math.floor(now / ms)
  return { index, end: (index + 1) * ms }
}
