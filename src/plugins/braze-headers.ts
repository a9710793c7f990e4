// The headers real Braze answers carry (BRAZE.md, "Other headers seen"): a fresh X-Request-Id on every
// answer, Content-Type application/json (Fastify would add "; charset=utf-8"), and Cache-Control as
// observed: "max-age=0, private, must-revalidate" on 200s, "no-cache" on errors.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

const CACHE_SUCCESS = 'max-age=0, private, must-revalidate'
const CACHE_ERROR = 'no-cache'

async function brazeHeaders (app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = reply.getHeader('content-type')
    if (typeof type === 'string' && type.startsWith('application/json')) {
      reply.header('content-type', 'application/json')
      reply.header('cache-control', reply.statusCode < 400 ? CACHE_SUCCESS : CACHE_ERROR)
    }
    return payload
  })
}

export default fp(brazeHeaders, { name: 'braze-headers', fastify: '5.x' })
