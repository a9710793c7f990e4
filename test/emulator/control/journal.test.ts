// The request journal as a unit (src/emulator/journal.ts): a ring of fixed capacity, oldest first, filters;
// then through the app on every endpoint of the table.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../../src/app.js'
import { Journal } from '../../../src/emulator/journal.js'
import { ENDPOINT_TABLE, fixturesFor } from '../../endpoints.js'
import { BUILT_IN, get, testApp } from '../../helpers.js'

const T0 = Date.UTC(2026, 10, 23, 12)
const entry = (path: string, status: number | null = 200) => ({
  method: 'GET', path, query: {}, workspace_id: 'w', status, request_id: `r-${path}`, fault: null,
})

describe('Journal', () => {
  it('numbers entries from 1, stamps them with the given instant and lists them oldest first', () => {
    const journal = new Journal(10)
    journal.record(T0, entry('/a'))
    journal.record(T0 + 1500, entry('/b', 401))
    expect(journal.list()).toEqual([
      { ...entry('/a'), seq: 1, time: '2026-11-23T12:00:00.000Z' },
      { ...entry('/b', 401), seq: 2, time: '2026-11-23T12:00:01.500Z' },
    ])
    expect([journal.size, journal.capacity, journal.dropped]).toEqual([2, 10, 0])
  })

  it('drops the oldest past its capacity, keeps order across the wrap, and counts the drops', () => {
    const journal = new Journal(3)
    for (let i = 1; i <= 8; i++) journal.record(T0 + i, entry(`/${i}`))
    expect(journal.list().map(e => [e.seq, e.path])).toEqual([[6, '/6'], [7, '/7'], [8, '/8']])
    expect([journal.size, journal.dropped]).toEqual([3, 5])
  })

  it('lists copies: an entry listed before its place in the ring is written over stays as it was', () => {
    const journal = new Journal(2)
    journal.record(T0, entry('/a'))
    journal.record(T0 + 1, entry('/b', 429))
    const listed = journal.list()
    journal.record(T0 + 2, { ...entry('/c', null), query: { length: '14' }, workspace_id: null, fault: 'drop' })
    journal.record(T0 + 3, entry('/d'))
    expect(listed).toEqual([
      { ...entry('/a'), seq: 1, time: '2026-11-23T12:00:00.000Z' },
      { ...entry('/b', 429), seq: 2, time: '2026-11-23T12:00:00.001Z' },
    ])
    expect(journal.list()).toEqual([
      { ...entry('/c', null), query: { length: '14' }, workspace_id: null, fault: 'drop', seq: 3, time: '2026-11-23T12:00:00.002Z' },
      { ...entry('/d'), seq: 4, time: '2026-11-23T12:00:00.003Z' },
    ])
  })

  it('filters by exact path, exact status, since (inclusive) and until (exclusive), together', () => {
    const journal = new Journal(10)
    journal.record(T0, entry('/a'))
    journal.record(T0 + 10, entry('/a', 429))
    journal.record(T0 + 20, entry('/b', null))
    journal.record(T0 + 30, entry('/a/'))
    const seqs = (filter: Parameters<Journal['list']>[0]) => journal.list(filter).map(e => e.seq)
    expect(seqs({ path: '/a' })).toEqual([1, 2])
    expect(seqs({ status: 429 })).toEqual([2])
    expect(seqs({ since: T0 + 10 })).toEqual([2, 3, 4])
    expect(seqs({ until: T0 + 20 })).toEqual([1, 2])
    expect(seqs({ path: '/a', since: T0 + 5, until: T0 + 40 })).toEqual([2])
    expect(seqs({ path: '/c' })).toEqual([])
  })

  it('clears entries, the drop count and the numbering', () => {
    const journal = new Journal(1)
    journal.record(T0, entry('/a'))
    journal.record(T0, entry('/b'))
    journal.clear()
    expect([journal.list(), journal.size, journal.dropped]).toEqual([[], 0, 0])
    journal.record(T0, entry('/c'))
    expect(journal.list().map(e => [e.seq, e.path])).toEqual([[1, '/c']])
  })

  it('keeps nothing at capacity 0, and refuses a capacity that is negative or fractional', () => {
    const journal = new Journal(0)
    journal.record(T0, entry('/a'))
    expect([journal.list(), journal.dropped]).toEqual([[], 0])
    expect(() => new Journal(-1)).toThrow(RangeError)
    expect(() => new Journal(1.5)).toThrow('journal capacity must be an integer of 0 or more')
  })
})

// Through the app, on every endpoint of the table (test/endpoints.ts): each request is journaled under the
// endpoint's path, with the query as sent, the caller's workspace and the status it was answered.
describe('the journal of every Braze endpoint', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp({ fixtures: fixturesFor(ENDPOINT_TABLE) }) })
  afterAll(async () => { await app.close() })
  afterEach(() => { app.control.reset() })

  it.each(ENDPOINT_TABLE)('records $path answered 200, 403, 401 and 404, in order', async ({ path, url, lacking, definition }) => {
    const answers = [
      await get(app, url),
      await get(app, url, lacking),
      await get(app, url, 'not-a-key'),
      await get(app, `${path}/nowhere`),
    ]
    expect(answers.map(a => a.status)).toStrictEqual([200, 403, 401, 404])
    const query = definition.example as Record<string, string>
    const sent = { method: 'GET', path, query, fault: null }
    expect(app.control.journal().entries.map(({ seq, time, request_id: id, ...entry }) => entry)).toStrictEqual([
      { ...sent, workspace_id: BUILT_IN.lumen.workspaceId, status: 200 },
      { ...sent, workspace_id: BUILT_IN.lumen.workspaceId, status: 403 },
      { ...sent, workspace_id: null, status: 401 },
      { ...sent, path: `${path}/nowhere`, query: {}, workspace_id: null, status: 404 },
    ])
    expect(app.control.journal({ path }).entries.map(e => e.request_id)).toStrictEqual(answers.slice(0, 3).map(a => a.headers['x-request-id']))
  })
})
