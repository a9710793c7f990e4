// The control plane under /_mock/ over HTTP (src/routes/mock-control.ts). The shared scenarios
// (test/control/scenarios.ts) run here through fetch on each emulator's real socket; what only HTTP has
// follows through inject(): status codes and whole bodies, body validation, the 422 of a failed reload,
// the plane switched off, and the control token.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BrazeMock } from '../../src/index.js'
import { braze, emulators, overHttp } from '../emulator/control/drivers.js'
import { controlScenarios } from '../emulator/control/scenarios.js'
import { BUILT_IN, NOW } from '../helpers.js'

const { lumen } = BUILT_IN
const NOW_ISO = new Date(NOW).toISOString()
const A_FAULT = { path: '/segments/list', effect: { type: 'status', status: 503 } }
const AN_OVERRIDE = { app_id: lumen.apps.ios, values: { '2026-11-20': 5 } }

/** Every control route, with a body it accepts (the fault and override to remove exist beforehand). */
const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/_mock/clock'],
  ['POST', '/_mock/clock/pin', { at: '2026-11-24T00:00:00Z' }],
  ['POST', '/_mock/clock/advance', { by: 'PT1H' }],
  ['POST', '/_mock/clock/release'],
  ['GET', '/_mock/journal'],
  ['DELETE', '/_mock/journal'],
  ['GET', '/_mock/faults'],
  ['POST', '/_mock/faults', A_FAULT],
  ['DELETE', '/_mock/faults/fault-1'],
  ['DELETE', '/_mock/faults'],
  ['GET', '/_mock/overrides'],
  ['POST', '/_mock/overrides', AN_OVERRIDE],
  ['DELETE', '/_mock/overrides/override-1'],
  ['DELETE', '/_mock/overrides'],
  ['POST', '/_mock/fixtures/reload'],
  ['POST', '/_mock/reset'],
]

controlScenarios('HTTP', overHttp())

describe('/_mock/ control routes', () => {
  const { start, fixturesCopy } = emulators()
  async function call (mock: BrazeMock, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await mock.app.inject({ method: method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body as object }) })
    return { status: response.statusCode, body: response.json() as unknown, type: response.headers['content-type'] }
  }

  it('answers each route with its status and whole body', async () => {
    const mock = await start()
    await braze(mock, '/segments/list')
    const entry = mock.journal.list().entries[0]!
    expect(await call(mock, 'GET', '/_mock/journal')).toEqual({
      status: 200, type: 'application/json', body: { entries: [entry], size: 1, capacity: 1000, dropped: 0 },
    })
    expect(await call(mock, 'DELETE', '/_mock/journal')).toMatchObject({ status: 200, body: { status: 'cleared' } })
    expect(await call(mock, 'POST', '/_mock/faults', A_FAULT)).toMatchObject({
      status: 201, body: { ...A_FAULT, id: 'fault-1', matched: 0, applied: 0 },
    })
    expect(await call(mock, 'GET', '/_mock/faults')).toMatchObject({ status: 200, body: { faults: [{ ...A_FAULT, id: 'fault-1', matched: 0, applied: 0 }] } })
    expect(await call(mock, 'DELETE', '/_mock/faults/fault-1')).toMatchObject({ status: 200, body: { status: 'removed' } })
    expect(await call(mock, 'DELETE', '/_mock/faults/fault-1')).toMatchObject({ status: 404, body: { message: 'no fault rule fault-1' } })
    expect(await call(mock, 'DELETE', '/_mock/faults')).toMatchObject({ status: 200, body: { status: 'cleared' } })
    const override = { override_id: 'override-1', entity: 'app', id: lumen.apps.ios, unit: 'day', time: '2026-11-20', value: 5 }
    expect(await call(mock, 'POST', '/_mock/overrides', AN_OVERRIDE)).toMatchObject({ status: 201, body: { overrides: [override] } })
    expect(await call(mock, 'GET', '/_mock/overrides')).toMatchObject({ status: 200, body: { overrides: [override] } })
    expect(await call(mock, 'DELETE', '/_mock/overrides/override-1')).toMatchObject({ status: 200, body: { status: 'removed' } })
    expect(await call(mock, 'DELETE', '/_mock/overrides/override-1')).toMatchObject({ status: 404, body: { message: 'no override override-1' } })
    expect(await call(mock, 'DELETE', '/_mock/overrides')).toMatchObject({ status: 200, body: { status: 'cleared' } })
    expect(await call(mock, 'GET', '/_mock/clock')).toMatchObject({ status: 200, body: { mode: 'pinned', now: NOW_ISO, offset_ms: 0 } })
    expect(await call(mock, 'POST', '/_mock/reset')).toMatchObject({ status: 200, body: { status: 'reset' } })
    expect(await call(mock, 'GET', '/_mock/health')).toMatchObject({ status: 200, body: { status: 'ok' } })
  })

  describe('validates bodies and queries: 400 with a message that names the field', () => {
    it.each<[string, string, unknown, string]>([
      ['/_mock/clock/pin', 'POST', {}, 'body/at is required'],
      ['/_mock/clock/pin', 'POST', { at: true }, 'body/at must be a string or an integer'],
      ['/_mock/clock/pin', 'POST', { at: 1.5 }, 'body/at expected integer'],
      ['/_mock/clock/pin', 'POST', { at: 'noon' }, 'body/at must be an ISO 8601 instant, between 0001-01-02 and 9999-12-31'],
      ['/_mock/clock/pin', 'POST', { at: NOW_ISO, zone: 'UTC' }, 'body/zone is not a known property'],
      ['/_mock/clock/advance', 'POST', {}, 'body/by is required'],
      ['/_mock/clock/advance', 'POST', { by: '5' }, 'body/by expected string length greater or equal to 2'],
      ['/_mock/clock/advance', 'POST', { by: 1.5 }, 'body/by expected integer'],
      ['/_mock/clock/advance', 'POST', { by: true }, 'body/by must be a string or an integer'],
      ['/_mock/clock/advance', 'POST', { by: 'soon' }, 'by must be an ISO 8601 duration such as PT1H30M, or milliseconds (got "soon")'],
      ['/_mock/faults', 'POST', { effect: { type: 'drop' } }, 'body/path is required'],
      ['/_mock/faults', 'POST', { path: '*' }, 'body/effect is required'],
      ['/_mock/faults', 'POST', { path: '*', effect: { type: 'drop' }, colour: 'red' }, 'body/colour is not a known property'],
      ['/_mock/faults', 'POST', { path: '*', effect: { type: 'latency', ms: 5, jitter: 1 } }, 'body/effect/jitter is not a known property'],
      ['/_mock/faults', 'POST', { path: '*', effect: { type: 'slow' } }, 'body/effect/type must be one of: status, latency, drop, truncate, malformed'],
      ['/_mock/faults', 'POST', { path: '*', effect: { type: 'status', status: 200 } }, 'body/effect/status expected integer to be greater or equal to 400'],
      ['/_mock/faults', 'POST', { path: '*', effect: { type: 'status', status: '503' } }, 'body/effect/status expected integer'],
      ['/_mock/faults', 'POST', { path: '*', effect: { type: 'drop' }, times: '2' }, 'body/times expected integer'],
      ['/_mock/faults', 'POST', { path: '*', effect: { type: 'drop' }, times: 0 }, 'body/times expected integer to be greater or equal to 1'],
      ['/_mock/faults', 'POST', { path: '*', effect: { type: 'drop' }, probability: 2 }, 'body/probability expected number to be less or equal to 1'],
      ['/_mock/faults', 'POST', { path: '*', query: { page: 2 }, effect: { type: 'drop' } }, 'body/query/page expected string'],
      ['/_mock/faults', 'POST', { path: 'segments/list', effect: { type: 'drop' } }, 'body/path expected string to match \'^(\\*|/.*)$\''],
      ['/_mock/faults', 'POST', { path: '*', effect: { type: 'latency', min_ms: 50, max_ms: 10 } }, 'effect: min_ms must not exceed max_ms'],
      ['/_mock/faults', 'POST', [], 'body expected object'],
      ['/_mock/overrides', 'POST', { app_id: lumen.apps.ios }, 'body/values is required'],
      ['/_mock/overrides', 'POST', { app_id: lumen.apps.ios, values: {} }, 'body/values expected object to have at least 1 properties'],
      ['/_mock/overrides', 'POST', { app_id: lumen.apps.ios, values: { '2026-11-20': 'many' } }, 'body/values/2026-11-20 expected integer'],
      ['/_mock/overrides', 'POST', { app_id: lumen.apps.ios, values: { '2026-11-20': -1 } }, 'body/values/2026-11-20 expected integer to be greater or equal to 0'],
      ['/_mock/overrides', 'POST', { app_id: lumen.apps.ios, unit: 'week', values: { '2026-11-20': 1 } }, 'body/unit must be one of: day, hour'],
      ['/_mock/overrides', 'POST', { app_id: lumen.apps.ios, values: { '2026-11-20': 1 }, note: 'x' }, 'body/note is not a known property'],
      ['/_mock/overrides', 'POST', { app_id: 7, values: { '2026-11-20': 1 } }, 'body/app_id expected string'],
      ['/_mock/journal?status=40', 'GET', undefined, 'querystring/status expected string to match \'^[1-5][0-9]{2}$\''],
      ['/_mock/journal?limit=-1', 'GET', undefined, 'querystring/limit expected string to match \'^[0-9]{1,9}$\''],
      ['/_mock/journal?since=yesterday', 'GET', undefined, 'querystring/since must be an ISO 8601 instant, between 0001-01-02 and 9999-12-31'],
    ])('%s %j', async (url, method, body, message) => {
      const mock = await start()
      expect(await call(mock, method, url, body)).toEqual({ status: 400, type: 'application/json', body: { message } })
      expect(mock.faults.list().faults).toEqual([])
      expect(mock.overrides.list().overrides).toEqual([])
      expect(mock.clock.get().now).toBe(NOW_ISO)
    })
  })

  describe('a body that is not JSON', () => {
    // Regression: these answered {"message":"Bad Request"} and nothing more.
    it.each([
      ['/_mock/faults', '{"path": "*", effect: {}}', 'body must be JSON; what was sent does not parse as JSON'],
      ['/_mock/clock/pin', 'at=2026-11-24', 'body must be JSON; what was sent does not parse as JSON'],
      ['/_mock/reset', '', 'body must be JSON; it is empty, but its content-type says application/json (send {} or no content-type)'],
    ])('POST %s %j', async (url, payload, message) => {
      const mock = await start()
      const response = await mock.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload })
      expect({ status: response.statusCode, body: response.json() as unknown }).toStrictEqual({ status: 400, body: { message } })
      expect(mock.faults.list().faults).toEqual([])
      expect(mock.clock.get().now).toBe(NOW_ISO)
    })

    it('leaves a Braze path\'s answer as it was', async () => {
      const mock = await start()
      const withJunk = await mock.app.inject({ method: 'POST', url: '/segments/list', headers: { 'content-type': 'application/json' }, payload: '{' })
      expect({ status: withJunk.statusCode, body: withJunk.body }).toStrictEqual({ status: 404, body: '{"message":"Not Found"}' })
    })
  })

  describe('POST /_mock/fixtures/reload', () => {
    it('reads changed fixtures from disk; on a validation error answers 422 and keeps serving the previous ones', async () => {
      const copy = await fixturesCopy()
      const mock = await start({ fixtures: copy.dir })
      const names = async () => (JSON.parse((await braze(mock, '/segments/list')).text) as { segments: Array<{ name: string }> }).segments.map(s => s.name)

      await copy.edit('segments.json', segments => { segments[0]!.name = 'Everyone' })
      expect(await call(mock, 'POST', '/_mock/fixtures/reload')).toEqual({
        status: 200, type: 'application/json', body: { status: 'reloaded', workspaces: 2, apps: 6, segments: 42, api_keys: 6 },
      })
      expect(await names()).toContain('Everyone')

      await copy.edit('segments.json', segments => { segments[0]!.name = 'Everybody' })
      await copy.write('apps.json', '[{"id": "x", "workspace_id": "nowhere", "created_at": "2024-01-01"}, ')
      const failed = await call(mock, 'POST', '/_mock/fixtures/reload')
      expect(failed).toMatchObject({ status: 422, type: 'application/json' })
      const file = join(copy.dir, 'apps.json')
      expect((failed.body as { message: string }).message).toMatch(new RegExp(`^fixtures not reloaded, the previous ones stay in service: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at line 1 column \\d+: not valid JSON`))
      expect(await names()).toContain('Everyone')
      expect(await names()).not.toContain('Everybody')
    })
  })

  describe('with the control plane off', () => {
    it.each(ROUTES)('%s %s is 404 in Braze\'s shape', async (method: string, url: string, body?: unknown) => {
      const mock = await start({ control: false })
      expect(await call(mock, method, url, body)).toEqual({ status: 404, type: 'application/json', body: { message: 'Not Found' } })
    })

    it('still answers /_mock/health', async () => {
      const mock = await start({ control: false })
      expect(await call(mock, 'GET', '/_mock/health')).toEqual({ status: 200, type: 'application/json', body: { status: 'ok' } })
    })
  })

  describe('with a control token', () => {
    const TOKEN = 'c0ntrol-t0ken'

    it.each([
      ['no Authorization', {}],
      ['another token', { authorization: 'Bearer not-the-token' }],
      ['the token without its scheme', { authorization: TOKEN }],
      ['the token under another scheme', { authorization: `Basic ${TOKEN}` }],
      ['the token with a suffix', { authorization: `Bearer ${TOKEN}x` }],
    ])('refuses every route with %s: 401, and nothing changes', async (_label, headers) => {
      const mock = await start({ controlToken: TOKEN })
      mock.faults.add({ path: '/segments/details', effect: { type: 'drop' } })
      for (const [method, url, body] of ROUTES) {
        expect(await call(mock, method, url, body, headers), `${method} ${url}`).toEqual({
          status: 401, type: 'application/json', body: { message: 'Invalid control token' },
        })
      }
      expect(mock.faults.list().faults).toHaveLength(1)
      expect(mock.clock.get().now).toBe(NOW_ISO)
    })

    it('serves every route with the token (the scheme in any case)', async () => {
      const mock = await start({ controlToken: TOKEN })
      mock.faults.add({ path: '/segments/details', effect: { type: 'drop' } })
      mock.overrides.set({ app_id: lumen.apps.ios, values: { '2026-11-19': 1 } }) // another bucket: POST adds, not replaces
      for (const [i, [method, url, body]] of ROUTES.entries()) {
        const scheme = i % 2 === 0 ? 'Bearer' : 'bearer'
        const answer = await call(mock, method, url, body, { authorization: `${scheme} ${TOKEN}` })
        expect(answer.status, `${method} ${url}: ${JSON.stringify(answer.body)}`).toBeLessThan(300)
      }
    })

    it('leaves /_mock/health and the Braze paths to their own rules', async () => {
      const mock = await start({ controlToken: TOKEN })
      expect(await call(mock, 'GET', '/_mock/health')).toEqual({ status: 200, type: 'application/json', body: { status: 'ok' } })
      expect((await braze(mock, '/segments/list')).status).toBe(200)
      expect((await braze(mock, '/segments/list', TOKEN)).status).toBe(401)
    })

    it('drives the shared control operations over a real socket with the token', async () => {
      const mock = await start({ controlToken: TOKEN })
      const control = overHttp(TOKEN)(mock)
      await control.faults.add({ path: '/segments/list', effect: { type: 'status', status: 504 } })
      expect((await braze(mock, '/segments/list')).status).toBe(504)
      expect((await control.journal.list()).entries.map(e => e.status)).toEqual([504])
      await control.reset()
      expect((await braze(mock, '/segments/list')).status).toBe(200)
      await expect(overHttp('wrong')(mock).clock.get()).rejects.toMatchObject({ statusCode: 401, message: 'Invalid control token' })
    })
  })
})
