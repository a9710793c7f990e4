import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

interface Item { id: string, last_edited: string, name: string, tags: string[] }
interface CanvasFixture { id: string, workspace_id: string, name: string, created_at: string, updated_at?: string, archived?: boolean, tags?: string[] }

const WORKSPACE = 'c7e4d2f3-5a6b-4c8d-9e0f-1a2b3c4d5e6f'
const KEY = 'canvas-list-test-key'
const MANY = 230
/** 230 Canvases an hour apart, every seventh archived, every fifth stopped (listed all the same). */
const MANY_FIXTURES = {
  workspaces: [{ id: WORKSPACE, name: 'Many Canvases' }],
  api_keys: [{ key: KEY, workspace_id: WORKSPACE, permissions: ['canvas.list'] }],
  canvases: Array.from({ length: MANY }, (_, i) => ({
    id: `canvas-${String((i * 101) % MANY).padStart(3, '0')}`,
    workspace_id: WORKSPACE,
    name: `Canvas ${i}`,
    created_at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    archived: i % 7 === 0,
    enabled: i % 5 !== 0,
    variants: [{ id: 'variant', name: 'Variant 1', first_step_ids: ['step'] }],
    steps: [{ id: 'step', name: 'Step' }],
  })),
}

const brazeTime = (text: string) => new Date(text).toISOString().replace(/\.\d{3}Z$/, '+00:00')

describe('GET /canvas/list on the built-in fixtures', () => {
  let app: BrazeMockApp
  let fixtures: CanvasFixture[]
  beforeAll(async () => {
    app = await testApp()
    fixtures = JSON.parse(await readFile(new URL('../../fixtures/canvases.json', import.meta.url), 'utf8'))
  })
  afterAll(() => app.close())

  const lumen = (archived: boolean) => fixtures
    .filter(c => c.workspace_id === BUILT_IN.lumen.workspaceId && (archived || c.archived !== true))
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
    .map(c => ({ id: c.id, last_edited: brazeTime(c.updated_at ?? c.created_at), name: c.name, tags: c.tags ?? [] }))

  it('lists the workspace\'s Canvases oldest first, archived ones left out, items then message, in Braze\'s key order', async () => {
    const response = await get(app, '/canvas/list')
    expect(response.status).toBe(200)
    expect(response.body).toStrictEqual({
      canvases: [
        { id: '0b6f2d4e-7a1c-4e38-9f25-3c8d1a6e5b47', last_edited: '2026-09-18T12:34:56+00:00', name: 'New Member Onboarding', tags: ['onboarding'] },
        { id: '3919ff9e-7966-424e-9308-349584459180', last_edited: '2026-11-02T08:00:00+00:00', name: 'Trial Conversion Journey', tags: ['trial', 'monetization'] },
      ],
      message: 'success',
    })
    expect(response.body.canvases).toStrictEqual(lumen(false))
    expect(response.raw.startsWith('{"canvases":[{"id":')).toBe(true)
    // The order Airbyte recorded from Braze (BRAZE-EXPORT.md section 5), not the docs' order.
    expect(Object.keys(response.body.canvases[0])).toEqual(['id', 'name', 'tags', 'last_edited'])
  })

  it('lists the archived Canvas with include_archived=true, in creation order', async () => {
    const response = await get(app, '/canvas/list?include_archived=true')
    expect(response.body.canvases).toStrictEqual(lumen(true))
    expect(response.body.canvases.map((c: Item) => c.name)).toEqual(['New Member Onboarding', 'Win-back 2025', 'Trial Conversion Journey'])
  })

  it('reverses the order with sort_direction=desc', async () => {
    const asc = await get(app, '/canvas/list?include_archived=true')
    const desc = await get(app, '/canvas/list?include_archived=true&sort_direction=desc')
    expect(desc.body.canvases).toEqual([...asc.body.canvases].reverse())
  })

  it('keeps Canvases last edited strictly after last_edit.time[gt]: a date alone, and the docs\' -5:00 form', async () => {
    expect((await get(app, '/canvas/list?last_edit.time[gt]=2026-10-01')).body.canvases.map((c: Item) => c.name)).toEqual(['Trial Conversion Journey'])
    // 07:34:56-5:00 is 12:34:56Z, New Member Onboarding's last edit: not strictly after it.
    expect((await get(app, '/canvas/list?last_edit.time[gt]=2026-09-18T07:34:56-5:00')).body.canvases.map((c: Item) => c.name)).toEqual(['Trial Conversion Journey'])
    expect((await get(app, '/canvas/list?last_edit.time[gt]=2026-09-18T07:34:55-5:00')).body.canvases.map((c: Item) => c.name))
      .toEqual(['New Member Onboarding', 'Trial Conversion Journey'])
  })

  it('never lists another workspace\'s Canvases', async () => {
    const harbor = await get(app, '/canvas/list?include_archived=true', BUILT_IN.harbor.keys.full)
    expect(harbor.body.canvases.map((c: Item) => c.name)).toEqual(['Account Opening Journey'])
  })

  it.each([
    ['page=-1', 'page must be an integer of 0 or more'],
    ['include_archived=1', 'include_archived must be one of: true, false'],
    ['sort_direction=down', 'sort_direction must be one of: asc, desc'],
    ['last_edit.time[gt]=2026-02-30', 'last_edit.time[gt] must be an ISO 8601 date or date-time, such as 2020-06-28T23:59:59-5:00'],
  ])('answers 400 for %s', async (query, message) => {
    const response = await get(app, `/canvas/list?${query}`)
    expect(response.status).toBe(400)
    expect(response.body).toStrictEqual({ message })
  })
})

describe('GET /canvas/list on a workspace of 230 Canvases', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp({ fixtures: MANY_FIXTURES }) })
  afterAll(() => app.close())

  it.each([['asc', false], ['desc', false], ['asc', true], ['desc', true]] as const)(
    'pages through every Canvas exactly once, 100 a page, stopped ones included (%s, include_archived=%s)', async (direction, archived) => {
      const all: Item[][] = []
      for (let page = 0; all.at(-1)?.length !== 0; page++) {
        const response = await get(app, `/canvas/list?page=${page}&sort_direction=${direction}&include_archived=${archived}`, KEY)
        expect(response.status).toBe(200)
        all.push(response.body.canvases)
      }
      const listed = MANY_FIXTURES.canvases.filter(c => archived || !c.archived).map(c => c.id)
      expect(all.map(page => page.length)).toEqual(archived ? [100, 100, 30, 0] : [100, 97, 0])
      expect(all.flat().map(c => c.id)).toEqual(direction === 'asc' ? listed : listed.reverse())
    })
})
