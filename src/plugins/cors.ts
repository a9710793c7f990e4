// CORS for browser apps on other origins (a frontend on another port): any origin by default, a list of
// origins, or off. Browser code must be able to read the rate-limit headers and the request id, so those
// are exposed; the preflight for the Authorization header is answered by @fastify/cors before any other
// hook runs, so it needs no key and never reaches the journal.
import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { NotFound } from '../emulator/errors.js'

/** '*' for any origin, or the exact origins allowed (scheme, host and port). */
export type CorsOrigins = '*' | readonly string[]

const EXPOSED = ['X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After']

async function corsPolicy (app: FastifyInstance, { origins }: { origins: CorsOrigins }): Promise<void> {
  // An OPTIONS that is not a preflight (no Origin or no Access-Control-Request-Method) is a method no route
  // has: Braze's JSON 404, rather than @fastify/cors's plain-text 400.
  app.addHook('onRequest', (request, _reply, done) => {
    const preflight = request.method !== 'OPTIONS' ||
      (request.headers.origin !== undefined && request.headers['access-control-request-method'] !== undefined)
    done(preflight ? undefined : new NotFound())
  })
  await app.register(cors, {
    origin: origins === '*' ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    exposedHeaders: EXPOSED,
    maxAge: 600,
    hideOptionsRoute: true,
  })
}

export default fp(corsPolicy, { name: 'cors-policy', fastify: '5.x' })
