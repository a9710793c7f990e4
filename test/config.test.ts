// parseSettings: the emulator's settings, read once at start. Defaults, typed values, a ConfigError that
// names the setting for each bad value, and empty strings treated as unset (docker-compose passes them).
import { describe, expect, it } from 'vitest'
import { ConfigError, corsOrigins, parseSettings, Settings } from '../src/config.js'

/** What nothing set gives; the settings beyond these (added later) are checked against their schema default. */
const KNOWN_DEFAULTS = { PORT: 4000, HOST: 'localhost', LOG_LEVEL: 'info' }
const OPTIONAL = ['BRAZE_MOCK_FIXTURES', 'BRAZE_MOCK_API_KEY', 'BRAZE_MOCK_NOW', 'BRAZE_MOCK_SEED']
const NAMES = ['PORT', 'HOST', 'LOG_LEVEL', ...OPTIONAL]
const DEFAULTS: Record<string, unknown> = Object.fromEntries(Object.entries(Settings.properties)
  .filter(([, schema]) => 'default' in schema)
  .map(([name, schema]) => [name, (schema as { default: unknown }).default]))

function configError (variables: Record<string, string>): ConfigError {
  try {
    parseSettings(variables)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error(`parseSettings accepted ${JSON.stringify(variables)}`)
}

describe('parseSettings', () => {
  it('gives the defaults when nothing is set', () => {
    const settings = parseSettings({})
    expect(settings).toMatchObject(KNOWN_DEFAULTS)
    expect(settings).toStrictEqual(DEFAULTS)
    for (const name of OPTIONAL) expect(settings).not.toHaveProperty(name)
  })

  it('reads every setting into its type', () => {
    expect(parseSettings({
      PORT: '0',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      BRAZE_MOCK_FIXTURES: '/srv/fixtures',
      BRAZE_MOCK_API_KEY: 'local-key',
      BRAZE_MOCK_NOW: '2026-11-23T12:00:00Z',
      BRAZE_MOCK_SEED: '42',
    })).toStrictEqual({
      ...DEFAULTS,
      PORT: 0,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      BRAZE_MOCK_FIXTURES: '/srv/fixtures',
      BRAZE_MOCK_API_KEY: 'local-key',
      BRAZE_MOCK_NOW: '2026-11-23T12:00:00Z',
      BRAZE_MOCK_SEED: 42,
    })
  })

  it('ignores variables that are not settings (the rest of the environment)', () => {
    expect(parseSettings({ PATH: '/usr/bin', NODE_ENV: 'production', port: 'abc', HOME: '' })).toStrictEqual(DEFAULTS)
  })

  it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])('accepts LOG_LEVEL=%s', (level) => {
    expect(parseSettings({ LOG_LEVEL: level }).LOG_LEVEL).toBe(level)
  })

  it.each(['0', '65535', '8080'])('accepts PORT=%s', (port) => {
    expect(parseSettings({ PORT: port }).PORT).toBe(Number(port))
  })

  it.each(['0', '4294967295'])('accepts BRAZE_MOCK_SEED=%s', (seed) => {
    expect(parseSettings({ BRAZE_MOCK_SEED: seed }).BRAZE_MOCK_SEED).toBe(Number(seed))
  })

  it.each(['2026-11-23T12:00:00Z', '2026-11-23T07:00:00-05:00', '2026-11-23', '2026-11-23T12:00:00.250Z',
    // every form ending_at accepts: one set of rules for every instant
    '2026-11-23T07:00:00-5:00', '2026-11-23T17:30 05:30'])('accepts BRAZE_MOCK_NOW=%s', (now) => {
    expect(parseSettings({ BRAZE_MOCK_NOW: now }).BRAZE_MOCK_NOW).toBe(now)
  })

  it.each([
    { name: 'PORT', value: 'abc' },
    { name: 'PORT', value: '70000' },
    { name: 'PORT', value: '65536' },
    { name: 'PORT', value: '-1' },
    { name: 'PORT', value: '1.5' },
    { name: 'LOG_LEVEL', value: 'loud' },
    { name: 'LOG_LEVEL', value: 'INFO' },
    { name: 'BRAZE_MOCK_NOW', value: 'yesterday' },
    { name: 'BRAZE_MOCK_NOW', value: '2026-13-01' },
    { name: 'BRAZE_MOCK_SEED', value: '-1' },
    { name: 'BRAZE_MOCK_SEED', value: '1.5' },
    { name: 'BRAZE_MOCK_SEED', value: 'abc' },
    { name: 'BRAZE_MOCK_SEED', value: '4294967296' },
  ])('rejects $name=$value with a ConfigError that names the setting and the value', ({ name, value }) => {
    const error = configError({ [name]: value })
    expect(error.name).toBe('ConfigError')
    expect(error.message).toContain(name)
    expect(error.message).toContain(JSON.stringify(value))
    for (const other of NAMES.filter(n => n !== name)) {
      expect(error.message).not.toContain(other)
    }
  })

  it('says what an instant looks like when BRAZE_MOCK_NOW is bad', () => {
    expect(configError({ BRAZE_MOCK_NOW: 'yesterday' }).message)
      .toBe('BRAZE_MOCK_NOW must be an ISO 8601 instant, such as 2026-11-23T12:00:00Z (got "yesterday")')
  })

  it.each(['0000-06-01', '9999-12-31T12:00:00Z', '+010000-01-01T00:00:00Z', '0001-01-01T23:00:00+5:00'])(
    'names the range, not ISO 8601, for BRAZE_MOCK_NOW=%s, which is ISO 8601 but outside it', (now) => {
      // Regression: these were told they were not ISO 8601.
      expect(configError({ BRAZE_MOCK_NOW: now }).message)
        .toBe(`BRAZE_MOCK_NOW must be between 0001-01-02 and 9999-12-31 (UTC) (got ${JSON.stringify(now)})`)
    })

  it('names every bad setting at once', () => {
    const error = configError({ PORT: 'abc', BRAZE_MOCK_SEED: '-1' })
    expect(error.message).toContain('PORT')
    expect(error.message).toContain('BRAZE_MOCK_SEED')
  })

  it('counts empty strings as unset', () => {
    expect(parseSettings({
      PORT: '',
      HOST: '',
      LOG_LEVEL: '',
      BRAZE_MOCK_FIXTURES: '',
      BRAZE_MOCK_API_KEY: '',
      BRAZE_MOCK_NOW: '',
      BRAZE_MOCK_SEED: '',
    })).toStrictEqual(DEFAULTS)
  })

  it('counts undefined as unset', () => {
    expect(parseSettings({ PORT: undefined, BRAZE_MOCK_SEED: undefined })).toStrictEqual(DEFAULTS)
  })

  it('does not read process.env by itself', () => {
    const saved = process.env.PORT
    process.env.PORT = 'abc'
    try {
      expect(parseSettings({})).toStrictEqual(DEFAULTS)
    } finally {
      if (saved === undefined) delete process.env.PORT
      else process.env.PORT = saved
    }
  })
})

describe('BRAZE_MOCK_CORS', () => {
  it('defaults to any origin', () => {
    expect(parseSettings({}).BRAZE_MOCK_CORS).toBe('*')
    expect(corsOrigins('*')).toBe('*')
  })

  it('reads off and a list of origins, spaces around the commas allowed', () => {
    expect(corsOrigins(parseSettings({ BRAZE_MOCK_CORS: 'off' }).BRAZE_MOCK_CORS)).toBe(false)
    expect(corsOrigins(parseSettings({ BRAZE_MOCK_CORS: 'http://localhost:5173, https://app.example.com' }).BRAZE_MOCK_CORS))
      .toStrictEqual(['http://localhost:5173', 'https://app.example.com'])
  })

  it.each(['localhost:5173', 'http://a.test,', 'on', 'http://a.test;http://b.test', 'http://a.test/path'])('rejects %j, saying what it takes', (value) => {
    expect(configError({ BRAZE_MOCK_CORS: value }).message)
      .toBe(`BRAZE_MOCK_CORS must be *, off, or a comma-separated list of origins such as http://localhost:5173 (got ${JSON.stringify(value)})`)
  })
})

describe('BRAZE_MOCK_API_KEY', () => {
  it.each([' my-key', 'my-key ', 'my\nkey'])('refuses %j, which no client could send as written', (key) => {
    // Regression: the extra key skipped the check fixture keys get, and every request with it was a 401.
    expect(configError({ BRAZE_MOCK_API_KEY: key }).message).toBe(
      `BRAZE_MOCK_API_KEY cannot be sent in an Authorization header: use printable Latin-1 characters, with no whitespace at either end (got ${JSON.stringify(key)})`)
  })

  it('takes what a client can send', () => {
    expect(parseSettings({ BRAZE_MOCK_API_KEY: 'my-app-key_1' }).BRAZE_MOCK_API_KEY).toBe('my-app-key_1')
  })
})
