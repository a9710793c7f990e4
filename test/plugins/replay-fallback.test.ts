// When the replay steps aside (src/plugins/replay.ts, Replay#serve): over real HTTP, a request the replay
// has remembered is answered by the lifecycle again, not replayed, whenever the lifecycle could answer it
// differently: a fault rule, a moved clock, an override, a fixtures reload, another key, a spent pool, another
// Host or Origin, a HEAD or a body. Each test sends the same requests, on one keep-alive connection each, to
// an app built with replay and to one built the same way without it, and holds every answer of the first to
// the second's (status, headers in order with X-Request-Id masked, body), and the replay's `served` count to
// where it may and may not move. Each change is shown to change the answer, so a replay that missed it
// would be caught by the comparison. The replay's own bytes, journal and log are test/plugins/replay.test.ts.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildApp, BUILT_IN_FIXTURES, type AppConfig, type BrazeMockApp } from '../../src/app.js'
import { generatedEvents } from '../../src/world/names.js'
import { builtInFixtureSet, type FixtureObject } from '../endpoints.js'
import { BUILT_IN, NOW, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const FULL = lumen.keys.full
const AS_FULL = { authorization: `Bearer ${FULL}` }
const SEGMENTS_LIST = '/segments/list'
/** A series whose window ends now (no ending_at): its answer is kept only under the pinned instant. */
const SEGMENT_SERIES_NOW = `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=3`
const HOURLY_SESSIONS_NOW = '/sessions/data_series?length=3&unit=hour'
/** A series whose window ended days before NOW: its answer is kept whatever the clock does. */
const SEGMENT_SERIES_SETTLED = `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=3&ending_at=2026-11-20`

/** An answer as it came off the wire: headers in the order sent, the request id masked. */
interface Answer {
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: string
}

/** One keep-alive connection to an app (the agent holds a single socket), and whether each request reused it. */
class Connection {
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 1 })
  readonly #port: number
  reused: boolean[] = []

  constructor (port: number) {
    this.#port = port
  }

  async send (method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
    return await new Promise<Answer>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port: this.#port, method, path, headers, agent: this.#agent }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          this.reused.push(request.reusedSocket)
          const raw = response.rawHeaders
          const pairs: Array<[string, string]> = []
          for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i]!, raw[i]!.toLowerCase() === 'x-request-id' ? '<id>' : raw[i + 1]!])
          resolve({ status: response.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks).toString('utf8') })
        })
        response.once('error', reject)
      })
      request.once('error', reject)
      request.end(body)
    })
  }

  close (): void {
    this.#agent.destroy()
  }
}

/** What one request got from the app with replay and from the one without, and how many replays it took. */
interface Step {
  readonly replayed: Answer
  readonly plain: Answer
  /** How far the replay's `served` count moved: 1 when this request was replayed. */
  readonly served: number
}

/** The header's value in an answer (the first, case-insensitively), if sent. */
function header (answer: Answer, name: string): string | undefined {
  return answer.headers.find(([n]) => n.toLowerCase() === name)?.[1]
}

/** Two apps built from one config, the first with replay, listening on their own ports, one connection each. */
class Twin {
  readonly #connections: [Connection, Connection]

  private constructor (readonly replaying: BrazeMockApp, readonly plain: BrazeMockApp) {
    this.#connections = [new Connection(portOf(replaying)), new Connection(portOf(plain))]
  }

  static async start (config: AppConfig = {}): Promise<Twin> {
    const replaying = await testApp({ ...config, replay: true })
    const plain = await testApp(config)
    await replaying.listen({ port: 0, host: '127.0.0.1' })
    await plain.listen({ port: 0, host: '127.0.0.1' })
    return new Twin(replaying, plain)
  }

  get served (): number {
    return this.replaying.replay!.served
  }

  /** Whether every request after the first on each connection went over the socket the first opened. */
  get oneConnectionEach (): boolean {
    return this.#connections.every(connection => connection.reused.slice(1).every(Boolean))
  }

  /** Sends the same request to both apps, the one with replay first. */
  async send (method: string, path: string, headers: Record<string, string> = AS_FULL, body?: string): Promise<Step> {
    const before = this.served
    const replayed = await this.#connections[0].send(method, path, headers, body)
    const served = this.served - before
    const plain = await this.#connections[1].send(method, path, headers, body)
    return { replayed, plain, served }
  }

  async get (path: string, headers: Record<string, string> = AS_FULL): Promise<Step> {
    return await this.send('GET', path, headers)
  }

  /** A control-plane call with a JSON body, to both apps; its answers must agree too. */
  async control (method: string, path: string, body?: unknown): Promise<Step> {
    const step = body === undefined
      ? await this.send(method, path, {})
      : await this.send(method, path, { 'content-type': 'application/json' }, JSON.stringify(body))
    expect(step.replayed.status).toBeLessThan(300)
    expect(step.replayed).toStrictEqual(step.plain)
    return step
  }

  /** The same GET three times: computed, found in the answer cache (and remembered), replayed. */
  async warm (path: string, headers: Record<string, string> = AS_FULL): Promise<Step[]> {
    const steps = [await this.get(path, headers), await this.get(path, headers), await this.get(path, headers)]
    expect(steps.map(step => step.served)).toStrictEqual([0, 1, 1])
    for (const step of steps) expect(step.replayed).toStrictEqual(step.plain)
    return steps
  }

  async close (): Promise<void> {
    for (const connection of this.#connections) connection.close()
    await this.replaying.close()
    await this.plain.close()
  }
}

function portOf (app: BrazeMockApp): number {
  return (app.server.address() as AddressInfo).port
}

/** The built-in fixtures with Lumen's default pool limited to `limit` requests an hour. */
function withDefaultLimit (limit: number): FixtureObject {
  const set = builtInFixtureSet()
  return {
    ...set,
    workspaces: set.workspaces.map((workspace) => {
      if (workspace.id !== lumen.workspaceId) return workspace
      const { rate_limit: _, ...rest } = workspace
      return { ...rest, rate_limits: { default: limit } }
    }),
  }
}

describe('replay falls back to the lifecycle', () => {
  let twin: Twin | undefined
  const cleanups: Array<() => void> = []
  afterEach(async () => {
    await twin?.close()
    twin = undefined
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  /** A copy of the built-in fixtures to change and reload, removed after the test. */
  const fixturesCopy = (): string => {
    const directory = mkdtempSync(join(tmpdir(), 'braze-mock-replay-'))
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }))
    cpSync(BUILT_IN_FIXTURES, directory, { recursive: true })
    return directory
  }

  it('when a fault rule is set: the next request gets the fault, and replay resumes once the rules are gone', async () => {
    twin = await Twin.start()
    const [, , warmed] = await twin.warm(SEGMENTS_LIST)
    await twin.control('POST', '/_mock/faults', { path: SEGMENTS_LIST, effect: { type: 'status', status: 503 } })

    const faulted = await twin.get(SEGMENTS_LIST)
    expect(faulted.served).toBe(0)
    expect(faulted.replayed.status).toBe(503)
    expect(faulted.replayed.body).toBe('{"message":"Service Unavailable"}')
    expect(faulted.replayed).toStrictEqual(faulted.plain)

    await twin.control('DELETE', '/_mock/faults')
    const resumed = await twin.get(SEGMENTS_LIST)
    expect(resumed.served).toBe(1)
    expect(resumed.replayed).toStrictEqual(resumed.plain)
    expect(resumed.replayed.body).toBe(warmed!.replayed.body)
    expect(twin.oneConnectionEach).toBe(true)
  })

  it('while any fault rule is listed, a spent one or one on another path included', async () => {
    twin = await Twin.start()
    await twin.warm(SEGMENTS_LIST)
    await twin.control('POST', '/_mock/faults', { path: SEGMENTS_LIST, effect: { type: 'status', status: 500 }, times: 1 })
    await twin.control('POST', '/_mock/faults', { path: '/segments/details', effect: { type: 'status', status: 502 } })

    const steps = [await twin.get(SEGMENTS_LIST), await twin.get(SEGMENTS_LIST), await twin.get(SEGMENTS_LIST)]
    expect(steps.map(step => step.replayed.status)).toStrictEqual([500, 200, 200])
    expect(steps.map(step => step.served)).toStrictEqual([0, 0, 0])
    for (const step of steps) expect(step.replayed).toStrictEqual(step.plain)
    // The lifecycle counted each request against the rules; the listing agrees with the app that never replays.
    const faults = await twin.control('GET', '/_mock/faults')
    expect(JSON.parse(faults.replayed.body)).toMatchObject({ faults: [{ id: 'fault-1', matched: 3, applied: 1 }, { id: 'fault-2', matched: 0 }] })
  })

  it.each([
    { move: 'pinned a day later', url: SEGMENT_SERIES_NOW, path: '/_mock/clock/pin', body: { at: '2026-11-24T12:00:00Z' }, at: NOW + 86_400_000 },
    { move: 'advanced an hour', url: HOURLY_SESSIONS_NOW, path: '/_mock/clock/advance', body: { by: 'PT1H' }, at: NOW + 3_600_000 },
  ])('when the clock is $move, for a series whose window ends now: the answer is the new instant\'s', async ({ url, path, body, at }) => {
    twin = await Twin.start()
    const [, , warmed] = await twin.warm(url)
    await twin.control('POST', path, body)

    const moved = await twin.get(url)
    expect(moved.served).toBe(0)
    expect(moved.replayed).toStrictEqual(moved.plain)
    expect(moved.replayed.status).toBe(200)
    expect(moved.replayed.body).not.toBe(warmed!.replayed.body)
    // Word for word what an app started at that instant answers its first request (a new hour: a full pool).
    const fresh = await testApp({ now: at })
    try {
      await fresh.listen({ port: 0, host: '127.0.0.1' })
      const connection = new Connection(portOf(fresh))
      try {
        expect(moved.replayed).toStrictEqual(await connection.send('GET', url, AS_FULL))
      } finally {
        connection.close()
      }
    } finally {
      await fresh.close()
    }
    // That answer is kept under the new instant, and the request replayed from its next repeat on.
    const again = [await twin.get(url), await twin.get(url)]
    expect(again.map(step => step.served)).toStrictEqual([1, 1])
    for (const step of again) expect(step.replayed).toStrictEqual(step.plain)
  })

  it('when an override is set or removed: the answer carries it, as the lifecycle\'s does', async () => {
    twin = await Twin.start()
    const [, , warmed] = await twin.warm(SEGMENT_SERIES_SETTLED)
    const before = JSON.parse(warmed!.replayed.body) as { data: Array<{ time: string, size: number }> }
    expect(before.data.map(point => point.time)).toStrictEqual(['2026-11-17', '2026-11-18', '2026-11-19'])
    await twin.control('POST', '/_mock/overrides', { segment_id: lumen.segments.allUsers, values: { '2026-11-19': 12345 } })

    const overridden = await twin.get(SEGMENT_SERIES_SETTLED)
    expect(overridden.served).toBe(0)
    expect(overridden.replayed).toStrictEqual(overridden.plain)
    expect(JSON.parse(overridden.replayed.body)).toStrictEqual({
      message: 'success',
      data: [before.data[0], before.data[1], { time: '2026-11-19', size: 12345 }],
    })

    // Gone again: the answer without it, from the lifecycle (the overrides' version has moved on).
    await twin.control('DELETE', '/_mock/overrides')
    const cleared = await twin.get(SEGMENT_SERIES_SETTLED)
    expect(cleared.served).toBe(0)
    expect(cleared.replayed).toStrictEqual(cleared.plain)
    expect(cleared.replayed.body).toBe(warmed!.replayed.body)
  })

  it.each([
    { how: 'POST /_mock/fixtures/reload', reload: async (t: Twin) => { await t.control('POST', '/_mock/fixtures/reload') } },
    { how: 'app.control.reload()', reload: async (t: Twin) => { await t.replaying.control.reload(); await t.plain.control.reload() } },
  ])('when the fixtures are reloaded ($how): the new world\'s answer', async ({ reload }) => {
    const directory = fixturesCopy()
    twin = await Twin.start({ fixtures: directory })
    const [, , warmed] = await twin.warm(SEGMENTS_LIST)
    expect(warmed!.replayed.body).toContain('"name":"All Users"')

    const file = join(directory, 'segments.json')
    const segments = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string, name: string }>
    writeFileSync(file, JSON.stringify(segments.map(s => s.id === lumen.segments.allUsers ? { ...s, name: 'Everyone (renamed)' } : s)))
    await reload(twin)

    const reloaded = await twin.get(SEGMENTS_LIST)
    expect(reloaded.served).toBe(0)
    expect(reloaded.replayed).toStrictEqual(reloaded.plain)
    expect(reloaded.replayed.body).toBe(warmed!.replayed.body.replace('"name":"All Users"', '"name":"Everyone (renamed)"'))
  })

  it('when a fixtures reload removes the key: 401 on the same connection, not the remembered answer', async () => {
    const directory = fixturesCopy()
    twin = await Twin.start({ fixtures: directory })
    await twin.warm(SEGMENTS_LIST)

    const file = join(directory, 'api-keys.json')
    const keys = JSON.parse(readFileSync(file, 'utf8')) as Array<{ key: string }>
    writeFileSync(file, JSON.stringify(keys.filter(({ key }) => key !== FULL)))
    await twin.control('POST', '/_mock/fixtures/reload')

    const refused = await twin.get(SEGMENTS_LIST)
    expect(refused.served).toBe(0)
    expect(refused.replayed).toStrictEqual(refused.plain)
    expect({ status: refused.replayed.status, body: refused.replayed.body }).toStrictEqual({ status: 401, body: `{"message":"Invalid API key: ${FULL}"}` })
    expect(twin.oneConnectionEach).toBe(true)
  })

  it('after a reload, until the request is remembered again from the new world (its rate limit, not the old one\'s)', async () => {
    const directory = fixturesCopy()
    twin = await Twin.start({ fixtures: directory })
    await twin.warm(SEGMENTS_LIST)

    // The same answer under the same key in the new world, but the workspace's pool is another.
    const file = join(directory, 'workspaces.json')
    const workspaces = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown> & { id: string }>
    writeFileSync(file, JSON.stringify(workspaces.map(({ rate_limit: limit, ...w }) => w.id === lumen.workspaceId ? { ...w, rate_limits: { default: 100 } } : { ...w, rate_limit: limit })))
    await twin.control('POST', '/_mock/fixtures/reload')

    const steps = [await twin.get(SEGMENTS_LIST), await twin.get(SEGMENTS_LIST), await twin.get(SEGMENTS_LIST)]
    for (const step of steps) expect(step.replayed).toStrictEqual(step.plain)
    expect(steps.map(step => step.served)).toStrictEqual([0, 1, 1])
    // The pool's count survives a reload (3 before it); its limit is the new world's.
    expect(steps.map(step => [header(step.replayed, 'x-ratelimit-limit'), header(step.replayed, 'x-ratelimit-remaining')]))
      .toStrictEqual([['100', '96'], ['100', '95'], ['100', '94']])
  })

  it('for another key on the same keep-alive connection (another workspace\'s, an unknown one, one without the permission), and replays the first key again after', async () => {
    twin = await Twin.start()
    const [, , warmed] = await twin.warm(SEGMENTS_LIST)
    const unknown = '9f0c1d2e-0000-4000-8000-000000000000'

    const harborStep = await twin.get(SEGMENTS_LIST, { authorization: `Bearer ${harbor.keys.full}` })
    const unknownStep = await twin.get(SEGMENTS_LIST, { authorization: `Bearer ${unknown}` })
    const lacking = await twin.get(SEGMENTS_LIST, { authorization: `Bearer ${lumen.keys.noSegmentsList}` })
    const none = await twin.get(SEGMENTS_LIST, {})
    const first = await twin.get(SEGMENTS_LIST)

    for (const step of [harborStep, unknownStep, lacking, none, first]) expect(step.replayed).toStrictEqual(step.plain)
    expect([harborStep, unknownStep, lacking, none, first].map(step => step.served)).toStrictEqual([0, 0, 0, 0, 1])
    expect(harborStep.replayed.status).toBe(200)
    expect(harborStep.replayed.body).not.toBe(warmed!.replayed.body)
    expect(JSON.parse(harborStep.replayed.body).segments.map((s: { id: string }) => s.id)).toContain(harbor.segments.highBalance)
    expect({ status: unknownStep.replayed.status, body: unknownStep.replayed.body, remaining: header(unknownStep.replayed, 'x-ratelimit-remaining') })
      .toStrictEqual({ status: 401, body: `{"message":"Invalid API key: ${unknown}"}`, remaining: '' })
    expect({ status: lacking.replayed.status, body: lacking.replayed.body })
      .toStrictEqual({ status: 403, body: '{"message":"Access Denied: this API key lacks the segments.list permission"}' })
    expect({ status: none.replayed.status, body: none.replayed.body }).toStrictEqual({ status: 401, body: '{"message":"Invalid API key: "}' })
    expect(first.replayed.body).toBe(warmed!.replayed.body)
    expect(twin.oneConnectionEach).toBe(true)
  })

  it('when the pool is spent: limit + 2 requests get the lifecycle\'s statuses, counts and 429s, each counted once', async () => {
    const limit = 4
    twin = await Twin.start({ fixtures: withDefaultLimit(limit) })
    const steps: Step[] = []
    for (let i = 0; i < limit + 2; i++) steps.push(await twin.get(SEGMENTS_LIST))

    for (const step of steps) expect(step.replayed).toStrictEqual(step.plain)
    expect(steps.map(step => step.replayed.status)).toStrictEqual([200, 200, 200, 200, 429, 429])
    expect(steps.map(step => header(step.replayed, 'x-ratelimit-remaining'))).toStrictEqual(['3', '2', '1', '0', '0', '0'])
    expect(steps.map(step => step.served)).toStrictEqual([0, 1, 1, 1, 0, 0])
    const reset = String(Date.UTC(2026, 10, 23, 13) / 1000)
    for (const { replayed } of steps.slice(limit)) {
      expect(replayed.body).toBe('{"message":"Rate limit exceeded"}')
      expect({ limit: header(replayed, 'x-ratelimit-limit'), reset: header(replayed, 'x-ratelimit-reset'), retryAfter: header(replayed, 'retry-after') })
        .toStrictEqual({ limit: String(limit), reset, retryAfter: '3600' })
    }

    // The next hour's window is full again, and the kept answer is replayed from it at once.
    await twin.control('POST', '/_mock/clock/advance', { by: 'PT1H' })
    const refilled = await twin.get(SEGMENTS_LIST)
    expect(refilled.served).toBe(1)
    expect(refilled.replayed).toStrictEqual(refilled.plain)
    expect(header(refilled.replayed, 'x-ratelimit-remaining')).toBe(String(limit - 1))
  })

  it('for another Host on an endpoint that writes a Link: each Host gets its own origin, replayed or not', async () => {
    const set = builtInFixtureSet() as FixtureObject & { events: Array<{ name: string }> }
    const extra = generatedEvents([9], 'fitness', 60, new Set(set.events.map(e => e.name)))
    twin = await Twin.start({ fixtures: { ...set, events: [...set.events, ...extra.map(e => ({ workspace_id: lumen.workspaceId, ...e }))] } })
    const url = '/events'
    const as = (host: string) => ({ ...AS_FULL, host })
    const hosts = ['a.example:4000', 'b.example:5000', 'a.example:4000', 'b.example:5000', 'a.example:4000', 'b.example:5000', 'a.example:4000']
    const steps: Step[] = []
    for (const host of hosts) steps.push(await twin.get(url, as(host)))

    for (const step of steps) expect(step.replayed).toStrictEqual(step.plain)
    // The Host is part of the answer's key: each is computed (and remembered), then replayed.
    expect(steps.map(step => step.served)).toStrictEqual([0, 0, 1, 1, 1, 1, 1])
    const cursor = Buffer.from('skip:50').toString('base64url')
    expect(steps.map(step => header(step.replayed, 'link'))).toStrictEqual(hosts.map(host => `<http://${host}/events?cursor=${cursor}>; rel="next"`))
  })

  it('for another Origin with a list of CORS origins: each gets the lifecycle\'s Access-Control-Allow-Origin and Vary', async () => {
    twin = await Twin.start({ cors: ['http://a.example'] })
    const a = { ...AS_FULL, origin: 'http://a.example' }
    const b = { ...AS_FULL, origin: 'http://b.example' }
    await twin.warm(SEGMENTS_LIST, a)
    const sequence = [b, AS_FULL, a, b, AS_FULL]
    const steps: Step[] = []
    for (const headers of sequence) steps.push(await twin.get(SEGMENTS_LIST, headers))

    for (const step of steps) expect(step.replayed).toStrictEqual(step.plain)
    expect(steps.map(step => step.served)).toStrictEqual([0, 0, 1, 1, 1])
    expect(steps.map(step => ({ allow: header(step.replayed, 'access-control-allow-origin'), vary: header(step.replayed, 'vary') }))).toStrictEqual([
      { allow: undefined, vary: 'Origin' },
      { allow: undefined, vary: 'Origin' },
      { allow: 'http://a.example', vary: 'Origin' },
      { allow: undefined, vary: 'Origin' },
      { allow: undefined, vary: 'Origin' },
    ])
  })

  it('for a HEAD: never replayed, answered as the lifecycle answers it; the GET after is as the lifecycle\'s', async () => {
    twin = await Twin.start()
    await twin.warm(SEGMENTS_LIST)
    const heads = [await twin.send('HEAD', SEGMENTS_LIST), await twin.send('HEAD', SEGMENTS_LIST), await twin.send('HEAD', SEGMENTS_LIST)]
    expect(heads.map(step => step.served)).toStrictEqual([0, 0, 0])
    for (const step of heads) {
      expect(step.replayed).toStrictEqual(step.plain)
      expect({ status: step.replayed.status, body: step.replayed.body }).toStrictEqual({ status: 200, body: '' })
    }
    // The GET is replayed again, with the GET's bytes.
    const after = await twin.get(SEGMENTS_LIST)
    expect(after.served).toBe(1)
    expect(after.replayed).toStrictEqual(after.plain)
    expect(twin.oneConnectionEach).toBe(true)
  })

  it('remembers nothing from a HEAD: a GET after HEADs alone goes through the lifecycle first', async () => {
    twin = await Twin.start()
    const heads = [await twin.send('HEAD', SEGMENTS_LIST), await twin.send('HEAD', SEGMENTS_LIST)]
    expect(heads.map(step => step.served)).toStrictEqual([0, 0])
    // The HEADs computed and kept the answer; the first GET finds it through the lifecycle, the second is replayed.
    const gets = [await twin.get(SEGMENTS_LIST), await twin.get(SEGMENTS_LIST)]
    expect(gets.map(step => step.served)).toStrictEqual([0, 1])
    for (const step of gets) expect(step.replayed).toStrictEqual(step.plain)
  })

  it.each([
    // Node's client frames a GET's body only with the length given: without it, '{}' would open the next request.
    { body: 'a JSON body and its Content-Length', headers: { 'content-type': 'application/json', 'content-length': '2' }, sent: '{}' },
    { body: 'an empty body with Content-Length: 0', headers: { 'content-length': '0' }, sent: '' },
    { body: 'chunked Transfer-Encoding', headers: { 'transfer-encoding': 'chunked' }, sent: 'x' },
  ] as Array<{ body: string, headers: Record<string, string>, sent: string }>)('for a GET with $body: never replayed, answered as the lifecycle answers it', async ({ headers, sent }) => {
    twin = await Twin.start()
    const [, , warmed] = await twin.warm(SEGMENTS_LIST)
    const steps = [
      await twin.send('GET', SEGMENTS_LIST, { ...AS_FULL, ...headers }, sent),
      await twin.send('GET', SEGMENTS_LIST, { ...AS_FULL, ...headers }, sent),
    ]
    expect(steps.map(step => step.served)).toStrictEqual([0, 0])
    for (const step of steps) {
      expect(step.replayed).toStrictEqual(step.plain)
      expect({ status: step.replayed.status, body: step.replayed.body }).toStrictEqual({ status: 200, body: warmed!.replayed.body })
    }
    // Without the body, the same request is replayed again.
    const plainGet = await twin.get(SEGMENTS_LIST)
    expect(plainGet.served).toBe(1)
    expect(plainGet.replayed).toStrictEqual(plainGet.plain)
  })
})

describe('replay is never in the path of inject(), nor on unless asked for', () => {
  let app: BrazeMockApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  it('inject() never replays, however often a kept answer is asked for', async () => {
    app = await testApp({ replay: true })
    expect(app.replay).not.toBeNull()
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(await app.inject({ method: 'GET', url: SEGMENTS_LIST, headers: AS_FULL }))
    expect(app.replay!.served).toBe(0)
    expect(answers.map(answer => answer.statusCode)).toStrictEqual([200, 200, 200, 200, 200])
    expect(new Set(answers.map(answer => answer.body)).size).toBe(1)
    // Each went through the lifecycle: its access hook counted it.
    expect(answers.map(answer => answer.headers['x-ratelimit-remaining'])).toStrictEqual(['249999', '249998', '249997', '249996', '249995'])
  })

  it.each([
    { config: 'no replay option', options: {} },
    { config: 'replay: false', options: { replay: false } },
  ])('buildApp with $config has app.replay null', async ({ options }) => {
    app = await buildApp({ now: NOW, ...options })
    expect(app.replay).toBeNull()
  })
})
