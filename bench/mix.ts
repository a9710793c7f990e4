// The realistic mix: a few thousand distinct requests over every endpoint, drawn from what a running emulator
// says it holds (GET /_mock/world, the list endpoints for what the world listing leaves out, the pages and
// cursors its lists answer), so that a cache keyed by one request sees thousands of keys. The draw is
// deterministic (one seed), and the generator cycles the list in the order drawn.
import type { AnyEndpoint } from '../src/endpoints/define.js'
import { maxLength, withQuery } from './rows.js'
import { get, getOk, type Server } from './servers.js'

export const MIX_SIZE = 3_000
const SEED = 16

interface WorldView {
  workspaces: Array<{
    id: string
    apps: Array<{ id: string }>
    segments: Array<{ id: string, analytics_tracking_enabled: boolean, archived: boolean }>
    events: Array<{ name: string }>
    products: Array<{ name: string }>
    campaigns?: Array<{ id: string }>
    canvases?: Array<{ id: string }>
  }>
  keys: Array<{ key: string, workspace_id: string }>
}

/** What the requests are drawn from: one workspace's entities, and each list endpoint's pages or cursors. */
export interface Catalog {
  readonly entities: Readonly<Record<string, readonly string[]>>
  /** The last page with items, by endpoint path. */
  readonly lastPage: Readonly<Record<string, number>>
  /** The cursors its Link headers hand out, by endpoint path. */
  readonly cursors: Readonly<Record<string, readonly string[]>>
}

/** Entities the world listing may not carry (yet): read from the endpoint that lists them. */
const LISTED = {
  campaign_id: { view: 'campaigns', list: '/campaigns/list', items: 'campaigns' },
  canvas_id: { view: 'canvases', list: '/canvas/list', items: 'canvases' },
} as const
const MAX_PAGES = 30

const hasItems = (body: string) => Object.values(JSON.parse(body) as Record<string, unknown>).some(v => Array.isArray(v) && v.length > 0)

export async function discoverCatalog (server: Server, key: string, endpoints: readonly AnyEndpoint[]): Promise<Catalog> {
  const world = JSON.parse(await getOk(server, '/_mock/world')) as WorldView
  const workspaceId = world.keys.find(k => k.key === key)?.workspace_id
  const workspace = world.workspaces.find(w => w.id === workspaceId)
  if (workspace === undefined) throw new Error(`${server.name}: /_mock/world has no workspace for the bench's key`)
  const segments = workspace.segments.filter(s => !s.archived)
  const entities: Record<string, string[]> = {
    segment_id: segments.map(s => s.id),
    // A segment as a filter of a series must track analytics (a 400 otherwise, by default).
    filter_segment_id: segments.filter(s => s.analytics_tracking_enabled).map(s => s.id),
    app_id: workspace.apps.map(a => a.id),
    event: workspace.events.map(e => e.name),
    product: workspace.products.map(p => p.name),
  }
  for (const [parameter, { view, list, items }] of Object.entries(LISTED)) {
    const listed = workspace[view]
    if (listed !== undefined) {
      entities[parameter] = listed.map(e => e.id)
      continue
    }
    if (!endpoints.some(e => e.path === list)) continue
    const ids: string[] = []
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = JSON.parse(await getOk(server, `${list}?page=${page}`)) as Record<string, Array<{ id: string }>>
      if ((answer[items] ?? []).length === 0) break
      ids.push(...answer[items]!.map(e => e.id))
    }
    entities[parameter] = ids
  }

  const lastPage: Record<string, number> = {}
  const cursors: Record<string, string[]> = {}
  for (const endpoint of endpoints) {
    if ('page' in endpoint.parameters) {
      const filled = async (page: number) => hasItems(await getOk(server, withQuery(endpoint.path, { ...endpoint.example, page: String(page) })))
      let low = 0
      let high = 1
      while (high < 1 << 20 && await filled(high)) high *= 2
      while (high - low > 1) {
        const mid = (low + high) >> 1
        if (await filled(mid)) low = mid
        else high = mid
      }
      lastPage[endpoint.path] = low
    }
    if ('cursor' in endpoint.parameters) {
      const found: string[] = []
      let path: string | undefined = withQuery(endpoint.path, endpoint.example)
      while (path !== undefined && found.length < MAX_PAGES) {
        const answer = await get(server.port, path, { reuse: true })
        if (answer.status !== 200) throw new Error(`${server.name} ${path}: ${answer.status}`)
        const next = /<[^>]*[?&]cursor=([^&>]+)[^>]*>;\s*rel="next"/.exec(String(answer.headers.link ?? ''))?.[1]
        if (next !== undefined) found.push(decodeURIComponent(next))
        path = next === undefined ? undefined : withQuery(endpoint.path, { ...endpoint.example, cursor: decodeURIComponent(next) })
      }
      cursors[endpoint.path] = found
    }
  }
  return { entities, lastPage, cursors }
}

/** mulberry32: a small seeded generator, so the mix is the same list on every run. */
function random (seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const LENGTHS = [1, 7, 14, 14, 30, 30, 60, 90, 100]
const ZONES = ['Z', '-05:00', '+09:00', '+01:00']
const DAY_MS = 86_400_000

/** The literals of a union schema (unit, sort_direction, include_archived and the like), else undefined. */
function literalsOf (endpoint: AnyEndpoint, name: string): string[] | undefined {
  const schema = (endpoint.parameters[name] as { schema: { anyOf?: Array<{ const?: unknown }> } }).schema
  const literals = schema.anyOf?.map(s => s.const)
  return literals !== undefined && literals.every(l => typeof l === 'string') ? literals as string[] : undefined
}

/**
 * `size` distinct paths, taken in turn from each endpoint, each drawn afresh: entities from the catalog,
 * windows (lengths, ending_at dates and date-times up to two years before `now`), units and the other
 * choices a schema lists, optional filters present two times in three. A parameter the draw does not know
 * keeps the example's value, and then so do the endpoint's entities, which such a parameter may belong to.
 * An endpoint whose requests run out (a list with one page) leaves its turn to the others.
 */
export function drawMix (endpoints: readonly AnyEndpoint[], catalog: Catalog, now: Date, size = MIX_SIZE): string[] {
  const next = random(SEED)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!
  const sometimes = (p: number) => next() < p
  const day = (maxDaysBack: number) => new Date(now.getTime() - Math.floor(next() * maxDaysBack) * DAY_MS).toISOString().slice(0, 10)
  const instant = () => sometimes(0.8) ? day(730) : `${day(730)}T${String(Math.floor(next() * 24)).padStart(2, '0')}:00:00${pick(ZONES)}`

  const known = (endpoint: AnyEndpoint, name: string) => catalog.entities[name] !== undefined ||
    ['length', 'ending_at', 'last_edit.time[gt]', 'page', 'cursor'].includes(name) || literalsOf(endpoint, name) !== undefined

  const draw = (endpoint: AnyEndpoint): string => {
    const required = new Set(endpoint.query.required ?? [])
    const names = Object.keys(endpoint.parameters)
    const fixed = names.some(name => !known(endpoint, name) && endpoint.example[name] !== undefined)
    const query: Record<string, string> = {}
    for (const name of names) {
      const optional = !required.has(name)
      const entity = name === 'segment_id' && optional ? 'filter_segment_id' : name
      const pool = catalog.entities[entity]
      let value: string | undefined
      if (pool !== undefined) {
        if (fixed || pool.length === 0) value = endpoint.example[name]
        else if (!optional || sometimes(2 / 3)) value = pick(pool)
      } else if (name === 'length') {
        const longest = maxLength(endpoint)
        value = String(pick([...LENGTHS.filter(l => l <= longest), longest]))
      } else if (name === 'ending_at') {
        if (!optional || sometimes(0.8)) value = instant()
      } else if (name === 'last_edit.time[gt]') {
        if (sometimes(0.25)) value = day(1000)
      } else if (name === 'page') {
        value = String(Math.floor(next() * ((catalog.lastPage[endpoint.path] ?? 0) + 1)))
      } else if (name === 'cursor') {
        value = pick([undefined, ...catalog.cursors[endpoint.path] ?? []])
      } else {
        const literals = literalsOf(endpoint, name)
        value = literals !== undefined ? pick(literals) : endpoint.example[name]
      }
      if (value !== undefined) query[name] = value
    }
    return withQuery(endpoint.path, query)
  }

  const paths = new Set<string>()
  let open = [...endpoints]
  while (paths.size < size && open.length > 0) {
    const stillOpen: AnyEndpoint[] = []
    for (const endpoint of open) {
      if (paths.size >= size) break
      let added = false
      for (let attempt = 0; attempt < 50 && !added; attempt++) {
        const path = draw(endpoint)
        if (!paths.has(path)) {
          paths.add(path)
          added = true
        }
      }
      if (added) stillOpen.push(endpoint)
    }
    open = stillOpen
  }
  return [...paths]
}

export interface CheckedMix {
  readonly paths: readonly string[]
  /** Requests that did not answer 200, by endpoint path: the count and the first answer. */
  readonly dropped: ReadonlyMap<string, { count: number, first: string }>
}

/**
 * Asks each request once and keeps those that answer 200: a non-2xx answer under load stops the run, and a
 * draw the emulator rejects (a parameter the draw does not know, paired wrongly) says nothing about speed.
 * The report lists what was dropped.
 */
export async function checkMix (server: Server, paths: readonly string[]): Promise<CheckedMix> {
  const kept: string[] = []
  const dropped = new Map<string, { count: number, first: string }>()
  for (const path of paths) {
    const answer = await get(server.port, path, { reuse: true })
    if (answer.status === 200) {
      kept.push(path)
      continue
    }
    const endpoint = path.split('?')[0]!
    const seen = dropped.get(endpoint)
    if (seen === undefined) dropped.set(endpoint, { count: 1, first: `${answer.status} ${answer.body.slice(0, 120)} (${path})` })
    else seen.count++
  }
  return { paths: kept, dropped }
}

/**
 * The mix as a running emulator gives it: what it holds discovered with `key`, drawn at `now`, then checked.
 * `drawn` is how many were drawn before the check.
 */
export async function mixOn (server: Server, key: string, endpoints: readonly AnyEndpoint[], now: Date): Promise<CheckedMix & { drawn: number }> {
  const drawn = drawMix(endpoints, await discoverCatalog(server, key, endpoints), now)
  return { ...await checkMix(server, drawn), drawn: drawn.length }
}
