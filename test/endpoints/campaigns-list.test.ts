import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

interface Item { id: string, last_edited: string, name: string, is_api_campaign: boolean, tags: string[] }
interface CampaignFixture { id: string, workspace_id: string, name: string, created_at: string, updated_at?: string, archived?: boolean, is_api_campaign?: boolean, tags?: string[] }

const WORKSPACE = 'b6d3c1e2-4f5a-4b7c-8d9e-0a1b2c3d4e5f'
const KEY = 'campaigns-list-test-key'
const MANY = 250
/** 250 campaigns a day apart, created in an order unlike their ids; every tenth archived. */
const MANY_FIXTURES = {
  workspaces: [{ id: WORKSPACE, name: 'Many campaigns' }],
  api_keys: [{ key: KEY, workspace_id: WORKSPACE, permissions: ['campaigns.list', 'campaigns.details'] }],
  campaigns: Array.from({ length: MANY }, (_, i) => ({
    id: `campaign-${String((i * 7919) % MANY).padStart(3, '0')}`,
    workspace_id: WORKSPACE,
    name: `Campaign ${i}`,
    created_at: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString(),
    archived: i % 10 === 0,
    channels: ['email'],
  })),
}

/** 2022-11-29T14:59:02+00:00, as Airbyte's recording shows last_edited. */
const brazeTime = (text: string) => new Date(text).toISOString().replace(/\.\d{3}Z$/, '+00:00')

describe('GET /campaigns/list on the built-in fixtures', () => {
  let app: BrazeMockApp
  let fixtures: CampaignFixture[]
  beforeAll(async () => {
    app = await testApp()
    fixtures = JSON.parse(await readFile(new URL('../../fixtures/campaigns.json', import.meta.url), 'utf8'))
  })
  afterAll(() => app.close())

  const lumen = (archived: boolean) => fixtures
    .filter(c => c.workspace_id === BUILT_IN.lumen.workspaceId && (archived || c.archived !== true))
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
    .map(c => ({
      id: c.id,
      last_edited: brazeTime(c.updated_at ?? c.created_at),
      name: c.name,
      is_api_campaign: c.is_api_campaign ?? false,
      tags: c.tags ?? [],
    }))

  it('lists the workspace\'s campaigns oldest first, archived ones left out, in Braze\'s item shape and key order', async () => {
    const response = await get(app, '/campaigns/list')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ campaigns: lumen(false), message: 'success' })
    expect(response.body.campaigns).toHaveLength(8)
    expect(response.raw.startsWith('{"campaigns":[{"id":')).toBe(true)
    // The order Airbyte recorded from Braze (BRAZE-EXPORT.md section 5), not the docs' order.
    expect(Object.keys(response.body.campaigns[0])).toEqual(['id', 'name', 'is_api_campaign', 'tags', 'last_edited'])
    expect(response.body.campaigns[0]).toEqual({
      id: '5f0c3a8e-2b7d-4c61-9e4a-8d1f6b2c7a90',
      last_edited: '2025-08-14T09:30:11+00:00',
      name: 'Welcome Email',
      is_api_campaign: false,
      tags: ['onboarding', 'email'],
    })
    expect(response.body.campaigns.filter((c: Item) => c.is_api_campaign).map((c: Item) => c.name)).toEqual(['Personal Record Alert (API)'])
  })

  it('answers Airbyte\'s connection check (page=0 with a Bearer key) with a 200', async () => {
    const response = await get(app, '/campaigns/list?page=0')
    expect(response.status).toBe(200)
    expect(response.body.message).toBe('success')
    expect(response.body.campaigns.length).toBeGreaterThan(0)
  })

  it('lists archived campaigns too with include_archived=true, and not with false', async () => {
    expect((await get(app, '/campaigns/list?include_archived=true')).body).toEqual({ campaigns: lumen(true), message: 'success' })
    expect((await get(app, '/campaigns/list?include_archived=true')).body.campaigns.map((c: Item) => c.name)).toContain('Spring Challenge 2024 Launch')
    expect((await get(app, '/campaigns/list?include_archived=false')).body).toEqual({ campaigns: lumen(false), message: 'success' })
  })

  it('reverses the order with sort_direction=desc', async () => {
    const asc = await get(app, '/campaigns/list?sort_direction=asc&include_archived=true')
    const desc = await get(app, '/campaigns/list?sort_direction=desc&include_archived=true')
    expect(desc.body.campaigns).toEqual([...asc.body.campaigns].reverse())
  })

  it('keeps campaigns last edited strictly after last_edit.time[gt], a date alone included (Airbyte sends one)', async () => {
    const after = (instant: number) => lumen(false).filter(c => Date.parse(c.last_edited) > instant)
    const dateAlone = await get(app, '/campaigns/list?last_edit.time[gt]=2026-01-01')
    expect(dateAlone.status).toBe(200)
    expect(dateAlone.body.campaigns).toEqual(after(Date.UTC(2026, 0, 1)))
    expect(dateAlone.body.campaigns.length).toBeGreaterThan(0)
    expect(dateAlone.body.campaigns.length).toBeLessThan(lumen(false).length)
    // The docs' own form, a one-digit hour offset: 05:05-5:00 is 10:05Z, the instant Premium Upgrade In-App was
    // last edited, which is not strictly after it.
    const docsForm = await get(app, '/campaigns/list?last_edit.time%5Bgt%5D=2026-06-11T05:05:00-5:00')
    expect(docsForm.body.campaigns).toEqual(after(Date.UTC(2026, 5, 11, 10, 5)))
    expect(docsForm.body.campaigns.map((c: Item) => c.name)).not.toContain('Premium Upgrade In-App')
    const aSecondEarlier = await get(app, '/campaigns/list?last_edit.time%5Bgt%5D=2026-06-11T05:04:59-5:00')
    expect(aSecondEarlier.body.campaigns.map((c: Item) => c.name)).toContain('Premium Upgrade In-App')
  })

  it('reads a date alone as the start of that day in the workspace\'s zone (Harbor: New York)', async () => {
    // Harbor's Card Activation Reminder was last edited 2026-04-01T15:00Z; the New York day 2026-04-01 starts
    // at 04:00Z, so a date alone of that day keeps it, and of the next day does not.
    const names = async (query: string) => (await get(app, `/campaigns/list?${query}`, BUILT_IN.harbor.keys.full)).body.campaigns.map((c: Item) => c.name)
    expect(await names('last_edit.time[gt]=2026-04-01')).toContain('Card Activation Reminder')
    expect(await names('last_edit.time[gt]=2026-04-02')).not.toContain('Card Activation Reminder')
  })

  it('answers an empty page past the end', async () => {
    expect((await get(app, '/campaigns/list?page=1')).body).toEqual({ campaigns: [], message: 'success' })
  })

  it('never lists another workspace\'s campaigns', async () => {
    const lumenIds = (await get(app, '/campaigns/list?include_archived=true')).body.campaigns.map((c: Item) => c.id)
    const harbor = (await get(app, '/campaigns/list?include_archived=true', BUILT_IN.harbor.keys.full)).body.campaigns.map((c: Item) => c.name)
    expect(harbor).toEqual(['Paper Statement Sunset', 'Card Activation Reminder', 'Low Balance Alert (API)', 'Savings Vault Plus Offer'])
    expect(lumenIds.filter((id: string) => fixtures.some(c => c.id === id && c.workspace_id !== BUILT_IN.lumen.workspaceId))).toEqual([])
  })

  it.each([
    ['page=-1', 'page must be an integer of 0 or more'],
    ['page=abc', 'page must be an integer of 0 or more'],
    ['include_archived=yes', 'include_archived must be one of: true, false'],
    ['include_archived=TRUE', 'include_archived must be one of: true, false'],
    ['sort_direction=up', 'sort_direction must be one of: asc, desc'],
    ['last_edit.time[gt]=yesterday', 'last_edit.time[gt] must be an ISO 8601 date or date-time, such as 2020-06-28T23:59:59-5:00'],
    ['last_edit.time[gt]=', 'last_edit.time[gt] must be an ISO 8601 date or date-time, such as 2020-06-28T23:59:59-5:00'],
    ['last_edit.time[gt]=2026-13-01', 'last_edit.time[gt] must be an ISO 8601 date or date-time, such as 2020-06-28T23:59:59-5:00'],
  ])('answers 400 for %s', async (query, message) => {
    const response = await get(app, `/campaigns/list?${query}`)
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ message })
  })
})

describe('GET /campaigns/list on a workspace of 250 campaigns', () => {
  let app: BrazeMockApp
  beforeAll(async () => {
    app = await testApp({ fixtures: MANY_FIXTURES })
  })
  afterAll(() => app.close())

  async function pages (query: string): Promise<Item[][]> {
    const result: Item[][] = []
    for (let page = 0; ; page++) {
      const response = await get(app, `/campaigns/list?page=${page}&${query}`, KEY)
      expect(response.status).toBe(200)
      result.push(response.body.campaigns)
      if (response.body.campaigns.length === 0) return result
    }
  }

  const created = (archived: boolean) => MANY_FIXTURES.campaigns.filter(c => archived || !c.archived).map(c => c.id)

  it.each([
    ['asc', false],
    ['desc', false],
    ['asc', true],
    ['desc', true],
  ] as const)('pages through every campaign exactly once, 100 a page, by creation (%s, include_archived=%s)', async (direction, archived) => {
    const all = await pages(`sort_direction=${direction}&include_archived=${archived}`)
    const expected = direction === 'asc' ? created(archived) : created(archived).reverse()
    expect(all.map(page => page.length)).toEqual(archived ? [100, 100, 50, 0] : [100, 100, 25, 0])
    expect(all.flat().map(c => c.id)).toEqual(expected)
  })

  it('pages within the filtered campaigns when last_edit.time[gt] is given', async () => {
    // Campaign i was created (and last edited) on 2025-01-01 + i days: after 2025-01-31 leaves i from 31 on.
    const all = await pages('last_edit.time[gt]=2025-01-31&include_archived=true')
    expect(all.map(page => page.length)).toEqual([100, 100, 19, 0])
    expect(all.flat().map(c => c.id)).toEqual(created(true).slice(31))
  })
})
