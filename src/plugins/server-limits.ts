// What one connection or request may cost the server, set on purpose rather than left to Node's defaults
// (RELIABILITY.md says why each value is what it is, and test/reliability/wire.test.ts holds each one).
// Fastify passes these to Node's http server: https://fastify.dev/docs/latest/Reference/Server/
import type { Server } from 'node:http'
import type { FastifyHttpOptions } from 'fastify'
import { clientErrorHandler, frameworkErrors } from './braze-errors.js'

export const SERVER_LIMITS = {
  /** The Braze paths take no body; the largest control body (10,000 override buckets) is about 300 KB. */
  bodyLimit: 1_048_576,
  /**
   * A whole request, headers and body, must arrive within this time (Node's own default is 300 s). Nothing
   * the emulator accepts takes a well-behaved client more than milliseconds to send.
   */
  requestTimeout: 30_000,
  /**
   * An idle keep-alive connection is closed after this long (Fastify's default is 72 s). Long enough that a
   * client polling every few seconds reuses its connection, short enough that abandoned ones do not pile up.
   */
  keepAliveTimeout: 10_000,
  /**
   * No idle-socket timeout (Node's server.timeout): a latency fault may hold an answer for up to 600 s, and
   * a socket timeout would cut it short. Sending is bounded by the timeouts above, idling by keepAliveTimeout.
   */
  connectionTimeout: 0,
  http: {
    /**
     * Request line and headers together, as Node's default (16 KiB). Braze keys are 36 characters and the
     * longest sensible query is well under 1 KB; past this the client gets 431 (or 414 for a request line
     * that alone is too long), in Braze's JSON shape.
     */
    maxHeaderSize: 16_384,
    /**
     * A client dribbling its headers (slowloris) is cut off with a 408 after this long (Node's default is
     * 60 s); it must be below requestTimeout.
     */
    headersTimeout: 10_000,
    /**
     * How often Node checks the two timeouts above (its default is 30 s, which would let a slow client hold
     * a connection up to 40 s instead of 10 s). One sweep a second over the open connections is cheap.
     */
    connectionsCheckingInterval: 1_000,
    /**
     * Node answers an HTTP/1.1 request without Host itself, with an empty 400 that a client's
     * response.json() cannot read. Off, Fastify answers it like any other request (a Braze path still
     * needs its key); the emulator serves one origin and never routes by host.
     */
    requireHostHeader: false,
  },
  // Fastify's own answers at the edge (a path it cannot decode, an over-long route parameter, a request
  // Node's parser rejects or times out) in Braze's shape, {"message": "..."}; see plugins/braze-errors.ts.
  frameworkErrors,
  clientErrorHandler,
} satisfies Partial<FastifyHttpOptions<Server>>
