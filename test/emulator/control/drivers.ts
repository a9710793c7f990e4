// The two ways to drive an emulator's control plane, behind one interface, so the same scenarios
// (test/control/scenarios.ts) run through the in-process API (test/index.test.ts) and through HTTP under
// /_mock/ (test/routes/mock-control.test.ts). Both answer the same bodies, and both throw
// { statusCode, message } when the emulator refuses: the in-process driver only awaits what the API returns.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { BUILT_IN_FIXTURES, startEmulator, type StartOptions } from '../../../src/index.js'
import type { BrazeMock, ClockView, FaultRule, FaultRuleBody, JournalView, OverrideBody, OverrideView, ReloadView, Status } from '../../../src/index.js'
import { BUILT_IN, NOW } from '../../helpers.js'

export interface DriverJournalFilter {
  readonly path?: string
  readonly status?: number
  /** ISO 8601 instants: both drivers accept them. */
  readonly since?: string
  readonly until?: string
  readonly limit?: number
}

export interface ControlDriver {
  reset (): Promise<Status<'reset'>>
  reload (): Promise<ReloadView>
  readonly clock: {
    get (): Promise<ClockView>
    /** An instant as text, or ms since the epoch: both doors take both. */
    pin (at: string | number): Promise<ClockView>
    advance (by: string | number): Promise<ClockView>
    release (): Promise<ClockView>
  }
  readonly journal: {
    list (filter?: DriverJournalFilter): Promise<JournalView>
    clear (): Promise<Status<'cleared'>>
  }
  readonly faults: {
    add (rule: FaultRuleBody): Promise<FaultRule>
    list (): Promise<{ faults: FaultRule[] }>
    remove (id: string): Promise<Status<'removed'>>
    clear (): Promise<Status<'cleared'>>
  }
  readonly overrides: {
    set (body: OverrideBody): Promise<{ overrides: OverrideView[] }>
    list (): Promise<{ overrides: OverrideView[] }>
    remove (id: string): Promise<Status<'removed'>>
    clear (): Promise<Status<'cleared'>>
  }
}

export type DriverFactory = (mock: BrazeMock) => ControlDriver

/** The in-process API, made async so it reads like the HTTP driver. */
export const inProcess: DriverFactory = (mock) => ({
  reset: async () => mock.reset(),
  reload: () => mock.reload(),
  clock: {
    get: async () => mock.clock.get(),
    pin: async (at) => mock.clock.pin(at),
    advance: async (by) => mock.clock.advance(by),
    release: async () => mock.clock.release(),
  },
  journal: {
    list: async (filter) => mock.journal.list(filter),
    clear: async () => mock.journal.clear(),
  },
  faults: {
    add: async (rule) => mock.faults.add(rule),
    list: async () => mock.faults.list(),
    remove: async (id) => mock.faults.remove(id),
    clear: async () => mock.faults.clear(),
  },
  overrides: {
    set: async (body) => mock.overrides.set(body),
    list: async () => mock.overrides.list(),
    remove: async (id) => mock.overrides.remove(id),
    clear: async () => mock.overrides.clear(),
  },
})

/** What an HTTP control call answered when it was not a success. */
export class ControlFailure extends Error {
  readonly statusCode: number
  constructor (statusCode: number, message: string) {
    super(message)
    this.statusCode = statusCode
  }
}

/** The control plane over a real socket, with fetch; `token` is sent as a bearer token when given. */
export function overHttp (token?: string): DriverFactory {
  return (mock) => {
    async function call<T> (method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = {}
      if (body !== undefined) headers['content-type'] = 'application/json'
      if (token !== undefined) headers.authorization = `Bearer ${token}`
      const response = await fetch(`${mock.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
      const json = await response.json() as T & { message?: string }
      if (!response.ok) throw new ControlFailure(response.status, json.message ?? '')
      return json
    }
    return {
      reset: () => call('POST', '/_mock/reset'),
      reload: () => call('POST', '/_mock/fixtures/reload'),
      clock: {
        get: () => call('GET', '/_mock/clock'),
        pin: (at) => call('POST', '/_mock/clock/pin', { at }),
        advance: (by) => call('POST', '/_mock/clock/advance', { by }),
        release: () => call('POST', '/_mock/clock/release'),
      },
      journal: {
        list: (filter = {}) => {
          const query = new URLSearchParams(Object.entries(filter).map(([name, value]): [string, string] => [name, String(value)]))
          return call('GET', `/_mock/journal?${query}`)
        },
        clear: () => call('DELETE', '/_mock/journal'),
      },
      faults: {
        add: (rule) => call('POST', '/_mock/faults', rule),
        list: () => call('GET', '/_mock/faults'),
        remove: (id) => call('DELETE', `/_mock/faults/${encodeURIComponent(id)}`),
        clear: () => call('DELETE', '/_mock/faults'),
      },
      overrides: {
        set: (body) => call('POST', '/_mock/overrides', body),
        list: () => call('GET', '/_mock/overrides'),
        remove: (id) => call('DELETE', `/_mock/overrides/${encodeURIComponent(id)}`),
        clear: () => call('DELETE', '/_mock/overrides'),
      },
    }
  }
}

export interface WireAnswer {
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

/** A Braze request on the emulator's real socket (the Lumen full-access key unless given; null sends none). */
export async function braze (mock: BrazeMock, path: string, key: string | null = BUILT_IN.lumen.keys.full): Promise<WireAnswer> {
  const response = await fetch(`${mock.url}${path}`, { headers: key === null ? {} : { authorization: `Bearer ${key}` } })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/** The three rate-limit headers and Retry-After, as a client reads them. */
export function limits (answer: WireAnswer) {
  return {
    limit: answer.headers.get('x-ratelimit-limit'),
    remaining: answer.headers.get('x-ratelimit-remaining'),
    reset: answer.headers.get('x-ratelimit-reset'),
    retryAfter: answer.headers.get('retry-after'),
  }
}

/** A copy of the built-in fixtures in a fresh temporary directory, to change and reload. */
export async function copyFixtures () {
  const dir = await mkdtemp(join(tmpdir(), 'braze-mock-fixtures-'))
  await cp(BUILT_IN_FIXTURES, dir, { recursive: true })
  return {
    dir,
    /** Rewrites a JSON file through `change`. */
    async edit (file: string, change: (json: Array<Record<string, unknown>>) => void): Promise<void> {
      const json = JSON.parse(await readFile(join(dir, file), 'utf8')) as Array<Record<string, unknown>>
      change(json)
      await writeFile(join(dir, file), JSON.stringify(json, null, 2))
    },
    write: (file: string, text: string) => writeFile(join(dir, file), text),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}

/**
 * Emulators (on port 0, clock pinned to NOW) and fixtures copies for the tests of one describe block, all
 * closed and removed after each test.
 */
export function emulators () {
  const started: BrazeMock[] = []
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map(mock => mock.close()))
    await Promise.all(cleanups.splice(0).map(cleanup => cleanup()))
  })
  return {
    async start (options: StartOptions = {}): Promise<BrazeMock> {
      const mock = await startEmulator({ now: NOW, ...options })
      started.push(mock)
      return mock
    },
    async fixturesCopy () {
      const copy = await copyFixtures()
      cleanups.push(copy.remove)
      return copy
    },
  }
}
