// What one connection or request may cost the server, set on purpose rather than left to Node's defaults
// (RELIABILITY.md says why each value is what it is). Fastify passes these to Node's http server.
import type { FastifyServerOptions } from 'fastify'

export const SERVER_LIMITS = {
  /** The Braze paths take no body; the control plane's bodies are small JSON objects. */
  bodyLimit: 1_048_576,
  /** A whole request, headers and body, must arrive within this time (Node's own default is 300 s). */
  requestTimeout: 30_000,
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeout: 10_000,
} satisfies Partial<FastifyServerOptions>
