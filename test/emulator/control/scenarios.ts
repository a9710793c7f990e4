// What the control plane must do, written once and run through both of its doors: the in-process API
// (test/index.test.ts) and HTTP under /_mock/ (test/routes/mock-control.test.ts). Every emulator here is
// started with startEmulator on port 0, and every Braze request goes over its real socket.
import { request as httpRequest } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator, type BrazeMock, type StartOptions } from '../../../src/index.js'
import { BUILT_IN, NOW } from '../../helpers.js'
import { braze, limits, type ControlDriver, type DriverFactory, type WireAnswer } from './drivers.js'

const { lumen, harbor } = BUILT_IN
const NOW_ISO = new Date(NOW).toISOString()
const NEXT_HOUR_S = Date.UTC(2026, 10, 23, 13) / 1000
const SEGMENT_SERIES = `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=4&ending_at=2026-11-23`
const IOS_SESSIONS = `/sessions/data_series?app_id=${lumen.apps.ios}&length=4&ending_at=2026-11-23`
const ALL_SESSIONS = '/sessions/data_series?length=4&ending_at=2026-11-23'
const DETAILS = `/segments/details?segment_id=${lumen.segments.allUsers}`
const LIST = '/segments/list'
const EVERY_PERMISSION = ['segments.data_series', 'sessions.data_series', 'segments.list', 'segments.details']

/** A workspace with a rate limit of 3, for spending a pool in a few requests. */
export const SMALL_WORLD = {
  workspaces: [{ id: 'w', name: 'Small', rate_limit: 3 }],
  apps: [{ id: 'a', workspace_id: 'w', created_at: '2024-01-01' }],
  segments: [{ id: 's', workspace_id: 'w', name: 'S', tags: [], created_at: '2024-01-01' }],
  api_keys: [{ key: 'k', workspace_id: 'w', permissions: EVERY_PERMISSION }],
}

interface Point { time: string, size?: number, sessions?: number }

function points (answer: WireAnswer): Point[] {
  expect(answer.status, answer.text).toBe(200)
  return (JSON.parse(answer.text) as { data: Point[] }).data
}

function valueAt (answer: WireAnswer, time: string): number | undefined {
  const point = points(answer).find(p => p.time === time)
  return point?.size ?? point?.sessions
}

/** A GET that the emulator answers by dropping the connection: resolves with the client's socket error. */
function socketError (mock: BrazeMock, path: string): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${mock.url}${path}`, { headers: { authorization: `Bearer ${lumen.keys.full}` } }, (response) => {
      reject(new Error(`expected no answer, got ${response.statusCode}`))
      response.resume()
    })
    request.on('error', resolve)
    request.end()
  })
}

const errorBody = (message: string) => JSON.stringify({ message })
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Registers the scenarios; `startOptions` are added to every emulator (a control token, say). */
export function controlScenarios (door: string, driverOf: DriverFactory, startOptions: Partial<StartOptions> = {}): void {
  const started: BrazeMock[] = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map(mock => mock.close()))
  })

  async function start (options: StartOptions = {}): Promise<{ mock: BrazeMock, control: ControlDriver }> {
    const mock = await startEmulator({ now: NOW, ...startOptions, ...options })
    started.push(mock)
    return { mock, control: driverOf(mock) }
  }

  describe(`${door}: several emulators at once`, () => {
    it('start in parallel on ports the system picked, each with its own clock, faults, overrides and journal', async () => {
      const [a, b, c] = await Promise.all([start(), start(), start()])
      const urls = [a.mock.url, b.mock.url, c.mock.url]
      expect(new Set(urls).size).toBe(3)
      for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:(?!0$)\d+$/)

      const untouched = points(await braze(c.mock, SEGMENT_SERIES))
      await a.control.faults.add({ path: '/segments/data_series', effect: { type: 'status', status: 503 } })
      await b.control.clock.pin('2026-06-01T08:30:00Z')
      await c.control.overrides.set({ segment_id: lumen.segments.allUsers, values: { '2026-11-20': 42 } })

      expect((await braze(a.mock, SEGMENT_SERIES)).status).toBe(503)
      // b's clock is in June: November has not happened there yet.
      expect(points(await braze(b.mock, SEGMENT_SERIES)).map(p => p.size)).toEqual([0, 0, 0, 0])
      expect(points(await braze(c.mock, SEGMENT_SERIES))).toEqual([untouched[0], { time: '2026-11-20', size: 42 }, untouched[2], untouched[3]])
      expect(untouched.every(p => p.size! > 0)).toBe(true)

      expect((await a.control.clock.get()).now).toBe(NOW_ISO)
      expect((await b.control.clock.get()).now).toBe('2026-06-01T08:30:00.000Z')
      expect((await b.control.faults.list()).faults).toEqual([])
      expect((await c.control.faults.list()).faults).toEqual([])
      expect((await a.control.overrides.list()).overrides).toEqual([])
      expect((await b.control.overrides.list()).overrides).toEqual([])
      // a: one faulted request; b: one; c: the untouched one and the overridden one.
      expect((await a.control.journal.list()).entries.map(e => e.status)).toEqual([503])
      expect((await b.control.journal.list()).entries.map(e => e.status)).toEqual([200])
      expect((await c.control.journal.list()).entries.map(e => e.status)).toEqual([200, 200])
    })
  })

  describe(`${door}: reset`, () => {
    it('answers byte for byte as at the start, after the clock moved, faults and overrides were added, the pool was spent and the journal filled', async () => {
      const { mock, control } = await start({ fixtures: SMALL_WORLD })
      const path = '/sessions/data_series?app_id=a&length=3'
      const first = await braze(mock, path, 'k')
      const clockAtStart = await control.clock.get()
      expect(first.status).toBe(200)
      expect(limits(first)).toEqual({ limit: '3', remaining: '2', reset: String(NEXT_HOUR_S), retryAfter: null })

      await control.clock.advance('PT30M') // same rate-limit window, another default ending_at
      await braze(mock, path, 'k')
      await braze(mock, path, 'k')
      expect((await braze(mock, path, 'k')).status).toBe(429)
      await control.faults.add({ path: '*', effect: { type: 'status', status: 500 } })
      await control.overrides.set({ app_id: 'a', values: { '2026-11-23': 7 } })
      expect((await control.journal.list()).entries.length).toBe(4)

      await control.reset()
      expect((await control.journal.list()).entries).toEqual([])
      expect((await control.faults.list()).faults).toEqual([])
      expect((await control.overrides.list()).overrides).toEqual([])
      expect(await control.clock.get()).toEqual(clockAtStart)

      const again = await braze(mock, path, 'k')
      expect(again.status).toBe(first.status)
      expect(again.text).toBe(first.text)
      expect(limits(again)).toEqual(limits(first))
      expect((await control.journal.list()).entries.map(e => e.seq)).toEqual([1])
    })

    it('numbers the journal, faults and overrides from 1 again', async () => {
      const { mock, control } = await start()
      await control.faults.add({ path: '/segments/details', effect: { type: 'drop' } })
      await control.overrides.set({ app_id: lumen.apps.ios, values: { '2026-11-20': 1 } })
      await braze(mock, LIST)
      await control.reset()
      expect((await control.faults.add({ path: '/segments/details', effect: { type: 'drop' } })).id).toBe('fault-1')
      expect((await control.overrides.set({ app_id: lumen.apps.ios, values: { '2026-11-20': 1 } })).overrides[0]!.override_id).toBe('override-1')
      await braze(mock, LIST)
      expect((await control.journal.list()).entries[0]!.seq).toBe(1)
    })

    it('returns a clock that started on real time to real time', async () => {
      const { control } = await start({ now: undefined })
      await control.clock.pin('2020-01-01T00:00:00Z')
      await control.reset()
      expect(await control.clock.get()).toEqual({ mode: 'real', now: expect.any(String), offset_ms: 0 })
    })
  })

  describe(`${door}: journal`, () => {
    it('records method, path, query as sent, workspace, status, time, request id and fault, never the key', async () => {
      const { mock, control } = await start()
      const ok = await braze(mock, '/sessions/data_series?length=2&ending_at=2026-11-20&length=3')
      const denied = await braze(mock, `${LIST}?page=1`, 'not-a-key')
      await control.faults.add({ path: '/segments/details', effect: { type: 'status', status: 502 } })
      const faulted = await braze(mock, DETAILS, harbor.keys.full)
      expect((await control.journal.list()).entries).toEqual([
        {
          seq: 1,
          time: NOW_ISO,
          method: 'GET',
          path: '/sessions/data_series',
          // The last of a repeated parameter, as the emulator read it, and no defaults (unit) added.
          query: { length: '3', ending_at: '2026-11-20' },
          workspace_id: lumen.workspaceId,
          status: 200,
          request_id: ok.headers.get('x-request-id'),
          fault: null,
        },
        {
          seq: 2,
          time: NOW_ISO,
          method: 'GET',
          path: LIST,
          query: { page: '1' },
          workspace_id: null,
          status: 401,
          request_id: denied.headers.get('x-request-id'),
          fault: null,
        },
        {
          seq: 3,
          time: NOW_ISO,
          method: 'GET',
          path: '/segments/details',
          query: { segment_id: lumen.segments.allUsers },
          workspace_id: harbor.workspaceId,
          status: 502,
          request_id: faulted.headers.get('x-request-id'),
          fault: 'fault-1',
        },
      ])
      const text = JSON.stringify((await control.journal.list()).entries)
      for (const key of [lumen.keys.full, harbor.keys.full, 'not-a-key']) expect(text).not.toContain(key)
    })

    it('leaves out the emulator\'s own paths', async () => {
      const { mock, control } = await start()
      await fetch(`${mock.url}/_mock/health`)
      await control.clock.get()
      expect((await control.journal.list()).entries).toEqual([])
    })

    it('filters by path, status, time on the emulator\'s clock and count, and clears', async () => {
      const { mock, control } = await start()
      await braze(mock, LIST) // 12:00, 200
      await control.clock.advance('PT1H')
      await braze(mock, LIST, null) // 13:00, 401
      await braze(mock, DETAILS) // 13:00, 200
      await control.clock.advance(30 * 60_000)
      await braze(mock, '/nowhere') // 13:30, 404

      const seqs = async (filter: Parameters<ControlDriver['journal']['list']>[0]) =>
        (await control.journal.list(filter)).entries.map(e => e.seq)
      expect(await seqs({})).toEqual([1, 2, 3, 4])
      expect(await seqs({ path: LIST })).toEqual([1, 2])
      expect(await seqs({ status: 200 })).toEqual([1, 3])
      expect(await seqs({ status: 404 })).toEqual([4])
      expect(await seqs({ since: '2026-11-23T13:00:00Z' })).toEqual([2, 3, 4])
      expect(await seqs({ until: '2026-11-23T13:00:00Z' })).toEqual([1])
      expect(await seqs({ since: '2026-11-23T13:00:00Z', until: '2026-11-23T13:30:00Z' })).toEqual([2, 3])
      expect(await seqs({ path: LIST, since: '2026-11-23T13:00:00Z' })).toEqual([2])
      expect(await seqs({ limit: 2 })).toEqual([3, 4])
      expect(await seqs({ status: 200, limit: 1 })).toEqual([3])
      expect((await control.journal.list({ since: '2026-11-23T13:30:00Z' })).entries[0]!.time).toBe('2026-11-23T13:30:00.000Z')

      await control.journal.clear()
      expect((await control.journal.list()).entries).toEqual([])
      await braze(mock, LIST)
      expect(await seqs({})).toEqual([1])
    })

    it('keeps only the newest journalSize entries and counts the dropped ones', async () => {
      const { mock, control } = await start({ journalSize: 3 })
      for (let page = 0; page < 5; page++) await braze(mock, `${LIST}?page=${page}`)
      const entries = (await control.journal.list()).entries
      expect(entries.map(e => [e.seq, e.query.page])).toEqual([[3, '2'], [4, '3'], [5, '4']])
      expect((await control.journal.list()).dropped).toBe(2)
      await control.journal.clear()
      expect((await control.journal.list()).dropped).toBe(0)
    })

    it('keeps nothing with a journalSize of 0', async () => {
      const { mock, control } = await start({ journalSize: 0 })
      await braze(mock, LIST)
      expect((await control.journal.list()).entries).toEqual([])
      expect((await control.journal.list()).dropped).toBe(0)
    })
  })

  describe(`${door}: faults on a real socket`, () => {
    it.each([
      [500, 'Internal Server Error'],
      [502, 'Bad Gateway'],
      [503, 'Service Unavailable'],
      [504, 'Gateway Timeout'],
    ])('answers %i with a Braze-shaped JSON body', async (status, message) => {
      const { mock, control } = await start()
      await control.faults.add({ path: '/segments/list', effect: { type: 'status', status } })
      const answer = await braze(mock, LIST)
      expect(answer.status).toBe(status)
      expect(answer.headers.get('content-type')).toBe('application/json')
      expect(answer.text).toBe(errorBody(message))
    })

    it('answers 429 with the rate-limit headers and Retry-After', async () => {
      const { mock, control } = await start({ now: Date.UTC(2026, 10, 23, 12, 45, 30) })
      await control.faults.add({ path: '/segments/list', effect: { type: 'status', status: 429 } })
      const answer = await braze(mock, LIST)
      expect(answer.status).toBe(429)
      expect(answer.text).toBe(errorBody('Rate limit exceeded'))
      expect(limits(answer)).toEqual({ limit: '250000', remaining: '0', reset: String(NEXT_HOUR_S), retryAfter: '870' })
    })

    it('adds a fixed latency', async () => {
      const { mock, control } = await start()
      await control.faults.add({ path: '/segments/list', effect: { type: 'latency', ms: 150 } })
      const started = performance.now()
      const answer = await braze(mock, LIST)
      // Timers may fire up to a millisecond early; never assert an upper bound.
      expect(performance.now() - started).toBeGreaterThanOrEqual(149)
      expect(answer.status).toBe(200)
      expect((await control.journal.list()).entries[0]!.fault).toBe('fault-1')
    })

    it('adds a latency from a range', async () => {
      const { mock, control } = await start()
      await control.faults.add({ path: '*', effect: { type: 'latency', min_ms: 120, max_ms: 160 } })
      const started = performance.now()
      const answer = await braze(mock, LIST)
      expect(performance.now() - started).toBeGreaterThanOrEqual(119)
      expect(answer.status).toBe(200)
    })

    it('drops the connection: the client sees a socket error, the journal a null status', async () => {
      const { mock, control } = await start()
      await control.faults.add({ path: '/segments/list', effect: { type: 'drop' } })
      const error = await socketError(mock, LIST)
      expect(['ECONNRESET', 'EPIPE']).toContain(error.code)
      await expect(fetch(`${mock.url}${LIST}`, { headers: { authorization: `Bearer ${lumen.keys.full}` } })).rejects.toThrow(TypeError)
      expect((await control.journal.list()).entries.map(e => [e.status, e.fault])).toEqual([[null, 'fault-1'], [null, 'fault-1']])
      // The emulator still serves other paths.
      expect((await braze(mock, DETAILS)).status).toBe(200)
    })

    it('truncates the body to its first half', async () => {
      const { mock, control } = await start()
      const whole = await braze(mock, DETAILS)
      await control.faults.add({ path: '/segments/details', effect: { type: 'truncate' } })
      const cut = await braze(mock, DETAILS)
      expect(cut.status).toBe(200)
      expect(cut.text).toBe(whole.text.slice(0, Math.floor(whole.text.length / 2)))
      expect(cut.headers.get('content-length')).toBe(String(cut.text.length))
      expect(() => JSON.parse(cut.text)).toThrow(SyntaxError)
    })

    it('sends a malformed JSON body', async () => {
      const { mock, control } = await start()
      const whole = await braze(mock, DETAILS)
      await control.faults.add({ path: '/segments/details', effect: { type: 'malformed' } })
      const bad = await braze(mock, DETAILS)
      expect(bad.status).toBe(200)
      expect(bad.text).toBe(`${whole.text.slice(0, -1)},}`)
      expect(() => JSON.parse(bad.text)).toThrow(SyntaxError)
    })

    it('applies to the next N matching requests with times, and stays listed', async () => {
      const { mock, control } = await start()
      const rule = await control.faults.add({ path: '/segments/list', effect: { type: 'status', status: 503 }, times: 2 })
      const statuses = []
      for (let i = 0; i < 4; i++) statuses.push((await braze(mock, LIST)).status)
      expect(statuses).toEqual([503, 503, 200, 200])
      expect((await control.faults.list()).faults).toEqual([{ ...rule, matched: 4, applied: 2 }])
    })

    it('hits the same requests for the same seed, on two fresh emulators', async () => {
      const rule = { path: '/segments/list', effect: { type: 'status', status: 503 }, probability: 0.5, seed: 7 } as const
      const run = async (seed: number) => {
        const { mock, control } = await start()
        await control.faults.add({ ...rule, seed })
        const statuses = []
        for (let i = 0; i < 24; i++) statuses.push((await braze(mock, LIST)).status)
        const [listed] = (await control.faults.list()).faults
        expect(listed!.applied).toBe(statuses.filter(s => s === 503).length)
        return statuses
      }
      const first = await run(7)
      expect(first).toContain(503)
      expect(first).toContain(200)
      expect(await run(7)).toEqual(first)
      expect(await run(8)).not.toEqual(first)
    })

    it('matches by path, and by a query parameter\'s value or presence', async () => {
      const { mock, control } = await start()
      await control.faults.add({ path: '/segments/details', query: { segment_id: lumen.segments.active7Days }, effect: { type: 'status', status: 500 } })
      await control.faults.add({ path: '/sessions/data_series', query: { app_id: '*' }, effect: { type: 'status', status: 502 } })
      expect((await braze(mock, LIST)).status).toBe(200)
      expect((await braze(mock, DETAILS)).status).toBe(200)
      expect((await braze(mock, `/segments/details?segment_id=${lumen.segments.active7Days}`)).status).toBe(500)
      expect((await braze(mock, ALL_SESSIONS)).status).toBe(200)
      expect((await braze(mock, IOS_SESSIONS)).status).toBe(502)
      expect((await control.faults.list()).faults.map(r => [r.id, r.matched, r.applied])).toEqual([['fault-1', 1, 1], ['fault-2', 1, 1]])
    })

    it('matches a path written with or without a trailing slash, as Braze routes them', async () => {
      const { mock, control } = await start()
      await control.faults.add({ path: '/segments/list', effect: { type: 'status', status: 503 } })
      expect((await braze(mock, `${LIST}/`)).status).toBe(503)
    })

    it('does not answer a bad key: still 401, and the rule does not count it', async () => {
      const { mock, control } = await start()
      await control.faults.add({ path: '*', effect: { type: 'status', status: 503 } })
      const answer = await braze(mock, LIST, 'not-a-key')
      expect(answer.status).toBe(401)
      expect(answer.text).toBe(errorBody('Invalid API key: not-a-key'))
      expect((await control.faults.list()).faults[0]).toMatchObject({ matched: 0, applied: 0 })
    })

    it('refuses rules on the emulator\'s own paths, and * leaves them alone', async () => {
      const { mock, control } = await start()
      for (const path of ['/_mock', '/_mock/clock', '/_mock/health']) {
        await expect(control.faults.add({ path, effect: { type: 'drop' } })).rejects.toMatchObject({
          statusCode: 400,
          message: 'path: faults apply to Braze paths, not to the emulator\'s own /_mock/ paths',
        })
      }
      await control.faults.add({ path: '*', effect: { type: 'status', status: 500 } })
      const health = await fetch(`${mock.url}/_mock/health`)
      expect(health.status).toBe(200)
      expect((await control.clock.get()).now).toBe(NOW_ISO)
    })

    it('refuses a rule on a path no route serves, naming the paths a rule may match', async () => {
      // Regression: /segment/list (a typo) was accepted and never fired.
      const { mock, control } = await start()
      for (const path of ['/segment/list', '/_mockery', '/segments/List', '/segments/list?page=1', '/segments/lis%74', '/']) {
        const refused = await control.faults.add({ path, effect: { type: 'drop' } }).then(() => undefined, (error: unknown) => error)
        expect(refused, path).toMatchObject({ statusCode: 400 })
        const { message } = refused as Error
        expect(message).toMatch(new RegExp(`^path: no Braze route serves ${escapeRegExp(JSON.stringify(path))}; a rule may match \\*, /`))
        for (const served of [LIST, '/segments/details', '/segments/data_series', '/sessions/data_series']) expect(message).toContain(served)
      }
      expect((await control.faults.list()).faults).toEqual([])
      expect((await braze(mock, LIST)).status).toBe(200)
    })

    it('accepts every Braze path, with or without a trailing slash, and *', async () => {
      const { control } = await start()
      for (const path of ['*', LIST, `${LIST}/`, '/segments/details', '/segments/data_series', '/sessions/data_series/']) {
        expect((await control.faults.add({ path, effect: { type: 'drop' } })).path).toBe(path)
      }
    })

    it('lists, removes and clears rules', async () => {
      const { mock, control } = await start()
      const a = await control.faults.add({ path: '/segments/list', effect: { type: 'status', status: 500 }, times: 3 })
      const b = await control.faults.add({ path: '*', query: { page: '2' }, effect: { type: 'latency', min_ms: 0, max_ms: 5 }, probability: 0.25, seed: 9 })
      expect(a).toEqual({ path: '/segments/list', effect: { type: 'status', status: 500 }, times: 3, id: 'fault-1', matched: 0, applied: 0 })
      expect(b).toEqual({
        path: '*',
        query: { page: '2' },
        effect: { type: 'latency', min_ms: 0, max_ms: 5 },
        probability: 0.25,
        seed: 9,
        id: 'fault-2',
        matched: 0,
        applied: 0,
      })
      expect((await control.faults.list()).faults).toEqual([a, b])
      expect(await control.faults.remove('fault-1')).toEqual({ status: 'removed' })
      await expect(control.faults.remove('fault-1')).rejects.toMatchObject({ statusCode: 404, message: 'no fault rule fault-1' })
      expect((await control.faults.list()).faults).toEqual([b])
      expect((await braze(mock, LIST)).status).toBe(200)
      await control.faults.clear()
      expect((await control.faults.list()).faults).toEqual([])
    })
  })

  describe(`${door}: overrides`, () => {
    it('sets a spike and a zero day on a segment', async () => {
      const { mock, control } = await start()
      const before = points(await braze(mock, SEGMENT_SERIES))
      const set = (await control.overrides.set({ segment_id: lumen.segments.allUsers, values: { '2026-11-20': 9_000_000, '2026-11-21': 0 } })).overrides
      expect(set).toEqual([
        { override_id: 'override-1', entity: 'segment', id: lumen.segments.allUsers, metric: 'size', unit: 'day', time: '2026-11-20', value: 9_000_000 },
        { override_id: 'override-2', entity: 'segment', id: lumen.segments.allUsers, metric: 'size', unit: 'day', time: '2026-11-21', value: 0 },
      ])
      expect((await control.overrides.list()).overrides).toEqual(set)
      expect(points(await braze(mock, SEGMENT_SERIES))).toEqual([
        before[0], { time: '2026-11-20', size: 9_000_000 }, { time: '2026-11-21', size: 0 }, before[3],
      ])
    })

    it('sets a spike and a zero day on an app, and the workspace total moves with it', async () => {
      const { mock, control } = await start()
      const app = points(await braze(mock, IOS_SESSIONS))
      const all = points(await braze(mock, ALL_SESSIONS))
      await control.overrides.set({ app_id: lumen.apps.ios, values: { '2026-11-19': 0, '2026-11-22': 5_000_000 } })
      expect(points(await braze(mock, IOS_SESSIONS))).toEqual([
        { time: '2026-11-19', sessions: 0 }, app[1], app[2], { time: '2026-11-22', sessions: 5_000_000 },
      ])
      const moved = points(await braze(mock, ALL_SESSIONS))
      expect(moved[0]!.sessions).toBe(all[0]!.sessions! - app[0]!.sessions!)
      expect(moved[3]!.sessions).toBe(all[3]!.sessions! - app[3]!.sessions! + 5_000_000)
      expect([moved[1], moved[2]]).toEqual([all[1], all[2]])
    })

    it('sets an hour of an app', async () => {
      const { mock, control } = await start()
      const hours = `/sessions/data_series?app_id=${lumen.apps.ios}&unit=hour&length=3&ending_at=2026-11-20T15:00:00Z`
      const before = points(await braze(mock, hours))
      await control.overrides.set({ app_id: lumen.apps.ios, unit: 'hour', values: { '2026-11-20T13:30:00Z': 0 } })
      expect(points(await braze(mock, hours))).toEqual([before[0], { time: '2026-11-20T13:00:00+00:00', sessions: 0 }, before[2]])
    })

    it('gives a day override and hour overrides of one day together: the day keeps its value, the hours theirs', async () => {
      const { mock, control } = await start()
      const hours = `/sessions/data_series?app_id=${lumen.apps.ios}&unit=hour&length=24&ending_at=2026-11-21`
      const day = `/sessions/data_series?app_id=${lumen.apps.ios}&length=1&ending_at=2026-11-21`
      await control.overrides.set({ app_id: lumen.apps.ios, metric: 'sessions', values: { '2026-11-20': 1000 } })
      await control.overrides.set({ app_id: lumen.apps.ios, unit: 'hour', values: { '2026-11-20T18:00:00Z': 500 } })
      const split = points(await braze(mock, hours))
      expect(split[18]).toEqual({ time: '2026-11-20T18:00:00+00:00', sessions: 500 })
      expect(split.reduce((sum, p) => sum + p.sessions!, 0)).toBe(1000)
      expect(points(await braze(mock, day))).toEqual([{ time: '2026-11-20', sessions: 1000 }])
    })

    it.each([
      ['hours past the day', [{ values: { '2026-11-20': 100 } }, { unit: 'hour', values: { '2026-11-20T18:00:00Z': 500 } }],
        'values: the hour overrides of 2026-11-20 sum to 500, which its day override of 100 cannot hold'],
      ['a day under its hours', [{ unit: 'hour', values: { '2026-11-20T18:00:00Z': 500 } }, { values: { '2026-11-20': 100 } }],
        'values: the hour overrides of 2026-11-20 sum to 500, which its day override of 100 cannot hold'],
    ] as const)('refuses a day override and hour overrides that cannot agree (%s)', async (_, [first, second], message) => {
      const { control } = await start()
      await control.overrides.set({ app_id: lumen.apps.ios, ...first })
      const error = await control.overrides.set({ app_id: lumen.apps.ios, ...second }).then(() => undefined, (e: unknown) => e)
      expect(error).toMatchObject({ statusCode: 400 })
      expect((error as Error).message.startsWith(message)).toBe(true)
      expect((await control.overrides.list()).overrides).toHaveLength(1)
    })

    it('refuses a bucket before the entity existed, saying why', async () => {
      const { control } = await start()
      await expect(control.overrides.set({ app_id: lumen.apps.ios, values: { '2001-01-01': 5 } })).rejects.toMatchObject({
        statusCode: 400,
        message: expect.stringMatching(/^values: 2001-01-01 is before app "[^"]+" existed \(created \d{4}-.*\); its series reads 0 there whatever is set$/),
      })
      await expect(control.overrides.set({ segment_id: lumen.segments.holidayCampaign, values: { '2026-11-09': 5 } })).rejects.toMatchObject({ statusCode: 400 })
      expect((await control.overrides.list()).overrides).toEqual([])
    })

    it('replaces a bucket set twice, removes one and clears all', async () => {
      const { mock, control } = await start()
      const original = await braze(mock, SEGMENT_SERIES)
      await control.overrides.set({ segment_id: lumen.segments.allUsers, values: { '2026-11-20': 1 } })
      await control.overrides.set({ segment_id: lumen.segments.allUsers, values: { '2026-11-20': 2, '2026-11-21': 3 } })
      expect((await control.overrides.list()).overrides.map(o => [o.override_id, o.time, o.value])).toEqual([
        ['override-2', '2026-11-20', 2], ['override-3', '2026-11-21', 3],
      ])
      expect(await control.overrides.remove('override-2')).toEqual({ status: 'removed' })
      await expect(control.overrides.remove('override-2')).rejects.toMatchObject({ statusCode: 404, message: 'no override override-2' })
      expect(valueAt(await braze(mock, SEGMENT_SERIES), '2026-11-21')).toBe(3)
      await control.overrides.clear()
      expect((await control.overrides.list()).overrides).toEqual([])
      expect((await braze(mock, SEGMENT_SERIES)).text).toBe(original.text)
    })

    it('vanish on reset', async () => {
      const { mock, control } = await start()
      const original = await braze(mock, IOS_SESSIONS)
      await control.overrides.set({ app_id: lumen.apps.ios, values: { '2026-11-21': 0 } })
      expect((await braze(mock, IOS_SESSIONS)).text).not.toBe(original.text)
      await control.reset()
      expect((await braze(mock, IOS_SESSIONS)).text).toBe(original.text)
    })

    it.each([
      [{ values: { '2026-11-20': 1 } }, 'give exactly one of app_id, segment_id, campaign_id, canvas_id'],
      [{ app_id: lumen.apps.ios, segment_id: lumen.segments.allUsers, values: { '2026-11-20': 1 } }, 'give exactly one of app_id, segment_id, campaign_id, canvas_id'],
      [{ app_id: 'nope', values: { '2026-11-20': 1 } }, 'app_id: no app "nope" in the fixtures'],
      [{ segment_id: 'nope', values: { '2026-11-20': 1 } }, 'segment_id: no segment "nope" in the fixtures'],
      [{ segment_id: lumen.segments.allUsers, unit: 'hour', values: { '2026-11-20T10:00:00Z': 1 } }, 'unit: a segment\'s size is daily; hour overrides are for apps'],
      [{ app_id: lumen.apps.ios, values: { 'Nov 20': 1 } }, 'values: day buckets are dates, YYYY-MM-DD (got "Nov 20")'],
      [{ app_id: lumen.apps.ios, unit: 'hour', values: { '2026-11-20': 1 } }, 'values: hour buckets are ISO 8601 instants, e.g. 2026-11-20T14:00:00Z (got "2026-11-20")'],
      [{ app_id: lumen.apps.ios, metric: 'size', values: { '2026-11-20': 1 } }, 'metric: apps have sessions, new_users, dau, mau, uninstalls (got "size")'],
      [{ segment_id: lumen.segments.allUsers, metric: 'dau', values: { '2026-11-20': 1 } }, 'metric: segments have size (got "dau")'],
    ] as const)('refuses %j: %s', async (body, message) => {
      const { control } = await start()
      await expect(control.overrides.set(body)).rejects.toMatchObject({ statusCode: 400, message })
      expect((await control.overrides.list()).overrides).toEqual([])
    })

    it('sets none of a batch when one bucket is bad', async () => {
      const { control } = await start()
      await expect(control.overrides.set({ app_id: lumen.apps.ios, values: { '2026-11-20': 1, later: 2 } })).rejects.toMatchObject({ statusCode: 400 })
      expect((await control.overrides.list()).overrides).toEqual([])
    })
  })

  describe(`${door}: clock`, () => {
    it('reads, pins, advances by an ISO duration and by milliseconds, and releases', async () => {
      const { control } = await start()
      expect(await control.clock.get()).toEqual({ mode: 'pinned', now: NOW_ISO, offset_ms: 0 })
      expect(await control.clock.pin('2026-06-01T08:30:00+02:00')).toEqual({ mode: 'pinned', now: '2026-06-01T06:30:00.000Z', offset_ms: 0 })
      // Every form ending_at accepts, the docs' one-digit hour offset included, and ms since the epoch.
      expect(await control.clock.pin('2026-06-01T01:30:00-5:00')).toEqual({ mode: 'pinned', now: '2026-06-01T06:30:00.000Z', offset_ms: 0 })
      expect(await control.clock.pin(Date.UTC(2026, 5, 1, 6, 30))).toEqual({ mode: 'pinned', now: '2026-06-01T06:30:00.000Z', offset_ms: 0 })
      expect(await control.clock.advance('PT1H30M')).toEqual({ mode: 'pinned', now: '2026-06-01T08:00:00.000Z', offset_ms: 0 })
      expect(await control.clock.advance('P1D')).toEqual({ mode: 'pinned', now: '2026-06-02T08:00:00.000Z', offset_ms: 0 })
      expect(await control.clock.advance(60_000)).toEqual({ mode: 'pinned', now: '2026-06-02T08:01:00.000Z', offset_ms: 0 })
      expect(await control.clock.advance(-120_000)).toEqual({ mode: 'pinned', now: '2026-06-02T07:59:00.000Z', offset_ms: 0 })
      const before = Date.now()
      const released = await control.clock.release()
      expect(released).toEqual({ mode: 'real', now: expect.any(String), offset_ms: 0 })
      expect(Date.parse(released.now)).toBeGreaterThanOrEqual(before)
    })

    it('advances a real clock by an offset that keeps running', async () => {
      const { control } = await start({ now: undefined })
      const before = Date.now()
      const moved = await control.clock.advance('P1D')
      expect(moved).toEqual({ mode: 'real', now: expect.any(String), offset_ms: 86_400_000 })
      expect(Date.parse(moved.now)).toBeGreaterThanOrEqual(before + 86_400_000)
    })

    it('moves the rate-limit window and the default ending_at when pinned', async () => {
      const { mock, control } = await start()
      await braze(mock, LIST)
      expect(limits(await braze(mock, LIST))).toMatchObject({ remaining: '249998', reset: String(NEXT_HOUR_S) })
      const implicit = '/sessions/data_series?length=2'
      expect(points(await braze(mock, implicit)).map(p => p.time)).toEqual(['2026-11-22', '2026-11-23'])

      await control.clock.pin('2026-06-01T08:30:00Z')
      expect(limits(await braze(mock, LIST))).toMatchObject({ remaining: '249999', reset: String(Date.UTC(2026, 5, 1, 9) / 1000) })
      const moved = await braze(mock, implicit)
      expect(points(moved).map(p => p.time)).toEqual(['2026-05-31', '2026-06-01'])
      expect(moved.text).toBe((await braze(mock, `${implicit}&ending_at=2026-06-01T08:30:00Z`)).text)

      await control.clock.advance('PT1H')
      expect(limits(await braze(mock, LIST))).toMatchObject({ remaining: '249999', reset: String(Date.UTC(2026, 5, 1, 10) / 1000) })
    })

    it('refuses instants and moves that would leave 0001-01-02 to 9999-12-31, and stays put', async () => {
      const { mock, control } = await start()
      const outside = { statusCode: 400, message: expect.stringMatching(/the clock must stay between 0001-01-02 and 9999-12-31$/) }
      await expect(control.clock.advance('P99999999Y')).rejects.toMatchObject(outside)
      await expect(control.clock.advance(-1e15)).rejects.toMatchObject(outside)
      // Regression: 0000-01-01 was allowed, and the default window then read "00-1-12-31".
      const notAnInstant = { statusCode: 400, message: expect.stringMatching(/at must be an ISO 8601 instant, between 0001-01-02 and 9999-12-31$/) }
      await expect(control.clock.pin('+010000-01-01T00:00:00Z')).rejects.toMatchObject(notAnInstant)
      await expect(control.clock.pin('0000-01-01T00:00:00Z')).rejects.toMatchObject(notAnInstant)
      await expect(control.clock.pin('9999-12-31T12:00:00Z')).rejects.toMatchObject(notAnInstant)
      await expect(control.clock.pin(Date.UTC(10000, 0, 1))).rejects.toMatchObject(outside)
      expect(await control.clock.get()).toEqual({ mode: 'pinned', now: NOW_ISO, offset_ms: 0 })
      expect((await braze(mock, '/sessions/data_series?length=1')).status).toBe(200)
    })

    it('refuses a duration luxon cannot read', async () => {
      const { control } = await start()
      await expect(control.clock.advance('P1Y1Q')).rejects.toMatchObject({
        statusCode: 400, message: 'by must be an ISO 8601 duration such as PT1H30M, or milliseconds (got "P1Y1Q")',
      })
    })
  })
}
