// The OpenAPI document tells the truth about the answers: real answers of every kind the emulator gives
// (each Braze endpoint's 200 and errors, a spent pool, answers faults inject, the control plane's errors,
// too-large and non-JSON bodies) each find their status in the document, their body matches its schema, and
// every emulator header they carry is documented for that status. This is what `prism proxy` checks.
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { ENDPOINTS } from '../../src/endpoints/index.js'
import { BUILT_IN, testApp } from '../helpers.js'

interface Response { headers?: Record<string, unknown>, content?: { 'application/json'?: { schema: object } } }
interface Document { paths: Record<string, Record<string, { responses: Record<string, Response> }>> }

const FULL = `Bearer ${BUILT_IN.lumen.keys.full}`
// The headers the emulator sets itself; the HTTP basics (Date, Content-Type, Content-Length, Connection)
// and CORS's are not described per operation.
const OWN_HEADERS = ['x-request-id', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after', 'cache-control']

describe('openapi: real answers match the document', () => {
  let app: BrazeMockApp
  let doc: Document
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  beforeAll(async () => {
    app = await testApp()
    doc = (await app.inject('/_mock/openapi.json')).json()
  })
  afterAll(async () => { await app.close() })

  function expectDocumented (method: string, route: string, response: LightMyRequestResponse): void {
    const operation = doc.paths[route]?.[method.toLowerCase()]
    expect(operation, `${method} ${route} is in the document`).toBeDefined()
    const status = String(response.statusCode)
    const documented = operation!.responses[status] ?? operation!.responses[`${status[0]}XX`]
    expect(documented, `${method} ${route} documents ${status}`).toBeDefined()
    const schema = documented!.content?.['application/json']?.schema
    expect(schema, `${method} ${route} ${status} has a JSON schema`).toBeDefined()
    const validate = ajv.compile(schema!)
    expect(validate(response.json()), `${method} ${route} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true)
    const headers = Object.keys(documented!.headers ?? {}).map(name => name.toLowerCase())
    for (const name of OWN_HEADERS) {
      if (response.headers[name] !== undefined) expect(headers, `${method} ${route} ${status} documents ${name}`).toContain(name)
    }
  }

  const inject = (method: string, url: string, headers: Record<string, string> = { authorization: FULL }, payload?: string) =>
    app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) })

  it.each(ENDPOINTS.map(endpoint => [endpoint.path, endpoint] as const))('%s: 200, 400, 401 and injected faults', async (path, endpoint) => {
    const example = new URLSearchParams(endpoint.example as Record<string, string>).toString()
    const answers = [
      await inject('GET', `${path}?${example}`),
      await inject('GET', `${path}?${example}&page=-1&ending_at=never&length=0&segment_id=nope&cursor=nope&campaign_id=nope&canvas_id=nope`),
      await inject('GET', `${path}?${example}`, { authorization: 'Bearer nope' }),
    ]
    expect(answers.map(answer => answer.statusCode)).toEqual([200, 400, 401])
    for (const answer of answers) expectDocumented('GET', path, answer)
    for (const status of [418, 429, 500, 503, 599]) {
      app.control.addFault({ path, effect: { type: 'status', status }, times: 1 })
      const faulted = await inject('GET', `${path}?${example}`)
      expect(faulted.statusCode).toBe(status)
      expectDocumented('GET', path, faulted)
    }
  })

  it('a spent pool (429 with Retry-After) and a key without the permission (403)', async () => {
    const small = await testApp({
      fixtures: {
        workspaces: [{ id: 'w', name: 'W', rate_limit: 1 }],
        api_keys: [{ key: 'k', workspace_id: 'w', permissions: ['segments.details'] }],
      },
    })
    try {
      const first = await small.inject({ url: '/segments/list', headers: { authorization: 'Bearer k' } })
      expect(first.statusCode).toBe(403)
      expectDocumented('GET', '/segments/list', first)
      const spent = await small.inject({ url: '/segments/list', headers: { authorization: 'Bearer k' } })
      expect([spent.statusCode, spent.headers['retry-after'] !== undefined]).toEqual([429, true])
      expectDocumented('GET', '/segments/list', spent)
    } finally {
      await small.close()
    }
  })

  it('the control plane: successes, its 400 and 404, a body too large (413) and a body that is not JSON (415)', async () => {
    const json = { 'content-type': 'application/json' }
    expectDocumented('GET', '/_mock/clock', await inject('GET', '/_mock/clock', {}))
    expectDocumented('POST', '/_mock/clock/pin', await inject('POST', '/_mock/clock/pin', json, '{"at":"2026-11-20T00:00:00Z"}'))
    expectDocumented('POST', '/_mock/clock/pin', await inject('POST', '/_mock/clock/pin', json, '{"at":"soon"}'))
    expectDocumented('POST', '/_mock/faults', await inject('POST', '/_mock/faults', json, JSON.stringify({ path: '*', effect: { type: 'drop' } })))
    expectDocumented('DELETE', '/_mock/faults/{id}', await inject('DELETE', '/_mock/faults/fault-99', {}))
    expectDocumented('POST', '/_mock/overrides', await inject('POST', '/_mock/overrides', json,
      JSON.stringify({ app_id: BUILT_IN.lumen.apps.ios, values: { '2026-11-19': 5 } })))
    expectDocumented('GET', '/_mock/journal', await inject('GET', '/_mock/journal', {}))
    const tooLarge = await inject('POST', '/_mock/overrides', json, JSON.stringify({ values: { x: 'y'.repeat(1_100_000) } }))
    expect(tooLarge.statusCode).toBe(413)
    expectDocumented('POST', '/_mock/overrides', tooLarge)
    const notJson = await inject('POST', '/_mock/clock/pin', { 'content-type': 'application/x-www-form-urlencoded' }, 'at=now')
    expect(notJson.statusCode).toBe(415)
    expectDocumented('POST', '/_mock/clock/pin', notJson)
  })
})

describe('openapi: the examples answer with data on the built-in fixtures', () => {
  it('names a built-in key in the Authorize box, and every endpoint\'s parameter examples answer 200 with data', async () => {
    const app = await testApp()
    try {
      const doc = (await app.inject('/_mock/openapi.json')).json() as {
        components: { securitySchemes: { bearer: { description: string } } }
        paths: Record<string, { get?: { parameters?: Array<{ name: string, in: string, example?: string }> } }>
      }
      expect(doc.components.securitySchemes.bearer.description).toContain(BUILT_IN.lumen.keys.full)
      for (const endpoint of ENDPOINTS) {
        const query = new URLSearchParams()
        for (const p of doc.paths[endpoint.path]!.get!.parameters ?? []) {
          if (p.in === 'query' && p.example !== undefined) query.set(p.name, p.example)
        }
        const response = await app.inject({ url: `${endpoint.path}?${query.toString()}`, headers: { authorization: FULL } })
        expect(response.statusCode, endpoint.path).toBe(200)
        // Data: a series with a number that is not 0, a list that is not empty (zeros would teach a reader nothing).
        const body = response.json() as Record<string, unknown>
        const series = body.data
        // A series is data[], or for Canvases data.stats[] and data's roll-up: either way a number that is not 0.
        if (series !== null && typeof series === 'object') expect(/:[1-9]/.test(JSON.stringify(series)), endpoint.path).toBe(true)
        else expect(Object.values(body).some(value => Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value !== 'success'), endpoint.path).toBe(true)
      }
    } finally {
      await app.close()
    }
  })
})
