import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

interface Item { id: string, name: string, analytics_tracking_enabled: boolean, tags: string[] }
interface SegmentFixture { id: string, workspace_id: string, name: string, created_at: string, archived: boolean, analytics_tracking_enabled: boolean, tags: string[] }

const GENERATED = 1_234
const WORKSPACE = 'a1f1c9f2-8d3e-4c1b-9a57-3f0c2b6d7e11'
const KEY = 'list-test-key'
const GENERATED_FIXTURES = {
  workspaces: [{ id: WORKSPACE, name: 'Generated', generate: { seed: 3, segments: GENERATED } }],
  api_keys: [{ key: KEY, workspace_id: WORKSPACE, permissions: ['segments.list', 'segments.details'] }],
}

describe('GET /segments/list on the built-in fixtures', () => {
  let app: BrazeMockApp
  let fixtures: SegmentFixture[]
  beforeAll(async () => {
    app = await testApp()
    fixtures = JSON.parse(await readFile(new URL('../../fixtures/segments.json', import.meta.url), 'utf8'))
  })
  afterAll(() => app.close())

  it('lists the workspace\'s segments oldest first, archived ones left out, in Braze\'s item shape', async () => {
    const expected = fixtures
      .filter(s => s.workspace_id === BUILT_IN.lumen.workspaceId && !s.archived)
      .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
      .map(s => ({ id: s.id, name: s.name, analytics_tracking_enabled: s.analytics_tracking_enabled, tags: s.tags }))
    const response = await get(app, '/segments/list')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ segments: expected, message: 'success' })
    // Key order as Braze sends it: segments before message; items id, name, analytics_tracking_enabled, tags.
    expect(response.raw.startsWith('{"segments":[{"id":')).toBe(true)
    expect(Object.keys(response.body.segments[0])).toEqual(['id', 'name', 'analytics_tracking_enabled', 'tags'])
  })

  it('reverses the order with sort_direction=desc', async () => {
    const asc = await get(app, '/segments/list?sort_direction=asc')
    const desc = await get(app, '/segments/list?sort_direction=desc')
    expect(desc.body.segments).toEqual([...asc.body.segments].reverse())
  })

  it('answers an empty page past the end', async () => {
    expect((await get(app, '/segments/list?page=1')).body).toEqual({ segments: [], message: 'success' })
    expect((await get(app, '/segments/list?page=99999999999999999999')).body).toEqual({ segments: [], message: 'success' })
  })

  it('never lists another workspace\'s segments', async () => {
    const lumen = (await get(app, '/segments/list')).body.segments.map((s: Item) => s.id)
    const harbor = (await get(app, '/segments/list', BUILT_IN.harbor.keys.full)).body.segments.map((s: Item) => s.id)
    expect(harbor).toContain(BUILT_IN.harbor.segments.highBalance)
    expect(lumen.filter((id: string) => harbor.includes(id))).toEqual([])
  })

  it.each([
    ['page=-1', 'page must be an integer of 0 or more'],
    ['page=abc', 'page must be an integer of 0 or more'],
    ['page=1.5', 'page must be an integer of 0 or more'],
    ['page=', 'page must be an integer of 0 or more'],
    ['sort_direction=up', 'sort_direction must be one of: asc, desc'],
    ['sort_direction=DESC', 'sort_direction must be one of: asc, desc'],
  ])('answers 400 for %s', async (query, message) => {
    const response = await get(app, `/segments/list?${query}`)
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ message })
  })

  it('needs the segments.list permission', async () => {
    const response = await get(app, '/segments/list', BUILT_IN.lumen.keys.noSegmentsList)
    expect(response.status).toBe(403)
    expect(response.body).toEqual({ message: 'Access Denied: this API key lacks the segments.list permission' })
  })
})

describe('GET /segments/list on a workspace of generated segments', () => {
  let app: BrazeMockApp
  beforeAll(async () => {
    app = await testApp({ fixtures: GENERATED_FIXTURES })
  })
  afterAll(() => app.close())

  async function pages (direction: 'asc' | 'desc'): Promise<Item[][]> {
    const result: Item[][] = []
    for (let page = 0; ; page++) {
      const response = await get(app, `/segments/list?page=${page}&sort_direction=${direction}`, KEY)
      expect(response.status).toBe(200)
      result.push(response.body.segments)
      if (response.body.segments.length === 0) return result
    }
  }

  it.each(['asc', 'desc'] as const)('pages through every listed segment exactly once, 100 a page (%s)', async (direction) => {
    const all = await pages(direction)
    expect(all.at(-1)).toEqual([])
    for (const page of all.slice(0, -2)) expect(page).toHaveLength(100)
    expect(all.at(-2)!.length).toBeGreaterThan(0)
    expect(all.at(-2)!.length).toBeLessThanOrEqual(100)

    const ids = all.flat().map(s => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    // Some generated segments are archived; none of those is listed, every other one is.
    const segments = [...app.emulator.world.workspaces[0]!.segmentsById.values()]
    const archived = new Set(segments.filter(s => s.archived).map(s => s.id))
    expect(archived.size).toBeGreaterThan(0)
    expect(ids.length).toBe(GENERATED - archived.size)
    expect(ids.filter(id => archived.has(id))).toEqual([])

    // Ordered by creation, as /segments/details reports it.
    const sample = [ids[0]!, ids[ids.length >> 1]!, ids.at(-1)!]
    const created = await Promise.all(sample.map(async id =>
      Date.parse((await get(app, `/segments/details?segment_id=${id}`, KEY)).body.created_at)))
    expect(created).toEqual([...created].sort((a, b) => direction === 'asc' ? a - b : b - a))
    expect(created[0]).not.toBe(created[2])
  })

  it('generates the same segments on every start', async () => {
    const again = await testApp({ fixtures: GENERATED_FIXTURES })
    try {
      const first = await get(app, '/segments/list?page=7', KEY)
      const second = await get(again, '/segments/list?page=7', KEY)
      expect(first.body.segments).toHaveLength(100)
      expect(second.raw).toBe(first.raw)
    } finally {
      await again.close()
    }
  })
})
