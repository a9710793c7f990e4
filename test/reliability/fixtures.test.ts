// Fixtures as bad input, through the public entry points: startEmulator refuses a bad set with one
// FixtureError naming file, place and reason; a reload over HTTP answers 422 with the same words and keeps
// serving the last good set; a good reload after a bad one takes effect. The single rules are unit-tested
// in test/world/load-fixtures.test.ts and test/world/build-world.test.ts; this file drives them end to end.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { FixtureError, startEmulator, type BrazeMock } from '../../src/index.js'
import { PERMISSIONS } from '../endpoints.js'

/** Every permission by name, as a fixture file lists them ("*" is tested in test/world/build-world.test.ts). */
const ALL = [...PERMISSIONS]
const GOOD = {
  'workspaces.json': [{ id: 'w1', name: 'One', time_zone: 'Europe/Paris', rate_limit: 1000 }],
  'apps.json': [{ id: 'a1', workspace_id: 'w1', name: 'App', created_at: '2020-01-01' }],
  'segments.json': [{ id: 's1', workspace_id: 'w1', name: 'All', tags: [], created_at: '2020-01-01' }],
  'api-keys.json': [{ key: 'k-good', workspace_id: 'w1', permissions: ALL }],
}
type Files = Record<string, unknown>

const dirs: string[] = []
afterAll(async () => { await Promise.all(dirs.map(dir => rm(dir, { recursive: true, force: true }))) })

async function writeFiles (dir: string, files: Files): Promise<void> {
  await Promise.all(Object.entries(files).map(([name, content]) =>
    writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2))))
}

async function fixtureDir (files: Files): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'braze-mock-reliability-'))
  dirs.push(dir)
  await writeFiles(dir, files)
  return dir
}

const w1 = GOOD['workspaces.json'][0]!
/** Bad sets, each a change to GOOD, and the file, place and reason its error must name. */
const BAD: Array<[string, Files, string, string, RegExp]> = [
  ['malformed JSON', { 'segments.json': '[{"id": "s1",\n  "workspace_id": "w1" "name": "All"}]' },
    'segments.json', 'line 2 column 24', /^not valid JSON/],
  ['a truncated file', { 'api-keys.json': '[{"key": "k-good", "workspace_id": "w1", "permi' },
    'api-keys.json', 'line 1 column 48', /^not valid JSON/],
  ['an empty file', { 'apps.json': '' }, 'apps.json', 'line 1 column 1', /^not valid JSON/],
  ['a string for a number', { 'workspaces.json': [{ ...w1, rate_limit: '1000' }] }, 'workspaces.json', '/0/rate_limit', /^must be integer/],
  // Regression: TypeBox's defaults turned these objects into empty lists, so they loaded as nothing at all.
  ['an object for a list (one app without its brackets)', { 'apps.json': { id: 'a1', workspace_id: 'w1', created_at: '2020-01-01' } },
    'apps.json', '/', /^must be array \(got \{"id":"a1",/],
  ['an object for a nested list', { 'segments.json': [{ ...GOOD['segments.json'][0], teams: { name: 'Growth' } }] },
    'segments.json', '/0/teams', /^must be array \(got \{"name":"Growth"\}\)$/],
  ['a number for an id', { 'segments.json': [{ ...GOOD['segments.json'][0], id: 42 }] }, 'segments.json', '/0/id', /^must be string/],
  ['a duplicate workspace id', { 'workspaces.json': [w1, { id: 'w1', name: 'Again' }] }, 'workspaces.json', '/1/id', /^duplicate workspace id "w1"$/],
  ['a duplicate app id', { 'apps.json': [...GOOD['apps.json'], ...GOOD['apps.json']] }, 'apps.json', '/1/id', /^duplicate app id "a1"$/],
  ['a key for a workspace that is not there', { 'api-keys.json': [...GOOD['api-keys.json'], { key: 'k2', workspace_id: 'w9', permissions: [] }] },
    'api-keys.json', '/1/workspace_id', /^no workspace "w9" in the workspaces$/],
  ['an app in an unknown workspace', { 'apps.json': [{ ...GOOD['apps.json'][0], workspace_id: 'W1' }] },
    'apps.json', '/0/workspace_id', /^no workspace "W1" in the workspaces$/],
  ['a negative segment size', { 'segments.json': [{ ...GOOD['segments.json'][0], series: { size: -10 } }] },
    'segments.json', '/0/series/size', /greater or equal to 0 \(got -10\)$/],
  ['a rate limit of 0', { 'workspaces.json': [{ ...w1, rate_limit: 0 }] }, 'workspaces.json', '/0/rate_limit', /greater or equal to 1 \(got 0\)$/],
  ['an unknown time zone', { 'workspaces.json': [{ ...w1, time_zone: 'Europe/Pariss' }] },
    'workspaces.json', '/0/time_zone', /^unknown IANA time zone "Europe\/Pariss"$/],
  ['an offset for a time zone', { 'workspaces.json': [{ ...w1, time_zone: '+02:00' }] },
    'workspaces.json', '/0/time_zone', /^unknown IANA time zone "\+02:00"$/],
  // Regressions: these loaded, and then failed in every request or on the wire.
  ['a key with a space at its end (never matched: the access hook trims)', { 'api-keys.json': [{ key: 'k-good ', workspace_id: 'w1', permissions: ALL }] },
    'api-keys.json', '/0/key', /^cannot be sent in an Authorization header/],
  ['a key with a line break (cannot be sent in a header)', { 'api-keys.json': [{ key: 'k\ngood', workspace_id: 'w1', permissions: ALL }] },
    'api-keys.json', '/0/key', /^cannot be sent in an Authorization header/],
  ['a key past Latin-1 (arrives as other characters)', { 'api-keys.json': [{ key: 'ключ', workspace_id: 'w1', permissions: ALL }] },
    'api-keys.json', '/0/key', /^cannot be sent in an Authorization header/],
  ['a rate limit X-RateLimit-Limit would write as 1e+21', { 'workspaces.json': [{ ...w1, rate_limit: 1e21 }] },
    'workspaces.json', '/0/rate_limit', /less or equal to 9007199254740991/],
]

describe('fixtures: startEmulator refuses a bad set with one error naming file, place and reason', () => {
  it.each(BAD)('%s', async (_, change, file, path, reason) => {
    const dir = await fixtureDir({ ...GOOD, ...change })
    const error: unknown = await startEmulator({ fixtures: dir }).then(async (braze) => { await braze.close() }, (e: unknown) => e)
    expect(error).toBeInstanceOf(FixtureError)
    const { file: named, path: place, reason: why, message } = error as FixtureError
    expect(named).toBe(join(dir, file))
    expect(place).toBe(path)
    expect(why).toMatch(reason)
    expect(message).toBe(`${join(dir, file)} at ${path}: ${why}`)
  })
})

describe('fixtures: a reload keeps the last good set', () => {
  let braze: BrazeMock
  let dir: string
  beforeAll(async () => {
    dir = await fixtureDir(GOOD)
    braze = await startEmulator({ fixtures: dir, now: '2026-11-23T12:00:00Z' })
  })
  afterAll(async () => { await braze.close() })
  afterEach(async () => {
    await writeFiles(dir, GOOD)
    await braze.reload()
  })

  const get = async (path: string, key: string) => {
    const response = await fetch(`${braze.url}${path}`, { headers: { authorization: `Bearer ${key}` } })
    return { status: response.status, body: await response.json() as Record<string, unknown> }
  }

  it.each(BAD)('over HTTP, through %s', async (_, change, file, path, reason) => {
    const before = await get('/segments/details?segment_id=s1', 'k-good')
    await writeFiles(dir, change)
    const response = await fetch(`${braze.url}/_mock/fixtures/reload`, { method: 'POST' })
    expect(response.status).toBe(422)
    expect(response.headers.get('content-type')).toBe('application/json')
    const body = await response.json() as { message: string }
    expect(Object.keys(body)).toEqual(['message'])
    const prefix = `fixtures not reloaded, the previous ones stay in service: ${join(dir, file)} at ${path}: `
    expect(body.message.startsWith(prefix)).toBe(true)
    expect(body.message.slice(prefix.length)).toMatch(reason)
    // The previous set still answers, byte for byte.
    expect(await get('/segments/details?segment_id=s1', 'k-good')).toStrictEqual(before)
  })

  it('in-process, a bad set throws the FixtureError and a good one after it takes effect', async () => {
    await writeFiles(dir, { 'api-keys.json': [{ key: 'k-new', workspace_id: 'nowhere', permissions: ALL }] })
    const error: unknown = await braze.reload().then(() => undefined, (e: unknown) => e)
    expect(error).toMatchObject({ statusCode: 422 })
    expect((await get('/segments/list', 'k-good')).status).toBe(200)
    expect((await get('/segments/list', 'k-new')).status).toBe(401)

    await writeFiles(dir, { 'api-keys.json': [{ key: 'k-new', workspace_id: 'w1', permissions: ALL }] })
    expect(await braze.reload()).toMatchObject({ status: 'reloaded', workspaces: 1, api_keys: 1 })
    expect((await get('/segments/list', 'k-new')).status).toBe(200)
    expect((await get('/segments/list', 'k-good')).status).toBe(401)
  })

  it('requests in flight during reloads, good and bad, are all answered from one set or the other', async () => {
    const renamed = { 'segments.json': [{ ...GOOD['segments.json'][0], name: 'Renamed' }] }
    const requests = Array.from({ length: 60 }, () => get('/segments/details?segment_id=s1', 'k-good'))
    const reloads: Array<Promise<unknown>> = []
    for (const change of [renamed, { 'segments.json': '[' }, GOOD]) {
      await writeFiles(dir, change)
      reloads.push(fetch(`${braze.url}/_mock/fixtures/reload`, { method: 'POST' }).then(r => r.status))
    }
    expect(await Promise.all(reloads)).toContain(200)
    for (const { status, body } of await Promise.all(requests)) {
      expect(status).toBe(200)
      expect(['All', 'Renamed']).toContain(body.name)
    }
  })
})

describe('fixtures: regressions in reading files', () => {
  it('accepts a UTF-8 byte order mark at the start of a file, as some editors write', async () => {
    const dir = await fixtureDir({ ...GOOD, 'workspaces.json': `\uFEFF${JSON.stringify(GOOD['workspaces.json'])}` })
    const braze = await startEmulator({ fixtures: dir })
    try {
      const response = await fetch(`${braze.url}/segments/list`, { headers: { authorization: 'Bearer k-good' } })
      expect(response.status).toBe(200)
    } finally {
      await braze.close()
    }
  })

  it('still accepts every sendable key shape: inner spaces, punctuation, Latin-1 letters', async () => {
    const keys = ['a b', 'k-ü_!~', '"quoted"', 'Bearer']
    const dir = await fixtureDir({ ...GOOD, 'api-keys.json': keys.map(key => ({ key, workspace_id: 'w1', permissions: ALL })) })
    const braze = await startEmulator({ fixtures: dir })
    try {
      for (const key of keys) {
        const response = await braze.app.inject({ url: '/segments/list', headers: { authorization: `Bearer ${key}` } })
        expect(response.statusCode).toBe(200)
      }
    } finally {
      await braze.close()
    }
  })
})
