// Records every request to a Braze path (anything outside /_mock/) in the journal when its answer is sent:
// method, path, query as sent, the key's workspace (never the key), status, and arrival on the emulator's
// clock. Registered before the access hook, so requests it rejects are recorded too.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { JournalEntry } from '../emulator/journal.js'
import type { Emulator } from '../emulator/emulator.js'
import { isEmulatorPath, pathOf } from '../emulator/paths.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request arrived, on the emulator's clock; null on the emulator's own paths. */
    arrival: { at: number, query: Record<string, string> } | null
    /**
     * Records the request in the journal (once), with the status it was answered (null: the connection was
     * dropped or abandoned); for a hook that answers a request outside the usual lifecycle, as a drop fault does.
     */
    recordInJournal (status: number | null): void
  }
}

async function requestJournal (app: FastifyInstance, { emulator }: { emulator: Emulator }): Promise<void> {
  app.decorateRequest('arrival', null)
  app.decorateRequest('recordInJournal', function (this: FastifyRequest, status: number | null) {
    record(emulator, this, status)
  })
  // Callback-style hooks: they do no I/O, and an async hook costs every request a promise and a microtask.
  app.addHook('onRequest', (request, _reply, done) => {
    if (emulator.journal.capacity !== 0 && !isEmulatorPath(request.url)) {
      // A copy: validation later adds defaults to request.query, and the journal shows what was sent.
      request.arrival = { at: emulator.clock.now(), query: { ...(request.query as Record<string, string>) } }
    }
    done()
  })
  app.addHook('onResponse', (request, reply, done) => {
    record(emulator, request, reply.statusCode)
    done()
  })
  // Fastify runs no onResponse for a request whose client left before the answer; it was still received.
  app.addHook('onRequestAbort', (request, done) => {
    record(emulator, request, null)
    done()
  })
}

/**
 * The route's own path where a route answered, so /segments/lis%74 and /segments/list/ read as the route
 * they reached; what was sent otherwise. Only a path that could differ from its route asks Fastify for the
 * route's options, which it builds afresh on every call.
 */
export function journalPath (request: FastifyRequest): string {
  const sent = pathOf(request.url)
  if (!sent.includes('%') && !sent.endsWith('/')) return sent
  return request.is404 ? sent : request.routeOptions.url ?? sent
}

function record (emulator: Emulator, request: FastifyRequest, status: number | null): void {
  if (request.arrival === null) return
  const entry: Omit<JournalEntry, 'seq' | 'time'> = {
    method: request.method,
    path: journalPath(request),
    query: request.arrival.query,
    workspace_id: request.apiKey?.workspace.id ?? null,
    status,
    request_id: request.id,
    fault: request.faultPlan === null ? null : request.faultPlan.rules.join(','),
  }
  emulator.journal.record(request.arrival.at, entry)
  request.arrival = null
}

export default fp(requestJournal, { name: 'request-journal', fastify: '5.x', dependencies: ['braze-errors'] })
