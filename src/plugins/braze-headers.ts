// The headers real Braze answers carry (BRAZE.md, "Other headers seen"): a fresh X-Request-Id on every
// answer, Content-Type application/json (Fastify would add "; charset=utf-8"), and Cache-Control as
// observed: "max-age=0, private, must-revalidate" on 200s, "no-cache" on errors. And a Date on the
// emulator's clock, as X-RateLimit-Reset and the series are, so that a client computing its wait as
// Reset - Date gets a sane number with the clock pinned (BRAZE-EXPORT.md section 0, "Time on the wire");
// Node would write the system time.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

const CACHE_SUCCESS = 'max-age=0, private, must-revalidate'
const CACHE_ERROR = 'no-cache'

declare module 'fastify' {
  interface FastifyInstance {
    /** The Date header for an answer sent now: the emulator's clock in RFC 7231's IMF-fixdate. */
    httpDate (): string
  }
}

export interface BrazeHeadersOptions {
  /** The emulator's clock, ms since the epoch. */
  now: () => number
}

// Callback-style hooks: they do no I/O, and an async hook costs every request a promise and a microtask.
async function brazeHeaders (app: FastifyInstance, { now }: BrazeHeadersOptions): Promise<void> {
  // The header has a resolution of one second: format once per second, as Node does for its own.
  let second = Number.NaN
  let formatted = ''
  app.decorate('httpDate', () => {
    const current = Math.floor(now() / 1000)
    if (current !== second) {
      second = current
      formatted = new Date(current * 1000).toUTCString()
    }
    return formatted
  })
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('date', app.httpDate())
    const type = reply.getHeader('content-type')
    if (typeof type === 'string' && type.startsWith('application/json')) {
      reply.header('content-type', 'application/json')
      reply.header('cache-control', reply.statusCode < 400 ? CACHE_SUCCESS : CACHE_ERROR)
    }
    done(null, payload)
  })
}

export default fp(brazeHeaders, { name: 'braze-headers', fastify: '5.x' })
