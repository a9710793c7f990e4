// Turns each endpoint definition (src/endpoints/) into its GET route. What the definition names travels as
// route config: the permission and pool the access hook checks, and each parameter's 400 wording, which the
// error handler answers a failed validation with.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { Emulator } from '../emulator/emulator.js'
import type { AnyEndpoint } from '../endpoints/define.js'
import { BRAZE_ERRORS, success } from '../endpoints/parameters.js'

export interface BrazeEndpointsOptions {
  emulator: Emulator
  endpoints: readonly AnyEndpoint[]
}

export const brazeEndpoints: FastifyPluginAsyncTypebox<BrazeEndpointsOptions> = async (app, { emulator, endpoints }) => {
  for (const endpoint of endpoints) {
    app.get(endpoint.path, {
      config: { permission: endpoint.permission, pool: endpoint.pool, rules: endpoint.rules },
      schema: {
        summary: endpoint.summary,
        tags: ['Braze'],
        security: [{ bearer: [] }],
        querystring: endpoint.query,
        response: { 200: withHeaders(success(endpoint.response), endpoint.headers), ...BRAZE_ERRORS },
      },
    }, async (request, reply) => endpoint.handle({
      query: request.query,
      workspace: request.apiKey!.workspace,
      series: emulator.seriesContext(),
      get origin () { return originOf(request) },
      header (name, value) { reply.header(name, value) },
    }))
  }
}

/** The 200 schema with the definition's own headers added to Braze's, so the OpenAPI document lists them. */
function withHeaders<T extends object> (schema: T, headers: Readonly<Record<string, string>> | undefined): T {
  if (headers === undefined) return schema
  const own = Object.fromEntries(Object.entries(headers).map(([name, description]) => [name, { type: 'string', description }]))
  return { ...schema, headers: { ...(schema as { headers?: object }).headers, ...own } }
}

// An authority as RFC 3986 writes one (host, optional port; brackets for IPv6): anything else in a Host
// header cannot go into a URL, and the socket's own port stands in.
const AUTHORITY = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::[0-9]{1,5})?$/

/**
 * Where the client reached the emulator: the Host header as sent (so a Link works behind a compose service
 * name, BRAZE-EXPORT.md section 0) and the socket's scheme. X-Forwarded-Proto and X-Forwarded-Host are not
 * read: the app trusts no proxy, and a client may send anything.
 */
function originOf (request: FastifyRequest): string {
  const host = AUTHORITY.test(request.host) ? request.host : `localhost:${request.socket.localPort ?? 80}`
  return `${request.protocol}://${host}`
}
