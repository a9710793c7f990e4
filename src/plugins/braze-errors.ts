// Turns every error into Braze's wire shape, {"message": "..."} (BRAZE.md, section 2): the catalogue's own,
// Ajv's validation errors (as the parameter's rule), Fastify's own 4xx, and anything unexpected (as a
// logged 500, which no input should reach). Unknown paths and methods answer 404 {"message":"Not Found"}.
import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { invalidParameter, isParameter, NotFound } from '../errors.js'

async function brazeErrors (app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Fastify parses a body before it routes it to the 404 handler; an unknown route stays a 404 whatever it carries.
    if (request.is404) return reply.code(404).send({ message: new NotFound().message })
    if (error.validation !== undefined) {
      const [first] = error.validation
      if (error.validationContext === 'querystring') {
        const name = first?.instancePath.slice(1) || String(first?.params?.missingProperty ?? '')
        if (isParameter(name)) return reply.code(400).send({ message: invalidParameter(name).message })
      }
      // The control plane's bodies and queries: Ajv's own words, with where they apply.
      return reply.code(400).send({ message: `${error.validationContext ?? 'request'}${first?.instancePath ?? ''} ${first?.message ?? 'is invalid'}` })
    }
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

export default fp(brazeErrors, { name: 'braze-errors', fastify: '5.x' })
