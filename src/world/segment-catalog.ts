// A workspace's segments: its fixtures' and those it generates (`generate.segments`), found by id and
// listed oldest first. A generated segment is a pure function of the workspace's generation seed and its
// index, so nothing is made for it at load: a segment is made on its first read, the index of generated ids
// on the first look-up that is not a fixture's, and the order of creation on the first listing. A workspace
// of 100,000 segments used to spend some 600 ms of its start making, indexing and sorting them all
// (BENCHMARKS.md, sixth pass); now a start that reads none of them spends nothing on them. Nor are they all
// kept once read: only the last few thousand made, so that a client listing them all (GET /_mock/world, every
// page) does not leave 100 MB of segments on the heap for the collector to walk (BENCHMARKS.md, eighth pass).
import { hashString, mix } from './hash.js'
import type { Industry } from './fixture-schema.js'
import { generatedSegment, type NamedSegment } from './names.js'
import type { SegmentDefinition } from './population/index.js'
import { drawOf, extendKey, RandomStream, streamKey } from './random-stream.js'
import type { Segment, SegmentList, Segments } from './world.js'

export const GENERATED_SINCE = Date.UTC(2019, 0, 1)
export const GENERATED_UNTIL = Date.UTC(2026, 5, 1)
const DAY_MS = 86_400_000
const TEAMS = ['Growth', 'CRM', 'Lifecycle', 'Product']
/** Generated segments draw from the streams [seed, workspace, 2, index] (1 is apps', generated-messaging.ts has the rest). */
const SEGMENT_KIND = 2
/** The draws of a generated segment's stream that the catalog reads without making the segment. */
const DRAW = { createdAt: 4, archived: 7 } as const
const ARCHIVED = 0.04
/**
 * How many made generated segments are kept, by index modulo this (a power of two): a page of the list, the
 * segments a mix's series read and the campaigns' audiences fit; making one again costs a few microseconds.
 */
export const KEPT_SEGMENTS = 4096

const createdAtFrom = (draw: number): number => GENERATED_SINCE + Math.floor(draw * (GENERATED_UNTIL - GENERATED_SINCE))

export function describeSegment (name: string): string {
  return `Users who match the filters of "${name}"`
}

const LEADING_HEX = /^[0-9a-f]{8}-/

/** What a workspace generates its segments from. */
export interface SegmentGeneration {
  readonly seed: number
  readonly workspaceKey: number
  readonly industry: Industry
  readonly count: number
}

/**
 * A generated segment: its id and dates are drawn when it is made; its name, tags and audience (the
 * industry's vocabulary, src/world/names.ts) on first read.
 */
export class GeneratedSegment implements Segment {
  readonly id: string
  readonly description = ''
  readonly teams: readonly string[]
  readonly createdAt: number
  readonly updatedAt: number
  readonly analyticsTrackingEnabled: boolean
  readonly archived: boolean
  readonly key: number
  readonly #seed: readonly number[]
  readonly #industry: Industry
  readonly #index: number
  #named: NamedSegment | undefined
  #audience: SegmentDefinition | undefined

  /** `seed` is the workspace's generation seed and key, one array shared by all its generated segments. */
  constructor (seed: readonly [number, number], industry: Industry, index: number) {
    const [generation, workspaceKey] = seed
    this.#seed = seed
    this.#industry = industry
    this.#index = index
    // In the order of their draws: DRAW names those the catalog reads on its own.
    const random = new RandomStream([generation, workspaceKey, SEGMENT_KIND, index])
    this.id = random.uuid()
    this.key = mix(workspaceKey, hashString(this.id))
    this.createdAt = createdAtFrom(random.next())
    this.updatedAt = this.createdAt + Math.floor(random.next() * 200 * DAY_MS)
    this.analyticsTrackingEnabled = random.chance(0.85)
    this.archived = random.chance(ARCHIVED)
    this.teams = random.chance(0.3) ? [TEAMS[random.int(0, TEAMS.length - 1)]!] : []
  }

  get #name (): NamedSegment {
    this.#named ??= generatedSegment(this.#seed, this.#industry, this.#index)
    return this.#named
  }

  get name (): string {
    return this.#name.name
  }

  get tags (): readonly string[] {
    return this.#name.tags
  }

  get textDescription (): string {
    return describeSegment(this.name)
  }

  get audience (): SegmentDefinition {
    // Generated audiences never name an app (generated segments know no app ids), so they need no resolving.
    this.#audience ??= this.#name.audience as SegmentDefinition
    return this.#audience
  }
}

/**
 * The segments, by id and oldest first (ties by id), as a sorted array and a map by id would give them.
 * Positions count the fixtures' segments in the order given, then the generated ones by index.
 */
export class SegmentCatalog implements Segments {
  readonly #fixtures: readonly Segment[]
  readonly #fixturesById: ReadonlyMap<string, Segment>
  readonly #generation: SegmentGeneration | undefined
  readonly #seed: readonly [number, number]
  /** The key of the streams [seed, workspace, 2]: a generated segment's is this extended by its index. */
  readonly #streamKey: number
  readonly #count: number
  /** Made segments, at their index modulo KEPT_SEGMENTS, and which index each slot holds (-1: none). */
  readonly #kept: Array<GeneratedSegment | undefined>
  readonly #keptIndex: Int32Array
  /** Generated segments' indexes by the first 32 bits of their ids. */
  #generatedIds: Map<number, number> | undefined
  #order: Int32Array | undefined
  #shown: Int32Array | undefined
  /** What /segments/list shows: the segments not archived, oldest first; ordered on its first read. */
  readonly listed: SegmentList

  constructor (fixtures: readonly Segment[], generation?: SegmentGeneration) {
    this.#fixtures = fixtures
    this.#fixturesById = new Map(fixtures.map(segment => [segment.id, segment]))
    this.#generation = generation
    this.#seed = [generation?.seed ?? 0, generation?.workspaceKey ?? 0]
    this.#streamKey = streamKey([...this.#seed, SEGMENT_KIND])
    this.#count = generation?.count ?? 0
    this.#kept = new Array<GeneratedSegment | undefined>(Math.min(this.#count, KEPT_SEGMENTS))
    this.#keptIndex = new Int32Array(this.#kept.length).fill(-1)
    const shown = (): Int32Array => this.#listedPositions()
    this.listed = {
      get length () { return shown().length },
      at: (i) => i >= 0 && i < shown().length ? this.added(shown()[i]!) : undefined,
    }
  }

  get size (): number {
    return this.#fixtures.length + this.#count
  }

  get (id: string): Segment | undefined {
    const fixture = this.#fixturesById.get(id)
    if (fixture !== undefined || this.#count === 0) return fixture
    // A generated id's first 8 hex digits are its stream's first draw, which no two indexes share (mix is a
    // bijection of its second argument, and so is a draw of its stream's key): the index is of those, and
    // the segment it points to is the one only if the rest of the id matches too.
    if (!LEADING_HEX.test(id)) return undefined
    this.#generatedIds ??= this.#indexIds()
    const index = this.#generatedIds.get(Number.parseInt(id.slice(0, 8), 16))
    const found = index === undefined ? undefined : this.#generated(index)
    return found?.id === id ? found : undefined
  }

  /** The segment at a position in the order added: the fixtures', then the generated ones. */
  added (position: number): Segment {
    const fixtures = this.#fixtures.length
    return position < fixtures ? this.#fixtures[position]! : this.#generated(position - fixtures)
  }

  /**
   * Every segment, oldest first. The generated ones are made without being kept (one already kept is given
   * as is): a walk over all of them (GET /_mock/world) would otherwise replace every kept segment, those the
   * series and pages read included, with the walk's last few thousand.
   */
  * values (): IterableIterator<Segment> {
    const fixtures = this.#fixtures.length
    for (const position of this.#byCreation()) {
      yield position < fixtures ? this.#fixtures[position]! : this.#generated(position - fixtures, false)
    }
  }

  * keys (): IterableIterator<string> {
    for (const segment of this.values()) yield segment.id
  }

  #listedPositions (): Int32Array {
    if (this.#shown === undefined) {
      const fixtures = this.#fixtures.length
      this.#shown = this.#byCreation().filter(position => position < fixtures
        ? !this.#fixtures[position]!.archived
        : drawOf(this.#keyOf(position - fixtures), DRAW.archived) >= ARCHIVED)
    }
    return this.#shown
  }

  #keyOf (index: number): number {
    return extendKey(this.#streamKey, index)
  }

  /** Generated segments made and kept: at most KEPT_SEGMENTS, however many were read. */
  get kept (): number {
    return this.#keptIndex.reduce((count, index) => index >= 0 ? count + 1 : count, 0)
  }

  /** The generated segment at `index`: the kept one, or one made and, with `keep`, kept in its slot. */
  #generated (index: number, keep = true): GeneratedSegment {
    const slot = index & (KEPT_SEGMENTS - 1)
    if (this.#keptIndex[slot] === index) return this.#kept[slot]!
    const segment = new GeneratedSegment(this.#seed, this.#generation!.industry, index)
    if (keep) {
      this.#kept[slot] = segment
      this.#keptIndex[slot] = index
    }
    return segment
  }

  #leadingOf (index: number): number {
    return Math.floor(drawOf(this.#keyOf(index), 0) * 2 ** 32)
  }

  #indexIds (): Map<number, number> {
    // Numbers, not the ids: making 100,000 UUID strings and a map of them took about 250 ms here.
    const byLeading = new Map<number, number>()
    for (let index = 0; index < this.#count; index++) byLeading.set(this.#leadingOf(index), index)
    return byLeading
  }

  /**
   * Positions oldest first, ties by id (code-unit order), as messaging.ts's byCreation orders any list. The
   * creation instants come from one draw each; ids are read (made) only where two instants tie.
   */
  #byCreation (): Int32Array {
    if (this.#order === undefined) {
      const fixtures = this.#fixtures.length
      const created = new Float64Array(this.size)
      for (let p = 0; p < fixtures; p++) created[p] = this.#fixtures[p]!.createdAt
      for (let i = 0; i < this.#count; i++) created[fixtures + i] = createdAtFrom(drawOf(this.#keyOf(i), DRAW.createdAt))
      const order = new Int32Array(this.size)
      for (let p = 0; p < order.length; p++) order[p] = p
      order.sort((a, b) => {
        if (created[a] !== created[b]) return created[a]! - created[b]!
        const [x, y] = [this.added(a).id, this.added(b).id]
        return x < y ? -1 : x > y ? 1 : 0
      })
      this.#order = order
    }
    return this.#order
  }
}
