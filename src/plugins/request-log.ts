// One log line per request, when its answer is sent: method, path, status and time. Fastify's own request
// logging (two lines, with headers) is turned off in buildApp; the Authorization header is also redacted by
// the logger's configuration, in case a line ever carries headers.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { pathOf } from '../emulator/paths.js'

async function requestLog (app: FastifyInstance): Promise<void> {
  // Callback-style: an async hook would cost every request a promise and a microtask for a synchronous call.
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({
      method: request.method,
      path: pathOf(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
    }, 'request')
    done()
  })
}

export default fp(requestLog, { name: 'request-log', fastify: '5.x' })
