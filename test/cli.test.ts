// The braze-mock command (src/cli.ts, through tsx): a bad value is named by the flag the user typed, not by
// the variable it stands for, and a negative number after a flag is a value to check, not an option.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const ROOT = new URL('..', import.meta.url).pathname

async function cli (args: string[], env: Record<string, string> = {}) {
  return await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, timeout: 15_000, env: { PATH: process.env.PATH, ...env } })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), ({ code, stdout, stderr }: { code: number, stdout: string, stderr: string }) => ({ code, stdout, stderr }))
}

describe('braze-mock: bad values', () => {
  it.each([
    // Regression: these said "PORT must be integer" and "Option '--seed' argument is ambiguous".
    [['--port', 'abc'], 'braze-mock: --port must be an integer between 0 and 65535 (got "abc")'],
    [['--seed', '-1'], 'braze-mock: --seed must be between 0 and 4294967295 (got "-1")'],
    [['--seed=-1'], 'braze-mock: --seed must be between 0 and 4294967295 (got "-1")'],
    [['--seed', '1.5'], 'braze-mock: --seed must be an integer between 0 and 4294967295 (got "1.5")'],
    [['--journal-size', '-5'], 'braze-mock: --journal-size must be between 0 and 1000000 (got "-5")'],
    [['--now', '9999-12-31T12:00:00Z'], 'braze-mock: --now must be between 0001-01-02 and 9999-12-31 (UTC) (got "9999-12-31T12:00:00Z")'],
    [['--now', 'soon', '--port', '70000'], 'braze-mock: --port must be between 0 and 65535 (got "70000"); --now must be an ISO 8601 instant, such as 2026-11-23T12:00:00Z (got "soon")'],
  ])('%j: %s', async (args, message) => {
    expect(await cli(args)).toStrictEqual({ code: 1, stdout: '', stderr: `${message}\n` })
  })

  it('names the variable when the bad value came from the environment', async () => {
    expect(await cli([], { PORT: 'abc' })).toStrictEqual({ code: 1, stdout: '', stderr: 'braze-mock: PORT must be an integer between 0 and 65535 (got "abc")\n' })
  })

  it('says how to give a value that starts with a dash', async () => {
    expect(await cli(['--api-key', '-my-key'])).toStrictEqual({
      code: 2,
      stdout: '',
      stderr: 'braze-mock: --api-key has no value; write --api-key=-my-key for a value that starts with a dash (see braze-mock --help)\n',
    })
  })
})
