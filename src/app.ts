// buildApp: the emulator as a Fastify instance, ready to inject into or listen with. It never listens, reads
// the environment or installs signal handlers; src/server.ts does those.
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { LogController, type FastifyServerOptions } from 'fastify'
import { parse as parseQuery } from 'fast-querystring'
import { checkOptions } from './config.js'
import { Control } from './emulator/control.js'
import type { EndpointView } from './emulator/control-schema.js'
import { Emulator, type EmulatorOptions } from './emulator/emulator.js'
import { SERVER_LIMITS } from './plugins/server-limits.js'
import apiDocs from './plugins/api-docs.js'
import brazeAccess from './plugins/braze-access.js'
import brazeErrors from './plugins/braze-errors.js'
import brazeHeaders from './plugins/braze-headers.js'
import drain from './plugins/drain.js'
import corsPolicy, { type CorsOrigins } from './plugins/cors.js'
import faults from './plugins/faults.js'
import { lazySerializers, lazyValidators } from './plugins/lazy-compilers.js'
import { turnBatchedDestination } from './log-destination.js'
import fixturesWatch from './plugins/fixtures-watch.js'
import requestJournal from './plugins/request-journal.js'
import requestLog from './plugins/request-log.js'
import replayPlugin, { Replay } from './plugins/replay.js'
import type { AnyEndpoint } from './endpoints/define.js'
import { ENDPOINTS } from './endpoints/index.js'
import { brazeEndpoints } from './routes/braze-endpoints.js'
import { mockConsole } from './routes/mock-console.js'
import { mockControl } from './routes/mock-control.js'
import { mockHealth } from './routes/mock-health.js'
import { VERSION } from './version.js'

/** The fixtures that ship with the emulator (a folder beside src/ and dist/). */
export const BUILT_IN_FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))
/** The console's page and scripts (GET /_mock/), shipped beside fixtures/. */
const CONSOLE = fileURLToPath(new URL('../console/', import.meta.url))

export interface AppConfig extends Partial<EmulatorOptions> {
  /** Log level, or false for no logger (the default, as in tests). */
  readonly logLevel?: string | false | undefined
  /** Human-readable logs (for a terminal) instead of JSON lines. */
  readonly prettyLogs?: boolean | undefined
  /**
   * JSON lines to stdout in one write per event-loop turn instead of one per line (src/log-destination.ts).
   * The process entries use it: a write per request was a quarter of the CPU under load (BENCHMARKS.md).
   */
  readonly batchedLogs?: boolean | undefined
  /** The control plane under /_mock/ (default on); off leaves only /_mock/health. */
  readonly control?: boolean | undefined
  /** A bearer token the control plane requires. */
  readonly controlToken?: string | undefined
  /** Reload the fixtures directory when a file in it changes. */
  readonly watch?: boolean | undefined
  /** Origins allowed by CORS: '*' (the default) for any, a list, or false for no CORS headers at all. */
  readonly cors?: CorsOrigins | false | undefined
  /**
   * Answer a repeated request whose answer is kept ahead of Fastify's lifecycle, with the same bytes
   * (src/plugins/replay.ts). Off by default here, so that hooks added to the app in-process see every
   * request; the process entries and startEmulator turn it on. inject() never replays.
   */
  readonly replay?: boolean | undefined
  /** The Braze endpoints served (src/endpoints/index.ts unless given): tests add their own. */
  readonly endpoints?: readonly AnyEndpoint[] | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    emulator: Emulator
    control: Control
  }
}

export async function buildApp (config: AppConfig = {}) {
  checkOptions(config) // the rules the environment's settings follow (src/config.ts)
  const endpoints = config.endpoints ?? ENDPOINTS
  const emulator = await Emulator.create({
    ...config,
    fixtures: config.fixtures ?? BUILT_IN_FIXTURES,
    permissions: [...new Set(endpoints.map(endpoint => endpoint.permission))],
  })
  const control = new Control(emulator, {
    paths: endpoints.map(endpoint => endpoint.path),
    metrics: endpoints.flatMap(endpoint => endpoint.metrics ?? []),
    endpoints: endpoints.map(endpointView),
  })
  const logger = loggerOptions(config)
  const replay = config.replay === true ? new Replay(emulator) : undefined
  const app = Fastify({
    ...SERVER_LIMITS,
    ...(replay === undefined ? {} : { serverFactory: replay.serverFactory }),
    logger,
    // One line per request comes from the request-log plugin instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestId,
    routerOptions: {
      // Rails, which serves Braze's API, routes /segments/list/ as /segments/list.
      ignoreTrailingSlash: true,
      querystringParser: lastValueWins,
    },
    schemaController: { compilersFactory: { buildValidator: lazyValidators, buildSerializer: lazySerializers } },
    ajv: {
      customOptions: {
        // Schemas here are built by TypeBox, not written by hand; checking them against JSON Schema's
        // meta-schema compiled that meta-schema on every start (about 30 ms of a 350 ms cold start).
        // (Ajv validates only the Braze querystrings; the control plane has its own validator.)
        validateSchema: false,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('emulator', emulator)
  app.decorate('control', control)
  // Errors first, so that every route, the ones plugins add included, answers in Braze's shape. Global hooks
  // run in registration order (CORS answers preflights, the journal notes the arrival); access and then
  // faults are attached to each Braze route as it is declared, and so run after them. The docs plugin
  // comes before the routes so that it sees them all.
  await app.register(brazeErrors)
  if (config.cors !== false) await app.register(corsPolicy, { origins: config.cors ?? '*' })
  await app.register(requestLog)
  await app.register(drain)
  // The docs describe the control plane and live beside it: with control off, only /_mock/health remains.
  if (config.control !== false) await app.register(apiDocs, { version: VERSION })
  await app.register(brazeHeaders, { now: () => emulator.clock.now() })
  await app.register(requestJournal, { emulator })
  await app.register(brazeAccess, { emulator })
  await app.register(faults, { emulator })
  await app.register(replayPlugin, {
    replay,
    edge: { apiKeyOf: app.apiKeyOf, httpDate: app.httpDate, logRequest: app.logRequest, requestId },
  })
  await app.register(brazeEndpoints, { emulator, endpoints })
  await app.register(mockHealth)
  if (config.control !== false) await app.register(mockControl, { control, token: config.controlToken })
  if (config.control !== false) await app.register(mockConsole, { directory: CONSOLE })
  if (config.watch === true && emulator.fixturesDirectory !== undefined) {
    await app.register(fixturesWatch, { control, emulator, directory: emulator.fixturesDirectory })
  }
  return app
}

export type BrazeMockApp = Awaited<ReturnType<typeof buildApp>>

/** An endpoint's definition as the world listing shows it (GET /_mock/world). */
function endpointView ({ path, permission, pool, parameters, query, example, metrics = [] }: AnyEndpoint): EndpointView {
  return {
    path,
    permission,
    pool,
    parameters: Object.keys(parameters),
    required: [...query.required ?? []],
    example: { ...example },
    metrics: metrics.map(({ id, key, entity, hours, aggregate }) => ({ id, key, entity, hours, aggregate })),
  }
}

/** Fastify's request ids, and the replay's: a fresh UUID, as Braze's X-Request-Id is. */
function requestId (): string {
  return randomUUID()
}

/** A parameter given twice takes its last value, as on the Rails stack Braze runs (BRAZE.md, section 2). */
function lastValueWins (query: string): Record<string, string> {
  const parsed = parseQuery(query) as Record<string, string | string[]>
  for (const name in parsed) {
    const value = parsed[name]
    if (Array.isArray(value)) parsed[name] = value.at(-1)!
  }
  return parsed as Record<string, string>
}

function loggerOptions ({ logLevel = false, prettyLogs = false, batchedLogs = false }: AppConfig): FastifyServerOptions['logger'] {
  if (logLevel === false) return false
  const output = prettyLogs
    ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
    : batchedLogs ? { stream: turnBatchedDestination() } : {}
  return {
    level: logLevel,
    redact: { paths: ['req.headers.authorization'], censor: '[redacted]' },
    ...output,
  }
}
