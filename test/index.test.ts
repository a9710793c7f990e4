// The in-process API (src/index.ts): startEmulator on port 0 and its controls, which are the same operations
// as their HTTP twins under /_mock/. The shared scenarios (test/control/scenarios.ts) run here through the
// in-process door; what only the in-process API has (Dates and ms for instants, thrown errors, reload that
// throws, the watch option) follows.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { buildApp, ConfigError, startEmulator, type BrazeMock, type StartOptions } from '../src/index.js'
import { braze, emulators, inProcess } from './emulator/control/drivers.js'
import { controlScenarios } from './emulator/control/scenarios.js'
import { BUILT_IN, NOW } from './helpers.js'

const { lumen } = BUILT_IN
const NOW_ISO = new Date(NOW).toISOString()
const ALL_USERS_NAME = 'All Users'
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

controlScenarios('in-process', inProcess)

describe('startEmulator', () => {
  const { start, fixturesCopy } = emulators()
  const segmentNames = async (mock: BrazeMock) =>
    (JSON.parse((await braze(mock, '/segments/list')).text) as { segments: Array<{ name: string }> }).segments.map(s => s.name)

  it('serves the built-in fixtures on a free port, and the same app answers inject()', async () => {
    const mock = await start()
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const overSocket = await braze(mock, `/segments/details?segment_id=${lumen.segments.allUsers}`)
    const injected = await mock.app.inject({
      url: `/segments/details?segment_id=${lumen.segments.allUsers}`,
      headers: { authorization: `Bearer ${lumen.keys.full}` },
    })
    expect(overSocket.status).toBe(200)
    expect(injected.body).toBe(overSocket.text)
    expect(mock.journal.list().entries.map(e => e.seq)).toEqual([1, 2])
  })

  it('answers every control with the body its HTTP twin answers, or throws its status and message', async () => {
    // Regression: overrides.set() returned an array where HTTP answers {"overrides": [...]}, list() and
    // remove() other shapes again.
    const [inProcess, overHttp] = await Promise.all([start(), start()])
    const FAULT = { path: '/segments/list', effect: { type: 'status', status: 503 }, times: 2 } as const
    const OVERRIDE = { app_id: lumen.apps.ios, values: { '2026-11-20': 5, '2026-11-21': 6 } }
    const calls: Array<[string, () => unknown, string, string, unknown?]> = [
      ['reset', () => inProcess.reset(), 'POST', '/_mock/reset'],
      ['clock.get', () => inProcess.clock.get(), 'GET', '/_mock/clock'],
      ['clock.pin', () => inProcess.clock.pin('2026-11-24T00:00:00Z'), 'POST', '/_mock/clock/pin', { at: '2026-11-24T00:00:00Z' }],
      ['clock.advance', () => inProcess.clock.advance('PT1H'), 'POST', '/_mock/clock/advance', { by: 'PT1H' }],
      ['faults.add', () => inProcess.faults.add(FAULT), 'POST', '/_mock/faults', FAULT],
      ['faults.list', () => inProcess.faults.list(), 'GET', '/_mock/faults'],
      ['faults.remove', () => inProcess.faults.remove('fault-1'), 'DELETE', '/_mock/faults/fault-1'],
      ['faults.remove again', () => inProcess.faults.remove('fault-1'), 'DELETE', '/_mock/faults/fault-1'],
      ['faults.clear', () => inProcess.faults.clear(), 'DELETE', '/_mock/faults'],
      ['overrides.set', () => inProcess.overrides.set(OVERRIDE), 'POST', '/_mock/overrides', OVERRIDE],
      ['overrides.list', () => inProcess.overrides.list(), 'GET', '/_mock/overrides'],
      ['overrides.remove', () => inProcess.overrides.remove('override-1'), 'DELETE', '/_mock/overrides/override-1'],
      ['overrides.remove again', () => inProcess.overrides.remove('override-1'), 'DELETE', '/_mock/overrides/override-1'],
      ['overrides.clear', () => inProcess.overrides.clear(), 'DELETE', '/_mock/overrides'],
      ['journal.list', () => inProcess.journal.list(), 'GET', '/_mock/journal'],
      ['journal.clear', () => inProcess.journal.clear(), 'DELETE', '/_mock/journal'],
      ['reload', () => inProcess.reload(), 'POST', '/_mock/fixtures/reload'],
    ]
    for (const [name, call, method, path, body] of calls) {
      const inProcessAnswer = await Promise.resolve().then(call).then(
        (value) => ({ ok: true, body: JSON.stringify(value) }),
        (error: { statusCode: number, message: string }) => ({ ok: false, body: JSON.stringify({ statusCode: error.statusCode, message: error.message }) }))
      const response = await fetch(`${overHttp.url}${path}`, {
        method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      })
      const text = await response.text()
      // Compared as text: the same fields in the same order.
      const httpAnswer = response.ok
        ? { ok: true, body: text }
        : { ok: false, body: JSON.stringify({ statusCode: response.status, message: (JSON.parse(text) as { message: string }).message }) }
      expect(inProcessAnswer, name).toStrictEqual(httpAnswer)
    }
  })

  it('applies a fault for every Braze path only where a Braze route answers: an unknown path stays 404', async () => {
    const mock = await start()
    const rule = mock.faults.add({ path: '*', effect: { type: 'status', status: 503 } })
    const unknown = await fetch(`${mock.url}/segments/nope`, { headers: { authorization: `Bearer ${lumen.keys.full}` } })
    expect([unknown.status, await unknown.json()]).toStrictEqual([404, { message: 'Not Found' }])
    const known = await fetch(`${mock.url}/segments/list`, { headers: { authorization: `Bearer ${lumen.keys.full}` } })
    expect(known.status).toBe(503)
    expect(mock.faults.list().faults.find(r => r.id === rule.id)).toMatchObject({ applied: 1 })
  })

  it('refuses an apiKey no client could send as written', async () => {
    await expect(startEmulator({ apiKey: ' my-key' })).rejects.toThrow('apiKey cannot be sent in an Authorization header')
  })

  describe('checks its options by the rules of the settings they mirror: a ConfigError that names the option', () => {
    // Regression: seed -1 was taken (and equalled 4294967295), 1.5, 2**40 and cors 'nope' too; a bad now threw
    // a FastifyError, journalSize -1 a RangeError, and control: 'off' left the control plane on.
    it.each<[string, Record<string, unknown>, string]>([
      ['a negative seed', { seed: -1 }, 'seed must be between 0 and 4294967295 (got -1)'],
      ['a fractional seed', { seed: 1.5 }, 'seed must be an integer between 0 and 4294967295 (got 1.5)'],
      ['a seed past 32 bits', { seed: 2 ** 40 }, 'seed must be between 0 and 4294967295 (got 1099511627776)'],
      ['a seed as text', { seed: '7' }, 'seed must be an integer between 0 and 4294967295 (got "7")'],
      ['cors that is no origin', { cors: 'nope' }, 'cors must be \'*\', false, or a list of origins such as [\'http://localhost:5173\'] (got "nope")'],
      ['cors with a path', { cors: ['http://a.test/app'] }, 'cors must be \'*\', false, or a list of origins such as [\'http://localhost:5173\'] (got ["http://a.test/app"])'],
      ['a now that is no instant', { now: 'soon' }, 'now must be a Date, an ISO 8601 instant or ms since the epoch, between 0001-01-02 and 9999-12-31 (got soon)'],
      ['a negative journalSize', { journalSize: -1 }, 'journalSize must be between 0 and 1000000 (got -1)'],
      ['a port past 65535', { port: 70000 }, 'port must be between 0 and 65535 (got 70000)'],
      ['an empty host', { host: '' }, 'host must not be empty (got "")'],
      ['an unknown logLevel', { logLevel: 'loud' }, 'logLevel must be one of: fatal, error, warn, info, debug, trace, silent, false (got "loud")'],
      ['control as text', { control: 'off' }, 'control must be true or false (got "off")'],
      ['watch as a number', { watch: 1 }, 'watch must be true or false (got 1)'],
      ['an empty controlToken', { controlToken: '' }, 'controlToken must not be empty (got "")'],
      ['two at once', { seed: -1, journalSize: 1.5 }, 'seed must be between 0 and 4294967295 (got -1); journalSize must be an integer between 0 and 1000000 (got 1.5)'],
    ])('%s', async (_label, options, message) => {
      const failure = await startEmulator(options as StartOptions).then(() => undefined, (error: unknown) => error)
      expect(failure).toBeInstanceOf(ConfigError)
      expect((failure as Error).message).toBe(message)
    })

    it('checks buildApp\'s options the same way', async () => {
      await expect(buildApp({ seed: -1 })).rejects.toThrow(new ConfigError('seed must be between 0 and 4294967295 (got -1)'))
      await expect(buildApp({ now: Number.NaN })).rejects.toThrow(new ConfigError('now must be ms since the epoch, between 0001-01-02 and 9999-12-31 (got NaN)'))
    })
  })

  it('matches fault rules and records the journal on the route a percent-encoded path reaches', async () => {
    // Regression: /segments/lis%74 reached /segments/list but escaped its fault, and the journal kept the
    // spelling, so a path filter missed it.
    const mock = await start()
    mock.faults.add({ path: '/segments/list', effect: { type: 'status', status: 503 } })
    const response = await fetch(`${mock.url}/segments/lis%74`, { headers: { authorization: `Bearer ${lumen.keys.full}` } })
    expect(response.status).toBe(503)
    expect(mock.journal.list({ path: '/segments/list' }).entries.map(entry => entry.status)).toStrictEqual([503])
  })

  it('refuses an override on a date the zone skipped', async () => {
    // Regression: Pacific/Apia skipped 2011-12-30; an override for it was set on 2011-12-31 instead.
    const mock = await start({
      fixtures: {
        workspaces: [{ id: 'w', name: 'W', time_zone: 'Pacific/Apia' }],
        apps: [{ id: 'a1', workspace_id: 'w', name: 'A', created_at: '2010-01-01' }],
      },
    })
    expect(() => mock.overrides.set({ app_id: 'a1', values: { '2011-12-30': 5 } }))
      .toThrow('values: 2011-12-30 does not exist in Pacific/Apia, which skipped it')
    expect(mock.overrides.list().overrides).toStrictEqual([])
  })

  it('moves the clock by whole milliseconds only', async () => {
    // Regression: PT0.0001S made the clock fractional, and offset_ms (an integer) could go out as 0.1.
    const mock = await start()
    mock.clock.release()
    expect(Number.isInteger(mock.clock.advance('PT0.0001S').offset_ms)).toBe(true)
    expect(mock.clock.advance('PT1.0004S').offset_ms).toBe(1000)
  })

  it('stops listening on close', async () => {
    const mock = await startEmulator({ now: NOW })
    await mock.close()
    await expect(fetch(`${mock.url}/_mock/health`)).rejects.toThrow(TypeError)
  })

  it.each([
    [NOW_ISO, NOW_ISO],
    [new Date(NOW), NOW_ISO],
    [NOW + 1000, '2026-11-23T12:00:01.000Z'],
  ])('takes now as an ISO string, a Date or ms (%s)', async (now, expected) => {
    const mock = await start({ now })
    expect(mock.clock.get()).toEqual({ mode: 'pinned', now: expected, offset_ms: 0 })
  })

  it('refuses a now that is not an instant', async () => {
    await expect(startEmulator({ now: 'soon' })).rejects.toThrow('now must be a Date, an ISO 8601 instant or ms since the epoch, between 0001-01-02 and 9999-12-31 (got soon)')
  })

  it('refuses a now outside 0001-01-02 to 9999-12-31, which would break every answer', async () => {
    // Regression: a now of year -271821 was taken, and every series answered 500.
    await expect(startEmulator({ now: '-271821-06-01T00:00:00Z' })).rejects.toThrow('now must be a Date, an ISO 8601 instant or ms since the epoch, between 0001-01-02 and 9999-12-31')
    await expect(startEmulator({ now: Date.UTC(10000, 0, 1) })).rejects.toThrow('between 0001-01-02 and 9999-12-31')
  })

  it('closes the app when it cannot listen, so nothing is left running', async () => {
    // Regression: a busy port threw, and the app with its fixtures watcher stayed open (the process could
    // not exit). Node counts a live fs.watch as an FSEventWrap resource.
    const first = await start()
    const copy = await fixturesCopy()
    const watchers = () => process.getActiveResourcesInfo().filter(type => type === 'FSEventWrap').length
    const before = watchers()
    const failed = await startEmulator({ port: Number(new URL(first.url).port), fixtures: copy.dir, watch: true })
      .then(() => 'listened', (error: NodeJS.ErrnoException) => error.code)
    expect(failed).toBe('EADDRINUSE')
    // A closed watcher leaves Node's list of active resources a moment later.
    await vi.waitFor(() => { expect(watchers()).toBe(before) }, { timeout: 2000 })
  })

  it('pins the clock to a Date or ms, and filters the journal by Dates and ms', async () => {
    const mock = await start()
    await braze(mock, '/segments/list')
    expect(mock.clock.pin(new Date(NOW + 3_600_000)).now).toBe('2026-11-23T13:00:00.000Z')
    await braze(mock, '/segments/list')
    expect(mock.clock.pin(NOW + 7_200_000).now).toBe('2026-11-23T14:00:00.000Z')
    await braze(mock, '/segments/list')
    expect(mock.journal.list({ since: new Date(NOW + 3_600_000) }).entries.map(e => e.seq)).toEqual([2, 3])
    expect(mock.journal.list({ until: NOW + 7_200_000 }).entries.map(e => e.seq)).toEqual([1, 2])
  })

  describe('checks its inputs as HTTP checks bodies, and changes nothing when it refuses', () => {
    const ios = lumen.apps.ios
    it.each<[string, (mock: BrazeMock) => unknown, string]>([
      ['pin to text that is no instant', m => m.clock.pin('noon'), 'at must be an ISO 8601 instant, between 0001-01-02 and 9999-12-31'],
      ['pin to an invalid Date', m => m.clock.pin(new Date(Number.NaN)), 'at must be a Date, an ISO 8601 instant or ms since the epoch, between 0001-01-02 and 9999-12-31 (got Invalid Date)'],
      ['advance by a fraction of a ms', m => m.clock.advance(1.5), 'by expected integer'],
      ['advance by one character', m => m.clock.advance('P'), 'by expected string length greater or equal to 2'],
      ['advance by a boolean', m => m.clock.advance(true as unknown as number), 'by must be a string or an integer'],
      ['a fault with an extra property', m => m.faults.add({ path: '*', effect: { type: 'drop' }, colour: 'red' } as never), 'colour is not a known property'],
      ['a fault without a path', m => m.faults.add({ effect: { type: 'drop' } } as never), 'path is required'],
      ['a fault with a relative path', m => m.faults.add({ path: 'segments/list', effect: { type: 'drop' } }), 'path expected string to match \'^(\\*|/.*)$\''],
      ['a fault with status 200', m => m.faults.add({ path: '*', effect: { type: 'status', status: 200 } }), 'effect/status expected integer to be greater or equal to 400'],
      ['a fault of an unknown type', m => m.faults.add({ path: '*', effect: { type: 'slow' } } as never), 'effect/type must be one of: status, latency, drop, truncate, malformed'],
      ['a latency with an extra property', m => m.faults.add({ path: '*', effect: { type: 'latency', ms: 5, jitter: 1 } } as never), 'effect/jitter is not a known property'],
      ['a latency range upside down', m => m.faults.add({ path: '*', effect: { type: 'latency', min_ms: 50, max_ms: 10 } }), 'effect: min_ms must not exceed max_ms'],
      ['times as text', m => m.faults.add({ path: '*', effect: { type: 'drop' }, times: '2' } as never), 'times expected integer'],
      ['a probability above 1', m => m.faults.add({ path: '*', effect: { type: 'drop' }, probability: 2 }), 'probability expected number to be less or equal to 1'],
      ['overrides without values', m => m.overrides.set({ app_id: ios, values: {} }), 'values expected object to have at least 1 properties'],
      ['a negative override', m => m.overrides.set({ app_id: ios, values: { '2026-11-20': -1 } }), 'values/2026-11-20 expected integer to be greater or equal to 0'],
      ['an override with an extra property', m => m.overrides.set({ app_id: ios, values: { '2026-11-20': 1 }, extra: 1 } as never), 'extra is not a known property'],
      ['an override by the week', m => m.overrides.set({ app_id: ios, unit: 'week', values: { '2026-11-20': 1 } } as never), 'unit must be one of: day, hour'],
      ['a journal status of 4 digits', m => m.journal.list({ status: 4040 }), 'status expected string to match \'^[1-5][0-9]{2}$\''],
      ['a negative journal limit', m => m.journal.list({ limit: -1 }), 'limit expected string to match \'^[0-9]{1,9}$\''],
      ['a journal since that is no instant', m => m.journal.list({ since: 'yesterday' }), 'since must be an ISO 8601 instant, between 0001-01-02 and 9999-12-31'],
    ])('%s', async (_label, act, message) => {
      const mock = await start()
      expect(() => act(mock)).toThrow(expect.objectContaining({ statusCode: 400, message }))
      expect(mock.clock.get()).toEqual({ mode: 'pinned', now: NOW_ISO, offset_ms: 0 })
      expect(mock.faults.list().faults).toEqual([])
      expect(mock.overrides.list().overrides).toEqual([])
    })
  })

  describe('reload', () => {
    it('reads changed fixtures from disk', async () => {
      const copy = await fixturesCopy()
      const mock = await start({ fixtures: copy.dir })
      expect(await segmentNames(mock)).toContain(ALL_USERS_NAME)
      await copy.edit('segments.json', segments => { segments[0]!.name = 'Everyone' })
      expect(await mock.reload()).toEqual({ status: 'reloaded', workspaces: 2, apps: 6, segments: 42, api_keys: 6 })
      const names = await segmentNames(mock)
      expect(names).toContain('Everyone')
      expect(names).not.toContain(ALL_USERS_NAME)
    })

    it('throws on fixtures that fail validation, naming file, place and reason, and keeps serving the previous ones', async () => {
      const copy = await fixturesCopy()
      const mock = await start({ fixtures: copy.dir })
      await copy.edit('segments.json', segments => { segments[0]!.name = 'Everyone' })
      await mock.reload()
      await copy.edit('workspaces.json', workspaces => { workspaces[1]!.rate_limit = 0 })
      const failure = await mock.reload().then(() => undefined, (error: unknown) => error)
      expect(failure).toMatchObject({ statusCode: 422 })
      // The reason's wording is the fixture loader's (test/world/load-fixtures.test.ts); the file and place are asserted here.
      expect((failure as Error).message).toMatch(new RegExp(
        `^fixtures not reloaded, the previous ones stay in service: ${escapeRegExp(join(copy.dir, 'workspaces.json'))} at /1/rate_limit: .*1`))
      expect(await segmentNames(mock)).toContain('Everyone')
    })

    it('keeps the clock, faults, overrides and journal', async () => {
      const copy = await fixturesCopy()
      const mock = await start({ fixtures: copy.dir })
      mock.clock.advance('PT1H')
      mock.faults.add({ path: '/segments/details', effect: { type: 'drop' } })
      mock.overrides.set({ app_id: lumen.apps.ios, values: { '2026-11-20': 1 } })
      await braze(mock, '/segments/list')
      await mock.reload()
      expect(mock.clock.get().now).toBe('2026-11-23T13:00:00.000Z')
      expect(mock.faults.list().faults).toHaveLength(1)
      expect(mock.overrides.list().overrides).toHaveLength(1)
      expect(mock.journal.list().entries).toHaveLength(1)
    })
  })

  describe('watch', () => {
    /** Polls until the segment list includes `name`: a bounded wait, not a fixed sleep. */
    async function waitForSegment (mock: BrazeMock, name: string): Promise<string[]> {
      let names: string[] = []
      for (let attempt = 0; attempt < 200 && !names.includes(name); attempt++) {
        if (attempt > 0) await new Promise(resolve => setTimeout(resolve, 25))
        names = await segmentNames(mock)
      }
      return names
    }

    it('reloads when a fixture file changes, keeps the previous fixtures through a bad change, and recovers', async () => {
      const copy = await fixturesCopy()
      const mock = await start({ fixtures: copy.dir, watch: true })
      await copy.edit('segments.json', segments => { segments[0]!.name = 'Everyone' })
      expect(await waitForSegment(mock, 'Everyone')).toContain('Everyone')

      // A broken file, a change made while it is broken, then the repair: the watcher survives the failed
      // reloads, the previous fixtures serve meanwhile, and the repaired set arrives whole.
      const apps = await readFile(join(copy.dir, 'apps.json'), 'utf8')
      await copy.write('apps.json', '[{"id": ')
      await copy.edit('segments.json', segments => { segments[0]!.name = 'Everybody' })
      expect(await segmentNames(mock)).not.toContain('Everybody')
      await copy.write('apps.json', apps)
      expect(await waitForSegment(mock, 'Everybody')).toContain('Everybody')
      expect((await braze(mock, `/sessions/data_series?length=1&app_id=${lumen.apps.ios}`)).status).toBe(200)
    })
  })

  it('keeps its in-process controls with the HTTP control plane off', async () => {
    const mock = await start({ control: false })
    mock.faults.add({ path: '/segments/list', effect: { type: 'status', status: 503 } })
    expect((await braze(mock, '/segments/list')).status).toBe(503)
    expect((await fetch(`${mock.url}/_mock/faults`)).status).toBe(404)
    expect(mock.journal.list().entries.map(e => e.status)).toEqual([503])
  })
})
