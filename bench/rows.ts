// The rows every bench table has, by section: bench/run.ts prints them, test/bench-smoke.test.ts checks
// that a smoke run printed each one.

/** Load scenarios: req/s and latency under autocannon, and the server's CPU time per request. */
export const LOAD_ROWS = [
  'baseline: bare Fastify, one precomputed body',
  'segments/data_series length=1',
  'segments/data_series length=14',
  'segments/data_series length=100',
  'sessions/data_series hour length=100 app_id',
  'sessions/data_series hour length=100 all apps',
  'segments/data_series length=14, journal off',
  'segments/data_series length=14, LOG_LEVEL=warn',
  'segments/data_series length=14, LOG_LEVEL=warn, journal off, CORS off',
  'segments/data_series length=14, 10 segments',
  'segments/data_series length=14, 100,000 segments',
  'segments/list first page asc, 100,000 segments',
  'segments/list last page asc, 100,000 segments',
  'segments/list last page desc, 100,000 segments',
] as const

/**
 * The user-activity endpoints of issue 12 under the same load, on the built-in fixtures (Lumen, the pinned
 * clock): each series at length=14 and length=100, by day and, where Braze offers it, by hour; and the four
 * catalogs' first page. bench/run.ts runs each path on the standard emulator.
 */
const ACTIVITY_SERIES = [
  { path: '/kpi/new_users/data_series', hours: false },
  { path: '/kpi/dau/data_series', hours: false },
  { path: '/kpi/mau/data_series', hours: false },
  { path: '/kpi/uninstalls/data_series', hours: false },
  { path: '/events/data_series?event=Workout%20Completed', hours: true },
  { path: '/purchases/quantity_series', hours: true },
  { path: '/purchases/revenue_series', hours: true },
] as const

const CATALOGS = ['/events/list', '/events', '/custom_attributes', '/purchases/product_list'] as const

export const ACTIVITY_SCENARIOS: ReadonlyArray<{ readonly row: string, readonly path: string }> = [
  ...ACTIVITY_SERIES.flatMap(({ path, hours }) => [14, 100].flatMap(length => (hours ? ['day', 'hour'] : ['day']).map(unit => {
    const [route] = path.split('?')
    const query = `${path.includes('?') ? '&' : '?'}length=${length}${hours ? `&unit=${unit}` : ''}&ending_at=2026-11-20`
    return { row: `${route!.slice(1)}${hours ? ` ${unit}` : ''} length=${length}`, path: `${path}${query}` }
  }))),
  ...CATALOGS.map(path => ({ row: `${path.slice(1)} first page`, path })),
]

export const ACTIVITY_ROWS: readonly string[] = ACTIVITY_SCENARIOS.map(s => s.row)

/** Spawn to first 200 from /segments/data_series. */
export const COLD_ROWS = [
  'baseline',
  'emulator, built-in fixtures',
  'emulator, 100,000 segments',
] as const

/** VmRSS after start (before any load) and after the load rounds. */
export const MEMORY_ROWS = [
  'baseline',
  'emulator, built-in fixtures',
  'emulator, 10 segments',
  'emulator, 100,000 segments',
] as const

/** First read of a /segments/list page on a fresh server (names and tags are drawn on first read). */
export const FIRST_READ_ROWS = [
  'segments/list page=0 asc, first read',
  'segments/list page=0 desc, first read',
] as const

export const TARGET_ROWS = [
  'length=14 req/s >= 0.7x baseline',
  'length=100 req/s >= 0.5x length=1',
  'cold start, built-in <= 1.3x baseline',
  'cold start, 100,000 segments <= 1.3x baseline',
  'cold start, 100,000 segments < 1 s',
  'RSS after load <= 1.5x baseline',
  '100,000 segments add <= 100 MB RSS, after load',
  '100,000 segments add <= 100 MB RSS, after start',
  'per-request time, 100,000 vs 10 segments within 10%',
] as const

export const ALL_ROWS: readonly string[] = [...LOAD_ROWS, ...ACTIVITY_ROWS, ...COLD_ROWS, ...MEMORY_ROWS, ...FIRST_READ_ROWS, ...TARGET_ROWS]
