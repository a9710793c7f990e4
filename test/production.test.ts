// The production tree, built the way the Dockerfile builds it (Docker itself cannot run on CI's machines):
// the compiled output, the built-in fixtures and a production-only install in a clean directory, started
// exactly as the image starts it (`node dist/server.js`). Then the package as `npm pack` makes it (its
// prepack script included), checked for size and contents, installed elsewhere, and run through npx and
// imported as its users run and import it.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILT_IN } from './helpers.js'

const run = promisify(execFile)
const ROOT = new URL('..', import.meta.url).pathname
const KEY = BUILT_IN.lumen.keys.full
const SEGMENT = BUILT_IN.lumen.segments.allUsers
const NPM_QUIET = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']

let tree: string

beforeAll(async () => {
  tree = await mkdtemp(join(tmpdir(), 'braze-mock-prod-'))
  // Run stage: package files, fixtures, the console's files, and production dependencies only.
  for (const file of ['package.json', 'package-lock.json']) await cp(join(ROOT, file), join(tree, file))
  await cp(join(ROOT, 'fixtures'), join(tree, 'fixtures'), { recursive: true })
  await cp(join(ROOT, 'console'), join(tree, 'console'), { recursive: true })
  await run('npm', ['ci', '--omit=dev', '--ignore-scripts', ...NPM_QUIET], { cwd: tree })
  // Build stage, as `npm run build` does it: the compiler, then the bundler over the two process entries,
  // from the dev install, output into the clean tree. The bundler last starts the server's bundle on the
  // fixtures beside it, with the production dependencies, to write its code cache, as the image's build
  // stage does with its own.
  await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(tree, 'dist')])
  await run(process.execPath, [join(ROOT, 'scripts/bundle.mjs'), join(tree, 'dist')], { cwd: ROOT })
}, 180_000)

afterAll(async () => {
  await rm(tree, { recursive: true, force: true })
})

interface Server {
  readonly child: ChildProcess
  readonly url: string
  readonly lines: string[]
  readonly exited: Promise<number | null>
}

/** Starts a command that logs JSON lines, and resolves once it says where it listens. */
async function startServer (command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', BRAZE_MOCK_NOW: '2026-11-23T12:00:00Z', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = ''
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      let newline
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        lines.push(line)
        const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)
        if (listening !== null) resolve(listening[1]!)
      }
    })
    child.on('exit', code => reject(new Error(`exited with ${code} before listening: ${stderr}`)))
  })
  return { child, url, lines, exited }
}

async function data (url: string): Promise<Response> {
  return await fetch(`${url}/segments/data_series?segment_id=${SEGMENT}&length=14`, { headers: { authorization: `Bearer ${KEY}` } })
}

describe('the production tree, started as the image starts it', () => {
  it('holds only the built output, the fixtures and production dependencies', async () => {
    expect((await readdir(tree)).sort()).toStrictEqual(['console', 'dist', 'fixtures', 'node_modules', 'package-lock.json', 'package.json'])
    const installed = await readdir(join(tree, 'node_modules'))
    for (const devOnly of ['vitest', 'typescript', 'eslint', 'tsx', 'fast-check']) expect(installed).not.toContain(devOnly)
    expect(await readdir(join(tree, 'dist'))).toEqual(expect.arrayContaining(['server.js', 'cli.js', 'index.js', 'index.d.ts']))
  })

  it('runs the server\'s bundle through the code cache the build wrote for it', async () => {
    // As dist/server.js loads it, in the environment the image starts it in (no NODE_OPTIONS); loading the
    // bundle starts nothing.
    const check = "const { loadBundle } = await import('./dist/bundle-loader.js'); " +
      "process.stdout.write(loadBundle(process.cwd() + '/dist/server-bundle.cjs').cache)"
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', check], { cwd: tree, env: { PATH: process.env.PATH } })
    expect(stdout).toBe('used')
  })

  it('maps the bundle\'s stack traces back to the sources with node --enable-source-maps', async () => {
    const check = "const { loadBundle } = await import('./dist/bundle-loader.js'); " +
      "try { loadBundle(process.cwd() + '/dist/server-bundle.cjs').exports.parseSettings({ PORT: 'none' }) } " +
      'catch (error) { process.stdout.write(error.stack) }'
    const { stdout } = await run(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', check], { cwd: tree, env: { PATH: process.env.PATH } })
    expect(stdout).toMatch(/^ConfigError: PORT must be an integer/)
    expect(stdout).toMatch(/at .*parseSettings \(.*src\/config\.ts:\d+:\d+\)/)
  })

  it('serves the console and the chart library from the production tree, as the image does', async () => {
    const server = await startServer(process.execPath, ['dist/server.js'], tree)
    try {
      const page = await fetch(`${server.url}/_mock/`)
      expect([page.status, page.headers.get('content-type')?.startsWith('text/html')]).toEqual([200, true])
      const html = await page.text()
      const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map(match => match[1]!)
      expect(assets.length).toBeGreaterThan(0)
      for (const asset of assets) {
        const url = new URL(asset, `${server.url}/_mock/`)
        expect((await fetch(url)).status, url.pathname).toBe(200)
      }
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
    }
  })

  it('reports healthy, serves a series, logs one redacted line per request, and exits 0 on SIGTERM', async () => {
    const server = await startServer(process.execPath, ['dist/server.js'], tree)
    try {
      const health = await fetch(`${server.url}/_mock/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toStrictEqual({ status: 'ok' })

      const response = await data(server.url)
      expect(response.status).toBe(200)
      const body = await response.json() as { message: string, data: Array<{ time: string, size: number }> }
      expect(body.message).toBe('success')
      expect(body.data.map(point => point.time)).toStrictEqual([
        '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15', '2026-11-16',
        '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23',
      ])
    } finally {
      server.child.kill('SIGTERM')
    }
    expect(await server.exited).toBe(0)

    // One JSON line per request, with method, path, status and time; the key appears nowhere in the log.
    const requests = server.lines.map(line => JSON.parse(line) as Record<string, unknown>).filter(entry => entry.msg === 'request')
    expect(requests.map(({ method, path, status }) => ({ method, path, status }))).toStrictEqual([
      { method: 'GET', path: '/_mock/health', status: 200 },
      { method: 'GET', path: '/segments/data_series', status: 200 },
    ])
    for (const entry of requests) expect(typeof entry.ms).toBe('number')
    expect(server.lines.join('\n')).not.toContain(KEY)
  })

  it('finishes an in-flight request slowed by a latency fault before exiting 0 on SIGTERM', async () => {
    const server = await startServer(process.execPath, ['dist/server.js'], tree)
    const added = await fetch(`${server.url}/_mock/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/segments/data_series', effect: { type: 'latency', ms: 1500 } }),
    })
    expect(added.status).toBe(201)
    const inFlight = data(server.url)
    // Give the request time to reach the server (it then waits 1.5 s in the fault) before the signal.
    await new Promise(resolve => setTimeout(resolve, 300))
    server.child.kill('SIGTERM')
    const response = await inFlight
    expect(response.status).toBe(200)
    // Answered while closing, so its keep-alive connection ends with it instead of holding the process.
    expect(response.headers.get('connection')).toBe('close')
    expect((await response.json() as { data: unknown[] }).data).toHaveLength(14)
    // 0: the server closed by itself; close-with-grace exits 1 when its 10 s grace runs out.
    expect(await server.exited).toBe(0)
    // Once closing, it accepts nothing new.
    await expect(fetch(`${server.url}/_mock/health`)).rejects.toThrow()
  })

  it('stops the start with one line and exit 1 on a bad setting', async () => {
    const failed = await run(process.execPath, ['dist/server.js'], { cwd: tree, env: { PATH: process.env.PATH, BRAZE_MOCK_SEED: 'abc' } })
      .then(() => undefined, (error: { code: number, stderr: string }) => error)
    expect(failed?.code).toBe(1)
    expect(failed?.stderr).toBe('braze-mock: BRAZE_MOCK_SEED must be an integer between 0 and 4294967295 (got "abc")\n')
  })
})

interface Packed { filename: string, size: number, unpackedSize: number, files: Array<{ path: string, size: number }> }

describe('the packed package', () => {
  let source: string
  let packed: Packed
  let project: string

  beforeAll(async () => {
    // What `npm pack` reads in a checkout (sources, build configuration, fixtures, package documents) in a
    // clean directory, so that its prepack script builds there and not in this checkout's dist/.
    source = await mkdtemp(join(tmpdir(), 'braze-mock-pack-'))
    for (const entry of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'tsconfig.json', 'tsconfig.build.json', 'src', 'scripts', 'fixtures']) {
      await cp(join(ROOT, entry), join(source, entry), { recursive: true })
    }
    await symlink(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir')
    const { stdout } = await run('npm', ['pack', '--json', '--loglevel=error'], { cwd: source })
    packed = (JSON.parse(stdout) as Packed[])[0]!
    project = await mkdtemp(join(tmpdir(), 'braze-mock-user-'))
    await writeFile(join(project, 'package.json'), '{ "name": "a-user", "private": true, "type": "module" }\n')
    await run('npm', ['install', '--omit=dev', ...NPM_QUIET, join(source, packed.filename)], { cwd: project })
  }, 180_000)

  afterAll(async () => {
    await rm(project, { recursive: true, force: true })
    await rm(source, { recursive: true, force: true })
  })

  it('ships the compiled tree once, with its license, and no bundle beside it', () => {
    // Regression: 988 kB packed, 5.2 MB unpacked: dist/server.js and dist/cli.js bundled every dependency
    // (2.4 MB each) beside the compiled tree that needs them installed anyway.
    const paths = packed.files.map(file => file.path)
    for (const path of paths) expect(path).toMatch(/^(?:dist\/[\w/-]+\.(?:js|d\.ts)|fixtures\/[\w-]+\.json|console\/[\w-]+\.(?:html|js|css)|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/)
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'dist/server.js', 'fixtures/workspaces.json']))
    // A bundle is megabytes; the largest module of the compiled tree is the name vocabularies (about 70 kB).
    for (const file of packed.files) expect(file.size, file.path).toBeLessThan(128_000)
    // Well under the 988 kB packed and 5.2 MB unpacked of the bundles, with room for the endpoints to come.
    expect(packed.size).toBeLessThan(300_000)
    expect(packed.unpackedSize).toBeLessThan(1_500_000)
  })

  it('is imported as its users import it', async () => {
    const script = 'import { startEmulator } from \'braze-mock\'\n' +
      'const braze = await startEmulator({ now: \'2026-11-23T12:00:00Z\' })\n' +
      `const answer = await fetch(\`\${braze.url}/segments/list\`, { headers: { authorization: 'Bearer ${KEY}' } })\n` +
      'console.log(answer.status, braze.journal.list().entries.length)\n' +
      'await braze.close()\n'
    await writeFile(join(project, 'use.mjs'), script)
    const { stdout } = await run(process.execPath, ['use.mjs'], { cwd: project })
    expect(stdout).toBe('200 1\n')
  })

  it('starts dist/server.js without a bundle beside it, from the compiled modules', async () => {
    const server = await startServer(process.execPath, [join(project, 'node_modules/braze-mock/dist/server.js')], project)
    try {
      expect((await data(server.url)).status).toBe(200)
    } finally {
      server.child.kill('SIGTERM')
    }
    expect(await server.exited).toBe(0)
  })

  // npm's own warnings about the machine's npm configuration are not the command's output.
  const withoutNpm = (text: string) => text.split('\n').filter(line => !/^npm (warn|notice)/.test(line)).join('\n')
  const npx = async (args: string[], env: Record<string, string> = {}) =>
    await run('npx', ['--no-install', 'braze-mock', ...args], { cwd: project, env: { PATH: process.env.PATH, ...env } })
      .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (error: { code: number, stdout: string, stderr: string }) => error)
      .then(({ code, stdout, stderr }) => ({ code, stdout, stderr: withoutNpm(stderr) }))

  it('prints its version and its help', async () => {
    const version = await npx(['--version'])
    expect(version).toMatchObject({ code: 0, stdout: '0.2.0\n' })
    const help = await npx(['--help'])
    expect(help.code).toBe(0)
    for (const flag of ['--port', '--host', '--fixtures', '--seed', '--now', '--api-key', '--log-level', '--help', '--version']) {
      expect(help.stdout).toContain(flag)
    }
  })

  it('rejects an unknown flag and a bad value with one line and a non-zero exit', async () => {
    const unknown = await npx(['--prot', '4000'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe('braze-mock: Unknown option \'--prot\' (see braze-mock --help)\n')
    const missing = await npx(['--port'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe('braze-mock: Option \'--port <value>\' argument missing (see braze-mock --help)\n')
    const badNow = await npx(['--now', 'yesterday'])
    expect(badNow.code).toBe(1)
    expect(badNow.stderr).toBe('braze-mock: --now must be an ISO 8601 instant, such as 2026-11-23T12:00:00Z (got "yesterday")\n')
  })

  it('serves with flags that win over the environment', async () => {
    // The environment says seed 1 and a key nobody uses; the flags say seed 7 and the key the request sends.
    const server = await startServer(join(project, 'node_modules/.bin/braze-mock'), ['--seed', '7', '--api-key', 'from-the-flag'], project, {
      BRAZE_MOCK_SEED: '1', BRAZE_MOCK_API_KEY: 'from-the-environment',
    })
    try {
      const withFlagKey = await fetch(`${server.url}/segments/data_series?segment_id=${SEGMENT}&length=1`, { headers: { authorization: 'Bearer from-the-flag' } })
      expect(withFlagKey.status).toBe(200)
      const withEnvKey = await fetch(`${server.url}/segments/data_series?segment_id=${SEGMENT}&length=1`, { headers: { authorization: 'Bearer from-the-environment' } })
      expect(withEnvKey.status).toBe(401)
    } finally {
      server.child.kill('SIGTERM')
    }
    expect(await server.exited).toBe(0)
  })
})
