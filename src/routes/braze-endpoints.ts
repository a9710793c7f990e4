// Turns each endpoint definition (src/endpoints/) into its GET route. What the definition names travels as
// route config: the permission and pool the access hook checks, and each parameter's 400 wording, which the
// error handler answers a failed validation with.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
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
        response: { 200: success(endpoint.response), ...BRAZE_ERRORS },
      },
    }, async (request) => endpoint.handle({
      query: request.query,
      workspace: request.apiKey!.workspace,
      series: emulator.seriesContext(),
    }))
  }
}
