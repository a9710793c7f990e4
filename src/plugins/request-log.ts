// One log line per request, when its answer is sent: method, path, status and time. Fastify's own request
// logging (two lines, with headers) is turned off in buildApp; the Authorization header is also redacted by
// the logger's configuration, in case a line ever carries headers.
//
// The line is the one pino would write for the request's logger, in its format (level, time, bindings and
// ending come from the logger itself; requestLine fills in the fields), put on pino's own stream: pino's
// generic path (each field's type looked up, serializers and formatters consulted) cost the line about
// twice what these five fields need (BENCHMARKS.md, third pass).
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import pino from 'pino'
import { pathOf } from '../emulator/paths.js'

/** What the request line says besides what every line carries. */
export interface RequestFields {
  reqId: string
  method: string
  path: string
  status: number
  ms: number
}

/** The parts of a line that come from the logger: `{"level":30`, `,"time":…`, the bindings, and the ending. */
export interface LineFrame {
  level: string
  time: string
  bindings: string
  end: string
}

/** A request line: the fields in pino's order and encoding (a string as JSON writes it, a number as JS does). */
export function requestLine ({ level, time, bindings, end }: LineFrame, { reqId, method, path, status, ms }: RequestFields): string {
  return `${level}${time}${bindings},"reqId":${JSON.stringify(reqId)},"method":${JSON.stringify(method)},"path":${JSON.stringify(path)},` +
    `"status":${status},"ms":${ms},"msg":"request"${end}`
}

type PinoInternals = Record<symbol, unknown>
const { chindingsSym, endSym, lsCacheSym, streamSym, timeSym } = pino.symbols
const INFO = pino.levels.values.info!

/** The frame of an info line `logger` writes now (its time read now), from the logger's own settings. */
export function frameOf (logger: object): LineFrame {
  const internals = logger as PinoInternals
  return {
    level: (internals[lsCacheSym] as Record<number, string>)[INFO]!,
    time: (internals[timeSym] as () => string)(),
    bindings: internals[chindingsSym] as string,
    end: internals[endSym] as string,
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Writes a request's line (when info is on): the onResponse hook's call, lent to the replay (plugins/replay.ts). */
    logRequest (fields: RequestFields): void
  }
}

async function requestLog (app: FastifyInstance): Promise<void> {
  const logger = app.log as unknown as pino.Logger
  const stream = (logger as unknown as PinoInternals)[streamSym] as { write (line: string): unknown } | undefined
  // Without a logger (logLevel false) Fastify's stand-in has no stream, and there is nothing to write.
  app.decorate('logRequest', (fields: RequestFields) => {
    if (stream !== undefined && logger.isLevelEnabled('info')) stream.write(requestLine(frameOf(logger), fields))
  })
  if (stream === undefined) return
  // Callback-style: an async hook would cost every request a promise and a microtask for a synchronous call.
  app.addHook('onResponse', (request, reply, done) => {
    app.logRequest({
      reqId: request.id,
      method: request.method,
      path: pathOf(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
    })
    done()
  })
}

export default fp(requestLog, { name: 'request-log', fastify: '5.x' })
