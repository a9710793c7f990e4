// The emulator's settings, read once at start from the environment (or from command-line flags mapped to
// the same names) and validated with env-schema against a TypeBox schema. A bad value stops the start with
// a message that names the setting.
import { Type, type Static } from '@sinclair/typebox'
import envSchema from 'env-schema'
import { parseInstant } from './world/instant.js'

const LogLevel = Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map(l => Type.Literal(l)))

export const Settings = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 4000, description: 'Port to listen on; 0 picks a free one.' }),
  HOST: Type.String({ minLength: 1, default: 'localhost', description: 'Address to listen on; 0.0.0.0 in a container.' }),
  LOG_LEVEL: Type.Unsafe<'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'>({ ...LogLevel, default: 'info' }),
  BRAZE_MOCK_FIXTURES: Type.Optional(Type.String({ minLength: 1, description: 'A fixtures directory instead of the built-in one.' })),
  BRAZE_MOCK_API_KEY: Type.Optional(Type.String({ minLength: 1, description: 'An extra key with every permission in the first workspace.' })),
  BRAZE_MOCK_NOW: Type.Optional(Type.String({ format: 'instant', description: 'Pins the clock to this ISO 8601 instant.' })),
  BRAZE_MOCK_SEED: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Shifts every generated number.' })),
})
export type Settings = Static<typeof Settings>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

interface AjvError { instancePath: string, message?: string, params: Record<string, unknown> }

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
    throw new ConfigError(errors.map(e => {
      const name = e.instancePath.slice(1)
      const rule = e.params.format === 'instant' ? 'must be an ISO 8601 instant, such as 2026-11-23T12:00:00Z' : e.message
      return `${name} ${rule} (got ${JSON.stringify(data[name])})`
    }).join('; '))
  }
}
