// The process entry when the start fails for a reason other than a bad setting: a port in use, an address
// the machine does not have. One line naming what could not be done, exit code 1, no JSON stack.
import { execFile } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const ROOT = new URL('..', import.meta.url).pathname

/** `node src/server.ts` (through tsx) with `env`, as the image runs dist/server.js. */
async function server (env: Record<string, string>) {
  return await run(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, timeout: 15_000, env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...env } })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), ({ code, stdout, stderr }: { code: number, stdout: string, stderr: string }) => ({ code, stdout, stderr }))
}

describe('a start that cannot listen', () => {
  let busy: Server
  let port: number
  beforeAll(async () => {
    busy = createServer()
    await new Promise<void>(resolve => busy.listen(0, '127.0.0.1', resolve))
    port = (busy.address() as { port: number }).port
  })
  afterAll(async () => { await new Promise(resolve => busy.close(resolve)) })

  it('says in one line that the port is in use, and exits 1', async () => {
    // Regression: a multi-line JSON stack ("shutting down after an error") on stdout.
    const failed = await server({ HOST: '127.0.0.1', PORT: String(port) })
    expect(failed).toStrictEqual({
      code: 1,
      stdout: '',
      stderr: `braze-mock: cannot listen on 127.0.0.1:${port} (listen EADDRINUSE: address already in use 127.0.0.1:${port})\n`,
    })
  })

  it('says in one line that the address is not the machine\'s, and exits 1', async () => {
    const failed = await server({ HOST: '192.0.2.1', PORT: '0' }) // TEST-NET-1: on no machine
    expect(failed).toMatchObject({ code: 1, stdout: '' })
    expect(failed.stderr).toMatch(/^braze-mock: cannot listen on 192\.0\.2\.1:0 \(listen EADDRNOTAVAIL: [^\n]*\)\n$/)
  })
})
