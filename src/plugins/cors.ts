// CORS for browser apps on other origins (a frontend on another port): any origin by default, a list of
// origins, or off. Browser code must be able to read the rate-limit headers and the request id, so those
// are exposed; the preflight for the Authorization header is answered by @fastify/cors before any other
// hook runs, so it needs no key and never reaches the journal.
//
// @fastify/cors answers the preflights only, from its own scope (its OPTIONS route and hook live there).
// The headers of every other answer are written here by hand, by the same rules (an allowed origin, or
// '*'; Vary: Origin when the answer depends on it): the plugin rebuilt its options from the route's on each
// request, which cost about a tenth of the CPU a kept answer takes (BENCHMARKS.md, third pass), for two
// fixed headers.
import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { NotFound } from '../emulator/errors.js'

/** '*' for any origin, or the exact origins allowed (scheme, host and port). */
export type CorsOrigins = '*' | readonly string[]

const EXPOSED = ['X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After']
const EXPOSED_VALUE = EXPOSED.join(', ')

async function corsPolicy (app: FastifyInstance, { origins }: { origins: CorsOrigins }): Promise<void> {
  const allowed = origins === '*' ? undefined : new Set(origins)
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'OPTIONS') {
      // An OPTIONS that is not a preflight (no Origin or no Access-Control-Request-Method) is a method no
      // route has: Braze's JSON 404, rather than @fastify/cors's plain-text 400.
      const preflight = request.headers.origin !== undefined && request.headers['access-control-request-method'] !== undefined
      return done(preflight ? undefined : new NotFound())
    }
    if (allowed === undefined) {
      reply.header('access-control-allow-origin', '*')
    } else {
      reply.header('vary', 'Origin')
      const origin = request.headers.origin
      if (origin !== undefined && allowed.has(origin)) reply.header('access-control-allow-origin', origin)
    }
    reply.header('access-control-expose-headers', EXPOSED_VALUE)
    done()
  })
  await app.register(async (preflights) => {
    await preflights.register(cors, {
      origin: origins === '*' ? '*' : [...origins],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
      exposedHeaders: EXPOSED,
      maxAge: 600,
      hideOptionsRoute: true,
    })
  })
}

export default fp(corsPolicy, { name: 'cors-policy', fastify: '5.x' })
