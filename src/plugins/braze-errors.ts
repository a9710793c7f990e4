// Turns every error into Braze's wire shape, {"message": "..."} (BRAZE.md, section 2): the catalogue's own,
// Ajv's validation errors (as the parameter's rule), Fastify's own 4xx, and anything unexpected (as a
// logged 500, which no input should reach). Unknown paths and methods answer 404 {"message":"Not Found"}.
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { NotFound } from '../emulator/errors.js'
import { isEmulatorPath } from '../emulator/paths.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A Braze route's 400 wording for each of its query parameters, by name (src/endpoints/parameters.ts). */
    rules?: Readonly<Record<string, string>>
  }
}

async function brazeErrors (app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Fastify parses a body before it routes it to the 404 handler; an unknown route stays a 404 whatever it carries.
    if (request.is404) return reply.code(404).send({ message: new NotFound().message })
    if (error.validation !== undefined) {
      const [first] = error.validation
      if (error.validationContext === 'querystring') {
        const name = first?.instancePath.slice(1) || String(first?.params?.missingProperty ?? '')
        const rule = request.routeOptions.config.rules?.[name]
        if (rule !== undefined) return reply.code(400).send({ message: rule })
      }
      // The control plane's bodies and queries (checked by src/emulator/validate.ts): the field and its rule.
      return reply.code(400).send({ message: `${error.validationContext ?? 'request'}${first?.instancePath ?? ''} ${first?.message ?? 'is invalid'}` })
    }
    // The control plane takes JSON bodies; Fastify's own words for one that is not say only "Bad Request".
    // (Fastify keeps the parser's position to itself, so the answer cannot say where.) A Braze path takes
    // no body, and its answers stay Braze's.
    const notJson = NOT_JSON[error.code]
    if (notJson !== undefined && isEmulatorPath(request.url)) return reply.code(400).send({ message: notJson })
    const status = error.statusCode ?? 500
    if (status >= 500) {
      request.log.error({ err: error }, 'unexpected error')
      return reply.code(500).send({ message: 'Internal Server Error' })
    }
    // Our errors carry their message; Fastify's own (a body too large, say) get the status text.
    const message = error.code?.startsWith('BRAZE_') === true ? error.message : STATUS_CODES[status] ?? 'Bad Request'
    return reply.code(status).send({ message })
  })

  app.setNotFoundHandler((_request, reply) => {
    return reply.code(404).send({ message: new NotFound().message })
  })
}

const NOT_JSON: Partial<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'body must be JSON; what was sent does not parse as JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body must be JSON; it is empty, but its content-type says application/json (send {} or no content-type)',
}

/**
 * Fastify's `frameworkErrors` option: a path it cannot percent-decode (400) or a route parameter past
 * maxParamLength (414) is answered before routing, so neither the error handler nor the onSend hooks run.
 * The status stays; the body and headers become Braze's.
 */
export function frameworkErrors (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400
  reply.code(status)
    .header('content-type', 'application/json')
    .header('cache-control', 'no-cache')
    .header('x-request-id', request.id)
    .header('date', request.server.httpDate())
    // A Buffer, so that Fastify adds no "; charset=utf-8" to the type (braze-headers.ts does not run here).
    .send(Buffer.from(JSON.stringify({ message: STATUS_CODES[status] ?? 'Bad Request' })))
}

/**
 * Fastify's `clientErrorHandler` option: a request Node's parser rejects never reaches Fastify. Its default
 * answer is Fastify's {error, message, statusCode}; this one is Braze's {message}: 408 for a request that
 * did not arrive in time, 414 for a request line longer than the header limit by itself, 431 for headers
 * past it, 400 for anything else that is not HTTP. Then the connection is closed, as Node does.
 */
export function clientErrorHandler (this: FastifyInstance, error: ConnectionError, socket: Socket): void {
  // A reset connection, or one already gone: there is nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const status = clientErrorStatus(error)
  // Not the error itself: its rawPacket is the request as sent, Authorization header and key included.
  this.log.debug({ code: error.code, status }, 'client error')
  if (socket.writable) {
    const body = JSON.stringify({ message: STATUS_CODES[status] ?? 'Bad Request' })
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nDate: ${this.httpDate()}\r\nContent-Type: application/json\r\n` +
      `Cache-Control: no-cache\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
  }
  socket.destroy()
}

function clientErrorStatus (error: ConnectionError): number {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // What the parser read of its chunk before overflowing is the start of a request line, with no line end:
    // the URL alone is too long. Anything else (a header, or a later chunk that does not show which) is 431.
    const raw: unknown = error.rawPacket
    return Buffer.isBuffer(raw) && REQUEST_LINE_START.test(raw.subarray(0, error.bytesParsed).toString('latin1')) ? 414 : 431
  }
  return 400
}

const REQUEST_LINE_START = /^[A-Z]{3,7} [^\r\n]*$/

export default fp(brazeErrors, { name: 'braze-errors', fastify: '5.x' })
