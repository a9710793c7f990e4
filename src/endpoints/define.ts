// What a Braze endpoint is to the emulator: one definition per endpoint, registered from one list
// (src/endpoints/index.ts). The access hook, the rate-limit pools, the fault hook, the journal, the OpenAPI
// document and the test tables all read the definitions, so adding an endpoint is adding a file.
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox'
import type { Metric } from '../world/metrics.js'
import type { PoolName } from '../world/pools.js'
import type { SeriesContext } from '../world/series/context.js'
import type { Workspace } from '../world/world.js'
import type { Parameter } from './parameters.js'

type Parameters = Record<string, Parameter>
type QuerySchema<P extends Parameters> = TObject<{ [K in keyof P]: P[K]['schema'] }>

/** What a handler gets: the validated query, the caller's workspace, and what every series depends on. */
export interface EndpointRequest<Q> {
  readonly query: Q
  readonly workspace: Workspace
  readonly series: SeriesContext
  /** `scheme://host` as the client reached the emulator (its Host header), for links in the answer. */
  readonly origin: string
  /** Sets a header of the 200 answer; the definition's `headers` documents it. */
  header (name: string, value: string): void
}

export interface EndpointSpec<P extends Parameters, R extends TSchema> {
  /** The Braze path, always GET. */
  readonly path: string
  /** The API key permission it needs, as Braze names it. */
  readonly permission: string
  /** The rate-limit pool it counts against (src/world/pools.ts). */
  readonly pool: PoolName
  /** One line for the OpenAPI document. */
  readonly summary: string
  /** Its query parameters, in the order Braze's page lists them: validation reports the first bad one. */
  readonly parameters: P
  /** The 200 answer. */
  readonly response: R
  /** Headers the 200 answer may carry beside every Braze answer's, by name, with what each says (OpenAPI). */
  readonly headers?: Readonly<Record<string, string>>
  /** The metrics it serves, which overrides may set (src/world/metrics.ts). */
  readonly metrics?: readonly Metric[]
  /**
   * A query that answers 200 with data on the built-in fixtures (Lumen's full-access key): the test tables
   * build their requests from it, so a new endpoint is fuzzed, access-checked and pooled with no test edit.
   */
  readonly example: Readonly<Record<string, string>>
  handle (request: EndpointRequest<Static<QuerySchema<P>>>): Static<R>
}

export interface Endpoint<P extends Parameters = Parameters, R extends TSchema = TSchema> extends EndpointSpec<P, R> {
  /** The query schema, built once from the parameters. */
  readonly query: QuerySchema<P>
  /** Each parameter's 400 message, by name. */
  readonly rules: Readonly<Record<string, string>>
}

export function defineEndpoint<P extends Parameters, R extends TSchema> (spec: EndpointSpec<P, R>): Endpoint<P, R> {
  const schemas = {} as { [K in keyof P]: P[K]['schema'] }
  const rules: Record<string, string> = {}
  for (const name of Object.keys(spec.parameters) as Array<keyof P & string>) {
    const { schema, rule } = spec.parameters[name]!
    // The OpenAPI document shows the endpoint's own example, which answers with data on the built-in
    // fixtures, rather than a shared one (the docs' 2018 ending_at reads zeros everywhere).
    const example = spec.example[name]
    schemas[name] = (example === undefined ? schema : { ...schema, examples: [example] }) as P[typeof name]['schema']
    rules[name] = rule
  }
  return { ...spec, query: Type.Object(schemas), rules }
}

/** A definition list as the app takes it: the handlers' own types no longer matter there. */
export type AnyEndpoint = Endpoint<any, any>
