// What the endpoint definitions promise their readers: the README documents each endpoint under a heading
// naming its permission, and each definition's example (which every table-driven suite sends) answers 200
// with data for Lumen's full key, in the shape of the definition's response schema.
import { readFileSync } from 'node:fs'
import { Value } from '@sinclair/typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../src/app.js'
import { ENDPOINT_TABLE } from './endpoints.js'
import { get, testApp } from './helpers.js'

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README: the Braze endpoints', () => {
  /** The "### `GET /path` (permission `x`)" headings, in order. */
  const HEADINGS = [...README.matchAll(/^### `GET (\S+)` \(permission `([^`]+)`\)$/gm)].map(([, path, permission]) => ({ path, permission }))

  it('has a heading for every endpoint with its permission, and none for an endpoint not served', () => {
    const served = ENDPOINT_TABLE.map(({ path, permission }) => ({ path, permission }))
    const byPath = (a: { path?: string }, b: { path?: string }) => a.path!.localeCompare(b.path!)
    expect([...HEADINGS].sort(byPath)).toStrictEqual([...served].sort(byPath))
  })

  it('finds the headings it checks (the pattern matches the README\'s own)', () => {
    expect(HEADINGS.length).toBeGreaterThanOrEqual(4)
    expect(README).toContain('### `GET /segments/list` (permission `segments.list`)')
  })
})

describe('the endpoint definitions: every example is valid', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it.each(ENDPOINT_TABLE)('$url answers 200 with data for Lumen\'s full key', async ({ url, definition }) => {
    const response = await get(app, url)
    expect({ url, status: response.status }).toStrictEqual({ url, status: 200 })
    expect(response.body).toMatchObject({ message: 'success' })
    expect([...Value.Errors(definition.response, response.body)].map(e => `${e.path} ${e.message}`)).toStrictEqual([])
    // "With data": every list of records in the answer (a series, a page) has items, and no series is all zeros.
    const properties = (definition.response as { properties: Record<string, { items?: { type?: string } }> }).properties
    for (const [key, value] of Object.entries(response.body as Record<string, unknown>)) {
      if (!Array.isArray(value) || properties[key]?.items?.type !== 'object') continue
      expect({ key, length: value.length > 0 }).toStrictEqual({ key, length: true })
      const numbers = value.flatMap(point => Object.values(point as object).filter((v): v is number => typeof v === 'number'))
      if (numbers.length > 0) expect({ key, sum: numbers.reduce((a, b) => a + b, 0) > 0 }).toStrictEqual({ key, sum: true })
    }
  })

  it.each(ENDPOINT_TABLE)('$path names only its own parameters in its example', ({ path, parameters, required, definition }) => {
    const named = Object.keys(definition.example as object)
    expect({ path, unknown: named.filter(name => !parameters.includes(name)) }).toStrictEqual({ path, unknown: [] })
    expect({ path, missing: required.filter(name => !named.includes(name)) }).toStrictEqual({ path, missing: [] })
  })
})
