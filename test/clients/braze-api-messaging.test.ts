// The npm braze-api client (2.13.x), unchanged, against startEmulator() over a real socket, on the campaign and
// Canvas family. What it can read of the family is GET /campaigns/list, /campaigns/details and /canvas/list, every
// parameter it types included; each call must resolve with exactly what a plain request to the same URL answers.
//
// What it cannot read: it has no method for /campaigns/data_series, /sends/data_series, /canvas/details,
// /canvas/data_series or /canvas/data_summary (its campaigns namespace is details, list and trigger; canvas is list
// and trigger; sends is id.create), and its request helpers are not exported. The last test fails if a later
// version adds any of them, so that this file starts reading them then. Its trigger and send-id methods POST to
// Braze's messaging endpoints, which the emulator does not serve (BRAZE-EXPORT.md section 0, "Scope").
//
// The client types /campaigns/details' `messages` as an array; Braze documents, and the emulator serves, an object
// keyed by message variation id (BRAZE-EXPORT.md section 3.6, C1). Types only: the call resolves with the object.
import { Braze } from 'braze-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type BrazeMock } from '../../src/index.js'
import { BUILT_IN } from '../helpers.js'

const { lumen, harbor } = BUILT_IN

describe('the braze-api npm client on the campaign and Canvas family', () => {
  let emulator: BrazeMock
  beforeAll(async () => { emulator = await startEmulator({ now: '2026-11-23T12:00:00Z' }) })
  afterAll(() => emulator.close())

  /** The same URL the client builds, read as any HTTP client would. */
  async function direct (key: string, path: string, params: Record<string, string> = {}): Promise<unknown> {
    const query = new URLSearchParams(params).toString()
    const response = await fetch(`${emulator.url}${path}${query === '' ? '' : `?${query}`}`, { headers: { authorization: `Bearer ${key}` } })
    expect(response.status, path).toBe(200)
    return response.json()
  }

  it('lists campaigns with every parameter it types, each answer the emulator\'s own', async () => {
    const braze = new Braze(emulator.url, lumen.keys.full)
    const cases = [
      [{}, {}],
      [{ page: 0 }, { page: '0' }],
      [{ page: 1 }, { page: '1' }],
      [{ include_archived: true }, { include_archived: 'true' }],
      [{ include_archived: false, sort_direction: 'desc' }, { include_archived: 'false', sort_direction: 'desc' }],
      [{ 'last_edit.time[gt]': '2026-01-01' }, { 'last_edit.time[gt]': '2026-01-01' }],
      [{ 'last_edit.time[gt]': '2020-06-28T23:59:59-5:00', include_archived: true }, { 'last_edit.time[gt]': '2020-06-28T23:59:59-5:00', include_archived: 'true' }],
    ] as const
    for (const [parameters, query] of cases) {
      const answer = await braze.campaigns.list(parameters)
      expect(answer, JSON.stringify(parameters)).toStrictEqual(await direct(lumen.keys.full, '/campaigns/list', query))
    }
    expect((await braze.campaigns.list({ include_archived: true })).campaigns.length).toBeGreaterThan((await braze.campaigns.list()).campaigns.length)
    expect((await braze.campaigns.list({ page: 1 })).campaigns).toStrictEqual([])
    const recent = (await braze.campaigns.list({ 'last_edit.time[gt]': '2026-01-01' })).campaigns
    expect(recent.length).toBeGreaterThan(0)
    expect(recent.every(c => c.last_edited > '2026-01-01')).toBe(true)
  })

  it('reads every campaign\'s details, in both workspaces, archived ones too', async () => {
    for (const key of [lumen.keys.full, harbor.keys.full]) {
      const braze = new Braze(emulator.url, key)
      const { campaigns } = await braze.campaigns.list({ include_archived: true })
      expect(campaigns.length).toBeGreaterThan(0)
      for (const { id, name } of campaigns) {
        const details = await braze.campaigns.details({ campaign_id: id })
        expect(details, name).toStrictEqual(await direct(key, '/campaigns/details', { campaign_id: id }))
        expect(details).toMatchObject({ message: 'success', name })
        // Typed as an array by the client: the documented object keyed by message variation id.
        expect(Array.isArray(details.messages), name).toBe(false)
        expect(typeof details.messages, name).toBe('object')
      }
    }
  })

  it('lists Canvases with every parameter it types, each answer the emulator\'s own', async () => {
    const braze = new Braze(emulator.url, lumen.keys.full)
    const cases = [
      [{}, {}],
      [{ page: 0, sort_direction: 'desc' }, { page: '0', sort_direction: 'desc' }],
      [{ include_archived: true }, { include_archived: 'true' }],
      [{ 'last_edit.time[gt]': '2026-01-01', include_archived: false }, { 'last_edit.time[gt]': '2026-01-01', include_archived: 'false' }],
    ] as const
    for (const [parameters, query] of cases) {
      const answer = await braze.canvas.list(parameters)
      expect(answer, JSON.stringify(parameters)).toStrictEqual(await direct(lumen.keys.full, '/canvas/list', query))
    }
    const all = await braze.canvas.list({ include_archived: true })
    expect(all.canvases.map(c => c.name)).toContain('Win-back 2025')
    expect((await braze.canvas.list()).canvases.map(c => c.name)).not.toContain('Win-back 2025')
    expect((await new Braze(emulator.url, harbor.keys.full).canvas.list()).canvases.map(c => c.name)).toStrictEqual(['Account Opening Journey'])
  })

  it('rejects with a ResponseError carrying Braze\'s status and message for an unknown campaign and a wrong key', async () => {
    const unknown = await new Braze(emulator.url, lumen.keys.full).campaigns.details({ campaign_id: 'nope' }).catch((e: unknown) => e)
    expect((unknown as Error).constructor.name).toBe('ResponseError')
    expect(unknown).toMatchObject({ status: 400, message: 'campaign_id must be a string of the Campaign api identifier' })
    // Another workspace's campaign is unknown too.
    const foreign = await new Braze(emulator.url, harbor.keys.full).campaigns.details({ campaign_id: '5f0c3a8e-2b7d-4c61-9e4a-8d1f6b2c7a90' }).catch((e: unknown) => e)
    expect(foreign).toMatchObject({ status: 400, message: 'campaign_id must be a string of the Campaign api identifier' })
    const wrongKey = await new Braze(emulator.url, 'wrong-key').canvas.list().catch((e: unknown) => e)
    expect(wrongKey).toMatchObject({ status: 401, message: 'Invalid API key: wrong-key' })
  })

  it('has no method for campaign, send or Canvas analytics, nor Canvas details (skipped, see the header)', () => {
    const braze = new Braze(emulator.url, lumen.keys.full)
    expect(Object.keys(braze.campaigns).sort()).toStrictEqual(['details', 'list', 'trigger'])
    expect(Object.keys(braze.canvas).sort()).toStrictEqual(['list', 'trigger'])
    expect(Object.keys(braze.sends).sort()).toStrictEqual(['id'])
    expect(Object.keys(braze.sends.id).sort()).toStrictEqual(['create'])
  })
})
