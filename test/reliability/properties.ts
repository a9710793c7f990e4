// The fuzz properties, shared by test/reliability/fuzz.test.ts (a bounded count in `npm test`) and
// scripts/fuzz.ts (FUZZ_RUNS cases each, with a report). Each property drives the real app through inject()
// and checks the invariants of BRAZE.md section 2 and the control plane: never a 5xx, always JSON, errors
// are {message} alone, and a bad key (401) or a missing permission (403) is answered before any 400. The
// paths, their permissions, the keys lacking them and the parameter names come from an endpoint table
// (test/endpoints.ts), the app's own unless given, so a new definition is fuzzed with no edit here.
import fc from 'fast-check'
import type { LightMyRequestResponse } from 'fastify'
import type { BrazeMockApp } from '../../src/app.js'
import { ENDPOINT_TABLE, parametersOf, type EndpointRow } from '../endpoints.js'
import { BUILT_IN } from '../helpers.js'

const { lumen, harbor } = BUILT_IN

// ---- Query strings -------------------------------------------------------------------------------------

const validDate = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })

/** Numbers in every notation a client (or a bug) might write them. */
const numbers = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.integer({ min: 0, max: 200 }).map(n => `${'0'.repeat(n % 5)}${n}`),
  fc.double().map(String),
  fc.integer({ min: 0, max: 200 }).map(n => `0x${n.toString(16)}`),
  fc.integer({ min: 0, max: 200 }).map(n => `0b${n.toString(2)}`),
  fc.integer({ min: 0, max: 200 }).map(n => n.toExponential()),
  fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String),
  fc.constantFrom('%2B5', '+5', '-0', '%205', '5%20', '%EF%BC%95', '%D9%A5', 'Infinity', '-Infinity', 'NaN', '1_0', '1,0',
    '١٠', '5.', '.5', '5e0', '9'.repeat(400), '0'.repeat(300) + '1', 'null', 'true', '[]', '{}')
)

/** Dates as clients send them, and near misses: every field pushed out of range or mangled. */
const dates = fc.oneof(
  validDate.map(d => d.toISOString()),
  validDate.map(d => d.toISOString().slice(0, 10)),
  validDate.map(d => d.toISOString().slice(0, 19)),
  validDate.map(d => encodeURIComponent(d.toISOString().replace('Z', '+05:30'))),
  validDate.map(d => d.toISOString().replace('Z', '+05:30')),
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }),
    fc.integer({ min: -1, max: 25 }), fc.integer({ min: -1, max: 61 }), fc.integer({ min: -1, max: 61 }),
    fc.constantFrom('', 'Z', 'z', '-5:00', '-05:00', '%2B0200', '+0200', '-5', '%2B99:99', '-24:00', '%2B18:00', '-18:01', '.5Z',
      '.1234567891Z', ' ', 'UTC', '%2B', '-', ':'))
    .map(([y, mo, d, h, mi, s, tail]) => `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T` +
      `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${tail}`),
  fc.constantFrom('0000-01-01', '0001-01-01', '9999-12-31T23:59:59Z', '9999-12-31T23:59:59-18:00', '0001-01-01T00:00:00%2B18:00',
    '2018-06-27T23:59:59-5:00', '2024-02-29', '2023-02-29', '2026-03-08T02:30:00', '%2B2026-01-01', '-2026-01-01', '2026-1-1',
    '20260101', '2026-01-01T', '2026-01-01TZ', '2026-W01', '2026-001', 'now', 'today')
)

const ids = fc.constantFrom(...Object.values(lumen.segments), ...Object.values(lumen.apps), harbor.segments.highBalance,
  harbor.apps.ios, lumen.workspaceId, lumen.keys.full)

/** Strings no parameter expects: unicode, bad percent-encoding, separators, huge values. */
const junk = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('%zz', '%E2%82', '%', '%%', '%2', '%C0%AF', '%ED%A0%80', '%00', '%FF', '%u0041', '&', '=', '==', '%26', '%3D',
    '+', '++', '#', '%23', '?', ';', '[]', '[0]', '%5B%5D'),
  fc.nat({ max: 20_000 }).map(n => 'x'.repeat(n)),
  fc.constantFrom('day', 'hour', 'DAY', 'hours', 'week', '', 'asc', 'desc', 'ASC', 'descending')
)

/**
 * A query string over the table's parameters (and names no endpoint takes): missing, empty, repeated
 * parameters, in any order, with values of every kind, the examples' valid ones among them.
 */
export function queryStringOf (table: readonly EndpointRow[]): fc.Arbitrary<string> {
  const examples = fc.constantFrom(...new Set(table.flatMap(row => Object.values(row.definition.example as Record<string, string>)).map(encodeURIComponent)))
  const name = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...parametersOf(table)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'length[]', 'LENGTH', '',
        '%zz', 'unit%00', 'length%5B%5D', 'page[0]')
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }).map(encodeURIComponent) }
  )
  const pair = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(name, fc.oneof(numbers, dates, ids, junk, examples)).map(([n, v]) => `${n}=${v}`) },
    { weight: 1, arbitrary: name }
  )
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom('', '?', '?&', '?&&=&') },
    { weight: 10, arbitrary: fc.array(pair, { maxLength: 10 }).map(pairs => `?${pairs.join('&')}`) }
  )
}

// ---- Authorization -------------------------------------------------------------------------------------

export type KeyKind = 'full' | 'lacking' | 'invalid'
interface Credentials { kind: KeyKind, header: string | undefined }

const scheme = fc.constantFrom('Bearer', 'bearer', 'BEARER', 'bEaReR')
const separator = fc.constantFrom(' ', '  ', '\t', ' \t ')
/** Valid credentials: a Bearer scheme in any case, any whitespace around the key. */
const presented = (key: string) => fc.tuple(scheme, separator, fc.constantFrom('', ' ', '\t')).map(([s, sep, tail]) => `${s}${sep}${key}${tail}`)

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map(c => String.fromCharCode(c)), maxLength: 60 })

/** Credentials for a row: `full` holds every permission of the table, and the row's lacking key does not hold its own. */
function credentials (row: EndpointRow, full: string): fc.Arbitrary<Credentials> {
  return fc.oneof(
    { weight: 4, arbitrary: presented(full).map(header => ({ kind: 'full' as const, header })) },
    { weight: 2, arbitrary: presented(row.lacking).map(header => ({ kind: 'lacking' as const, header })) },
    {
      weight: 4,
      arbitrary: fc.oneof(
        fc.constant(undefined),
        fc.constantFrom('', ' ', 'Bearer', 'Bearer ', 'Bearer\t', 'Basic dXNlcjpwYXNz', `Basic ${full}`, `Token ${full}`,
          `${full}`, `Bearer "${full}"`, `Bearer '${full}'`, `Bearer ${full.toUpperCase()}`,
          `Bearer ${full}x`, `Bearer ${full.slice(1)}`, `Bearer ${full},${full}`,
          `Bearer: ${full}`, `Bearer=${full}`, `BearerX ${full}`, `Bearer ${full} extra`,
          `Bearer%20${full}`, 'Bearer null', 'Bearer undefined', 'Bearer \u00ff\u00fe'),
        fc.tuple(fc.constantFrom('Bearer ', 'Basic ', 'Digest ', 'Negotiate ', '', 'Bearer Bearer '), printable).map(([s, v]) => `${s}${v}`),
        fc.nat({ max: 100_000 }).map(n => `Bearer ${'k'.repeat(n)}`)
      ).map(header => ({ kind: 'invalid' as const, header }))
    }
  )
}

// ---- Control bodies ------------------------------------------------------------------------------------

/** Values of every JSON type, including deep nesting and huge arrays. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  // Nested values the test can still stringify; the deeper ones are sent as raw text (rawBody below).
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 500 }).map(n => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 500 }).map(n => JSON.parse('{"a":'.repeat(n) + '1' + '}'.repeat(n)) as unknown) },
  { weight: 1, arbitrary: fc.nat({ max: 50_000 }).map(n => new Array<number>(n).fill(7)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1.5, 1e308, '', 'x'.repeat(10_000), [], {}) }
)

/** Durations a caller might pass to advance the clock, up to far past what a Date can hold. */
const duration = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).chain(n => fc.constantFrom(`P${n}Y`, `P${n}D`, `PT${n}H`, `PT${n}M`, `PT${n}.5S`, `-P${n}D`)),
  fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom('P', 'PT', 'P1', 'PT1', '1H', 'P1H', 'PT1D', 'P1Y1Q', 'PT0.0000001S', 'P1W', 'P-1D', 'pt1h', 'PT1H ', 'x', '', 1.5, -0, 1e16,
    Number.MAX_SAFE_INTEGER, null, true, [], {})
)

const instantText = fc.oneof(dates.map(d => decodeURIComponent(d.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'))), junk, numbers)

const faultEffect = fc.oneof(
  fc.record({ type: fc.constant('status'), status: fc.oneof(fc.integer({ min: 100, max: 700 }), anyJson) }),
  // Latency is real in-process; valid values stay tiny, the rest are out of range or of the wrong type.
  fc.record({ type: fc.constant('latency'), ms: fc.constantFrom(-1, 0, 1, 2, 600_001, 1.5, '5', null) }),
  fc.record({ type: fc.constant('latency'), min_ms: fc.constantFrom(-1, 0, 2, 1.5), max_ms: fc.constantFrom(-1, 0, 1, 2, 600_001) }),
  fc.constantFrom('drop', 'truncate', 'malformed', 'explode', '').map(type => ({ type })),
  anyJson
)

const faultBodyOf = (table: readonly EndpointRow[]) => fc.record({
  path: fc.oneof(fc.constantFrom('*', ...table.map(row => row.path), '/_mock/health', '/_mock', table[0]!.path.slice(1), ''), junk),
  query: fc.oneof(fc.constant(undefined), fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), anyJson), { maxKeys: 5 }), anyJson),
  effect: faultEffect,
  times: fc.oneof(fc.constant(undefined), fc.integer({ min: -2, max: 5 }), anyJson),
  probability: fc.oneof(fc.constant(undefined), fc.double({ min: -1, max: 2 }), anyJson),
  seed: fc.oneof(fc.constant(undefined), fc.constantFrom(-1, 0, 4294967295, 4294967296, 1.5)),
}, { requiredKeys: [] })

const bucket = fc.oneof(dates.map(d => decodeURIComponent(d.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'))), junk, fc.constantFrom('__proto__', 'constructor'))
/** Override bodies, naming the metrics of the table's endpoints (and others) as well as leaving the metric out. */
const overrideBodyOf = (table: readonly EndpointRow[]) => fc.record({
  app_id: fc.oneof(fc.constant(undefined), ids, junk, anyJson),
  segment_id: fc.oneof(fc.constant(undefined), ids, junk, anyJson),
  metric: fc.oneof(fc.constant(undefined), fc.constantFrom('', 'dau', ...table.flatMap(row => (row.definition.metrics ?? []).map(m => m.id))), junk, anyJson),
  unit: fc.oneof(fc.constant(undefined), fc.constantFrom('day', 'hour', 'week', ''), anyJson),
  values: fc.oneof(
    fc.dictionary(bucket, fc.oneof(fc.integer({ min: -5, max: 1e6 }), fc.constantFrom(1e12, 1e12 + 1, 1.5, -0)), { maxKeys: 20 }),
    fc.nat({ max: 12_000 }).map(n => Object.fromEntries(Array.from({ length: n }, (_, i) => [new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10), i]))),
    anyJson
  ),
}, { requiredKeys: [] })

/** Nesting far deeper than any parser's recursion, and bodies near the 1 MiB limit, as raw text. */
const rawDeep = fc.oneof(
  fc.integer({ min: 1000, max: 200_000 }).map(n => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1000, max: 100_000 }).map(n => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.integer({ min: 1000, max: 100_000 }).map(n => `{"path":"*","effect":{"type":"status","status":503},"query":${'{"a":'.repeat(n)}"1"${'}'.repeat(n)}}`),
  fc.integer({ min: 1_048_000, max: 1_049_000 }).map(n => `{"at":"${'x'.repeat(n - 9)}"}`)
)

export interface ControlCall { method: string, url: string, body: string | undefined, contentType: string | undefined }

const CONTROL_ROUTES = [
  ['POST', '/_mock/reset'], ['GET', '/_mock/clock'], ['POST', '/_mock/clock/pin'], ['POST', '/_mock/clock/advance'],
  ['POST', '/_mock/clock/release'], ['GET', '/_mock/journal'], ['DELETE', '/_mock/journal'], ['GET', '/_mock/faults'],
  ['POST', '/_mock/faults'], ['DELETE', '/_mock/faults/fault-1'], ['DELETE', '/_mock/faults'], ['GET', '/_mock/overrides'],
  ['POST', '/_mock/overrides'], ['DELETE', '/_mock/overrides/override-1'], ['DELETE', '/_mock/overrides'],
  ['POST', '/_mock/fixtures/reload'], ['GET', '/_mock/health'],
] as const

/** A body shaped for the route (near misses of its schema), or any JSON at all, or not JSON. */
function controlBody (url: string, table: readonly EndpointRow[]): fc.Arbitrary<unknown> {
  const shaped: fc.Arbitrary<unknown> = url === '/_mock/clock/pin'
    ? fc.record({ at: fc.oneof(instantText, anyJson), extra: anyJson }, { requiredKeys: [] })
    : url === '/_mock/clock/advance'
      ? fc.record({ by: duration, extra: anyJson }, { requiredKeys: ['by'] })
      : url === '/_mock/faults'
        ? faultBodyOf(table)
        : url === '/_mock/overrides'
          ? overrideBodyOf(table)
          : anyJson
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: anyJson })
}

const journalQuery = fc.array(fc.tuple(fc.constantFrom('path', 'status', 'since', 'until', 'limit', 'x'), fc.oneof(numbers, dates, junk))
  .map(([n, v]) => `${n}=${v}`), { maxLength: 5 }).map(pairs => pairs.length === 0 ? '' : `?${pairs.join('&')}`)

/** A call to the control plane, its fault and override bodies naming the table's paths and metrics. */
export const controlCallOf = (table: readonly EndpointRow[]): fc.Arbitrary<ControlCall> => fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...CONTROL_ROUTES) },
  // Wrong methods, unknown paths under /_mock, ids past maxParamLength, undecodable paths.
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
      fc.constantFrom('/_mock', '/_mock/', '/_mock/nope', '/_mock/clock/', '/_mock/faults/' + 'f'.repeat(200), '/_mock/faults/%E0%A4%A',
        '/_mock/overrides/%zz', '/_mock/faults/..%2F..%2Fhealth', '/_mock//clock', '/_MOCK/clock'))
  }
).chain(([method, url]) => fc.tuple(
  fc.constant(method),
  url === '/_mock/journal' ? journalQuery.map(q => url + q) : fc.constant<string>(url),
  fc.oneof(
    { weight: 8, arbitrary: controlBody(url, table).map(b => b === undefined ? undefined : JSON.stringify(b)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(undefined, '', '{', '{"at":', 'null', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}',
        '\uFEFF{}', '{"a":1,"a":2}', 'NaN', '[1,]', '\u0000')
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: rawDeep }
  ),
  fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded',
    'application/json; charset=latin1', 'APPLICATION/JSON', 'application/jsonx', '', undefined)
)).map(([method, url, body, contentType]) => ({ method, url, body: method === 'GET' || method === 'HEAD' ? undefined : body, contentType }))

// ---- Invariants ----------------------------------------------------------------------------------------

function isConsole (context: string): boolean {
  return /^(?:GET|HEAD) \/_mock(?:\/|\/console\/\S*)?(?:\?\S*)?$/.test(context.trim())
}

/** Throws with a description when a response breaks the wire contract; returns the parsed body. */
export function checkWire (response: LightMyRequestResponse, context: string, method = 'GET'): unknown {
  const fail = (what: string) => {
    throw new Error(`${context}: ${what} (status ${response.statusCode}, body ${response.body.slice(0, 300)})`)
  }
  if (response.statusCode >= 500) fail('a 5xx')
  // The console's own page and files (GET /_mock/, /_mock/console/...) are the one answer that is not JSON.
  if (response.statusCode === 200 && isConsole(context)) return undefined
  if (response.headers['content-type'] !== 'application/json') fail(`content-type ${String(response.headers['content-type'])}`)
  // A HEAD answer has the headers of its GET and no body.
  if (method === 'HEAD') return response.body === '' ? undefined : fail('a body on a HEAD answer')
  let body: unknown
  try {
    body = JSON.parse(response.body)
  } catch {
    fail('a body that is not JSON')
  }
  if (response.statusCode >= 400) {
    if (typeof body !== 'object' || body === null || Object.keys(body).join() !== 'message') fail('an error body other than {message}')
    if (typeof (body as { message: unknown }).message !== 'string') fail('a message that is not a string')
  }
  return body
}

export interface Properties {
  braze: fc.IAsyncPropertyWithHooks<[[EndpointRow, string, Credentials]]>
  control: fc.IAsyncPropertyWithHooks<[ControlCall[]]>
}

export interface PropertyOptions {
  /** The endpoints to fuzz: the app's own (test/endpoints.ts) unless given. */
  readonly table?: readonly EndpointRow[] | undefined
  /** A key holding every permission of the table: Lumen's full key unless given. */
  readonly fullKey?: string | undefined
}

/**
 * The properties, on an app built with the fixtures of the table (test/endpoints.ts `fixturesFor`, the
 * built-in ones for the app's own endpoints); each case leaves the app as it found it.
 */
export function properties (app: BrazeMockApp, { table = ENDPOINT_TABLE, fullKey = lumen.keys.full }: PropertyOptions = {}): Properties {
  let cases = 0
  // A case counts at most one request against one pool, and the clock is pinned: the pools are refilled
  // before the smallest of them (in any workspace) could be spent, however long the run.
  const pools = new Set(table.map(row => row.pool))
  const refillEvery = Math.min(...app.emulator.world.workspaces.flatMap(w => [...pools].map(pool => w.rateLimits[pool])))
  const queryString = queryStringOf(table)
  let probes = 0
  const braze = fc.asyncProperty(
    fc.constantFrom(...table).chain(row => fc.tuple(fc.constant(row), queryString, credentials(row, fullKey))),
    async ([{ path }, query, auth]) => {
      if (++cases % refillEvery === 0) app.emulator.pools.reset()
      const response = await app.inject({ method: 'GET', url: `${path}${query}`, headers: auth.header === undefined ? {} : { authorization: auth.header } })
      const context = `GET ${path}${query.slice(0, 200)} with ${auth.kind} credentials`
      checkWire(response, context)
      if (typeof response.headers['x-request-id'] !== 'string') throw new Error(`${context}: no X-Request-Id`)
      const expected = auth.kind === 'invalid' ? [401] : auth.kind === 'lacking' ? [403] : [200, 400]
      if (!expected.includes(response.statusCode)) throw new Error(`${context}: status ${response.statusCode}, expected ${expected.join(' or ')}`)
      return true
    }
  )
  const control = fc.asyncProperty(
    fc.array(controlCallOf(table), { minLength: 1, maxLength: 4 }),
    async (calls) => {
      try {
        for (const call of calls) {
          const headers: Record<string, string> = call.contentType === undefined ? {} : { 'content-type': call.contentType }
          const response = await app.inject({ method: call.method as 'GET', url: call.url, headers, ...(call.body === undefined ? {} : { payload: call.body }) })
          checkWire(response, `${call.method} ${call.url.slice(0, 120)} ${call.body?.slice(0, 200) ?? ''}`, call.method)
        }
        // Whatever the calls did, the emulator still answers: health, and a Braze path once faults are gone
        // (a fault rule may legitimately answer 5xx; a drop rule never answers through inject()).
        app.control.clearFaults()
        const health = await app.inject({ url: '/_mock/health' })
        if (health.statusCode !== 200 || health.body !== '{"status":"ok"}') throw new Error(`health answered ${health.statusCode} ${health.body}`)
        const series = await app.inject({
          url: `/sessions/data_series?length=3&unit=hour&segment_id=${lumen.segments.allUsers}`,
          headers: { authorization: `Bearer ${lumen.keys.full}` },
        })
        checkWire(series, 'a Braze request after the control calls')
        const row = table[probes++ % table.length]!
        const example = await app.inject({ url: row.url, headers: { authorization: `Bearer ${fullKey}` } })
        checkWire(example, `${row.url} after the control calls`)
        if (example.statusCode !== 200) throw new Error(`${row.url} answered ${example.statusCode} ${example.body} after the control calls and a reset`)
        const journal = app.control.journal()
        if (journal.size > journal.capacity) throw new Error(`journal holds ${journal.size} of ${journal.capacity}`)
        return true
      } finally {
        app.control.reset()
      }
    }
  )
  return { braze, control }
}
