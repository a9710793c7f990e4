// How long the large workspace takes to start, with and without generated campaigns and Canvases: the built-in
// fixtures with Lumen generating 100,000 segments, 1,000 events and 1,000 products, and then 10,000 campaigns
// and 1,000 Canvases on top. Each start is `node dist/server.js` from spawn to the first 200 of
// /campaigns/list?page=0, interleaved, median of LOAD_TIME_REPEATS (default 7). The target is under 1 s.
//
//   npm run build && npx tsx bench/load-time.ts
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { get as httpGet } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { median } from './paired.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SERVER = join(ROOT, 'dist', 'server.js')
const LUMEN = 'fc09443a-6006-4993-8b4f-3e2473b07799'
const KEY = '16207df2-a02e-4d98-b4a7-6cb6b72bdbfe'
const REPEATS = Number(process.env.LOAD_TIME_REPEATS ?? 7)
const BASE = { seed: 7, segments: 100_000, events: 1_000, products: 1_000 }
const SETUPS = {
  '100,000 segments, 1,000 events and products': BASE,
  '... and 10,000 campaigns, 1,000 Canvases': { ...BASE, campaigns: 10_000, canvases: 1_000 },
}

function fixturesWith (root: string, name: string, generate: object): string {
  const dir = join(root, name.replace(/\W+/g, '-'))
  cpSync(join(ROOT, 'fixtures'), dir, { recursive: true })
  const file = join(dir, 'workspaces.json')
  const workspaces = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string }>
  writeFileSync(file, JSON.stringify(workspaces.map(w => w.id === LUMEN ? { ...w, generate } : w)))
  return dir
}

async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer().once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => { resolve(typeof address === 'object' && address !== null ? address.port : 0) })
    })
  })
}

function status (port: number): Promise<number> {
  return new Promise(resolve => {
    const request = httpGet({ host: '127.0.0.1', port, path: '/campaigns/list?page=0', headers: { authorization: `Bearer ${KEY}` } }, response => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    request.once('error', () => { resolve(0) })
  })
}

/** Milliseconds from spawn to the first 200. */
async function start (fixtures: string): Promise<number> {
  const port = await freePort()
  const began = performance.now()
  const child = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BRAZE_MOCK_FIXTURES: fixtures, BRAZE_MOCK_NOW: '2026-11-23T12:00:00Z', LOG_LEVEL: 'warn' },
  })
  try {
    while (await status(port) !== 200) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
      await new Promise(resolve => setTimeout(resolve, 5))
    }
    return performance.now() - began
  } finally {
    child.kill('SIGTERM')
    await new Promise(resolve => child.once('exit', resolve))
  }
}

if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first')
const root = mkdtempSync(join(tmpdir(), 'braze-mock-load-time-'))
try {
  const dirs = Object.entries(SETUPS).map(([name, generate]) => ({ name, dir: fixturesWith(root, name, generate), times: [] as number[] }))
  for (let round = 0; round < REPEATS; round++) {
    for (const setup of round % 2 === 0 ? dirs : [...dirs].reverse()) setup.times.push(await start(setup.dir))
  }
  for (const { name, times } of dirs) {
    process.stdout.write(`${name}: spawn to first 200, median ${median(times).toFixed(0)} ms (${times.map(t => t.toFixed(0)).join(', ')})\n`)
  }
} finally {
  rmSync(root, { recursive: true, force: true })
}
