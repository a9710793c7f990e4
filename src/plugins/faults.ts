// Applies fault rules (src/emulator/faults.ts) to Braze paths, after the access hook, so a fault answers
// only callers Braze would have answered: added latency first, then one of a Braze-shaped error status
// (429 with its rate-limit headers), a dropped connection, or a truncated or malformed body.
import { STATUS_CODES } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction, onRequestHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import type { FaultPlan } from '../emulator/faults.js'
import type { Emulator } from '../emulator/emulator.js'
import { resetOf } from '../emulator/pools.js'
import type { PoolName } from '../world/pools.js'
import { hooksOf } from './route-hooks.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The faults decided for this request, if any applied. */
    faultPlan: FaultPlan | null
  }
}

async function faults (app: FastifyInstance, { emulator }: { emulator: Emulator }): Promise<void> {
  app.decorateRequest('faultPlan', null)

  // Attached to the Braze routes only, after their access hook (both as each route is declared), so a fault
  // answers only callers Braze would have answered, an unknown path stays a 404 and /_mock/ stays the
  // emulator's. Callback-style: with no fault set it runs on every request, and an async hook would cost
  // each a promise and a microtask to do nothing.
  // A rule matches the route's own path, so a percent-encoded or trailing-slash spelling of it cannot slip by.
  const onRequest = (path: string, pool: PoolName, request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (emulator.faults.empty) return done()
    const plan = emulator.faults.plan(path, request.query as Record<string, string>)
    if (plan === undefined) return done()
    request.faultPlan = plan
    // When the fault answers (or drops) the request itself, the lifecycle must not go on: no done().
    apply(plan, pool, request, reply).then(answered => { if (!answered) done() }, done)
  }
  app.addHook('onRoute', (route) => {
    if (route.config?.permission === undefined) return
    const path = route.url
    const pool = route.config.pool ?? 'default'
    const hook: onRequestHookHandler = (request, reply, done) => { onRequest(path, pool, request, reply, done) }
    route.onRequest = [...hooksOf(route.onRequest), hook]
  })

  app.addHook('onSend', (request, _reply, payload, done) => {
    const effect = request.faultPlan?.outcome?.effect
    if (effect === undefined || (effect.type !== 'truncate' && effect.type !== 'malformed')) return done(null, payload)
    // A kept answer is sent as its UTF-8 bytes: cut it as the text it is, as a computed one is cut.
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined
    if (text === undefined) return done(null, payload)
    // Half the body, sent as a complete answer of that length: the client's JSON parse fails.
    if (effect.type === 'truncate') return done(null, text.slice(0, Math.floor(text.length / 2)))
    // A trailing comma before the closing brace: complete-looking, and rejected by every JSON parser.
    done(null, `${text.slice(0, -1)},}`)
  })

  /** Waits out the plan's latency, then answers or drops the request if its effect says so (true). */
  async function apply (plan: FaultPlan, pool: PoolName, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    if (plan.delayMs > 0) await sleep(plan.delayMs)
    const effect = plan.outcome?.effect
    if (effect?.type === 'status') {
      if (effect.status === 429) {
        // The route's own pool, as a real 429 from it would read.
        const { reset, retryAfter } = resetOf(pool, emulator.clock.now())
        reply.header('x-ratelimit-limit', String(request.apiKey?.workspace.rateLimits[pool] ?? ''))
        reply.header('x-ratelimit-remaining', '0')
        reply.header('x-ratelimit-reset', String(reset))
        reply.header('retry-after', String(retryAfter))
      }
      const message = effect.status === 429 ? 'Rate limit exceeded' : STATUS_CODES[effect.status] ?? 'Error'
      reply.code(effect.status).send({ message })
      return true
    }
    if (effect?.type === 'drop') {
      request.recordInJournal(null)
      reply.hijack()
      request.raw.socket.destroy()
      return true
    }
    return false
  }
}

export default fp(faults, { name: 'faults', fastify: '5.x', dependencies: ['braze-access', 'request-journal'] })
