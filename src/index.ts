// The package's entry point: start an emulator inside a test process and drive it, in two lines.
//
//   const braze = await startEmulator({ now: '2026-11-23T12:00:00Z' })
//   afterAll(() => braze.close())
//
// Every control is the same operation as its HTTP twin under /_mock/ (src/emulator/control.ts), and answers
// what its twin answers: the same body, or the same error (statusCode and message) thrown.
import type { TSchema } from '@sinclair/typebox'
import { buildApp, type AppConfig, type BrazeMockApp } from './app.js'
import { checkOptions, ConfigError } from './config.js'
import type { FaultRule } from './emulator/faults.js'
import type { JournalEntry } from './emulator/journal.js'
import { firstInputError } from './emulator/validate.js'
import { ControlNotFound, ControlRejected } from './emulator/errors.js'
import {
  AdvanceClockBody, FaultRuleBody, JournalQuery, OverrideBody, PinClockBody,
  type ClockView, type JournalView, type OverrideView, type ReloadView, type WorldView,
} from './emulator/control-schema.js'
import { INSTANT_RANGE, inInstantRange, parseInstant } from './world/instant.js'

export { buildApp, BUILT_IN_FIXTURES, type AppConfig, type BrazeMockApp } from './app.js'
export { ConfigError } from './config.js'
export { FixtureError } from './world/load-fixtures.js'
export type { FixtureSet } from './world/fixture-schema.js'
export type { ClockView, FaultRuleBody, JournalEntry, JournalView, FaultRule, OverrideBody, OverrideView, ReloadView, WorldView }

/** What a control that changes state without a view of it answers, as HTTP does: {"status": "cleared"}. */
export interface Status<T extends string> { readonly status: T }

type Instant = Date | string | number

export interface StartOptions extends Omit<AppConfig, 'now'> {
  /** Port to listen on; 0 (the default) picks a free one. */
  readonly port?: number
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string
  /** Pins the clock: a Date, an ISO 8601 string or ms since the epoch. */
  readonly now?: Instant
}

export interface JournalFilter {
  readonly path?: string
  readonly status?: number
  readonly since?: Instant
  readonly until?: Instant
  /** Only the most recent N matching entries. */
  readonly limit?: number
}

export interface BrazeMock {
  /** Base URL to point a Braze client at, e.g. http://127.0.0.1:41234 */
  readonly url: string
  /** The Fastify instance, for inject() and anything else. */
  readonly app: BrazeMockApp
  close (): Promise<void>
  /** Journal, rate-limit pools, faults, overrides and clock back to their start state. */
  reset (): Status<'reset'>
  /** Reads the fixtures again; throws (422), keeping the previous ones, if they fail validation. */
  reload (): Promise<ReloadView>
  /** What GET /_mock/world answers: workspaces and their entities, keys (BRAZE_MOCK_API_KEY masked), endpoints. */
  world (): WorldView
  readonly clock: {
    get (): ClockView
    pin (at: Instant): ClockView
    /** An ISO 8601 duration ('PT1H') or milliseconds. */
    advance (by: string | number): ClockView
    release (): ClockView
  }
  readonly journal: {
    /** The matching entries, oldest first, with the journal's size, capacity and dropped count. */
    list (filter?: JournalFilter): JournalView
    /** Entries dropped, oldest first, to stay within journalSize (since start, the last clear or reset). */
    readonly dropped: number
    clear (): Status<'cleared'>
  }
  readonly faults: {
    add (rule: FaultRuleBody): FaultRule
    list (): { faults: FaultRule[] }
    /** Throws a 404 error for an id no rule has. */
    remove (id: string): Status<'removed'>
    clear (): Status<'cleared'>
  }
  readonly overrides: {
    set (body: OverrideBody): { overrides: OverrideView[] }
    list (): { overrides: OverrideView[] }
    /** Throws a 404 error for an id no override has. */
    remove (id: string): Status<'removed'>
    clear (): Status<'cleared'>
  }
}

export async function startEmulator (options: StartOptions = {}): Promise<BrazeMock> {
  const { port = 0, host = '127.0.0.1', now, ...config } = options
  checkOptions({ port, host }) // buildApp checks the rest
  // Replay is on, as in the container: hooks cannot be added to an app that listens already.
  const app = await buildApp({ replay: true, ...config, now: now === undefined ? undefined : instantMs('now', now, ConfigError) })
  let url: string
  try {
    url = await app.listen({ port, host })
  } catch (error) {
    await app.close() // a busy port must not leave the app (and a fixtures watcher) running
    throw error
  }
  const { control } = app
  return {
    url,
    app,
    close: () => app.close(),
    reset: () => control.reset(),
    reload: () => control.reload(),
    world: () => control.world(),
    clock: {
      get: () => control.clock(),
      pin: (at) => control.pinClock(checked(PinClockBody, { at: at instanceof Date ? instantMs('at', at) : at })),
      advance: (by) => control.advanceClock(checked(AdvanceClockBody, { by })),
      release: () => control.releaseClock(),
    },
    journal: {
      list: ({ path, status, since, until, limit } = {}) => control.journal(checked(JournalQuery, {
        ...(path === undefined ? {} : { path }),
        ...(status === undefined ? {} : { status: String(status) }),
        ...(since === undefined ? {} : { since: isoOf('since', since) }),
        ...(until === undefined ? {} : { until: isoOf('until', until) }),
        ...(limit === undefined ? {} : { limit: String(limit) }),
      })),
      get dropped () { return control.journal().dropped },
      clear: () => control.clearJournal(),
    },
    faults: {
      add: (rule) => control.addFault(checked(FaultRuleBody, rule)),
      list: () => control.faults(),
      remove: (id) => removed(control.removeFault(id), `no fault rule ${id}`),
      clear: () => control.clearFaults(),
    },
    overrides: {
      set: (body) => control.setOverrides(checked(OverrideBody, body)),
      list: () => control.overrides(),
      remove: (id) => removed(control.removeOverride(id), `no override ${id}`),
      clear: () => control.clearOverrides(),
    },
  }
}

/** DELETE /_mock/faults/:id and /_mock/overrides/:id: {"status":"removed"}, or a 404 naming the id. */
function removed (found: boolean, notFound: string): Status<'removed'> {
  if (!found) throw new ControlNotFound(notFound)
  return { status: 'removed' }
}

/** In-process inputs get the checks HTTP bodies get from Ajv, with the same kind of message. */
function checked<T extends TSchema, V> (schema: T, value: V): V {
  const error = firstInputError(schema, value)
  if (error !== undefined) throw new ControlRejected(`${error.instancePath.slice(1) || 'value'} ${error.message}`)
  return value
}

/** An instant given as a Date, text or ms; a bad one is a ConfigError for an option, a 400 for a control. */
function instantMs (name: string, value: Instant, Rejection: new (message: string) => Error = ControlRejected): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : parseInstant(value)
  if (ms === undefined || !inInstantRange(ms)) {
    throw new Rejection(`${name} must be a Date, an ISO 8601 instant or ms since the epoch, ${INSTANT_RANGE.text} (got ${String(value)})`)
  }
  return ms
}

function isoOf (name: string, value: Instant): string {
  return typeof value === 'string' ? value : new Date(instantMs(name, value)).toISOString()
}
