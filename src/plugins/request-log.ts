// One log line per request, when its answer is sent: method, path, status and time. Fastify's own request
// logging (two lines, with headers) is turned off in buildApp; the Authorization header is also redacted by
// the logger's configuration, in case a line ever carries headers.
//
// The line goes through the root logger with the request id as its first field, the same bytes a request's
// child logger writes: making that child for every request was a tenth of the CPU a kept answer costs
// (BENCHMARKS.md), and most requests never use it. lazyChildLogger makes it on first use instead.
import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import { pathOf } from '../emulator/paths.js'

type ChildOptions = Parameters<FastifyBaseLogger['child']>[1]

/** A request's logger: the parent's child with the request's bindings, made when a line is first written. */
class LazyChildLogger implements FastifyBaseLogger {
  readonly #parent: FastifyBaseLogger
  readonly #bindings: Record<string, unknown>
  readonly #options: ChildOptions
  #child: FastifyBaseLogger | undefined

  constructor (parent: FastifyBaseLogger, bindings: Record<string, unknown>, options: ChildOptions) {
    this.#parent = parent
    this.#bindings = bindings
    this.#options = options
  }

  get #logger (): FastifyBaseLogger {
    return (this.#child ??= this.#parent.child(this.#bindings, this.#options))
  }

  get level (): string { return this.#logger.level }
  set level (level: string) { this.#logger.level = level }
  fatal: FastifyBaseLogger['fatal'] = (...args: Parameters<FastifyBaseLogger['fatal']>) => { this.#logger.fatal(...args) }
  error: FastifyBaseLogger['error'] = (...args: Parameters<FastifyBaseLogger['error']>) => { this.#logger.error(...args) }
  warn: FastifyBaseLogger['warn'] = (...args: Parameters<FastifyBaseLogger['warn']>) => { this.#logger.warn(...args) }
  info: FastifyBaseLogger['info'] = (...args: Parameters<FastifyBaseLogger['info']>) => { this.#logger.info(...args) }
  debug: FastifyBaseLogger['debug'] = (...args: Parameters<FastifyBaseLogger['debug']>) => { this.#logger.debug(...args) }
  trace: FastifyBaseLogger['trace'] = (...args: Parameters<FastifyBaseLogger['trace']>) => { this.#logger.trace(...args) }
  silent: FastifyBaseLogger['silent'] = (...args: Parameters<FastifyBaseLogger['silent']>) => { this.#logger.silent(...args) }
  child (bindings: Record<string, unknown>, options?: ChildOptions): FastifyBaseLogger {
    return this.#logger.child(bindings, options)
  }
}

/** Fastify's childLoggerFactory option: request.log as a LazyChildLogger. */
export const lazyChildLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (logger, bindings, options) =>
  new LazyChildLogger(logger, bindings, options)

async function requestLog (app: FastifyInstance): Promise<void> {
  // Callback-style: an async hook would cost every request a promise and a microtask for a synchronous call.
  app.addHook('onResponse', (request, reply, done) => {
    app.log.info({
      reqId: request.id,
      method: request.method,
      path: pathOf(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
    }, 'request')
    done()
  })
}

export default fp(requestLog, { name: 'request-log', fastify: '5.x' })
