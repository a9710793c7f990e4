// The emulator's settings, read once at start from the environment (or from command-line flags mapped to
// the same names) and validated against a TypeBox schema. A bad value stops the start with a message that
// names the setting.
//
// TypeBox's Value module converts and checks them, as it does the fixtures. env-schema (Fastify's own) did
// this job first, but it builds an Ajv instance of its own and compiles Ajv's meta-schema on every start:
// about 60 ms, a fifth of the whole cold start, for a dozen strings (BENCHMARKS.md).
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { ConfigError } from './emulator/errors.js'
import { SENDABLE_KEY, UNSENDABLE_KEY } from './world/build-world.js'
import { INSTANT_RANGE, outsideInstantRange } from './world/instant.js' // also registers the 'instant' format BRAZE_MOCK_NOW uses

const ORIGIN = 'https?://(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?'

/** BRAZE_MOCK_CORS as the app takes it: '*', a list of origins, or false for off. */
export function corsOrigins (setting: string): '*' | string[] | false {
  if (setting === 'off') return false
  if (setting === '*') return '*'
  return setting.split(',').map(origin => origin.trim())
}

/** A string setting with a fixed set of values. */
function choice<const T extends string> (values: readonly T[], fallback: T, description: string) {
  return Type.Union(values.map(value => Type.Literal(value)), { default: fallback, description })
}

type Flag = '1' | '0' | 'true' | 'false'

/** A 1/0/true/false setting, as a boolean. */
export function isOn (flag: Flag): boolean {
  return flag === '1' || flag === 'true'
}

export const Settings = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 4000, description: 'Port to listen on; 0 picks a free one.' }),
  HOST: Type.String({ minLength: 1, default: 'localhost', description: 'Address to listen on; 0.0.0.0 in a container.' }),
  LOG_LEVEL: choice(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info', 'Log level.'),
  BRAZE_MOCK_FIXTURES: Type.Optional(Type.String({ minLength: 1, description: 'A fixtures directory instead of the built-in one.' })),
  BRAZE_MOCK_API_KEY: Type.Optional(Type.String({ pattern: SENDABLE_KEY.source, description: 'An extra key with every permission in the first workspace.' })),
  BRAZE_MOCK_NOW: Type.Optional(Type.String({ format: 'instant', description: 'Pins the clock to this ISO 8601 instant.' })),
  BRAZE_MOCK_SEED: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Shifts every generated number.' })),
  BRAZE_MOCK_CONTROL: choice(['on', 'off'], 'on', 'off leaves only /_mock/health under /_mock/.'),
  BRAZE_MOCK_CONTROL_TOKEN: Type.Optional(Type.String({ minLength: 1, description: 'A bearer token the control plane requires.' })),
  BRAZE_MOCK_WATCH: choice<Flag>(['1', '0', 'true', 'false'], '0', 'Reload the fixtures when a file in their directory changes.'),
  BRAZE_MOCK_CORS: Type.String({
    minLength: 1,
    // An origin is a scheme, a host (a name, IPv4 or [IPv6]) and an optional port: no path, nothing else.
    pattern: `^(?:\\*|off|${ORIGIN}(?:\\s*,\\s*${ORIGIN})*)$`,
    default: '*',
    description: 'Origins a browser may call from: * for any, off, or a comma-separated list such as http://localhost:5173.',
  }),
  BRAZE_MOCK_JOURNAL_SIZE: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 1000, description: 'Requests the journal keeps; the oldest is dropped past it.' }),
})
export type Settings = Static<typeof Settings>

export { ConfigError }

/**
 * Validates settings from `variables` (process.env, or flags under the same names). Empty values count as
 * unset, as docker-compose passes `KEY: ${UNSET}` through as an empty string. Every bad setting is named: by
 * its variable, or by what `labels` gives for it (the flag a user typed, `--port`).
 */
export function parseSettings (variables: Record<string, string | undefined>, labels: Partial<Record<string, string>> = {}): Settings {
  const settings: Record<string, unknown> = {}
  const problems: string[] = []
  for (const [name, schema] of Object.entries(Settings.properties) as Array<[string, TSchema]>) {
    const text = variables[name]
    if (text === undefined || text === '') {
      if ('default' in schema) settings[name] = schema.default
      continue
    }
    // Only whole decimal numbers become integers (Value.Convert would read "1.5" as 1).
    const value = schema.type === 'integer' && /^[+-]?\d+$/.test(text.trim()) ? Number(text) : text
    if (Value.Check(schema, value)) settings[name] = value
    else problems.push(`${labels[name] ?? name} ${rule(name, schema, value)} (got ${JSON.stringify(text)})`)
  }
  if (problems.length > 0) throw new ConfigError(problems.join('; '))
  return settings as Settings
}

/** Each option of startEmulator and buildApp that mirrors a setting, and the setting whose rule it follows. */
const MIRRORED = {
  port: 'PORT',
  host: 'HOST',
  apiKey: 'BRAZE_MOCK_API_KEY',
  seed: 'BRAZE_MOCK_SEED',
  controlToken: 'BRAZE_MOCK_CONTROL_TOKEN',
  journalSize: 'BRAZE_MOCK_JOURNAL_SIZE',
} as const satisfies Record<string, keyof typeof Settings.properties>

const { properties: setting } = Settings
const Flag = Type.Boolean()

/**
 * startEmulator's and buildApp's options, under the rules of the settings they mirror. They take typed values
 * where the environment has text: a boolean for on/off, a list of origins, false for no logger or no CORS.
 */
export const Options = Type.Object({
  port: Type.Optional(setting.PORT),
  host: Type.Optional(setting.HOST),
  apiKey: setting.BRAZE_MOCK_API_KEY,
  seed: setting.BRAZE_MOCK_SEED,
  controlToken: setting.BRAZE_MOCK_CONTROL_TOKEN,
  journalSize: Type.Optional(setting.BRAZE_MOCK_JOURNAL_SIZE),
  logLevel: Type.Optional(Type.Union([...setting.LOG_LEVEL.anyOf, Type.Literal(false)])),
  cors: Type.Optional(Type.Union([Type.Literal('*'), Type.Literal(false), Type.Array(Type.String({ pattern: `^${ORIGIN}$` }))])),
  /** buildApp's: ms since the epoch (startEmulator reads a Date or text into it first). */
  now: Type.Optional(Type.Number({ minimum: INSTANT_RANGE.min, maximum: INSTANT_RANGE.max })),
  control: Type.Optional(Flag),
  watch: Type.Optional(Flag),
  prettyLogs: Type.Optional(Flag),
  batchedLogs: Type.Optional(Flag),
  replay: Type.Optional(Flag),
})

/**
 * Checks in-process options as parseSettings checks the environment: every bad one is named, in a
 * ConfigError. Options left undefined are unset; options not listed in Options (fixtures) are left to
 * their own checks.
 */
export function checkOptions (options: object): void {
  const problems: string[] = []
  for (const [name, value] of Object.entries(options)) {
    const schema = (Options.properties as Record<string, TSchema>)[name]
    if (value === undefined || schema === undefined || Value.Check(schema, value)) continue
    problems.push(`${name} ${optionRule(name, schema, value)} (got ${typeof value === 'number' ? String(value) : JSON.stringify(value)})`)
  }
  if (problems.length > 0) throw new ConfigError(problems.join('; '))
}

function optionRule (name: string, schema: TSchema, value: unknown): string {
  if (name in MIRRORED) return rule(MIRRORED[name as keyof typeof MIRRORED], schema, value)
  if (schema === Options.properties.cors) return 'must be \'*\', false, or a list of origins such as [\'http://localhost:5173\']'
  if (schema === Options.properties.now) return `must be ms since the epoch, ${INSTANT_RANGE.text}`
  if (schema.type === 'boolean') return 'must be true or false'
  return rule(name, schema, value)
}

/** What a setting must be, in words. */
function rule (name: string, schema: TSchema, value: unknown): string {
  if (schema.format === 'instant') {
    return typeof value === 'string' && outsideInstantRange(value)
      ? `must be ${INSTANT_RANGE.text} (UTC)`
      : 'must be an ISO 8601 instant, such as 2026-11-23T12:00:00Z'
  }
  if (name === 'BRAZE_MOCK_API_KEY') return UNSENDABLE_KEY
  if (name === 'BRAZE_MOCK_CORS') return 'must be *, off, or a comma-separated list of origins such as http://localhost:5173'
  if (Array.isArray(schema.anyOf)) return `must be one of: ${(schema.anyOf as TSchema[]).map(option => String(option.const)).join(', ')}`
  if (schema.type === 'integer') {
    const range = `between ${schema.minimum} and ${schema.maximum}`
    return Number.isInteger(value) ? `must be ${range}` : `must be an integer ${range}`
  }
  return 'must not be empty'
}
