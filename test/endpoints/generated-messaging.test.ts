// Generated campaigns and Canvases through the real app: /campaigns/list and /canvas/list page through them
// beside the fixtures' own (100 a page, include_archived, sort_direction, last_edit.time[gt]), and every listed
// id answers in /campaigns/details and /canvas/details (BRAZE-EXPORT.md section 0 "Paging", rules 13 and 17).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { get, testApp } from '../helpers.js'

const KEY = 'generated-messaging-test-key'
const CAMPAIGNS = 250
const CANVASES = 120
const FIXTURES = {
  workspaces: [{
    id: 'bank',
    name: 'Harbor Bank',
    industry: 'finance',
    generate: { seed: 11, apps: 2, segments: 30, events: 20, products: 8, campaigns: CAMPAIGNS, canvases: CANVASES },
  }],
  api_keys: [{ key: KEY, workspace_id: 'bank', permissions: ['campaigns.list', 'campaigns.details', 'canvas.list', 'canvas.details'] }],
  campaigns: [{ id: 'fixture-campaign', workspace_id: 'bank', name: 'Card Activation Reminder', created_at: '2026-05-01', channels: ['email'] }],
}

interface Item { id: string, last_edited: string, name: string, tags: string[], is_api_campaign?: boolean }

describe('generated campaigns and Canvases through the list and details endpoints', () => {
  let app: BrazeMockApp
  beforeAll(async () => {
    app = await testApp({ fixtures: FIXTURES })
  })
  afterAll(() => app.close())

  async function pages (path: string, field: 'campaigns' | 'canvases', query: string): Promise<Item[][]> {
    const result: Item[][] = []
    for (let page = 0; ; page++) {
      const response = await get(app, `${path}?page=${page}&${query}`, KEY)
      expect(response.status).toBe(200)
      result.push(response.body[field])
      if (response.body[field].length === 0) return result
    }
  }

  const cases = [
    ['/campaigns/list', 'campaigns', CAMPAIGNS + 1],
    ['/canvas/list', 'canvases', CANVASES],
  ] as const

  describe.each(cases)('%s', (path, field, total) => {
    it('pages through every one exactly once, 100 a page, archived ones only when asked, desc the reverse of asc', async () => {
      const all = (await pages(path, field, 'include_archived=true')).flat()
      const listed = (await pages(path, field, 'include_archived=false')).flat()
      expect(all).toHaveLength(total)
      expect(new Set(all.map(c => c.id)).size).toBe(total)
      const sizes = (n: number) => {
        const full: number[] = []
        for (let left = n; left > 0; left -= 100) full.push(Math.min(100, left))
        return [...full, 0]
      }
      expect((await pages(path, field, 'include_archived=true')).map(p => p.length)).toEqual(sizes(total))
      expect((await pages(path, field, '')).map(p => p.length)).toEqual(sizes(listed.length))
      expect(listed.length).toBeLessThan(all.length) // some are archived
      expect(all.filter(c => listed.some(l => l.id === c.id))).toEqual(listed)
      const desc = (await pages(path, field, 'include_archived=true&sort_direction=desc')).flat()
      expect(desc).toEqual([...all].reverse())
      const names = all.map(c => c.name)
      expect(new Set(names).size).toBe(names.length)
    })

    it('keeps those last edited strictly after last_edit.time[gt], at the second the list shows', async () => {
      const all = (await pages(path, field, 'include_archived=true')).flat()
      const middle = [...all].sort((a, b) => a.last_edited < b.last_edited ? -1 : 1)[Math.floor(all.length / 2)]!
      const after = (await pages(path, field, `include_archived=true&last_edit.time%5Bgt%5D=${encodeURIComponent(middle.last_edited)}`)).flat()
      expect(after).toEqual(all.filter(c => Date.parse(c.last_edited) > Date.parse(middle.last_edited)))
      expect(after.map(c => c.id)).not.toContain(middle.id)
    })
  })

  it('answers /campaigns/details for every listed id, created oldest first as listed, its messages those of its channels', async () => {
    const all = (await pages('/campaigns/list', 'campaigns', 'include_archived=true')).flat()
    let previous = ''
    for (const item of all) {
      const response = await get(app, `/campaigns/details?campaign_id=${item.id}`, KEY)
      expect(response.status, item.name).toBe(200)
      const body = response.body
      expect(body.name).toBe(item.name)
      expect(body.tags).toEqual(item.tags)
      expect(body.created_at >= previous).toBe(true)
      previous = body.created_at
      expect(body.updated_at >= body.created_at).toBe(true)
      for (const message of Object.values(body.messages) as Array<{ channel: string }>) expect(body.channels).toContain(message.channel)
      expect(body.conversion_behaviors.length).toBeLessThanOrEqual(4)
      if (body.draft === true) expect([body.first_sent, body.last_sent]).toEqual([null, null])
    }
    expect(all.filter(c => c.is_api_campaign).length).toBeGreaterThan(0)
  })

  it('answers /canvas/details for every listed id, its variants starting on its own steps', async () => {
    const all = (await pages('/canvas/list', 'canvases', 'include_archived=true')).flat()
    for (const item of all) {
      const response = await get(app, `/canvas/details?canvas_id=${item.id}`, KEY)
      expect(response.status, item.name).toBe(200)
      const body = response.body
      expect(body.name).toBe(item.name)
      const steps = new Set(body.steps.map((s: { id: string }) => s.id))
      for (const variant of body.variants) {
        expect(variant.first_step_ids.every((id: string) => steps.has(id))).toBe(true)
        expect(variant.first_step_id).toBe(variant.first_step_ids[0])
      }
      for (const step of body.steps) for (const id of step.next_step_ids) expect(steps.has(id)).toBe(true)
    }
  })

  it('shows one of the generated campaigns whole, in Braze\'s key order', async () => {
    const first = (await get(app, '/campaigns/list?include_archived=true', KEY)).body.campaigns.find((c: Item) => c.id !== 'fixture-campaign')
    const body = (await get(app, `/campaigns/details?campaign_id=${first.id}`, KEY)).body
    expect(Object.keys(body)).toEqual(['message', 'created_at', 'updated_at', 'archived', 'draft', 'enabled', 'has_post_launch_draft', 'name',
      'description', 'schedule_type', 'channels', 'first_sent', 'last_sent', 'tags', 'teams', 'messages', 'conversion_behaviors'])
    expect(first.name).not.toBe('Card Activation Reminder')
  })
})
