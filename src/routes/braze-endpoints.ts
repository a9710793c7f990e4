// Turns each endpoint definition (src/endpoints/) into its GET route. What the definition names travels as
// route config: the permission and pool the access hook checks, and each parameter's 400 wording, which the
// error handler answers a failed validation with. The handler's answer is serialized here and kept in the
// emulator's answer cache where its key allows (Emulator.answerKey): the hooks (access, pools, faults,
// journal, headers) run for a kept answer exactly as for a computed one, and its bytes are the same.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { Emulator } from '../emulator/emulator.js'
import type { AnyEndpoint } from '../endpoints/define.js'
import { BRAZE_ERRORS, success } from '../endpoints/parameters.js'
import { parseEndingAt } from '../world/ending-at.js'
import type { Workspace } from '../world/world.js'

/** What Fastify writes for a serialized object, so a kept answer reads the same. */
const JSON_TYPE = 'application/json; charset=utf-8'

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
    }, async (request, reply) => {
      const workspace = request.apiKey!.workspace
      const query = request.query as { ending_at?: string }
      // Only the endpoints that write a Link (their `headers`) read the Host header.
      const url = endpoint.headers === undefined ? request.url : `${originOf(request)}${request.url}`
      const end = 'ending_at' in endpoint.parameters ? windowEnd(workspace, query.ending_at) : null
      const key = emulator.answerKey(workspace, url, end)
      if (key !== undefined) {
        // What a replay of this request needs (src/plugins/replay.ts): the same key, computed the same way.
        request.keptAnswer = { workspace, request: url, end, key, pool: endpoint.pool ?? 'default', query: request.arrival?.query ?? {} }
      }
      const kept = key === undefined ? undefined : emulator.answers.get(key)
      if (kept !== undefined) {
        for (const [name, value] of kept.headers) reply.header(name, value)
        return reply.type(JSON_TYPE).send(kept.body)
      }
      const headers: Array<[string, string]> = []
      const answer = endpoint.handle({
        query: request.query,
        workspace,
        series: emulator.seriesContext(),
        get origin () { return originOf(request) },
        header (name, value) {
          headers.push([name, value])
          reply.header(name, value)
        },
      })
      // The route's own serializer, as Fastify would run it on the object: a string is sent as it is.
      const body = reply.serialize(answer) as string
      if (key !== undefined) emulator.answers.set(key, { body: Buffer.from(body), headers })
      return reply.type(JSON_TYPE).send(body)
    })
  }
}

/** The window's exclusive end as the handler reads it; undefined when it is now, or when the handler will refuse it. */
function windowEnd (workspace: Workspace, endingAt: string | undefined): number | undefined {
  return endingAt === undefined ? undefined : parseEndingAt(endingAt, workspace.calendar)
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
