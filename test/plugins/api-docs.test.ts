// The OpenAPI document is generated from the route schemas, valid OpenAPI 3.1, and complete: every route the
// app serves is in it with its parameters and every answer it can give.
import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { ENDPOINT_TABLE } from '../endpoints.js'
import { testApp } from '../helpers.js'

type Spec = Parameters<Validator['validate']>[0]

interface Operation {
  tags: string[]
  summary?: string
  parameters?: Array<{ name: string, in: string, required?: boolean }>
  responses: Record<string, unknown>
  security?: Array<Record<string, unknown>>
}
interface Document {
  openapi: string
  info: { version: string }
  paths: Record<string, Record<string, Operation>>
  components: { securitySchemes: Record<string, { type: string, scheme: string }> }
}

describe('api-docs: /_mock/openapi.json', () => {
  let app: BrazeMockApp
  let doc: Document
  beforeAll(async () => {
    app = await testApp()
    const response = await app.inject('/_mock/openapi.json')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json')
    doc = response.json()
  })
  afterAll(async () => { await app.close() })

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(doc) as unknown as Spec)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    // The validator does reject a broken document (so the check above can fail).
    const broken = await new Validator().validate({ ...structuredClone(doc), info: undefined } as unknown as Spec)
    expect(broken.valid).toBe(false)
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.version).toBe('0.2.0')
  })

  it('declares bearer auth and requires it on every Braze path', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    for (const { path } of ENDPOINT_TABLE) {
      expect(doc.paths[path]!.get!.security).toStrictEqual([{ bearer: [] }])
    }
  })

  it('lists the endpoints of the definitions under the Braze tag, and nothing else', () => {
    const braze = Object.entries(doc.paths).filter(([, operations]) => Object.values(operations).some(o => o.tags.includes('Braze')))
    expect(braze.map(([path]) => path).sort()).toStrictEqual(ENDPOINT_TABLE.map(row => row.path).sort())
  })

  it.each(ENDPOINT_TABLE)('lists $path with its definition\'s summary and parameters, required ones marked', ({ path, definition, parameters, required }) => {
    const operation = doc.paths[path]!.get!
    expect(operation.summary).toBe(definition.summary)
    expect(operation.parameters!.map(p => `${p.in}:${p.name}${p.required === true ? '!' : ''}`))
      .toStrictEqual(parameters.map(name => `query:${name}${required.includes(name) ? '!' : ''}`))
  })

  it('lists each Braze path with its parameters and every status it answers', () => {
    const parameters = (path: string) => doc.paths[path]!.get!.parameters!.map(p => `${p.in}:${p.name}${p.required === true ? '!' : ''}`)
    expect(parameters('/segments/data_series')).toStrictEqual(['query:segment_id!', 'query:length!', 'query:ending_at'])
    expect(parameters('/sessions/data_series')).toStrictEqual(['query:length!', 'query:unit', 'query:ending_at', 'query:app_id', 'query:segment_id'])
    expect(parameters('/segments/list')).toStrictEqual(['query:page', 'query:sort_direction'])
    expect(parameters('/segments/details')).toStrictEqual(['query:segment_id!'])
    for (const { path } of ENDPOINT_TABLE) {
      expect(Object.keys(doc.paths[path]!.get!.responses).sort()).toStrictEqual(['200', '400', '401', '403', '429', '4XX', '5XX'])
      expect(doc.paths[path]!.get!.tags).toStrictEqual(['Braze'])
    }
  })

  it('puts the control plane under its own tag', () => {
    const control = Object.entries(doc.paths).filter(([path]) => path.startsWith('/_mock/') && path !== '/_mock/health')
    expect(control.length).toBeGreaterThanOrEqual(10)
    for (const [, operations] of control) {
      for (const operation of Object.values(operations)) expect(operation.tags).toStrictEqual(['Emulator control'])
    }
  })

  it('is generated from the routes: every route the app serves is in it, and nothing else', () => {
    // printRoutes draws a tree: a child line is indented four columns more and shows only its own suffix.
    const served = new Set<string>()
    const parents: string[] = []
    for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
      const marker = line.indexOf('── ')
      const match = /^(\S+) \(([A-Z, ]+)\)$/.exec(line.slice(marker + 3))
      if (marker === -1 || match === null) continue
      const depth = (marker - 1) / 4
      const path = (parents[depth - 1] ?? '') + match[1]!
      parents[depth] = path
      if (path.startsWith('/_mock/docs') || path === '/_mock/openapi.json' || path.endsWith('*')) continue
      for (const method of match[2]!.split(', ')) {
        if (method !== 'HEAD' && method !== 'OPTIONS') served.add(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`)
      }
    }
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map(m => `${m.toUpperCase()} ${path}`)))
    expect([...documented].sort()).toStrictEqual([...served].sort())
  })
})

describe('api-docs: /_mock/docs', () => {
  it('serves the browsable page', async () => {
    const app = await testApp()
    try {
      const page = await app.inject('/_mock/docs')
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toMatch(/^text\/html/)
      expect(page.body).toContain('swagger-ui')
    } finally {
      await app.close()
    }
  })
})

describe('api-docs: the page\'s files, served by swagger-ui loaded on first use', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it('serves its script and style with the caching headers of @fastify/static, and answers 304 to a match', async () => {
    const style = await app.inject('/_mock/docs/static/swagger-ui.css')
    expect(style.statusCode).toBe(200)
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(Number(style.headers['content-length'])).toBe(style.rawPayload.length)
    expect(style.rawPayload.length).toBeGreaterThan(10_000)
    expect(style.headers['access-control-allow-origin']).toBe('*')
    const etag = style.headers.etag
    expect(etag).toMatch(/^(W\/)?"/)
    const again = await app.inject({ url: '/_mock/docs/static/swagger-ui.css', headers: { 'if-none-match': String(etag) } })
    expect({ status: again.statusCode, body: again.body }).toStrictEqual({ status: 304, body: '' })
    const initializer = await app.inject('/_mock/docs/static/swagger-initializer.js')
    expect(initializer.statusCode).toBe(200)
    expect(initializer.headers['content-type']).toMatch(/^application\/javascript/)
  })

  it('serves the same document at /_mock/docs/json as at /_mock/openapi.json', async () => {
    const page = await app.inject('/_mock/docs/json')
    const document = await app.inject('/_mock/openapi.json')
    expect(page.statusCode).toBe(200)
    expect(page.json()).toStrictEqual(document.json())
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await app.inject({ method: 'HEAD', url: '/_mock/docs' })
    expect(head.statusCode).toBe(200)
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(head.body).toBe('')
  })

  it('answers an unknown file under the page like any unknown path', async () => {
    const unknown = await app.inject('/_mock/docs/static/nothing-here.js')
    const elsewhere = await app.inject('/_mock/nothing-here.js')
    expect({ status: unknown.statusCode, body: unknown.json() }).toStrictEqual({ status: 404, body: { message: 'Not Found' } })
    expect({ status: elsewhere.statusCode, body: elsewhere.json() }).toStrictEqual({ status: 404, body: { message: 'Not Found' } })
  })

  it('answers requests that arrive together while swagger-ui loads, all alike', async () => {
    const fresh = await testApp()
    try {
      const pages = await Promise.all(Array.from({ length: 5 }, async () => await fresh.inject('/_mock/docs/')))
      expect(pages.map(page => page.statusCode)).toStrictEqual([200, 200, 200, 200, 200])
      expect(new Set(pages.map(page => page.body)).size).toBe(1)
    } finally {
      await fresh.close()
    }
  })
})

describe('api-docs: with the control plane off', () => {
  it('goes with it: the document and the page are 404 like any unknown path, health stays', async () => {
    const app = await testApp({ control: false })
    try {
      for (const url of ['/_mock/openapi.json', '/_mock/docs']) {
        const response = await app.inject(url)
        expect({ url, status: response.statusCode, body: response.json() }).toStrictEqual({ url, status: 404, body: { message: 'Not Found' } })
      }
      expect((await app.inject('/_mock/health')).statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })
})
