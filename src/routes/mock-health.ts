// GET /_mock/health: for container health checks and test harnesses; needs no key.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'

const Health = Type.Object({ status: Type.Literal('ok') })

export const mockHealth: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/_mock/health', {
    schema: { summary: 'Liveness: 200 once the emulator serves', tags: ['Emulator'], response: { 200: Health } },
  }, async () => ({ status: 'ok' as const }))
}
