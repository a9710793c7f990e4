import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FixtureError, loadFixtures } from '../../src/world/load-fixtures.js'

const WORKSPACES = [{ id: 'w1', name: 'One' }]
const created: string[] = []

afterEach(async () => {
  await Promise.all(created.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
})

/** A fixtures directory holding `files` (objects are written as JSON, strings as they are). */
async function fixtureDir (files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'braze-mock-fixtures-'))
  created.push(dir)
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  }
  return dir
}

/** The FixtureError that loading `source` throws. */
async function failure (source: unknown): Promise<FixtureError> {
  const error: unknown = await loadFixtures(source).then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(FixtureError)
  return error as FixtureError
}

describe('loadFixtures: a directory', () => {
  it('reads every part, applies defaults, and ignores files that are not JSON', async () => {
    const dir = await fixtureDir({
      'workspaces.json': WORKSPACES,
      'apps.json': [{ id: 'a1', workspace_id: 'w1', created_at: '2020-01-01' }],
      'segments.json': [{ id: 's1', workspace_id: 'w1', created_at: '2020-01-01T00:00:00Z', name: 'All', tags: [] }],
      'api-keys.json': [{ key: 'k1', workspace_id: 'w1', permissions: ['segments.list'] }],
      'emulator.json': { now: '2026-11-23T12:00:00Z', seed: 7 },
      'README.md': 'notes for humans',
    })
    const { set } = await loadFixtures(dir)
    expect(set).toEqual({
      emulator: { now: '2026-11-23T12:00:00Z', seed: 7 },
      workspaces: [{
        id: 'w1',
        name: 'One',
        time_zone: 'UTC',
        population: 1_000_000,
        non_analytics_segment_sessions: 'error',
        industry: 'other',
        overlap: 0.1,
        empty_series: 'zeros',
      }],
      apps: [{
        id: 'a1',
        workspace_id: 'w1',
        platform: 'ios',
        created_at: '2020-01-01',
        series: {
          daily_sessions: 10_000,
          growth: 0.2,
          weekly: 0.12,
          peak_weekday: 6,
          peak_hour: 20,
          noise: 0.04,
          sessions_per_user: 2.2,
          retention: { day1: 0.3, decay: 0.5, horizon: 400, spread: 0.3, uninstall: 0.02 },
        },
      }],
      segments: [{
        id: 's1',
        workspace_id: 'w1',
        name: 'All',
        description: '',
        tags: [],
        teams: [],
        created_at: '2020-01-01T00:00:00Z',
        analytics_tracking_enabled: true,
        archived: false,
        series: { size: 10_000, growth: 0.1, weekly: 0.02, noise: 0.01, engagement: 1 },
      }],
      api_keys: [{ key: 'k1', workspace_id: 'w1', name: '', permissions: ['segments.list'] }],
      events: [],
      products: [],
      custom_attributes: [],
      campaigns: [],
      canvases: [],
    })
  })

  it('names the files it read, so that a file gone later can be told from a part left out', async () => {
    const dir = await fixtureDir({ 'workspaces.json': WORKSPACES, 'api-keys.json': [], 'notes.txt': 'x' })
    expect((await loadFixtures(dir)).files).toStrictEqual([join(dir, 'workspaces.json'), join(dir, 'api-keys.json')])
    expect((await loadFixtures({ workspaces: WORKSPACES })).files).toStrictEqual([])
  })

  it('defaults the parts a directory leaves out to empty lists', async () => {
    const { set } = await loadFixtures(await fixtureDir({ 'workspaces.json': WORKSPACES }))
    expect(set.apps).toEqual([])
    expect(set.segments).toEqual([])
    expect(set.api_keys).toEqual([])
    expect(set.emulator).toBeUndefined()
  })

  it('locates an item by its file and a JSON pointer within it', async () => {
    const dir = await fixtureDir({ 'workspaces.json': WORKSPACES })
    const loaded = await loadFixtures(dir)
    expect(loaded.locate('segments', '/3/id')).toEqual({ file: join(dir, 'segments.json'), path: '/3/id' })
    expect(loaded.locate('api_keys', '/0/key')).toEqual({ file: join(dir, 'api-keys.json'), path: '/0/key' })
  })
})

describe('loadFixtures: malformed JSON names the file, line and column', () => {
  it('points at an unexpected token', async () => {
    const dir = await fixtureDir({ 'workspaces.json': '[\n  {"id": "w1",\n  "name": }\n]\n' })
    const error = await failure(dir)
    expect(error.file).toBe(join(dir, 'workspaces.json'))
    expect(error.path).toBe('line 3 column 11')
    expect(error.reason).toMatch(/^not valid JSON \(/)
  })

  it('points at a trailing comma', async () => {
    const dir = await fixtureDir({ 'workspaces.json': '[\n  {"id": "w1", "name": "x",}\n]\n' })
    const error = await failure(dir)
    expect(error.file).toBe(join(dir, 'workspaces.json'))
    expect(error.path).toBe('line 2 column 28')
    expect(error.reason).toMatch(/^not valid JSON \(/)
    expect(error.message).toBe(`${join(dir, 'workspaces.json')} at line 2 column 28: ${error.reason}`)
  })

  it('points at the end of a truncated file', async () => {
    const dir = await fixtureDir({ 'workspaces.json': WORKSPACES, 'apps.json': '[\n  {"id": "a1",\n' })
    const error = await failure(dir)
    expect(error.file).toBe(join(dir, 'apps.json'))
    expect(error.path).toBe('line 3 column 1')
    expect(error.reason).toMatch(/^not valid JSON \(/)
  })

  it('points at where the input ran out, when it ends before any value is complete', async () => {
    // V8 reports these as "Unexpected end of JSON input", with no position in the message.
    const empty = await fixtureDir({ 'workspaces.json': '' })
    expect(await failure(empty)).toMatchObject({ file: join(empty, 'workspaces.json'), path: 'line 1 column 1' })
    const unclosed = await fixtureDir({ 'workspaces.json': '[\n' })
    expect(await failure(unclosed)).toMatchObject({ file: join(unclosed, 'workspaces.json'), path: 'line 2 column 1' })
  })
})

describe('loadFixtures: invalid content names the file, the JSON pointer and the reason', () => {
  it.each([
    ['a string for an integer', { 'workspaces.json': [{ id: 'w1', name: 'One', rate_limit: '5' }] },
      'workspaces.json', '/0/rate_limit', 'must be integer (got "5")'],
    ['a fraction for an integer', { 'workspaces.json': [{ id: 'w1', name: 'One', rate_limit: 1.5 }] },
      'workspaces.json', '/0/rate_limit', 'must be integer (got 1.5)'],
    ['an unknown property', { 'workspaces.json': [{ id: 'w1', name: 'One', colour: 'red' }] },
      'workspaces.json', '/0/colour', 'unknown property (a typo?)'],
    ['an unknown nested property', { 'workspaces.json': WORKSPACES, 'apps.json': [{ id: 'a1', workspace_id: 'w1', created_at: '2020-01-01', series: { daily_session: 5 } }] },
      'apps.json', '/0/series/daily_session', 'unknown property (a typo?)'],
    ['a value outside an enumeration', { 'workspaces.json': [{ id: 'w1', name: 'One', non_analytics_segment_sessions: 'nope' }] },
      'workspaces.json', '/0/non_analytics_segment_sessions', 'must be one of: error, zeros (got "nope")'],
    ['an unknown platform', { 'workspaces.json': WORKSPACES, 'apps.json': [{ id: 'a1', workspace_id: 'w1', created_at: '2020-01-01', platform: 'blackberry' }] },
      'apps.json', '/0/platform', 'must be one of: ios, android, web, tvos, roku, windows, macos, unity, other (got "blackberry")'],
    ['an unknown pool', { 'workspaces.json': [{ id: 'w1', name: 'One', rate_limits: { defualt: 5 } }] },
      'workspaces.json', '/0/rate_limits/defualt', 'unknown property (a typo?)'],
    ['a bad created_at', { 'workspaces.json': WORKSPACES, 'apps.json': [{ id: 'a1', workspace_id: 'w1', created_at: 'yesterday' }] },
      'apps.json', '/0/created_at', 'must be an ISO 8601 date-time, e.g. 2025-03-01T09:30:00Z (got "yesterday")'],
    ['an impossible created_at', { 'workspaces.json': WORKSPACES, 'segments.json': [{ id: 's1', workspace_id: 'w1', created_at: '2020-02-30' }] },
      'segments.json', '/0/created_at', 'must be an ISO 8601 date-time, e.g. 2025-03-01T09:30:00Z (got "2020-02-30")'],
    ['a bad updated_at', { 'workspaces.json': WORKSPACES, 'segments.json': [{ id: 's1', workspace_id: 'w1', created_at: '2020-02-01', updated_at: '2020-02-01 10:00' }] },
      'segments.json', '/0/updated_at', 'must be an ISO 8601 date-time, e.g. 2025-03-01T09:30:00Z (got "2020-02-01 10:00")'],
    ['a bad emulator now', { 'workspaces.json': WORKSPACES, 'emulator.json': { now: 'soon' } },
      'emulator.json', '/now', 'must be an ISO 8601 date-time, e.g. 2025-03-01T09:30:00Z (got "soon")'],
    // Regression: these said "must be an ISO 8601 date-time ... (got undefined)".
    ['an app without created_at', { 'workspaces.json': WORKSPACES, 'apps.json': [{ id: 'a1', workspace_id: 'w1' }] },
      'apps.json', '/0/created_at', 'is required'],
    ['a segment without created_at', { 'workspaces.json': WORKSPACES, 'segments.json': [{ id: 's1', workspace_id: 'w1', name: 'S' }] },
      'segments.json', '/0/created_at', 'is required'],
    ['a key without permissions', { 'workspaces.json': WORKSPACES, 'api-keys.json': [{ key: 'k', workspace_id: 'w1' }] },
      'api-keys.json', '/0/permissions', 'is required'],
    ['a created_at outside the range', { 'workspaces.json': WORKSPACES, 'apps.json': [{ id: 'a1', workspace_id: 'w1', created_at: '0000-06-01' }] },
      'apps.json', '/0/created_at', 'must be between 0001-01-02 and 9999-12-31 (UTC) (got "0000-06-01")'],
  ])('%s', async (_, files, file, path, reason) => {
    const dir = await fixtureDir(files)
    const error = await failure(dir)
    expect({ file: error.file, path: error.path, reason: error.reason }).toEqual({ file: join(dir, file), path, reason })
    expect(error.message).toBe(`${join(dir, file)} at ${path}: ${reason}`)
  })

  // TypeBox words these; what matters is that the reason states the bound and the value that broke it.
  it.each([
    ['a negative segment size', { 'workspaces.json': WORKSPACES, 'segments.json': [{ id: 's1', workspace_id: 'w1', created_at: '2020-01-01', series: { size: -1 } }] },
      'segments.json', '/0/series/size', /greater or equal to 0 \(got -1\)$/],
    ['negative daily sessions', { 'workspaces.json': WORKSPACES, 'apps.json': [{ id: 'a1', workspace_id: 'w1', created_at: '2020-01-01', series: { daily_sessions: -5 } }] },
      'apps.json', '/0/series/daily_sessions', /greater or equal to 0 \(got -5\)$/],
    ['a zero population', { 'workspaces.json': [{ id: 'w1', name: 'One', population: 0 }] },
      'workspaces.json', '/0/population', /greater or equal to 1 \(got 0\)$/],
    ['a negative count of generated segments', { 'workspaces.json': [{ id: 'w1', name: 'One', generate: { seed: 1, segments: -1 } }] },
      'workspaces.json', '/0/generate/segments', /greater or equal to 0 \(got -1\)$/],
    ['a peak hour of 24', { 'workspaces.json': WORKSPACES, 'apps.json': [{ id: 'a1', workspace_id: 'w1', created_at: '2020-01-01', series: { peak_hour: 24 } }] },
      'apps.json', '/0/series/peak_hour', /less or equal to 23 \(got 24\)$/],
    ['noise above 1', { 'workspaces.json': WORKSPACES, 'segments.json': [{ id: 's1', workspace_id: 'w1', created_at: '2020-01-01', series: { noise: 1.5 } }] },
      'segments.json', '/0/series/noise', /less or equal to 1 \(got 1.5\)$/],
    ['a missing id', { 'workspaces.json': [{ name: 'One' }] },
      'workspaces.json', '/0/id', /required/],
    ['an empty tag', { 'workspaces.json': WORKSPACES, 'segments.json': [{ id: 's1', workspace_id: 'w1', created_at: '2020-01-01', tags: [''] }] },
      'segments.json', '/0/tags/0', /greater or equal to 1 \(got ""\)$/],
    ['a permission twice', { 'workspaces.json': WORKSPACES, 'api-keys.json': [{ key: 'k', workspace_id: 'w1', permissions: ['segments.list', 'segments.list'] }] },
      'api-keys.json', '/0/permissions', /unique/],
    ['an object where a list belongs', { 'workspaces.json': { id: 'w1', name: 'One' } },
      'workspaces.json', '/', /^must be array \(got /],
    ['no workspace at all', { 'workspaces.json': [] },
      'workspaces.json', '/', /greater or equal to 1 \(got \[\]\)$/],
  ])('%s', async (_, files, file, path, reason) => {
    const dir = await fixtureDir(files)
    const error = await failure(dir)
    expect(error.file).toBe(join(dir, file))
    expect(error.path).toBe(path)
    expect(error.reason).toMatch(reason)
  })
})

describe('loadFixtures: a bound reads as a rule', () => {
  it('words a broken minimum as "must be greater or equal to", without the type', async () => {
    const dir = await fixtureDir({ 'workspaces.json': WORKSPACES, 'segments.json': [{ id: 's1', workspace_id: 'w1', created_at: '2020-01-01', series: { size: -5 } }] })
    expect((await failure(dir)).message).toBe(`${join(dir, 'segments.json')} at /0/series/size: must be greater or equal to 0 (got -5)`)
  })
})

describe('loadFixtures: the directory itself', () => {
  it('rejects a stray JSON file, which is likely a misnamed part', async () => {
    const dir = await fixtureDir({ 'workspaces.json': WORKSPACES, 'app.json': [] })
    const error = await failure(dir)
    expect(error).toMatchObject({
      file: join(dir, 'app.json'),
      path: '',
      reason: 'not a fixture file; expected emulator.json, workspaces.json, apps.json, segments.json, api-keys.json, events.json, products.json, custom-attributes.json, campaigns.json, canvases.json',
    })
    expect(error.message).toBe(`${join(dir, 'app.json')}: ${error.reason}`)
  })

  it('needs workspaces.json', async () => {
    const dir = await fixtureDir({ 'apps.json': [] })
    expect(await failure(dir)).toMatchObject({
      file: join(dir, 'workspaces.json'),
      path: '',
      reason: 'missing; a fixture set needs at least one workspace',
    })
  })

  it('reports a directory that does not exist', async () => {
    const dir = join(await fixtureDir({}), 'nowhere')
    expect(await failure(dir)).toMatchObject({ file: dir, path: '', reason: 'cannot read the fixtures directory (ENOENT)' })
  })

  it('reports a file given as the directory', async () => {
    const dir = await fixtureDir({ 'workspaces.json': WORKSPACES })
    const file = join(dir, 'workspaces.json')
    expect(await failure(file)).toMatchObject({ file, path: '', reason: 'cannot read the fixtures directory (ENOTDIR)' })
  })

  it('reports a part that cannot be read as a FixtureError naming it', async () => {
    // Tests may run as root, where file modes do not stop a read; a directory in a file's place always does.
    const dir = await fixtureDir({ 'workspaces.json': WORKSPACES })
    await mkdir(join(dir, 'apps.json'))
    const error = await failure(dir)
    expect(error.file).toBe(join(dir, 'apps.json'))
    expect(error.path).toBe('')
    expect(error.reason).toMatch(/EISDIR/)
  })
})

describe('loadFixtures: an inline fixture set', () => {
  it('validates and applies defaults like a directory', async () => {
    const { set } = await loadFixtures({ workspaces: [{ id: 'w1', name: 'One', time_zone: 'Asia/Kolkata' }] })
    expect(set).toEqual({
      workspaces: [{
        id: 'w1',
        name: 'One',
        time_zone: 'Asia/Kolkata',
        population: 1_000_000,
        non_analytics_segment_sessions: 'error',
        industry: 'other',
        overlap: 0.1,
        empty_series: 'zeros',
      }],
      apps: [],
      segments: [],
      api_keys: [],
      events: [],
      products: [],
      custom_attributes: [],
      campaigns: [],
      canvases: [],
    })
  })

  it('leaves the caller\'s object as it was', async () => {
    const source = { workspaces: [{ id: 'w1', name: 'One' }] }
    await loadFixtures(source)
    expect(source).toEqual({ workspaces: [{ id: 'w1', name: 'One' }] })
  })

  it('locates an item under its part', async () => {
    const loaded = await loadFixtures({ workspaces: WORKSPACES })
    expect(loaded.locate('segments', '/3/id')).toEqual({ file: 'inline fixtures', path: '/segments/3/id' })
  })

  it.each([
    ['a bad item', { workspaces: [{ id: 'w1', name: 'One', population: 0 }] }, '/workspaces/0/population', /greater or equal to 1 \(got 0\)$/],
    ['an unknown part', { workspaces: WORKSPACES, extra: 1 }, '/extra', /^unknown property \(a typo\?\)$/],
    ['a typo in an item', { workspaces: WORKSPACES, apps: [{ id: 'a1', workspace_id: 'w1', created_at: '2020-01-01', platfrom: 'ios' }] }, '/apps/0/platfrom', /^unknown property \(a typo\?\)$/],
    ['no workspaces', { workspaces: [] }, '/workspaces', /greater or equal to 1/],
    ['no workspaces property', { apps: [] }, '/workspaces', /required/],
    ['null', null, '/', /^must be object \(got null\)$/],
    ['a number', 42, '/', /^must be object \(got 42\)$/],
  ])('names the path of %s', async (_, source, path, reason) => {
    const error = await failure(source)
    expect(error.file).toBe('inline fixtures')
    expect(error.path).toBe(path)
    expect(error.reason).toMatch(reason)
  })
})
