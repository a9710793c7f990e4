// The headers real Braze answers carry (BRAZE.md, "Other headers seen"): a fresh X-Request-Id on every
// answer, Content-Type application/json (Fastify would add "; charset=utf-8"), and Cache-Control as
// observed: "max-age=0, private, must-revalidate" on 200s, "no-cache" on errors.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

const CACHE_SUCCESS = 'max-age=0, private, must-revalidate'
const CACHE_ERROR = 'no-cache'

// Callback-style hooks: they do no I/O, and an async hook costs every request a promise and a microtask.
async function brazeHeaders (app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    const type = reply.getHeader('content-type')
    if (typeof type === 'string' && type.startsWith('application/json')) {
      reply.header('content-type', 'application/json')
      reply.header('cache-control', reply.statusCode < 400 ? CACHE_SUCCESS : CACHE_ERROR)
    }
    done(null, payload)
  })
}

export default fp(brazeHeaders, { name: 'braze-headers', fastify: '5.x' })
