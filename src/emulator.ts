// The emulator's state: the world loaded from fixtures, the clock and the seed. The HTTP app reads it; the
// in-process API and the control plane change it. Nothing here knows about HTTP.
import { decodeSeed, type SeriesContext } from './series/context.js'
import { buildWorld } from './world/build-world.js'
import { Clock } from './world/clock.js'
import { loadFixtures } from './world/load-fixtures.js'
import { RateLimits, type Admission } from './world/rate-limits.js'
import type { Workspace, World } from './world/world.js'

export interface EmulatorOptions {
  /** A fixtures directory, or a fixture set as an object (the shape of the directory's files, by part). */
  readonly fixtures: string | object
  /** An extra key with every permission in the first workspace. */
  readonly apiKey?: string | undefined
  /** Pins the clock to this instant (ms since the epoch); otherwise the fixtures' `now`, else real time. */
  readonly now?: number | undefined
  /** Shifts every generated number; otherwise the fixtures' `seed`, else 0. */
  readonly seed?: number | undefined
}

export class Emulator {
  readonly clock: Clock
  readonly seed: number
  readonly rateLimits = new RateLimits()
  #world: World

  private constructor (world: World, options: EmulatorOptions) {
    this.#world = world
    this.clock = new Clock(options.now ?? world.settings.now)
    this.seed = decodeSeed(options.seed ?? world.settings.seed ?? 0)
  }

  static async create (options: EmulatorOptions): Promise<Emulator> {
    const world = await buildWorld(await loadFixtures(options.fixtures), { extraApiKey: options.apiKey })
    return new Emulator(world, options)
  }

  get world (): World {
    return this.#world
  }

  /** Counts one request against the workspace's rate-limit pool, at the emulator's now. */
  admit (workspace: Workspace): Admission {
    return this.rateLimits.take(workspace.id, workspace.rateLimit, this.clock.now())
  }

  /** What a series computed now depends on besides its entity and buckets. */
  seriesContext (): SeriesContext {
    return { seed: this.seed, now: this.clock.now() }
  }
}
