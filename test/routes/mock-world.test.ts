// GET /_mock/world and its in-process twin braze.world(): what the emulator serves, the extra key masked,
// behind the control token and gone with the control plane.
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator, type BrazeMock, type StartOptions } from '../../src/index.js'
import { ENDPOINTS } from '../../src/endpoints/index.js'
import { BUILT_IN, NOW } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const started: BrazeMock[] = []
afterEach(async () => { await Promise.all(started.splice(0).map(mock => mock.close())) })

async function start (options: StartOptions = {}): Promise<BrazeMock> {
  const mock = await startEmulator({ now: NOW, ...options })
  started.push(mock)
  return mock
}

async function overHttp (mock: BrazeMock, headers: Record<string, string> = {}) {
  const response = await fetch(`${mock.url}/_mock/world`, { headers })
  return { status: response.status, body: await response.json() as Record<string, unknown> }
}

describe('/_mock/world', () => {
  it('answers the same listing through HTTP and in process', async () => {
    const mock = await start()
    const { status, body } = await overHttp(mock)
    expect(status).toBe(200)
    expect(body).toStrictEqual(await mock.world())
  })

  it('lists the workspaces with their zone, pools and entities', async () => {
    const world = await (await start()).world()
    expect(world.workspaces.map(w => [w.id, w.name, w.time_zone, w.industry])).toStrictEqual([
      [lumen.workspaceId, 'Lumen Fitness', 'UTC', 'fitness'],
      [harbor.workspaceId, 'Harbor Bank', 'America/New_York', 'finance'],
    ])
    const [lumenView, harborView] = world.workspaces
    expect(lumenView!.rate_limits).toStrictEqual([
      { pool: 'default', limit: 250000, window: 'hour' },
      { pool: 'custom-data', limit: 1000, window: 'hour' },
      { pool: 'campaign-analytics', limit: 50000, window: 'minute' },
    ])
    expect(lumenView!.apps.map(app => app.id)).toStrictEqual(expect.arrayContaining(Object.values(lumen.apps)))
    expect(lumenView!.apps.find(app => app.id === lumen.apps.ios)).toMatchObject({ platform: expect.any(String), created_at: expect.stringMatching(/Z$/) })
    expect(lumenView!.segments.find(s => s.id === lumen.segments.pushOptedIn)).toMatchObject({ analytics_tracking_enabled: false, archived: false })
    expect(lumenView!.segments.find(s => s.id === lumen.segments.springChallenge)).toMatchObject({ archived: true })
    expect(lumenView!.events.map(e => e.name)).toContain('Workout Completed')
    expect(lumenView!.products.every(p => typeof p.price === 'number')).toBe(true)
    expect(lumenView!.attributes.every(a => typeof a.data_type === 'string')).toBe(true)
    // Campaigns (archived ones too) with their send ids, and Canvases with their variants: what the series need.
    expect(lumenView!.campaigns.find(c => c.name === 'Personal Record Alert (API)')).toMatchObject({
      id: '58921843-1e0b-4ee5-a7be-99ae5052aa32',
      channels: ['ios_push', 'android_push'],
      archived: false,
      send_ids: expect.arrayContaining(['fcb627af-bf97-4520-9c76-df528de1c743']),
    })
    expect(lumenView!.campaigns.find(c => c.name === 'Spring Challenge 2024 Launch')).toMatchObject({ archived: true, send_ids: [] })
    expect(lumenView!.canvases.find(c => c.id === '0b6f2d4e-7a1c-4e38-9f25-3c8d1a6e5b47')!.variants.map(v => v.name)).toStrictEqual(['Email first', 'Tour first'])
    expect(harborView!.campaigns.length).toBe(4)
    // Generated segments are listed too: their ids could be found nowhere else.
    expect(harborView!.segments.length).toBeGreaterThanOrEqual(25)
  })

  it('lists the keys in full, with their workspace and permissions', async () => {
    const world = await (await start()).world()
    expect(world.keys.find(k => k.key === lumen.keys.full)).toMatchObject({
      workspace_id: lumen.workspaceId, masked: false, permissions: expect.arrayContaining(['sessions.data_series']),
    })
    expect(world.keys.find(k => k.key === lumen.keys.noSegmentsDataSeries)!.permissions).not.toContain('segments.data_series')
    expect(world.keys.find(k => k.key === harbor.keys.full)).toMatchObject({ workspace_id: harbor.workspaceId })
  })

  it('shows only the last four characters of BRAZE_MOCK_API_KEY', async () => {
    const apiKey = 'real-production-key-9f3e1a2b'
    const mock = await start({ apiKey })
    for (const world of [await mock.world(), (await overHttp(mock)).body as unknown as Awaited<ReturnType<BrazeMock['world']>>]) {
      expect(world.keys.find(k => k.name === 'BRAZE_MOCK_API_KEY')).toStrictEqual({
        name: 'BRAZE_MOCK_API_KEY', workspace_id: lumen.workspaceId, permissions: expect.any(Array), key: '…1a2b', masked: true,
      })
      expect(JSON.stringify(world)).not.toContain(apiKey)
    }
  })

  it('lists the endpoints from their definitions', async () => {
    const world = await (await start()).world()
    expect(world.endpoints.map(e => e.path)).toStrictEqual(ENDPOINTS.map(e => e.path))
    expect(world.endpoints.find(e => e.path === '/sessions/data_series')).toStrictEqual({
      path: '/sessions/data_series',
      permission: 'sessions.data_series',
      pool: 'default',
      parameters: ['length', 'unit', 'ending_at', 'app_id', 'segment_id'],
      required: ['length'],
      example: { length: '14', unit: 'day', ending_at: '2026-11-20', app_id: lumen.apps.ios },
      metrics: [{ id: 'sessions', key: 'sessions', entity: 'app', hours: true, aggregate: 'sum' }],
    })
  })

  it('needs the control token when one is set', async () => {
    const mock = await start({ controlToken: 'sesame' })
    expect(await overHttp(mock)).toMatchObject({ status: 401, body: { message: expect.any(String) } })
    expect((await overHttp(mock, { authorization: 'Bearer sesame' })).status).toBe(200)
  })

  it('is 404 with the control plane off', async () => {
    const mock = await start({ control: false })
    expect((await overHttp(mock)).status).toBe(404)
  })
})

// The console's page and files (src/routes/mock-console.ts) live beside the listing they show: here rather
// than only in the browser suite, which is skipped where there is no Chromium.
describe('/_mock/, the console', () => {
  it('serves its page, its scripts and the chart library, and nothing else', async () => {
    const mock = await start()
    const get = async (path: string) => {
      const response = await fetch(`${mock.url}${path}`)
      return { status: response.status, type: response.headers.get('content-type'), body: await response.text() }
    }
    expect(await get('/_mock/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: expect.stringContaining('/_mock/console/console.js') })
    expect(await get('/_mock')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' })
    expect(await get('/_mock/console/console.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' })
    expect(await get('/_mock/console/vendor/uPlot.esm.js')).toMatchObject({ status: 200, body: expect.stringContaining('export { uPlot as default }') })
    expect(await get('/_mock/console/vendor/uPlot.cjs.js')).toMatchObject({ status: 404, body: '{"message":"no console file uPlot.cjs.js"}' })
    expect(await get('/_mock/console/..%2Fpackage.json')).toMatchObject({ status: 404 })
  })

  it('is 404 with the control plane off', async () => {
    const mock = await start({ control: false })
    for (const path of ['/_mock/', '/_mock/console/console.js', '/_mock/console/vendor/uPlot.esm.js']) {
      expect((await fetch(`${mock.url}${path}`)).status, path).toBe(404)
    }
  })
})
