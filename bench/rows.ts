// The rows every bench table has, by section: bench/run.ts prints them, test/bench-smoke.test.ts checks that a
// smoke run printed each one. The per-endpoint rows come from the emulator's definition list (ENDPOINTS), so
// an endpoint added there is benched, on both workspaces and with its targets, without an edit here.
import { Value } from '@sinclair/typebox/value'
import type { AnyEndpoint } from '../src/endpoints/define.js'
import { ENDPOINTS } from '../src/endpoints/index.js'

/** A path with its query, each name and value percent-encoded (a `+` would read as a space). */
export function withQuery (path: string, query: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(query).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
  return pairs.length === 0 ? path : `${path}?${pairs.join('&')}`
}

/**
 * Whether the definition's schema for `name` takes `value` as a query string would carry it: as the string,
 * or, for a number schema (which Fastify's validator coerces to), as the number.
 */
export function accepts (endpoint: AnyEndpoint, name: string, value: string): boolean {
  const parameter = endpoint.parameters[name] as { schema: object } | undefined
  if (parameter === undefined) return false
  const schema = parameter.schema as never
  return Value.Check(schema, value) || (/^[0-9]+$/.test(value) && Value.Check(schema, Number(value)))
}

/** The longest window a series takes, up to 100: some cap `length` lower (Canvas statistics at 14). */
export function maxLength (endpoint: AnyEndpoint): number {
  let length = 100
  while (length > 1 && !accepts(endpoint, 'length', String(length))) length--
  return length
}

export const isSeries = (endpoint: AnyEndpoint): boolean => 'length' in endpoint.parameters

/** The units a series is benched in: day and hour where it offers hours, else its one (unnamed) unit. */
export function unitsOf (endpoint: AnyEndpoint): Array<'day' | 'hour' | undefined> {
  return accepts(endpoint, 'unit', 'hour') ? ['day', 'hour'] : [undefined]
}

export interface LoadRow { readonly row: string, readonly path: string }

/** One series in one unit: its rows at length 1, 14 and its longest (100 unless its schema caps it). */
export interface SeriesRows {
  readonly label: string
  readonly short: LoadRow
  readonly mid: LoadRow
  readonly long: LoadRow
  readonly longLength: number
}

const nameOf = (endpoint: AnyEndpoint) => endpoint.path.slice(1)

function seriesRows (endpoint: AnyEndpoint): SeriesRows[] {
  const longLength = maxLength(endpoint)
  return unitsOf(endpoint).map(unit => {
    const label = `${nameOf(endpoint)}${unit === undefined ? '' : ` ${unit}`}`
    const at = (length: number): LoadRow => ({
      row: `${label} length=${length}`,
      path: withQuery(endpoint.path, { ...endpoint.example, length: String(length), ...(unit === undefined ? {} : { unit }) }),
    })
    return { label, short: at(1), mid: at(Math.min(14, longLength)), long: at(longLength), longLength }
  })
}

/** Every endpoint on the built-in fixtures, and its example on the large workspace beside the same request. */
export interface EndpointPlan {
  readonly series: readonly SeriesRows[]
  /** Rows on the built-in emulator, in table order, without repeats. */
  readonly builtIn: readonly LoadRow[]
  /** Each endpoint's example on the large workspace, and the built-in row of the same path. */
  readonly large: ReadonlyArray<{ readonly row: string, readonly path: string, readonly reference: string }>
  /** Series whose schema caps `length` below 100, for the report's notes. */
  readonly capped: ReadonlyArray<{ readonly path: string, readonly longLength: number }>
}

export function planEndpoints (endpoints: readonly AnyEndpoint[]): EndpointPlan {
  const series: SeriesRows[] = []
  const builtIn: LoadRow[] = []
  const large: Array<{ row: string, path: string, reference: string }> = []
  const add = (row: LoadRow) => { if (!builtIn.some(r => r.path === row.path)) builtIn.push(row) }
  for (const endpoint of endpoints) {
    if (isSeries(endpoint)) {
      for (const rows of seriesRows(endpoint)) {
        series.push(rows)
        for (const row of [rows.short, rows.mid, rows.long]) add(row)
      }
    }
    const example = withQuery(endpoint.path, endpoint.example)
    const reference = builtIn.find(r => r.path === example) ?? { row: `${nameOf(endpoint)} example`, path: example }
    add(reference)
    large.push({ row: `${reference.row}, large workspace`, path: example, reference: reference.row })
  }
  const capped = endpoints.filter(e => isSeries(e) && maxLength(e) < 100).map(e => ({ path: e.path, longLength: maxLength(e) }))
  return { series, builtIn, large, capped }
}

export const PLAN = planEndpoints(ENDPOINTS)

export const BASELINE_ROW = 'baseline: bare Fastify, one precomputed body'

/** The same request as `segments/data_series length=14`, on servers configured otherwise. */
export const NAMED_ROWS = {
  journalOff: 'segments/data_series length=14, journal off',
  quiet: 'segments/data_series length=14, LOG_LEVEL=warn',
  lean: 'segments/data_series length=14, LOG_LEVEL=warn, journal off, CORS off',
  ten: 'segments/data_series length=14, 10 segments',
  big: 'segments/data_series length=14, 100,000 segments',
  firstPage: 'segments/list first page asc, 100,000 segments',
  lastPage: 'segments/list last page asc, 100,000 segments',
  lastPageDesc: 'segments/list last page desc, 100,000 segments',
} as const

/** A few thousand distinct requests over every endpoint, cycled in a fixed order (bench/mix.ts). */
export const MIX_ROWS = {
  builtIn: 'realistic mix, built-in fixtures',
  large: 'realistic mix, large workspace',
} as const

export const LOAD_ROWS: readonly string[] = [
  BASELINE_ROW,
  ...PLAN.builtIn.map(r => r.row),
  ...Object.values(NAMED_ROWS),
  ...PLAN.large.map(r => r.row),
  ...Object.values(MIX_ROWS),
]

/** Spawn to the first 200. */
export const COLD_ROWS = {
  baseline: 'baseline',
  builtIn: 'emulator, built-in fixtures',
  big: 'emulator, 100,000 segments',
  large: 'emulator, large workspace',
} as const

/** VmRSS after start (before any load) and after the load rounds. */
export const MEMORY_ROWS = {
  baseline: 'baseline',
  builtIn: 'emulator, built-in fixtures',
  ten: 'emulator, 10 segments',
  big: 'emulator, 100,000 segments',
  large: 'emulator, large workspace',
} as const

/** First read of a /segments/list page on a fresh server (names and tags are drawn on first read). */
export const FIRST_READ_ROWS = [
  'segments/list page=0 asc, first read',
  'segments/list page=0 desc, first read',
] as const

/** Issue 16's targets, one line for each endpoint where it is stated for each. */
export const TARGETS = {
  busy: 'baseline server busy >= 95%',
  mid: (series: SeriesRows) => `${series.mid.row} req/s >= 0.7x baseline`,
  mix: (row: string) => `${row} req/s >= 0.5x baseline`,
  long: (series: SeriesRows) => `${series.long.row} req/s >= 0.5x length=1`,
  coldBuiltIn: 'cold start, built-in <= 1.3x baseline',
  coldLarge: 'cold start, large workspace < 1 s',
  rss: 'RSS after load <= 1.5x baseline',
  largeRss: 'large workspace adds <= 150 MB RSS, after load',
  largeCpu: (reference: string) => `${reference} CPU/req, large workspace within 10% of built-in`,
  bigCpu: 'segments/data_series length=14 CPU/req, 100,000 vs 10 segments within 10%',
} as const

export const TARGET_ROWS: readonly string[] = [
  TARGETS.busy,
  ...PLAN.series.map(TARGETS.mid),
  ...Object.values(MIX_ROWS).map(TARGETS.mix),
  ...PLAN.series.filter(s => s.longLength > 1).map(TARGETS.long),
  TARGETS.coldBuiltIn,
  TARGETS.coldLarge,
  TARGETS.rss,
  TARGETS.largeRss,
  ...PLAN.large.map(r => TARGETS.largeCpu(r.reference)),
  TARGETS.bigCpu,
]

export const ALL_ROWS: readonly string[] = [...LOAD_ROWS, ...Object.values(COLD_ROWS), ...Object.values(MEMORY_ROWS),
  ...FIRST_READ_ROWS, ...TARGET_ROWS]
