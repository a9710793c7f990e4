// Kept answers replayed ahead of Fastify's lifecycle (issue 16, BENCHMARKS.md "Fourth pass"). A request the
// lifecycle has answered with an answer it keeps is remembered with the headers it was sent with; the same
// request again (method, URL, key, Host and Origin as sent) is answered from the HTTP server's own request
// listener, with the same access, pool, cache, journal, header and log calls the lifecycle makes, and bytes
// equal to the lifecycle's but for the values that change per request (request id, rate-limit counts, Date),
// which are recomputed here as there. Fastify's request and reply, routing, validation and hook chain cost
// about as much again as everything the emulator does for a kept answer; the target of 0.7x a bare route
// needs them gone from the path that repeats.
//
// Anything that could make the lifecycle answer differently falls back to it before any effect: another
// method, a body, a fault rule, a closing server, another world or key, a clock or overrides that change the
// answer's key, an answer the cache no longer holds, a spent pool. Fastify has no hook ahead of its routing,
// so the listener comes through its documented `serverFactory`; `inject()` never reaches it, and buildApp
// leaves it off unless asked, so hooks an embedder adds in-process always run.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type Server, type ServerOptions as HttpServerOptions, type ServerResponse } from 'node:http'
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerFactory } from 'fastify'
import fp from 'fastify-plugin'
import type { Emulator } from '../emulator/emulator.js'
import type { PoolName } from '../world/pools.js'
import type { ApiKey, Workspace, World } from '../world/world.js'
import { journalPath } from './request-journal.js'

/** The requests remembered at most; past it the oldest is forgotten (a few thousand distinct ones fit). */
export const REPLAY_ENTRIES = 8192

/** What a Braze route's handler says of a request whose answer the answer cache keeps. */
export interface KeptAnswerUse {
  readonly workspace: Workspace
  /** What Emulator.answerKey was given: the request as the key reads it, and the window's end. */
  readonly request: string
  readonly end: number | null | undefined
  /** The key the answer was found under. */
  readonly key: string
  readonly pool: PoolName
  /** The query the journal records (its copy of what was sent). */
  readonly query: Readonly<Record<string, string>>
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by a Braze route whose answer is kept (found or just stored): what a replay of the request needs. */
    keptAnswer: KeptAnswerUse | null
  }
  interface FastifyInstance {
    /** The replay in front of the lifecycle, when the app was built with it. */
    replay: Replay | null
  }
}

/** What the edge's plugins lend the replay, so that it makes their calls and not copies of them. */
export interface EdgeCalls {
  readonly apiKeyOf: (header: string | undefined, connection: object | null) => ApiKey | undefined
  readonly httpDate: () => string
  readonly logRequest: (fields: { reqId: string, method: string, path: string, status: number, ms: number }) => void
  readonly requestId: () => string
}

interface Entry {
  /** The request's headers the answer depends on (the key, the Link's host, CORS's origin), as sent. */
  readonly authorization: string | undefined
  readonly host: string | undefined
  readonly origin: string | undefined
  readonly use: KeptAnswerUse
  readonly apiKey: ApiKey
  /** The path the journal recorded. */
  readonly path: string
  /** Header names and values as the lifecycle wrote them, flat; the slots below are filled per request. */
  readonly headers: readonly string[]
  readonly slots: Readonly<Record<Varying, number>>
}

/** The headers whose values are computed per request (by position in Entry.headers). */
const VARYING = ['x-request-id', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'date', 'content-length'] as const
type Varying = typeof VARYING[number]

/** Fastify's options as it hands them to a server factory, defaults applied. */
interface ServerOptions {
  readonly http?: HttpServerOptions
  readonly keepAliveTimeout: number
  readonly requestTimeout: number
  readonly connectionTimeout: number
  readonly maxRequestsPerSocket?: number | null
}

export class Replay {
  readonly #emulator: Emulator
  /** By URL as sent (most URLs have one entry), oldest URL first. */
  readonly #entries = new Map<string, Entry[]>()
  #size = 0
  /** The world the remembered requests were answered in: a reload forgets them all, so none holds on to it. */
  #world: World
  #edge: EdgeCalls | undefined
  #closing = false
  #served = 0

  constructor (emulator: Emulator) {
    this.#emulator = emulator
    this.#world = emulator.world
  }

  /** How many requests were answered by replay, for tests and the bench. */
  get served (): number {
    return this.#served
  }

  /** How many requests are remembered. */
  get size (): number {
    return this.#size
  }

  /** Fastify's serverFactory: the server Fastify would make (its http options and timeouts), replay first. */
  readonly serverFactory: FastifyServerFactory = (handler, fastifyOptions) => {
    const options = fastifyOptions as unknown as ServerOptions
    const listener: RequestListener = (request, response) => {
      if (!this.#serve(request, response)) handler(request, response)
    }
    const server: Server = createServer(options.http ?? {}, listener)
    // What Fastify sets on the server it makes itself (lib/server.js, getServerInstance), from its options
    // with their defaults applied.
    server.keepAliveTimeout = options.keepAliveTimeout
    server.requestTimeout = options.requestTimeout
    server.setTimeout(options.connectionTimeout)
    if ((options.maxRequestsPerSocket ?? 0) > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket!
    return server
  }

  /** The edge's calls exist only once their plugins are registered, after Fastify has made the server. */
  attach (edge: EdgeCalls): void {
    this.#edge = edge
  }

  close (): void {
    this.#closing = true
    this.#forget()
  }

  #forget (): void {
    this.#entries.clear()
    this.#size = 0
  }

  /** False, having forgotten everything, when the world in service is not the one remembered in. */
  #sameWorld (): boolean {
    if (this.#emulator.world === this.#world) return true
    this.#world = this.#emulator.world
    this.#forget()
    return false
  }

  /** Called when the lifecycle has sent an answer: remembers it if the answer is kept and was sent plainly. */
  remember (request: FastifyRequest, reply: FastifyReply): void {
    const use = request.keptAnswer
    if (use === null || this.#closing || request.method !== 'GET' || reply.statusCode !== 200 || request.faultPlan !== null || request.apiKey === null) return
    // The first answer from a new world starts the memory afresh.
    this.#sameWorld()
    const headers: string[] = []
    const slots: Partial<Record<Varying, number>> = {}
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined) continue
      if ((VARYING as readonly string[]).includes(name)) slots[name as Varying] = headers.length + 1
      headers.push(name, Array.isArray(value) ? value.join(', ') : String(value))
    }
    // Every value that changes per request must have its slot, or a replay would repeat a stale one.
    if (VARYING.some(name => slots[name] === undefined)) return
    const { url, headers: sent } = request.raw
    const { authorization, host, origin } = sent
    const path = journalPath(request)
    const entry: Entry = { authorization, host, origin, use, apiKey: request.apiKey, path, headers, slots: slots as Record<Varying, number> }
    const same = this.#entries.get(url!)
    const at = same?.findIndex(other => sameRequest(other, sent)) ?? -1
    if (same !== undefined && at !== -1) {
      same[at] = entry
      return
    }
    if (this.#size >= REPLAY_ENTRIES) {
      const [oldest, forgotten] = this.#entries.entries().next().value!
      this.#entries.delete(oldest)
      this.#size -= forgotten.length
    }
    if (same === undefined) this.#entries.set(url!, [entry])
    else same.push(entry)
    this.#size++
  }

  /** Answers the request by replay and returns true, or returns false having done nothing the lifecycle would not. */
  #serve (request: IncomingMessage, response: ServerResponse): boolean {
    const edge = this.#edge
    const emulator = this.#emulator
    if (edge === undefined || this.#closing || request.method !== 'GET' || !emulator.faults.empty || this.#size === 0 || !this.#sameWorld()) return false
    if (request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined) return false
    const entry = this.#entries.get(request.url!)?.find(other => sameRequest(other, request.headers))
    if (entry === undefined) return false
    const started = performance.now()
    const { use } = entry
    // The access hook's key lookup (the same call, on the same per-connection memo): the key must be the one
    // the answer went to, in the world in service.
    if (edge.apiKeyOf(request.headers.authorization, request.socket) !== entry.apiKey) return false
    // The handler's cache lookup, under the key it would compute now: the clock and overrides decide it. (The
    // remembered key's own string is looked up: its hash is kept with it, where a new string's is computed.)
    const kept = emulator.answerKey(use.workspace, use.request, use.end) === use.key ? emulator.answers.get(use.key) : undefined
    if (kept === undefined) return false
    // Last, the pool: a spent one counts nothing, so the lifecycle's own take answers the 429 as always.
    const admission = emulator.admit(use.workspace, use.pool)
    if (!admission.allowed) return false

    const at = emulator.clock.now()
    const id = edge.requestId()
    const headers = entry.headers.slice()
    const { slots } = entry
    headers[slots['x-request-id']] = id
    headers[slots['x-ratelimit-limit']] = String(admission.limit)
    headers[slots['x-ratelimit-remaining']] = String(admission.remaining)
    headers[slots['x-ratelimit-reset']] = String(admission.reset)
    headers[slots.date] = edge.httpDate()
    headers[slots['content-length']] = String(kept.body.length)
    response.writeHead(200, headers)
    response.end(kept.body)
    this.#served++
    emulator.journal.record(at, {
      method: 'GET', path: entry.path, query: use.query, workspace_id: use.workspace.id, status: 200, request_id: id, fault: null,
    })
    edge.logRequest({ reqId: id, method: 'GET', path: entry.path, status: 200, ms: Math.round((performance.now() - started) * 100) / 100 })
    return true
  }
}

/** Whether a request with the same URL sent the headers an entry's answer depends on. */
function sameRequest (entry: Entry, { authorization, host, origin }: IncomingHttpHeaders): boolean {
  return entry.authorization === authorization && entry.host === host && entry.origin === origin
}

/** Registered whether or not replay is on, so that a Braze route's request always has the same shape. */
async function replayPlugin (app: FastifyInstance, { replay, edge }: { replay: Replay | undefined, edge: EdgeCalls }): Promise<void> {
  app.decorateRequest('keptAnswer', null)
  app.decorate('replay', replay ?? null)
  if (replay === undefined) return
  replay.attach(edge)
  app.addHook('onResponse', (request, reply, done) => {
    replay.remember(request, reply)
    done()
  })
  app.addHook('preClose', (done) => {
    replay.close()
    done()
  })
}

export default fp(replayPlugin, { name: 'replay', fastify: '5.x', dependencies: ['braze-access', 'braze-headers', 'request-log', 'request-journal', 'faults'] })
