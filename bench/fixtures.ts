// The fixture folders the bench's emulators load: copies of fixtures/ with every rate limit out of reach (the
// clock is pinned, so a whole run falls in one window of each pool, and no pool may run dry), cut down or
// grown in the first workspace.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GenerateOptions } from '../src/world/fixture-schema.js'
import { POOL_NAMES } from '../src/world/pools.js'
import { ROOT } from './servers.js'

export const FIRST_WORKSPACE = 'fc09443a-6006-4993-8b4f-3e2473b07799'
export const ALL_USERS = '2526216c-722a-4946-9d15-921eb0fa454e'
export const GENERATED_SEGMENTS = 100_000
const UNLIMITED = 2_000_000_000

/**
 * What the large workspace generates beside the built-in fixtures. Campaigns and Canvases only where the
 * fixture schema takes them: generating them lands on another branch, and a key the schema does not know
 * stops the start.
 */
export function largeGeneration (): Record<string, number> {
  const wanted: Record<string, number> = { seed: 7, segments: GENERATED_SEGMENTS, events: 1_000, products: 1_000, campaigns: 10_000, canvases: 1_000 }
  const known = GenerateOptions.properties as Record<string, unknown>
  return Object.fromEntries(Object.entries(wanted).filter(([name]) => name in known))
}

export interface FixtureDirs {
  /** The built-in fixtures. */
  readonly standard: string
  /** The first workspace cut to 10 of its segments, All Users among them. */
  readonly ten: string
  /** The same 10 segments and 100,000 generated ones. */
  readonly big: string
  /** The built-in fixtures, and in the first workspace everything largeGeneration() lists. */
  readonly large: string
}

type Rows = Array<Record<string, unknown>>

export function makeFixtures (root: string): FixtureDirs {
  const dirs = { standard: join(root, 'standard'), ten: join(root, 'ten'), big: join(root, 'big'), large: join(root, 'large') }
  for (const dir of Object.values(dirs)) cpSync(join(ROOT, 'fixtures'), dir, { recursive: true })
  const read = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Rows
  const write = (dir: string, file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value, null, 2))

  const limits = Object.fromEntries(POOL_NAMES.map(pool => [pool, UNLIMITED]))
  for (const dir of Object.values(dirs)) {
    write(dir, 'workspaces.json', read(dir, 'workspaces.json').map(w => ({ ...w, rate_limit: UNLIMITED, rate_limits: limits })))
  }
  const segments = read(dirs.ten, 'segments.json')
  const ours = segments.filter(s => s.workspace_id === FIRST_WORKSPACE)
  const kept = [ours.find(s => s.id === ALL_USERS)!, ...ours.filter(s => s.id !== ALL_USERS)].slice(0, 10)
  const trimmed = segments.filter(s => s.workspace_id !== FIRST_WORKSPACE || kept.includes(s))
  for (const dir of [dirs.ten, dirs.big]) write(dir, 'segments.json', trimmed)
  // Campaigns and Canvases whose audience is a segment left out keep no audience: a reference to a missing
  // segment would stop the start.
  const left = new Set(trimmed.map(s => s.id))
  for (const dir of [dirs.ten, dirs.big]) {
    for (const file of ['campaigns.json', 'canvases.json']) {
      if (!existsSync(join(dir, file))) continue
      write(dir, file, read(dir, file).map(({ segment_id: audience, ...rest }) =>
        audience === undefined || left.has(audience as string) ? { ...rest, ...(audience === undefined ? {} : { segment_id: audience }) } : rest))
    }
  }
  const grow = (dir: string, generate: Record<string, number>) => write(dir, 'workspaces.json', read(dir, 'workspaces.json').map(w =>
    w.id === FIRST_WORKSPACE ? { ...w, generate } : w))
  grow(dirs.big, { seed: 7, segments: GENERATED_SEGMENTS })
  grow(dirs.large, largeGeneration())
  return dirs
}
