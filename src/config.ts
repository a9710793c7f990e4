// The emulator's settings, read once at start from the environment (or from command-line flags mapped to
// the same names) and validated with env-schema against a TypeBox schema. A bad value stops the start with
// a message that names the setting.
import { Type, type Static } from '@sinclair/typebox'
import envSchema from 'env-schema'
import { parseInstant } from './world/instant.js'

const ORIGIN = 'https?://(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?'

/** BRAZE_MOCK_CORS as the app takes it: '*', a list of origins, or false for off. */
export function corsOrigins (setting: string): '*' | string[] | false {
  if (setting === 'off') return false
  if (setting === '*') return '*'
  return setting.split(',').map(origin => origin.trim())
}

/** A string setting with a fixed set of values (a JSON-schema enum, for Ajv's plainest message). */
function choice<T extends string> (values: readonly T[], fallback: T, description: string) {
  return Type.Unsafe<T>({ type: 'string', enum: values, default: fallback, description })
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
  BRAZE_MOCK_API_KEY: Type.Optional(Type.String({ minLength: 1, description: 'An extra key with every permission in the first workspace.' })),
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

export class ConfigError extends Error {
  override name = 'ConfigError'
}

interface AjvError { instancePath: string, message?: string, params: { format?: string, allowedValues?: string[] } }

/**
 * Validates settings from `variables` (process.env, or flags under the same names). Empty values count as
 * unset, as docker-compose passes `KEY: ${UNSET}` through as an empty string.
 */
export function parseSettings (variables: Record<string, string | undefined>): Settings {
  const data: Record<string, string> = {}
  for (const name of Object.keys(Settings.properties)) {
    const value = variables[name]
    if (value !== undefined && value !== '') data[name] = value
  }
  try {
    return envSchema<Settings>({
      schema: structuredClone(Settings),
      data,
      env: false,
      ajv: {
        customOptions (ajv) {
          return ajv.addFormat('instant', (text: string) => parseInstant(text) !== undefined)
        },
      },
    })
  } catch (error) {
    const errors = (error as { errors?: AjvError[] }).errors
    if (errors === undefined) throw error
    const named = new Map<string, string>()
    for (const e of errors) {
      const name = e.instancePath.slice(1)
      const rule = e.params.format === 'instant'
        ? 'must be an ISO 8601 instant, such as 2026-11-23T12:00:00Z'
        : name === 'BRAZE_MOCK_CORS'
          ? 'must be *, off, or a comma-separated list of origins such as http://localhost:5173'
          : e.params.allowedValues === undefined ? e.message : `must be one of: ${e.params.allowedValues.join(', ')}`
      if (!named.has(name)) named.set(name, `${name} ${rule} (got ${JSON.stringify(data[name])})`)
    }
    throw new ConfigError([...named.values()].join('; '))
  }
}
