// Who may call a Braze route, and how often (BRAZE.md, sections 1 and 3). One onRequest hook, before any
// validation, so a bad key never learns whether its query was valid: the key (401), then the workspace's
// rate-limit pool (429; 400s and 403s count too, so it comes before them), then the permission the route
// names in its `config.permission` (403). The hook is attached to those routes only, as each is declared
// (onRoute), so routes without a permission (the emulator's own, 404s) never run it, and no request pays
// for looking up its route's options.
//
// @fastify/bearer-auth does not fit: Braze's 401 echoes the key as sent, also for a missing header or
// another scheme, and bearer-auth's error builder cannot see the request. Its comparison idea is kept:
// compare fixed-length digests with timingSafeEqual, against every key, without stopping at a match.
// A connection that sends the same header as on its previous request gets the previous outcome without the
// digest: comparing a header with what the same client sent before tells it nothing about anyone's key, and
// the digest and comparisons were about a fifth of the CPU a kept answer costs (BENCHMARKS.md, third pass).
import { hash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import type { Emulator } from '../emulator/emulator.js'
import { AccessDenied, InvalidApiKey, RateLimited } from '../emulator/errors.js'
import type { PoolName } from '../world/pools.js'
import type { ApiKey } from '../world/world.js'
import { hooksOf } from './route-hooks.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a Braze route needs; its presence is what makes the route a Braze route. */
    permission?: string
    /** The rate-limit pool a Braze route counts against. */
    pool?: PoolName
  }
  interface FastifyRequest {
    /** The caller's key, once authenticated; null on routes without a permission. */
    apiKey: ApiKey | null
  }
  interface FastifyInstance {
    /**
     * The key an Authorization header names in the world in service, if any, remembered per connection
     * (`connection` is its socket): the access hook's own lookup, lent to the replay (plugins/replay.ts).
     */
    apiKeyOf (header: string | undefined, connection: object | null | undefined): ApiKey | undefined
  }
}

const RATE_LIMIT_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']

/** A connection's last Authorization header, and the key it found among the keys of one world. */
interface Presented {
  readonly header: string | undefined
  readonly keys: readonly ApiKey[]
  readonly key: ApiKey | undefined
}

async function brazeAccess (app: FastifyInstance, { emulator }: { emulator: Emulator }): Promise<void> {
  app.decorateRequest('apiKey', null)
  const lastPresented = new WeakMap<object, Presented>()
  app.decorate('apiKeyOf', keyOf)
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission
    if (permission === undefined) return
    const pool = route.config?.pool ?? 'default'
    // Callback-style: the check is synchronous, and an async hook would cost every request a promise.
    const access: onRequestHookHandler = (request, reply, done) => { done(check(request, reply, permission, pool)) }
    route.onRequest = [...hooksOf(route.onRequest), access]
  })

  /** The error that stops the request, if any; sets the key and the rate-limit headers on the way. */
  function check (request: FastifyRequest, reply: FastifyReply, permission: string, pool: PoolName): Error | undefined {
    const key = keyOf(request.headers.authorization, request.raw.socket)
    if (key === undefined) {
      // Braze sends the rate-limit headers empty on a 401 (BRAZE.md, section 1).
      for (const name of RATE_LIMIT_HEADERS) reply.header(name, '')
      return new InvalidApiKey(presentedKey(request.headers.authorization).key)
    }
    request.apiKey = key

    const admission = emulator.admit(key.workspace, pool)
    reply.header('x-ratelimit-limit', String(admission.limit))
    reply.header('x-ratelimit-remaining', String(admission.remaining))
    reply.header('x-ratelimit-reset', String(admission.reset))
    if (!admission.allowed) {
      reply.header('retry-after', String(admission.retryAfter))
      return new RateLimited()
    }
    return key.permissions.has(permission) ? undefined : new AccessDenied(permission)
  }

  /** The key an Authorization header names in the world in service, if any; `connection` keys the memo. */
  function keyOf (header: string | undefined, connection: object | null | undefined): ApiKey | undefined {
    const keys = emulator.world.keys
    const last = connection == null ? undefined : lastPresented.get(connection)
    if (last !== undefined && last.header === header && last.keys === keys) return last.key
    const presented = presentedKey(header)
    const key = presented.bearer ? findKey(keys, presented.key) : undefined
    if (connection != null) lastPresented.set(connection, { header, keys, key })
    return key
  }
}

/** The key as sent: after a Bearer scheme (any case, RFC 7235), else the credentials or the whole value. */
export function presentedKey (header: string | undefined): { bearer: boolean, key: string } {
  if (header === undefined) return { bearer: false, key: '' }
  const value = header.trim()
  const space = value.search(/\s/)
  if (space === -1) return { bearer: value.toLowerCase() === 'bearer', key: value.toLowerCase() === 'bearer' ? '' : value }
  return { bearer: value.slice(0, space).toLowerCase() === 'bearer', key: value.slice(space).trim() }
}

function findKey (keys: readonly ApiKey[], presented: string): ApiKey | undefined {
  // The one-shot hash: the same digest as createHash(...).digest() at a third of the cost per request.
  const digest = hash('sha256', presented, 'buffer')
  let found: ApiKey | undefined
  for (const key of keys) {
    if (timingSafeEqual(digest, key.digest)) found = key
  }
  return found
}

export default fp(brazeAccess, { name: 'braze-access', fastify: '5.x', dependencies: ['braze-errors', 'braze-headers'] })
