// Soak: builds the server, starts `node dist/server.js` on a free loopback port, and drives it with a fixed
// number of requests over concurrent keep-alive connections, across every endpoint, with faults switched on
// through the control plane. Reports requests, outcomes by kind, and the server's resident memory (VmRSS)
// at start and end. Bounded in time: it stops early past SOAK_SECONDS.
//   npm run soak      SOAK_REQUESTS=300000 SOAK_CONCURRENCY=32 SOAK_SECONDS=300
import { spawn, execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { createServer, type AddressInfo } from 'node:net'
import { cpus } from 'node:os'
import { BUILT_IN } from '../test/helpers.js'

const TOTAL = Number(process.env.SOAK_REQUESTS ?? 300_000)
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 32)
const MAX_SECONDS = Number(process.env.SOAK_SECONDS ?? 300)
const { lumen, harbor } = BUILT_IN

async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

function rssKb (pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmRSS:'))
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN)
}

console.log('building…')
execFileSync('npm', ['run', 'build'], { stdio: 'ignore' })
const port = await freePort()
const base = `http://127.0.0.1:${port}`
const server = spawn(process.execPath, ['dist/server.js'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', BRAZE_MOCK_NOW: '2026-11-23T12:00:00Z', BRAZE_MOCK_CONTROL: 'on' },
  stdio: ['ignore', 'ignore', 'inherit'],
})
let exited: string | undefined
server.on('exit', (code, signal) => { exited = `exited with ${code ?? signal}` })

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
interface Answer { status: number, body: string }
function call (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, agent, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { text += chunk })
      res.on('end', () => resolve({ status: res.statusCode!, body: text }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

for (let i = 0; ; i++) {
  try {
    if ((await call('GET', '/_mock/health')).status === 200) break
  } catch {}
  if (i > 100 || exited !== undefined) throw new Error(`the server did not start (${exited ?? 'no answer'})`)
  await new Promise(resolve => setTimeout(resolve, 100))
}

const json = { 'content-type': 'application/json' }
const faults = [
  { path: '*', effect: { type: 'status', status: 503 }, probability: 0.02, seed: 1 },
  { path: '/segments/data_series', effect: { type: 'truncate' }, probability: 0.01, seed: 2 },
  { path: '/sessions/data_series', effect: { type: 'malformed' }, probability: 0.01, seed: 3 },
  { path: '*', effect: { type: 'latency', min_ms: 0, max_ms: 5 }, probability: 0.05, seed: 4 },
  { path: '/segments/list', effect: { type: 'drop' }, probability: 0.002, seed: 5 },
  { path: '/segments/details', effect: { type: 'status', status: 429 }, probability: 0.01, seed: 6 },
]
for (const fault of faults) {
  const answer = await call('POST', '/_mock/faults', json, JSON.stringify(fault))
  if (answer.status !== 201) throw new Error(`fault not added: ${answer.status} ${answer.body}`)
}

/** The i-th request: every endpoint, both workspaces, some bad keys and bad parameters, some control reads. */
function nth (i: number): { method: string, path: string, headers: Record<string, string> } {
  const key = i % 2 === 0 ? lumen.keys.full : harbor.keys.full
  const auth = { authorization: `Bearer ${key}` }
  const segment = i % 2 === 0 ? lumen.segments.allUsers : harbor.segments.highBalance
  const day = `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
  switch (i % 10) {
    case 0: case 1: return { method: 'GET', path: `/sessions/data_series?length=${1 + (i % 100)}&ending_at=${day}`, headers: auth }
    case 2: return { method: 'GET', path: `/sessions/data_series?length=48&unit=hour&segment_id=${segment}`, headers: auth }
    case 3: case 4: return { method: 'GET', path: `/segments/data_series?segment_id=${segment}&length=${1 + (i % 100)}&ending_at=${day}`, headers: auth }
    case 5: return { method: 'GET', path: `/segments/list?page=${i % 2}`, headers: auth }
    case 6: return { method: 'GET', path: `/segments/details?segment_id=${segment}`, headers: auth }
    case 7: return { method: 'GET', path: '/segments/list', headers: { authorization: `Bearer bad-${i % 1000}` } }
    case 8: return { method: 'GET', path: `/sessions/data_series?length=${i % 3 === 0 ? 0 : 101}`, headers: auth }
    default: return i % 20 === 9 ? { method: 'GET', path: '/_mock/journal?limit=5', headers: {} } : { method: 'GET', path: '/_mock/health', headers: {} }
  }
}

const kinds = new Map<string, number>()
const count = (kind: string) => kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
const rssStart = rssKb(server.pid!)
let rssMiddle = NaN
const started = Date.now()
let next = 0
let sent = 0
async function worker (): Promise<void> {
  const running = () => next < TOTAL && (Date.now() - started) / 1000 < MAX_SECONDS && exited === undefined
  while (running()) {
    const { method, path, headers } = nth(next++)
    if (next === Math.floor(TOTAL / 2)) rssMiddle = rssKb(server.pid!)
    sent++
    try {
      const { status, body } = await call(method, path, headers)
      let parsed = true
      try { JSON.parse(body) } catch { parsed = false }
      count(parsed ? String(status) : `${status} unparseable body (truncate/malformed fault)`)
    } catch (error) {
      count(`connection error ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} (drop fault)`)
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker))
const seconds = (Date.now() - started) / 1000
const rssEnd = exited === undefined ? rssKb(server.pid!) : NaN
const health = exited === undefined ? (await call('GET', '/_mock/health')).status : 0
agent.destroy()
server.kill('SIGTERM')
await new Promise(resolve => server.once('exit', resolve))

console.log(`date: ${new Date().toISOString()}, machine: ${cpus().length} cores, node ${process.version}`)
console.log(`requests: ${sent} in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s), concurrency ${CONCURRENCY}`)
for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${kind}: ${n}`)
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`
console.log(`server RSS: ${mb(rssStart)} at start → ${mb(rssMiddle)} halfway → ${mb(rssEnd)} at end`)
console.log(`server afterwards: health ${health}; on SIGTERM it ${exited ?? 'did not exit'}`)
const unexpected = [...kinds].filter(([kind]) => /^5/.test(kind) && kind !== '503').reduce((n, [, c]) => n + c, 0)
process.exitCode = health === 200 && unexpected === 0 && exited === undefined ? 0 : 1
