// Graceful shutdown, the last mile: Fastify stops accepting and closes idle connections on close, but a
// keep-alive connection busy with an in-flight request (one held by a latency fault, say) would stay open
// after its answer until the keep-alive timeout, holding the process. Answers sent while closing therefore
// say `Connection: close`, and Node ends each such connection as soon as its answer is out.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

async function drain (app: FastifyInstance): Promise<void> {
  let closing = false
  app.addHook('preClose', async () => { closing = true })
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close')
    done(null, payload)
  })
}

export default fp(drain, { name: 'drain', fastify: '5.x' })
