// The emulator's state: the world loaded from fixtures, the clock, the seed, the rate-limit pools, and what
// the control plane adds (journal, faults, overrides). The HTTP app reads it; the control plane and the
// in-process API change it. Nothing here knows about HTTP, and everything a series keeps between requests
// (the series cache, the calendars) belongs to an emulator, so two emulators in one process never share it.
import { buildWorld } from '../world/build-world.js'
import { loadFixtures } from '../world/load-fixtures.js'
import type { PoolName } from '../world/pools.js'
import { decodeSeed, SeriesCache, SETTLED_AFTER_MS, type SeriesContext } from '../world/series/context.js'
import type { Workspace, World } from '../world/world.js'
import type { ZoneCalendar } from '../world/zone-calendar.js'
import { AnswerCache } from './answer-cache.js'
import { Clock } from './clock.js'
import { Faults } from './faults.js'
import { Journal } from './journal.js'
import { Overrides } from './overrides.js'
import { Pools, type Admission } from './pools.js'

export const DEFAULT_JOURNAL_SIZE = 1000

export interface EmulatorOptions {
  /** A fixtures directory, or a fixture set as an object (the shape of the directory's files, by part). */
  readonly fixtures: string | object
  /** An extra key with every permission in the first workspace. */
  readonly apiKey?: string | undefined
  /** Pins the clock to this instant (ms since the epoch); otherwise the fixtures' `now`, else real time. */
  readonly now?: number | undefined
  /** Shifts every generated number; otherwise the fixtures' `seed`, else 0. */
  readonly seed?: number | undefined
  /** Requests the journal keeps before dropping the oldest (default 1000; 0 keeps none). */
  readonly journalSize?: number | undefined
  /** The permissions of the endpoints served: fixture keys may name only these (or "*" for all). */
  readonly permissions?: readonly string[] | undefined
}

interface Loaded { readonly world: World, readonly files: readonly string[] }

export class Emulator {
  readonly clock: Clock
  readonly seed: number
  readonly pools = new Pools()
  readonly journal: Journal
  readonly faults = new Faults()
  readonly overrides = new Overrides()
  readonly #options: EmulatorOptions
  readonly #calendars: Map<string, ZoneCalendar>
  #world: World
  #files: readonly string[]
  #cache = new SeriesCache()
  #answers = new AnswerCache()
  #reloading: Promise<World> = Promise.resolve(undefined as unknown as World)

  private constructor ({ world, files }: Loaded, calendars: Map<string, ZoneCalendar>, options: EmulatorOptions) {
    this.#world = world
    this.#files = files
    this.#calendars = calendars
    this.#options = options
    this.clock = new Clock(options.now ?? world.settings.now)
    this.seed = decodeSeed(options.seed ?? world.settings.seed ?? 0)
    this.journal = new Journal(options.journalSize ?? DEFAULT_JOURNAL_SIZE)
  }

  /** `options` are checked already (buildApp checks them as the environment's settings are checked). */
  static async create (options: EmulatorOptions): Promise<Emulator> {
    const calendars = new Map<string, ZoneCalendar>()
    return new Emulator(await Emulator.#load(options, calendars), calendars, options)
  }

  static async #load (options: EmulatorOptions, calendars: Map<string, ZoneCalendar>): Promise<Loaded> {
    const loaded = await loadFixtures(options.fixtures)
    const world = await buildWorld(loaded, { extraApiKey: options.apiKey, permissions: options.permissions, calendars })
    return { world, files: loaded.files }
  }

  get world (): World {
    return this.#world
  }

  /** The fixture files the world in service was read from (none for an inline set). */
  get fixtureFiles (): readonly string[] {
    return this.#files
  }

  /** Where the fixtures come from: a directory, or undefined for an inline set. */
  get fixturesDirectory (): string | undefined {
    return typeof this.#options.fixtures === 'string' ? this.#options.fixtures : undefined
  }

  /**
   * Reads the fixtures again and serves them from now on. If they fail validation, the previous world stays
   * and the FixtureError is thrown. Reloads run one at a time. The clock, seed and state are kept; what the
   * series kept for the old world goes with it.
   */
  reload (): Promise<World> {
    const next = this.#reloading.catch(() => undefined).then(async () => {
      const { world, files } = await Emulator.#load(this.#options, this.#calendars)
      this.#world = world
      this.#files = files
      this.#cache = new SeriesCache()
      this.#answers = new AnswerCache()
      return world
    })
    this.#reloading = next
    return next
  }

  /** Journal, rate-limit pools, faults, overrides and clock back to how they started. */
  reset (): void {
    this.journal.clear()
    this.pools.reset()
    this.faults.clear()
    this.overrides.clear()
    this.clock.reset()
  }

  /** Counts one request against one of the workspace's rate-limit pools, at the emulator's now. */
  admit (workspace: Workspace, pool: PoolName): Admission {
    return this.pools.take(workspace.id, pool, workspace.rateLimits[pool], this.clock.now())
  }

  /** Answers kept for the world in service (see answerKey). */
  get answers (): AnswerCache {
    return this.#answers
  }

  /**
   * The key an answer is kept under, or undefined when it may not be kept. An answer is a function of the
   * world (the cache goes with it on reload), the seed (fixed for the emulator's life), the overrides (their
   * version), the request, and now: so a window that ends long enough before now (`end`, SETTLED_AFTER_MS) or an
   * answer with no window at all (`end` null: lists and details) is kept whatever the clock does, and any
   * other only while the clock is pinned, under the pinned instant.
   * @param end the window's exclusive end; undefined when it is now (no ending_at)
   */
  answerKey (workspace: Workspace, request: string, end: number | null | undefined): string | undefined {
    const now = this.clock.now()
    const settled = end === null || (end !== undefined && end + SETTLED_AFTER_MS <= now)
    if (!settled && !this.clock.pinned) return undefined
    return `${this.overrides.version} ${settled ? '-' : now} ${workspace.id} ${request}`
  }

  /** What a series computed now depends on besides its entity and buckets. */
  seriesContext (): SeriesContext {
    return {
      seed: this.seed,
      now: this.clock.now(),
      overrides: this.overrides.empty ? undefined : this.overrides,
      cache: this.#cache,
    }
  }
}
