// The endpoint table the suites iterate (fuzz, access, rate limits, journal, faults, OpenAPI, README), derived
// from the registered definitions (src/endpoints/index.ts) and the built-in fixtures: a new definition is
// covered by every suite with no test edit. A suite that adds its own definitions builds its own table.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BUILT_IN_FIXTURES } from '../src/app.js'
import type { AnyEndpoint } from '../src/endpoints/define.js'
import { ENDPOINTS } from '../src/endpoints/index.js'
import { FIXTURE_FILES } from '../src/world/fixture-schema.js'
import type { PoolName } from '../src/world/pools.js'
import { BUILT_IN } from './helpers.js'

/** A fixture key as the files write it. */
export interface KeyFixture {
  key: string
  workspace_id: string
  name?: string
  permissions: string[]
}

/** A fixture set as an object, the shape `buildApp({ fixtures })` takes inline. */
export interface FixtureObject {
  emulator?: Record<string, unknown>
  workspaces: Array<Record<string, unknown> & { id: string }>
  apps: Array<Record<string, unknown>>
  segments: Array<Record<string, unknown>>
  api_keys: KeyFixture[]
}

export interface EndpointRow {
  readonly definition: AnyEndpoint
  readonly path: string
  readonly permission: string
  readonly pool: PoolName
  /** Its query parameters, in the definition's order. */
  readonly parameters: readonly string[]
  /** Those its query schema requires. */
  readonly required: readonly string[]
  /** The path with the definition's example query: 200 with data for the full key of the example's workspace. */
  readonly url: string
  /**
   * A key of the table's workspace without this permission: the fixture key holding most of the others, or,
   * where no fixture key lacks it, one that `fixturesFor` adds (`lackingIsFixture` false).
   */
  readonly lacking: string
  readonly lackingIsFixture: boolean
}

/** The built-in fixture set, read fresh (callers may change it) from the files the app loads. */
export function builtInFixtureSet (): FixtureObject {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(BUILT_IN_FIXTURES, file), 'utf8'))
  const set: Record<string, unknown> = {}
  for (const [part, file] of Object.entries(FIXTURE_FILES)) {
    try {
      set[part] = read(file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  return { apps: [], segments: [], api_keys: [], ...set } as unknown as FixtureObject
}

/** The URL of an endpoint with the given query. */
export function urlOf (path: string, query: Readonly<Record<string, string>>): string {
  const search = new URLSearchParams(query).toString()
  return search === '' ? path : `${path}?${search}`
}

/** Whether a fixture key holds a permission ("*" holds all). */
export function holds (key: KeyFixture, permission: string): boolean {
  return key.permissions.includes('*') || key.permissions.includes(permission)
}

/** The key a suite adds where no fixture key lacks `permission`. */
const syntheticKey = (permission: string) => `test-key-lacking-${permission}`

/**
 * The table of `endpoints` over a fixture set: lacking keys are looked for among the set's keys of
 * `workspaceId` (Lumen, whose full key the examples are written for, unless given).
 */
export function endpointTable (endpoints: readonly AnyEndpoint[] = ENDPOINTS, set: FixtureObject = builtInFixtureSet(),
  workspaceId: string = BUILT_IN.lumen.workspaceId): EndpointRow[] {
  const permissions = [...new Set(endpoints.map(e => e.permission))]
  const keys = set.api_keys.filter(k => k.workspace_id === workspaceId && !k.permissions.includes('*'))
  return endpoints.map((definition) => {
    const { permission } = definition
    let lacking: KeyFixture | undefined
    let held = -1
    for (const key of keys) {
      if (holds(key, permission)) continue
      const others = permissions.filter(p => holds(key, p)).length
      if (others > held) [lacking, held] = [key, others]
    }
    const required = (definition.query as { required?: string[] }).required ?? []
    return {
      definition,
      path: definition.path,
      permission,
      pool: definition.pool,
      parameters: Object.keys(definition.parameters as object),
      required,
      url: urlOf(definition.path, definition.example),
      lacking: lacking?.key ?? syntheticKey(permission),
      lackingIsFixture: lacking !== undefined,
    }
  })
}

/**
 * The fixture set a suite of `table` runs on: `set` with a key in `workspaceId` for each permission no key
 * there lacks, holding every other permission of the table. Left as the built-in directory when every
 * permission has its lacking key there already, so that suites run on the fixtures users get.
 */
export function fixturesFor (table: readonly EndpointRow[], set?: FixtureObject, workspaceId: string = BUILT_IN.lumen.workspaceId): string | FixtureObject {
  const missing = table.filter(row => !row.lackingIsFixture)
  if (missing.length === 0 && set === undefined) return BUILT_IN_FIXTURES
  const base = set ?? builtInFixtureSet()
  const permissions = permissionsOf(table)
  return {
    ...base,
    api_keys: [
      ...base.api_keys,
      ...missing.map(row => ({
        key: row.lacking,
        workspace_id: workspaceId,
        name: `Without ${row.permission} (added by the tests)`,
        permissions: permissions.filter(p => p !== row.permission),
      })),
    ],
  }
}

/** The permissions of a table, each once, in the order of its endpoints. */
export function permissionsOf (table: readonly EndpointRow[]): string[] {
  return [...new Set(table.map(row => row.permission))]
}

/** Every query parameter name of a table, each once. */
export function parametersOf (table: readonly EndpointRow[]): string[] {
  return [...new Set(table.flatMap(row => row.parameters))]
}

/** The table of the endpoints the app serves, on the built-in fixtures. */
export const ENDPOINT_TABLE: readonly EndpointRow[] = endpointTable()
/** Their permissions: what a key needs for every endpoint (a fixture may also write "*"). */
export const PERMISSIONS: readonly string[] = permissionsOf(ENDPOINT_TABLE)
