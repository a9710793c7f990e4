// The npm braze-api client (2.13.x), unchanged, against startEmulator() over a real socket, on the
// user-activity family of issue 12. What it can read of the family is the segment series, whose sizes now
// come from the same simulated users as the KPIs: it reads them, and they agree with the KPIs served on the
// same socket.
//
// What it cannot read: the client has no method for /kpi/{new_users,dau,mau,uninstalls}/data_series,
// /events/list, /events, /events/data_series, /custom_attributes, /purchases/product_list,
// /purchases/quantity_series or /purchases/revenue_series (its Braze class has campaigns, canvas, catalogs,
// email, messages, segments, sends, subscription, templates, transactional, users and v2 only, and its
// request helpers are not exported). Those calls are skipped; the last test fails if a later version of the
// client adds any of them, so that this file starts reading them then.
import { Braze } from 'braze-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type BrazeMock } from '../../src/index.js'
import { BUILT_IN } from '../helpers.js'

const { lumen } = BUILT_IN

describe('the braze-api npm client on the user-activity family', () => {
  let emulator: BrazeMock
  let braze: Braze
  beforeAll(async () => {
    emulator = await startEmulator({ now: '2026-11-23T12:00:00Z' })
    braze = new Braze(emulator.url, lumen.keys.full)
  })
  afterAll(() => emulator.close())

  /** A KPI series over the same socket, read as any HTTP client would (the client has no method for it). */
  async function kpi (name: string, query: string): Promise<number[]> {
    const response = await fetch(`${emulator.url}/kpi/${name}/data_series?${query}`, { headers: { authorization: `Bearer ${lumen.keys.full}` } })
    expect(response.status).toBe(200)
    const body = await response.json() as { data: Array<Record<string, number>> }
    return body.data.map(p => p[name]!)
  }

  it('reads segment sizes from the one world: All Users and the 7-day audience, which holds each day\'s DAU', async () => {
    const window = { length: 30, ending_at: '2026-11-20T00:00:00Z' }
    const all = await braze.segments.analytics({ segment_id: lumen.segments.allUsers, ...window })
    const active = await braze.segments.analytics({ segment_id: lumen.segments.active7Days, ...window })
    expect(all.message).toBe('success')
    expect(all.data.map(p => p.time)).toStrictEqual(Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 9, 21 + i)).toISOString().slice(0, 10)))
    const dau = await kpi('dau', 'length=30&ending_at=2026-11-20')
    const mau = await kpi('mau', 'length=30&ending_at=2026-11-20')
    for (let i = 0; i < 30; i++) {
      const day = all.data[i]!.time
      expect(active.data[i]!.time).toBe(day)
      expect(active.data[i]!.size, day).toBeLessThanOrEqual(all.data[i]!.size)
      expect(active.data[i]!.size, day).toBeGreaterThanOrEqual(dau[i]!)
      expect(active.data[i]!.size, day).toBeLessThanOrEqual(mau[i]!)
      expect(all.data[i]!.size, day).toBeGreaterThanOrEqual(mau[i]!)
    }
  })

  it('reads the segments it can filter the family\'s series by: the analytics-enabled ones, with their details', async () => {
    const list = await braze.segments.list({ page: 0 })
    const tracked = list.segments.filter(s => s.analytics_tracking_enabled)
    expect(tracked.map(s => s.id)).toContain(lumen.segments.active7Days)
    expect(list.segments.find(s => s.id === lumen.segments.pushOptedIn)?.analytics_tracking_enabled).toBe(false)
    const details = await braze.segments.details({ segment_id: lumen.segments.active7Days })
    expect(details).toMatchObject({ message: 'success', name: 'Active in the Last 7 Days' })
  })

  it('has no method for the KPI, custom event, custom attribute or purchase endpoints (skipped, see the header)', () => {
    const namespaces = Object.keys(braze).filter(k => !['apiUrl', 'apiKey'].includes(k)).sort()
    expect(namespaces).toStrictEqual(['campaigns', 'canvas', 'catalogs', 'email', 'messages', 'segments', 'sends', 'subscription', 'templates', 'transactional', 'users', 'v2'])
    for (const missing of ['kpi', 'events', 'purchases', 'custom_attributes', 'customAttributes', 'sessions']) {
      expect(missing in braze, missing).toBe(false)
    }
    expect(Object.keys(braze.segments).sort()).toStrictEqual(['analytics', 'details', 'list'])
  })
})
