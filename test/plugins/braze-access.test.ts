// BRAZE.md section 1 through the real app: who gets a 401, who gets a 403, that both come before any
// parameter is looked at, that a key reaches only its own workspace, and that keys never reach the logs.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, BUILT_IN_FIXTURES, type BrazeMockApp } from '../../src/app.js'
import { ENTITY_PARAMETERS } from '../../src/world/metrics.js'
import { builtInFixtureSet, ENDPOINT_TABLE, fixturesFor, holds, PERMISSIONS, urlOf, type EndpointRow } from '../endpoints.js'
import { BUILT_IN, captureStdout, NOW, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const FULL = lumen.keys.full
/** The fixture set the table's keys live in: the built-in one, plus a key for any permission none of its keys lacks. */
const FIXTURES = fixturesFor(ENDPOINT_TABLE)
const tableApp = () => testApp({ fixtures: FIXTURES })

/** GET with the Authorization header exactly as given (none when undefined). */
async function send (app: BrazeMockApp, url: string, authorization?: string) {
  const response = await app.inject({
    method: 'GET',
    url,
    headers: authorization === undefined ? {} : { authorization },
  })
  return { status: response.statusCode, headers: response.headers, body: response.json() as unknown }
}

describe('braze-access: unknown and malformed keys (401)', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it.each(ENDPOINT_TABLE)('an unknown key on $url is 401 echoing the key, with empty rate-limit headers', async ({ url }) => {
    const key = '9f0c1d2e-0000-4000-8000-000000000000'
    const response = await send(app, url, `Bearer ${key}`)
    expect(response.status).toBe(401)
    expect(response.body).toStrictEqual({ message: `Invalid API key: ${key}` })
    expect(response.headers['x-ratelimit-limit']).toBe('')
    expect(response.headers['x-ratelimit-remaining']).toBe('')
    expect(response.headers['x-ratelimit-reset']).toBe('')
  })

  // What was sent as the key, after the scheme; empty where nothing was (BRAZE.md section 1, DECIDED).
  it.each([
    { case: 'no Authorization header', authorization: undefined, echoed: '' },
    { case: '"Bearer " with nothing after it', authorization: 'Bearer ', echoed: '' },
    { case: '"Bearer" alone', authorization: 'Bearer', echoed: '' },
    { case: 'the Basic scheme', authorization: 'Basic abc', echoed: 'abc' },
    { case: 'the Token scheme', authorization: 'Token abc', echoed: 'abc' },
    { case: 'a valid key under the Basic scheme', authorization: `Basic ${FULL}`, echoed: FULL },
    { case: 'a valid key with no scheme', authorization: FULL, echoed: FULL },
    { case: 'a valid key wrapped in double quotes', authorization: `Bearer "${FULL}"`, echoed: `"${FULL}"` },
    { case: 'a valid key wrapped in single quotes', authorization: `Bearer '${FULL}'`, echoed: `'${FULL}'` },
    { case: 'a valid key with text after it', authorization: `Bearer ${FULL} extra`, echoed: `${FULL} extra` },
    { case: 'a valid key with a different case', authorization: `Bearer ${FULL.toUpperCase()}`, echoed: FULL.toUpperCase() },
    { case: 'a valid key missing its last character', authorization: `Bearer ${FULL.slice(0, -1)}`, echoed: FULL.slice(0, -1) },
    { case: 'a key with printf placeholders', authorization: 'Bearer %s%d%j%%', echoed: '%s%d%j%%' },
    { case: 'a key of 2,000 characters', authorization: `Bearer ${'k'.repeat(2000)}`, echoed: 'k'.repeat(2000) },
    { case: 'a key of another emulator\'s shape', authorization: 'Bearer api-key-123', echoed: 'api-key-123' },
  ])('$case is 401 with the key as sent', async ({ authorization, echoed }) => {
    for (const { url } of ENDPOINT_TABLE) {
      const response = await send(app, url, authorization)
      expect(response.status).toBe(401)
      expect(response.body).toStrictEqual({ message: `Invalid API key: ${echoed}` })
      expect(response.headers['x-ratelimit-limit']).toBe('')
      expect(response.headers['x-ratelimit-remaining']).toBe('')
      expect(response.headers['x-ratelimit-reset']).toBe('')
    }
  })

  it.each(['bearer', 'BEARER', 'bEaReR'])('the scheme word %s is matched case-insensitively', async (scheme) => {
    for (const { url } of ENDPOINT_TABLE) {
      const response = await send(app, url, `${scheme} ${FULL}`)
      expect(response.status).toBe(200)
      expect(response.body).toMatchObject({ message: 'success' })
    }
  })

  it.each(ENDPOINT_TABLE)('gives the same answer to "Bearer" in any case on $path', async ({ url }) => {
    const canonical = await send(app, url, `Bearer ${FULL}`)
    const lower = await send(app, url, `bearer ${FULL}`)
    expect(lower.body).toStrictEqual(canonical.body)
  })
})

describe('braze-access: permissions (403)', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await tableApp() })
  afterAll(async () => { await app.close() })

  const SET = typeof FIXTURES === 'string' ? builtInFixtureSet() : FIXTURES
  /** Every key of the workspace the examples are written for: the full key, and keys lacking permissions. */
  const KEYS = SET.api_keys.filter(k => k.workspace_id === lumen.workspaceId)
  const CASES = KEYS.flatMap(k => ENDPOINT_TABLE.map(row => ({ name: k.name ?? k.key, key: k.key, lacks: !holds(k, row.permission), ...row })))
  const pascal = (permission: string) => permission.split(/[._]/).map(word => word[0]!.toUpperCase() + word.slice(1)).join('')

  it('has, for each permission, a key that lacks it and holds every other', () => {
    for (const row of ENDPOINT_TABLE) {
      const key = SET.api_keys.find(k => k.key === row.lacking)!
      expect({ path: row.path, lacks: PERMISSIONS.filter(p => !holds(key, p)) }).toStrictEqual({ path: row.path, lacks: [row.permission] })
    }
  })

  it('finds in the table the built-in keys test/helpers.ts names after the permission they lack', () => {
    const named = Object.entries(lumen.keys).filter(([name]) => name.startsWith('no'))
    expect(named.length).toBeGreaterThanOrEqual(4)
    for (const [name, key] of named) {
      const row = ENDPOINT_TABLE.find(r => `no${pascal(r.permission)}` === name)
      expect({ name, lacking: row?.lacking }).toStrictEqual({ name, lacking: key })
    }
  })

  it.each(CASES)('key "$name" on $permission', async ({ key, lacks, permission, url }) => {
    const response = await send(app, url, `Bearer ${key}`)
    if (lacks) {
      expect(response.status).toBe(403)
      expect(response.body).toStrictEqual({ message: `Access Denied: this API key lacks the ${permission} permission` })
    } else {
      expect(response.status).toBe(200)
      expect(response.body).toMatchObject({ message: 'success' })
    }
  })

  it.each(ENDPOINT_TABLE)('names $permission exactly', async ({ url, lacking, permission }) => {
    const response = await send(app, url, `Bearer ${lacking}`)
    expect(response.status).toBe(403)
    expect(response.body).toStrictEqual({ message: `Access Denied: this API key lacks the ${permission} permission` })
  })
})

describe('braze-access: a "*" key', () => {
  let app: BrazeMockApp
  beforeAll(async () => {
    app = await testApp({ fixtures: { ...builtInFixtureSet(), api_keys: [{ key: 'every-permission', workspace_id: lumen.workspaceId, permissions: ['*'] }] } })
  })
  afterAll(async () => { await app.close() })

  it.each(ENDPOINT_TABLE)('passes on $path', async ({ url }) => {
    const response = await send(app, url, 'Bearer every-permission')
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ message: 'success' })
  })
})

/** Queries each endpoint refuses with a 400: every parameter empty, and each required one left out. */
function badQueries (row: EndpointRow): string[] {
  const urls: string[] = []
  if (row.parameters.length > 0) urls.push(urlOf(row.path, Object.fromEntries(row.parameters.map(name => [name, '']))))
  if (row.required.length > 0) urls.push(row.path)
  return urls
}

describe('braze-access: auth comes before validation', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await tableApp() })
  afterAll(async () => { await app.close() })

  // Bad queries of Braze's own kinds, beside those every endpoint of the table gets.
  const BRAZE_CASES: Record<string, string[]> = {
    '/segments/data_series': [
      '/segments/data_series?length=0',
      '/segments/data_series?segment_id=nope&length=abc&ending_at=yesterday',
      `/segments/data_series?segment_id=${harbor.segments.highBalance}&length=5`,
    ],
    '/sessions/data_series': [
      '/sessions/data_series?length=101&unit=week',
      `/sessions/data_series?length=5&app_id=nope&segment_id=${lumen.segments.pushOptedIn}`,
      '/sessions/data_series?length=5&ending_at=%zz',
    ],
  }
  const BAD = ENDPOINT_TABLE.flatMap(row => [...badQueries(row), ...BRAZE_CASES[row.path] ?? []]
    .map(url => ({ url, permission: row.permission, lacking: row.lacking })))

  it('has bad queries for every endpoint with parameters, and Braze\'s own cases for endpoints in the table', () => {
    for (const row of ENDPOINT_TABLE) {
      if (row.parameters.length > 0) expect(BAD.filter(b => b.permission === row.permission).length).toBeGreaterThan(0)
    }
    for (const path of Object.keys(BRAZE_CASES)) expect(ENDPOINT_TABLE.map(row => row.path)).toContain(path)
  })

  it.each(BAD)('the full key gets a 400 for $url (the query is bad)', async ({ url }) => {
    const response = await send(app, url, `Bearer ${FULL}`)
    expect(response.status).toBe(400)
  })

  it.each(BAD)('a bad key with the bad query $url is 401', async ({ url }) => {
    const response = await send(app, url, 'Bearer wrong-key')
    expect(response.status).toBe(401)
    expect(response.body).toStrictEqual({ message: 'Invalid API key: wrong-key' })
  })

  it.each(BAD)('no key with the bad query $url is 401', async ({ url }) => {
    const response = await send(app, url)
    expect(response.status).toBe(401)
    expect(response.body).toStrictEqual({ message: 'Invalid API key: ' })
  })

  it.each(BAD)('a key without $permission and the bad query $url is 403', async ({ url, permission, lacking }) => {
    const response = await send(app, url, `Bearer ${lacking}`)
    expect(response.status).toBe(403)
    expect(response.body).toStrictEqual({ message: `Access Denied: this API key lacks the ${permission} permission` })
  })
})

describe('braze-access: a key reaches only its own workspace', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  const SEGMENT_ERROR = { message: 'segment_id must be a string of the Segment api identifier' }
  const APP_ERROR = { message: 'app_id must be a string of the App api identifier' }

  it.each([
    { case: 'harbor key, Lumen segment', key: harbor.keys.full, url: `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=3`, body: SEGMENT_ERROR },
    { case: 'harbor key, Lumen segment on sessions', key: harbor.keys.full, url: `/sessions/data_series?length=3&segment_id=${lumen.segments.allUsers}`, body: SEGMENT_ERROR },
    { case: 'harbor key, Lumen app', key: harbor.keys.full, url: `/sessions/data_series?length=3&app_id=${lumen.apps.ios}`, body: APP_ERROR },
    { case: 'Lumen key, harbor segment', key: lumen.keys.full, url: `/segments/data_series?segment_id=${harbor.segments.highBalance}&length=3`, body: SEGMENT_ERROR },
    { case: 'Lumen key, harbor segment on sessions', key: lumen.keys.full, url: `/sessions/data_series?length=3&segment_id=${harbor.segments.highBalance}`, body: SEGMENT_ERROR },
    { case: 'Lumen key, harbor app', key: lumen.keys.full, url: `/sessions/data_series?length=3&app_id=${harbor.apps.ios}`, body: APP_ERROR },
  ])('$case is 400 as an unknown id', async ({ key, url, body }) => {
    const response = await send(app, url, `Bearer ${key}`)
    expect(response.status).toBe(400)
    expect(response.body).toStrictEqual(body)
  })

  it.each([
    { case: 'harbor key, harbor segment', key: harbor.keys.full, url: `/segments/data_series?segment_id=${harbor.segments.highBalance}&length=3` },
    { case: 'harbor key, harbor app', key: harbor.keys.full, url: `/sessions/data_series?length=3&app_id=${harbor.apps.ios}&segment_id=${harbor.segments.highBalance}` },
    { case: 'Lumen key, Lumen segment', key: lumen.keys.full, url: `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=3` },
    { case: 'Lumen key, Lumen app', key: lumen.keys.full, url: `/sessions/data_series?length=3&app_id=${lumen.apps.ios}&segment_id=${lumen.segments.allUsers}` },
  ])('$case answers 200 (the same ids are fine in their own workspace)', async ({ key, url }) => {
    const response = await send(app, url, `Bearer ${key}`)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ message: 'success' })
  })

  // Each example that names an app or a segment of Lumen's, sent with Harbor's key: the first id it names is unknown there.
  const NAMING = ENDPOINT_TABLE.flatMap(row => {
    const example = row.definition.example as Record<string, string>
    const parameter = row.parameters.find(p => (Object.values(ENTITY_PARAMETERS) as string[]).includes(p) && p in example)
    return parameter === undefined ? [] : [{ ...row, parameter, message: (row.definition.rules as Record<string, string>)[parameter] }]
  })

  it('finds an example naming an id for each kind of entity', () => {
    expect(new Set(NAMING.map(row => row.parameter))).toStrictEqual(new Set(Object.values(ENTITY_PARAMETERS)))
  })

  it.each(NAMING)('harbor key on the $path example is 400 on its $parameter, as an unknown id', async ({ url, message }) => {
    const response = await send(app, url, `Bearer ${harbor.keys.full}`)
    expect(response.status).toBe(400)
    expect(response.body).toStrictEqual({ message })
  })

  it('answers each workspace from its own apps: the two keys get different session series', async () => {
    const url = '/sessions/data_series?length=5&ending_at=2025-06-01'
    const fromLumen = await send(app, url, `Bearer ${lumen.keys.full}`)
    const fromHarbor = await send(app, url, `Bearer ${harbor.keys.full}`)
    expect(fromLumen.status).toBe(200)
    expect(fromHarbor.status).toBe(200)
    expect(fromHarbor.body).not.toStrictEqual(fromLumen.body)
  })
})

describe('braze-access: keys never reach the logs', () => {
  const unknownKey = 'secret-unknown-0f3a9c77-key'
  const keysInPlay = [FULL, lumen.keys.noSegmentsDataSeries, harbor.keys.full, unknownKey]
  let output = ''

  beforeAll(async () => {
    output = await captureStdout(async () => {
      const app = await buildApp({ now: NOW, logLevel: 'trace' })
      const segments = `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=2`
      await send(app, segments, `Bearer ${unknownKey}`) // 401
      await send(app, segments, `Basic ${unknownKey}`) // 401, other scheme
      await send(app, segments, `Bearer "${FULL}"`) // 401, quoted valid key
      await send(app, segments, `Bearer ${FULL}`) // 200
      await send(app, '/segments/data_series?length=0', `Bearer ${FULL}`) // 400
      await send(app, segments, `Bearer ${lumen.keys.noSegmentsDataSeries}`) // 403
      await send(app, '/sessions/data_series?length=2&unit=hour', `Bearer ${harbor.keys.full}`) // 200
      await send(app, '/nowhere', `Bearer ${FULL}`) // 404
      await app.close()
    })
  })

  it('logs the requests at trace level (so the capture works)', () => {
    // One line per request (src/plugins/request-log.ts): method, path, status and time.
    const lines = output.split('\n').filter(line => line.includes('"msg":"request"'))
    expect(lines).toHaveLength(8)
    expect(output).toContain('"path":"/segments/data_series"')
    expect(output).toContain('"status":401')
    expect(output).toContain('"status":403')
  })

  it.each(keysInPlay)('never writes the key %s', (key) => {
    expect(output).not.toContain(key)
  })
})

describe('braze-access: one keep-alive connection that changes its key', () => {
  // The access hook reuses a connection's previous outcome when it sends the same header again; a new
  // header, or a new world, must be looked up afresh.
  let app: BrazeMockApp
  let directory: string
  let agent: Agent
  let port: number
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'braze-mock-keys-'))
    cpSync(BUILT_IN_FIXTURES, directory, { recursive: true })
    app = await testApp({ fixtures: directory })
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as AddressInfo).port
    agent = new Agent({ keepAlive: true, maxSockets: 1 })
  })
  afterAll(async () => {
    agent.destroy()
    await app.close()
    rmSync(directory, { recursive: true, force: true })
  })

  /** The status of a GET on the one connection, and whether the connection was reused. */
  const status = async (url: string, authorization: string | undefined) => await new Promise<{ status: number, reused: boolean }>((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path: url, agent, headers: authorization === undefined ? {} : { authorization } }, response => {
      response.resume().on('end', () => { resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket }) })
    })
    request.once('error', reject)
    request.end()
  })

  it('answers each request for the key it carries, and forgets a key removed by a reload', async () => {
    const url = `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=2`
    const seen = [
      await status(url, `Bearer ${FULL}`),
      await status(url, `Bearer ${FULL}`),
      await status(url, `Bearer ${lumen.keys.noSegmentsDataSeries}`),
      await status(url, `Bearer ${FULL}x`),
      await status(url, undefined),
      await status(url, `Bearer ${harbor.keys.full}`),
      await status(url, `Bearer ${FULL}`),
    ]
    expect(seen.map(({ status }) => status)).toStrictEqual([200, 200, 403, 401, 401, 400, 200])
    expect(seen.slice(1).every(({ reused }) => reused)).toBe(true)

    const file = join(directory, 'api-keys.json')
    const keys = JSON.parse(readFileSync(file, 'utf8')) as Array<{ key: string }>
    writeFileSync(file, JSON.stringify(keys.filter(({ key }) => key !== FULL)))
    await app.emulator.reload()
    const after = await status(url, `Bearer ${FULL}`)
    expect(after).toStrictEqual({ status: 401, reused: true })
  })
})
