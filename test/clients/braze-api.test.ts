// A third-party client, unchanged, against the running emulator: what a user's integration would do.
import { Braze } from 'braze-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, testApp } from '../helpers.js'

describe('the braze-api npm client', () => {
  let app: BrazeMockApp
  let url: string
  beforeAll(async () => {
    app = await testApp()
    url = await app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(() => app.close())

  it('lists segments, reads details and fetches a series', async () => {
    const braze = new Braze(url, BUILT_IN.lumen.keys.full)
    const list = await braze.segments.list({ page: 0, sort_direction: 'desc' })
    expect(list.message).toBe('success')
    expect(list.segments.length).toBeGreaterThan(10)
    const newest = list.segments[0]!
    expect(newest.name).toBe('Holiday Campaign 2026')

    const details = await braze.segments.details({ segment_id: newest.id })
    expect(details).toMatchObject({ message: 'success', name: 'Holiday Campaign 2026', created_at: '2026-11-10T14:00:00.000Z' })

    const series = await braze.segments.analytics({ segment_id: newest.id, length: 14, ending_at: '2026-11-20T00:00:00Z' })
    expect(series.message).toBe('success')
    expect(series.data.map(point => point.time)).toEqual(
      Array.from({ length: 14 }, (_, i) => `2026-11-${String(6 + i).padStart(2, '0')}`))
    expect(series.data.slice(0, 4).map(point => point.size)).toEqual([0, 0, 0, 0])
    expect(series.data.slice(4).every(point => point.size > 0)).toBe(true)
  })

  it('gets a ResponseError with status 401 on a wrong key', async () => {
    const braze = new Braze(url, 'wrong-key')
    const error = await braze.segments.list().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).constructor.name).toBe('ResponseError')
    expect(error).toMatchObject({ status: 401, message: 'Invalid API key: wrong-key' })
  })
})
