// Many thousands of requests in-process, then the heap after a full collection: it must come back to about
// where it was after the warm-up. The journal is a bounded ring, the rate-limit pools one per workspace, the
// zone calendars and the kept answers bounded caches; anything kept per request, per key or per query string would show here.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, testApp } from '../helpers.js'

// gc() without starting node with --expose-gc: set the flag, then take gc from a fresh context.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const { lumen, harbor } = BUILT_IN
const KEY = `Bearer ${lumen.keys.full}`

/** Heap in use after collections settle (a few passes reach weakly held and finalised objects). */
async function settledHeap (): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc()
    await new Promise(resolve => setImmediate(resolve))
  }
  return process.memoryUsage().heapUsed
}

/** The i-th request of the mix: every endpoint, successes and each kind of error, with varying inputs. */
function nth (i: number): { method: 'GET' | 'POST' | 'DELETE', url: string, authorization?: string, payload?: object } {
  const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
  switch (i % 12) {
    case 0: return { method: 'GET', url: `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=${1 + (i % 100)}&ending_at=${day}`, authorization: KEY }
    case 1: return { method: 'GET', url: `/sessions/data_series?length=${1 + (i % 100)}&unit=hour&ending_at=${day}T12:00:00Z`, authorization: KEY }
    case 2: return { method: 'GET', url: `/sessions/data_series?length=30&app_id=${lumen.apps.ios}&segment_id=${lumen.segments.active7Days}`, authorization: KEY }
    case 3: return { method: 'GET', url: `/segments/list?page=${i % 3}&sort_direction=${i % 2 === 0 ? 'asc' : 'desc'}`, authorization: KEY }
    case 4: return { method: 'GET', url: `/segments/details?segment_id=${lumen.segments.holidayCampaign}`, authorization: KEY }
    // A unique unknown key each time: nothing may be kept per key.
    case 5: return { method: 'GET', url: '/segments/list', authorization: `Bearer unknown-${i}` }
    case 6: return { method: 'GET', url: `/sessions/data_series?length=${i}&junk${i}=${'x'.repeat(i % 500)}`, authorization: KEY }
    case 7: return { method: 'GET', url: `/nowhere/${i}`, authorization: KEY }
    case 8: return { method: 'GET', url: `/sessions/data_series?length=7&ending_at=${day}`, authorization: `Bearer ${harbor.keys.full}` }
    case 9: return { method: 'GET', url: '/segments/list', authorization: `Bearer ${lumen.keys.noSegmentsList}` }
    case 10: return { method: 'POST', url: '/_mock/overrides', payload: { app_id: lumen.apps.web, values: { [day]: i } } }
    default: return { method: 'GET', url: `/_mock/journal?limit=${i % 50}` }
  }
}

async function drive (app: BrazeMockApp, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const { method, url, authorization, payload } = nth(i)
    const response = await app.inject({ method, url, headers: authorization === undefined ? {} : { authorization }, ...(payload === undefined ? {} : { payload }) })
    if (response.statusCode >= 500) throw new Error(`${method} ${url}: ${response.statusCode}`)
    // Overrides are state the caller asked for; keep them from growing without bound across the run.
    if (i % 1000 === 999) app.control.clearOverrides()
  }
}

describe('leak: heap after many requests', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp({ journalSize: 1000 }) })
  afterAll(async () => { await app.close() })

  it('comes back to about where it was after the warm-up', async () => {
    // Warm-up: compiled schemas, zone calendar caches for these dates, a full journal, JIT.
    await drive(app, 0, 1000)
    // The answer cache holds up to its bound by design (test/emulator/answer-cache.test.ts shows the bound);
    // emptied on both sides, what is left to grow is anything kept that nothing bounds.
    app.emulator.answers.clear()
    const before = await settledHeap()
    await drive(app, 1000, 5000)
    expect(app.emulator.answers.size).toBeGreaterThan(0)
    expect(app.emulator.answers.bytes).toBeLessThanOrEqual(app.emulator.answers.maxBytes)
    app.emulator.answers.clear()
    const after = await settledHeap()
    // 5,000 requests: a leak of even 1 KB a request would add 5 MB (a run here grows well under 1 MB).
    expect(after - before).toBeLessThan(4 * 1024 * 1024)
    expect(app.control.journal().size).toBe(1000)
  })
})
