// The control plane under /_mock/: clock, journal, faults, overrides, reset and fixtures reload. Each route
// validates its input against src/emulator/control-schema.ts and calls the same Control operation the in-process API
// calls. With a token configured, every route here needs `Authorization: Bearer <token>`.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { TSchema } from '@sinclair/typebox'
import type { Control } from '../emulator/control.js'
import { firstInputError } from '../emulator/validate.js'
import { ControlNotFound, ControlUnauthorized } from '../emulator/errors.js'
import {
  AdvanceClockBody, ClockView, ControlError, FaultList, FaultRuleBody, FaultRuleView, IdParams, JournalQuery, JournalView,
  OverrideBody, OverrideList, PinClockBody, ReloadView, StatusView, WorldView,
} from '../emulator/control-schema.js'

export interface MockControlOptions {
  control: Control
  /** When set, the bearer token every control request must carry. */
  token?: string | undefined
}

const TAGS = ['Emulator control']
const ERRORS = { 400: ControlError, 401: ControlError, 404: ControlError }
/** What Fastify answers, in the same shape, before a body reaches the route: too large, or not JSON. */
const BODY_ERRORS = { 413: ControlError, 415: ControlError }

/** Every answer here carries a request id and Cache-Control, as the Braze routes' do (plugins/braze-headers.ts). */
const CONTROL_HEADERS = {
  'X-Request-Id': { type: 'string', description: 'A UUID per request.' },
  'Cache-Control': { type: 'string', description: 'max-age=0, private, must-revalidate on a 2xx; no-cache on an error.' },
}

function withControlHeaders<R extends Record<number, object>> (response: R): R {
  return Object.fromEntries(Object.entries(response).map(([status, schema]) => [status, { ...schema, headers: CONTROL_HEADERS }])) as R
}

export const mockControl: FastifyPluginAsyncTypebox<MockControlOptions> = async (app, { control, token }) => {
  // Exact checks, no coercion, unknown properties rejected (src/emulator/validate.ts); this plugin only.
  app.setValidatorCompiler(({ schema }) => (value: unknown) => {
    const error = firstInputError(schema as TSchema, value)
    return error === undefined ? { value } : { error: [{ ...error, keyword: 'schema', schemaPath: '', params: {} }] }
  })
  // The control plane is not a hot path: its answers go through JSON.stringify rather than a serializer
  // compiled at start for each of its routes and statuses (about sixty), which cost the cold start more
  // than they could ever save. Its response schemas still document it in the OpenAPI document.
  app.setSerializerCompiler(() => (data: unknown) => JSON.stringify(data))
  if (token !== undefined) {
    const expected = createHash('sha256').update(token).digest()
    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization ?? ''
      const presented = createHash('sha256').update(header.replace(/^bearer\s+/i, '')).digest()
      if (!/^bearer\s/i.test(header) || !timingSafeEqual(presented, expected)) throw new ControlUnauthorized()
    })
  }
  const security = token === undefined ? [] : [{ controlToken: [] }]
  const schema = <T extends { response: Record<number, object> }>(summary: string, rest: T) =>
    ({ summary, tags: TAGS, security, ...rest, response: withControlHeaders(rest.response) })

  app.get('/_mock/world', {
    schema: schema('What the emulator serves: workspaces, their apps, segments and catalogs, the API keys and the Braze endpoints', {
      response: { 200: WorldView, ...ERRORS },
    }),
  }, async () => control.world())

  app.post('/_mock/reset', {
    schema: schema('Journal, rate-limit pools, faults, overrides and clock back to their start state', {
      response: { 200: StatusView, ...ERRORS, ...BODY_ERRORS },
    }),
  }, async () => control.reset())

  app.get('/_mock/clock', {
    schema: schema('Read the emulator\'s clock', { response: { 200: ClockView, ...ERRORS } }),
  }, async () => control.clock())

  app.post('/_mock/clock/pin', {
    schema: schema('Pin the clock to an instant', { body: PinClockBody, response: { 200: ClockView, ...ERRORS, ...BODY_ERRORS } }),
  }, async (request) => control.pinClock(request.body))

  app.post('/_mock/clock/advance', {
    schema: schema('Move the clock by a duration (a real clock keeps running from there)', {
      body: AdvanceClockBody, response: { 200: ClockView, ...ERRORS, ...BODY_ERRORS },
    }),
  }, async (request) => control.advanceClock(request.body))

  app.post('/_mock/clock/release', {
    schema: schema('Back to real time', { response: { 200: ClockView, ...ERRORS, ...BODY_ERRORS } }),
  }, async () => control.releaseClock())

  app.get('/_mock/journal', {
    schema: schema('Requests to Braze paths, oldest first', { querystring: JournalQuery, response: { 200: JournalView, ...ERRORS } }),
  }, async (request) => control.journal(request.query))

  app.delete('/_mock/journal', {
    schema: schema('Clear the journal', { response: { 200: StatusView, ...ERRORS, ...BODY_ERRORS } }),
  }, async () => control.clearJournal())

  app.get('/_mock/faults', {
    schema: schema('List fault rules', { response: { 200: FaultList, ...ERRORS } }),
  }, async () => control.faults())

  app.post('/_mock/faults', {
    schema: schema('Add a fault rule', { body: FaultRuleBody, response: { 201: FaultRuleView, ...ERRORS, ...BODY_ERRORS } }),
  }, async (request, reply) => reply.code(201).send(control.addFault(request.body)))

  app.delete('/_mock/faults/:id', {
    schema: schema('Remove a fault rule', { params: IdParams, response: { 200: StatusView, ...ERRORS, ...BODY_ERRORS } }),
  }, async (request) => {
    if (!control.removeFault(request.params.id)) throw new ControlNotFound(`no fault rule ${request.params.id}`)
    return { status: 'removed' }
  })

  app.delete('/_mock/faults', {
    schema: schema('Remove every fault rule', { response: { 200: StatusView, ...ERRORS, ...BODY_ERRORS } }),
  }, async () => control.clearFaults())

  app.get('/_mock/overrides', {
    schema: schema('List overrides', { response: { 200: OverrideList, ...ERRORS } }),
  }, async () => control.overrides())

  app.post('/_mock/overrides', {
    schema: schema('Set an app\'s sessions or a segment\'s size for given buckets', {
      body: OverrideBody, response: { 201: OverrideList, ...ERRORS, ...BODY_ERRORS },
    }),
  }, async (request, reply) => reply.code(201).send(control.setOverrides(request.body)))

  app.delete('/_mock/overrides/:id', {
    schema: schema('Remove an override', { params: IdParams, response: { 200: StatusView, ...ERRORS, ...BODY_ERRORS } }),
  }, async (request) => {
    if (!control.removeOverride(request.params.id)) throw new ControlNotFound(`no override ${request.params.id}`)
    return { status: 'removed' }
  })

  app.delete('/_mock/overrides', {
    schema: schema('Remove every override', { response: { 200: StatusView, ...ERRORS, ...BODY_ERRORS } }),
  }, async () => control.clearOverrides())

  app.post('/_mock/fixtures/reload', {
    schema: schema('Read the fixtures again; on a validation error the previous ones stay in service', {
      response: { 200: ReloadView, 422: ControlError, ...ERRORS, ...BODY_ERRORS },
    }),
  }, async () => await control.reload())
}
