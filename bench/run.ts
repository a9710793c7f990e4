// The benchmark: the emulator as production runs it (node dist/server.js, pinned clock) against a bare
// Fastify baseline (bench/baseline.mjs), in one run, on this machine. Servers run on core 0 and the load
// generator (autocannon's CLI, a separate process) on core 1 when taskset is available. Each load scenario
// runs in several short rounds, interleaved with the others (every other round in reverse order), and the
// table shows medians with ratios to the baseline measured in the same run. See BENCHMARKS.md.
//
//   npm run bench                      full run (3 rounds x 3 s per scenario)
//   BENCH_SMOKE=1 npm run bench        every scenario once, for a fraction of a second (npm test runs this)
//   BENCH_ROUNDS, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_PIPELINING override the load settings.
//
// A missed target is reported in the table and does not fail the run; an error or a non-2xx answer does.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ACTIVITY_ROWS, ACTIVITY_SCENARIOS, COLD_ROWS, FIRST_READ_ROWS, LOAD_ROWS, MEMORY_ROWS, TARGET_ROWS } from './rows.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SERVER = join(ROOT, 'dist', 'server.js')
const BASELINE = join(ROOT, 'bench', 'baseline.mjs')
const AUTOCANNON = join(ROOT, 'node_modules', 'autocannon', 'autocannon.js')
const RESULTS = join(ROOT, 'bench', 'results')

const SMOKE = process.env.BENCH_SMOKE === '1' || process.argv.includes('--smoke')
const ROUNDS = SMOKE ? 1 : positive('BENCH_ROUNDS', 3)
const DURATION_S = SMOKE ? 0.25 : positive('BENCH_DURATION', 3)
const CONNECTIONS = positive('BENCH_CONNECTIONS', 10)
const PIPELINING = positive('BENCH_PIPELINING', 1)
const COLD_REPEATS = SMOKE ? 1 : positive('BENCH_COLD_REPEATS', 5)

const NOW = '2026-11-23T12:00:00Z'
const KEY = '16207df2-a02e-4d98-b4a7-6cb6b72bdbfe'
const ALL_USERS = '2526216c-722a-4946-9d15-921eb0fa454e'
const IOS = '2b55067c-998c-424d-89f6-cfbde7af3e2a'
const FIRST_WORKSPACE = 'fc09443a-6006-4993-8b4f-3e2473b07799'
const GENERATED_SEGMENTS = 100_000
const HOST = '127.0.0.1'

const PINNING = hasTaskset() && cpus().length >= 2
const SERVER_CORE = ['taskset', '-c', '0']
const LOAD_CORE = ['taskset', '-c', '1']

function positive (name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!(value > 0)) throw new Error(`${name} must be a positive number`)
  return value
}

function hasTaskset (): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** The command line, on `core` when pinning is possible. */
function pinned (core: string[], command: string, args: string[]): [string, string[]] {
  return PINNING ? [core[0]!, [...core.slice(1), command, ...args]] : [command, args]
}

// ---------------------------------------------------------------------------------------------- fixtures

interface FixtureDirs { standard: string, ten: string, big: string }

/** Copies of the built-in fixtures with the rate limit out of reach; 10 segments; 10 + 100,000 segments. */
function makeFixtures (root: string): FixtureDirs {
  const dirs = { standard: join(root, 'standard'), ten: join(root, 'ten'), big: join(root, 'big') }
  for (const dir of Object.values(dirs)) cpSync(join(ROOT, 'fixtures'), dir, { recursive: true })
  const read = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Array<Record<string, unknown>>
  const write = (dir: string, file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value, null, 2))

  for (const dir of Object.values(dirs)) {
    // The custom-data pool (1,000 an hour) too: the activity rows load the purchases series and catalogs.
    write(dir, 'workspaces.json', read(dir, 'workspaces.json').map(w =>
      ({ ...w, rate_limit: 2_000_000_000, rate_limits: { 'custom-data': 2_000_000_000 } })))
  }
  // The first workspace keeps 10 of its segments, All Users among them.
  const segments = read(dirs.ten, 'segments.json')
  const ours = segments.filter(s => s.workspace_id === FIRST_WORKSPACE)
  const kept = [ours.find(s => s.id === ALL_USERS)!, ...ours.filter(s => s.id !== ALL_USERS)].slice(0, 10)
  const trimmed = segments.filter(s => s.workspace_id !== FIRST_WORKSPACE || kept.includes(s))
  for (const dir of [dirs.ten, dirs.big]) write(dir, 'segments.json', trimmed)
  // Campaigns and Canvases whose audience is a segment left out keep no audience: a reference to a missing
  // segment would stop the start.
  const left = new Set(trimmed.map(s => s.id))
  for (const dir of [dirs.ten, dirs.big]) {
    for (const file of ['campaigns.json', 'canvases.json']) {
      if (!existsSync(join(dir, file))) continue
      write(dir, file, read(dir, file).map(({ segment_id: audience, ...rest }) =>
        audience === undefined || left.has(audience as string) ? { ...rest, ...(audience === undefined ? {} : { segment_id: audience }) } : rest))
    }
  }
  write(dirs.big, 'workspaces.json', read(dirs.big, 'workspaces.json').map(w =>
    w.id === FIRST_WORKSPACE ? { ...w, generate: { seed: 7, segments: GENERATED_SEGMENTS } } : w))
  return dirs
}

// ------------------------------------------------------------------------------------------------ servers

interface Server {
  readonly name: string
  readonly port: number
  readonly child: ChildProcess
  readonly stderr: string[]
}

const children = new Set<ChildProcess>()
process.on('exit', () => { for (const child of children) child.kill('SIGKILL') })

async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, HOST, () => {
      const address = server.address()
      server.close(() => { resolve(typeof address === 'object' && address !== null ? address.port : 0) })
    })
  })
}

function spawnServer (name: string, port: number, script: string, env: Record<string, string>): Server {
  const [command, args] = pinned(SERVER_CORE, process.execPath, [script])
  const child = spawn(command, args, {
    cwd: ROOT,
    // Production logs to stdout; here it goes to /dev/null, the cheapest sink there is.
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST, ...env },
  })
  children.add(child)
  const stderr: string[] = []
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { if (stderr.length < 50) stderr.push(chunk) })
  child.once('exit', () => { children.delete(child) })
  return { name, port, child, stderr }
}

function emulatorEnv (fixtures: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return { BRAZE_MOCK_NOW: NOW, ...(fixtures === undefined ? {} : { BRAZE_MOCK_FIXTURES: fixtures }), ...extra }
}

interface Answer { status: number, body: string }

async function get (port: number, path: string, authorised = true): Promise<Answer> {
  return await new Promise((resolve, reject) => {
    const req = httpRequest({ host: HOST, port, path, agent: false, headers: authorised ? { authorization: `Bearer ${KEY}` } : {} }, res => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => { body += chunk }).on('end', () => { resolve({ status: res.statusCode ?? 0, body }) })
    })
    req.once('error', reject)
    req.end()
  })
}

const SERIES_14 = `/segments/data_series?segment_id=${ALL_USERS}&length=14`

/** Polls until the server answers `path` with a 200; the time from `since` (ms, performance.now()) to it. */
async function firstOk (server: Server, path: string, since: number, timeoutMs = 30_000): Promise<number> {
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} exited (${server.child.exitCode}): ${server.stderr.join('')}`)
    try {
      const answer = await get(server.port, path)
      if (answer.status === 200) return performance.now() - since
      throw new Error(`${server.name} answered ${answer.status} to ${path}: ${answer.body.slice(0, 200)}`)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED') throw error
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${server.name} did not answer within ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 2))
  }
}

async function stop (server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return
  const exited = new Promise(resolve => server.child.once('exit', resolve))
  server.child.kill('SIGTERM')
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

/** CPU time the process has used, in µs (schedstat where the kernel keeps it, else utime + stime). */
function cpuMicros (pid: number): number {
  try {
    const ns = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0])
    if (ns > 0) return ns / 1000
  } catch {}
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10_000 // clock ticks of 10 ms
}

function rssMegabytes (pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1])
  return kb / 1024
}

// --------------------------------------------------------------------------------------------------- load

interface LoadFigures {
  rps: number
  /**
   * Mean latency, ms, by Little's law: requests in flight (connections x pipelining) over req/s, exact for a
   * closed loop like autocannon's. Its own histogram holds whole milliseconds, too coarse here.
   */
  mean: number
  p50: number
  p99: number
  /** Server CPU time per request, µs. */
  cpu: number
  /** Server CPU time over wall time: near 1 means the server, not the generator, was the limit. */
  busy: number
}

interface AutocannonResult {
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  '2xx': number
  requests: { total: number }
  latency: { p50: number, p99: number }
}

async function load (server: Server, path: string): Promise<LoadFigures> {
  const url = `http://${HOST}:${server.port}${path}`
  const [command, args] = pinned(LOAD_CORE, process.execPath, [AUTOCANNON, '--json', '--no-progress',
    '-c', String(CONNECTIONS), '-p', String(PIPELINING), '-d', String(DURATION_S),
    '-H', `authorization=Bearer ${KEY}`, url])
  const pid = server.child.pid!
  const cpuBefore = cpuMicros(pid)
  const started = performance.now()
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { out += chunk })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { err += chunk })
    child.once('error', reject)
    child.once('exit', code => {
      children.delete(child)
      if (code === 0) resolve(out)
      else reject(new Error(`autocannon exited ${code} on ${url}: ${err}`))
    })
  })
  const wall = performance.now() - started
  const cpu = cpuMicros(pid) - cpuBefore
  const result = JSON.parse(output) as AutocannonResult
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0 || result['2xx'] === 0) {
    throw new Error(`${server.name} ${path}: ${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`)
  }
  const total = result.requests.total
  return {
    rps: total / result.duration,
    mean: (1000 * CONNECTIONS * PIPELINING) / (total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpu: cpu / total,
    // autocannon's own start and stop are in `wall` too, so this reads a little low.
    busy: cpu / 1000 / wall,
  }
}

function median (values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function medianFigures (runs: readonly LoadFigures[]): LoadFigures {
  const of = (key: keyof LoadFigures) => median(runs.map(r => r[key]))
  return { rps: of('rps'), mean: of('mean'), p50: of('p50'), p99: of('p99'), cpu: of('cpu'), busy: of('busy') }
}

// ------------------------------------------------------------------------------------------------ listing

/** The last non-empty page of /segments/list (0-based), by bisection. */
async function lastListPage (server: Server): Promise<number> {
  const count = async (page: number) => {
    const answer = await get(server.port, `/segments/list?page=${page}`)
    if (answer.status !== 200) throw new Error(`/segments/list page ${page}: ${answer.status}`)
    return (JSON.parse(answer.body) as { segments: unknown[] }).segments.length
  }
  let low = 0
  let high = 1
  while (await count(high) > 0) high *= 2
  while (high - low > 1) {
    const mid = (low + high) >> 1
    if (await count(mid) > 0) low = mid
    else high = mid
  }
  return low
}

async function timed (server: Server, path: string): Promise<number> {
  const started = performance.now()
  const answer = await get(server.port, path)
  if (answer.status !== 200) throw new Error(`${server.name} ${path}: ${answer.status} ${answer.body.slice(0, 200)}`)
  return performance.now() - started
}

// ---------------------------------------------------------------------------------------------- the table

const fmt = (n: number, digits = 0) => Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a'
const ratio = (n: number) => Number.isFinite(n) ? `${n.toFixed(2)}x` : 'n/a'

function table (head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

// ------------------------------------------------------------------------------------------------- main

async function main (): Promise<void> {
  const began = performance.now()
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first (npm run bench does)')
  if (PINNING) execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
  const log = (text: string) => process.stderr.write(`bench: ${text}\n`)
  log(`${SMOKE ? 'smoke mode, ' : ''}${ROUNDS} round(s) x ${DURATION_S} s, ${CONNECTIONS} connections, pipelining ${PIPELINING}, ` +
    (PINNING ? 'servers on core 0, autocannon on core 1' : 'no pinning (taskset missing or one core)'))

  const temp = mkdtempSync(join(tmpdir(), 'braze-mock-bench-'))
  const servers: Server[] = []
  try {
    const fixtures = makeFixtures(temp)
    // Warms this process's HTTP client, so the first cold-start poll does not pay for it.
    const warm = spawnServer('warm-up', await freePort(), BASELINE, {})
    servers.push(warm)
    await firstOk(warm, '/segments/data_series', performance.now())
    await stop(warm)

    const start = async (name: string, script: string, env: Record<string, string>) => {
      const server = spawnServer(name, await freePort(), script, env)
      servers.push(server)
      await firstOk(server, SERIES_14, performance.now())
      return server
    }
    const emulator = await start('emulator', SERVER, emulatorEnv(fixtures.standard))
    const body = (await get(emulator.port, SERIES_14)).body
    const baseline = await start('baseline', BASELINE, { BENCH_BODY: body })
    const baselineBody = (await get(baseline.port, SERIES_14)).body
    if (Buffer.byteLength(baselineBody) !== Buffer.byteLength(body)) throw new Error('the baseline body differs in size from the emulator\'s')
    const journalOff = await start('emulator, journal off', SERVER, emulatorEnv(fixtures.standard, { BRAZE_MOCK_JOURNAL_SIZE: '0' }))
    const quiet = await start('emulator, LOG_LEVEL=warn', SERVER, emulatorEnv(fixtures.standard, { LOG_LEVEL: 'warn' }))
    const lean = await start('emulator, lean', SERVER, emulatorEnv(fixtures.standard, { LOG_LEVEL: 'warn', BRAZE_MOCK_JOURNAL_SIZE: '0', BRAZE_MOCK_CORS: 'off' }))
    const ten = await start('emulator, 10 segments', SERVER, emulatorEnv(fixtures.ten))
    const big = await start('emulator, 100,000 segments', SERVER, emulatorEnv(fixtures.big))

    // A page's names are drawn on its first read: time that once, before the load warms every page it reads.
    const firstReads = [await timed(big, '/segments/list?page=0'), await timed(big, '/segments/list?page=0&sort_direction=desc')]
    const lastPage = await lastListPage(big)
    log(`100,000-segment workspace: last /segments/list page is ${lastPage}; answer sizes checked`)

    const series = (length: number) => `/segments/data_series?segment_id=${ALL_USERS}&length=${length}`
    const hours = `/sessions/data_series?unit=hour&length=100&ending_at=${encodeURIComponent(NOW)}`
    const scenarios: Array<{ row: string, server: Server, path: string }> = [
      { row: LOAD_ROWS[0], server: baseline, path: '/segments/data_series' },
      { row: LOAD_ROWS[1], server: emulator, path: series(1) },
      { row: LOAD_ROWS[2], server: emulator, path: series(14) },
      { row: LOAD_ROWS[3], server: emulator, path: series(100) },
      { row: LOAD_ROWS[4], server: emulator, path: `${hours}&app_id=${IOS}` },
      { row: LOAD_ROWS[5], server: emulator, path: hours },
      { row: LOAD_ROWS[6], server: journalOff, path: series(14) },
      { row: LOAD_ROWS[7], server: quiet, path: series(14) },
      { row: LOAD_ROWS[8], server: lean, path: series(14) },
      { row: LOAD_ROWS[9], server: ten, path: series(14) },
      { row: LOAD_ROWS[10], server: big, path: series(14) },
      { row: LOAD_ROWS[11], server: big, path: '/segments/list?page=0' },
      { row: LOAD_ROWS[12], server: big, path: `/segments/list?page=${lastPage}` },
      { row: LOAD_ROWS[13], server: big, path: `/segments/list?page=${lastPage}&sort_direction=desc` },
      ...ACTIVITY_SCENARIOS.map(({ row, path }) => ({ row, server: emulator, path })),
    ]
    for (const { server, path } of scenarios) {
      const answer = await get(server.port, path)
      if (answer.status !== 200) throw new Error(`${server.name} ${path}: ${answer.status} ${answer.body.slice(0, 200)}`)
    }

    const memoryOf = new Map<typeof MEMORY_ROWS[number], Server>([
      [MEMORY_ROWS[0], baseline], [MEMORY_ROWS[1], emulator], [MEMORY_ROWS[2], ten], [MEMORY_ROWS[3], big],
    ])
    const rssStart = new Map([...memoryOf].map(([row, server]) => [row, rssMegabytes(server.child.pid!)]))

    const runs = new Map<string, LoadFigures[]>(scenarios.map(s => [s.row, []]))
    for (let round = 1; round <= ROUNDS; round++) {
      log(`load round ${round} of ${ROUNDS}`)
      // Every other round runs backwards, so that no scenario always follows the same one.
      const order = round % 2 === 1 ? scenarios : [...scenarios].reverse()
      for (const { row, server, path } of order) runs.get(row)!.push(await load(server, path))
    }
    const rss = new Map([...memoryOf].map(([row, server]) => [row, rssMegabytes(server.child.pid!)]))
    for (const server of servers) await stop(server)

    // Cold starts: spawn to the first 200, interleaved, on the same core as the servers above.
    log(`cold starts, ${COLD_REPEATS} of each`)
    const coldSetups: Array<{ row: typeof COLD_ROWS[number], script: string, env: Record<string, string> }> = [
      { row: COLD_ROWS[0], script: BASELINE, env: { BENCH_BODY: body } },
      { row: COLD_ROWS[1], script: SERVER, env: emulatorEnv(undefined) },
      { row: COLD_ROWS[2], script: SERVER, env: emulatorEnv(fixtures.big) },
    ]
    const colds = new Map<string, number[]>(coldSetups.map(c => [c.row, []]))
    for (let i = 0; i < COLD_REPEATS; i++) {
      for (const { row, script, env } of coldSetups) {
        const port = await freePort()
        const since = performance.now()
        const server = spawnServer(row, port, script, env)
        servers.push(server)
        colds.get(row)!.push(await firstOk(server, SERIES_14, since))
        await stop(server)
      }
    }

    // ------------------------------------------------------------------------------------ the report
    const figures = new Map([...runs].map(([row, list]) => [row, medianFigures(list)]))
    const base = figures.get(LOAD_ROWS[0])!
    const loadTable = table(
      ['scenario', 'req/s', 'x baseline', 'mean ms', 'mean x baseline', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'CPU x baseline', 'server busy'],
      [...LOAD_ROWS, ...ACTIVITY_ROWS].map(row => {
        const f = figures.get(row)!
        return [row, fmt(f.rps), ratio(f.rps / base.rps), fmt(f.mean, 2), ratio(f.mean / base.mean), fmt(f.p50), fmt(f.p99),
          fmt(f.cpu, 1), ratio(f.cpu / base.cpu), `${fmt(f.busy * 100)}%`]
      }))
    const cold = new Map([...colds].map(([row, list]) => [row, median(list)]))
    const coldBase = cold.get(COLD_ROWS[0])!
    const coldTable = table(['server', 'spawn to first 200, ms (median)', 'x baseline'],
      COLD_ROWS.map(row => [row, fmt(cold.get(row)!), ratio(cold.get(row)! / coldBase)]))
    const rssBase = rss.get(MEMORY_ROWS[0])!
    const rssStartBase = rssStart.get(MEMORY_ROWS[0])!
    const memoryTable = table(['server', 'VmRSS after start, MB', 'x baseline', 'VmRSS after load, MB', 'x baseline'],
      MEMORY_ROWS.map(row => [row, fmt(rssStart.get(row)!, 1), ratio(rssStart.get(row)! / rssStartBase),
        fmt(rss.get(row)!, 1), ratio(rss.get(row)! / rssBase)]))
    const firstReadTable = table(['request', 'ms (one request, fresh server)'],
      FIRST_READ_ROWS.map((row, i) => [row, fmt(firstReads[i]!, 1)]))

    const rps = (row: typeof LOAD_ROWS[number]) => figures.get(row)!.rps
    const perRequest = (row: typeof LOAD_ROWS[number]) => 1e6 / rps(row)
    const bigAdds = rss.get(MEMORY_ROWS[3])! - rss.get(MEMORY_ROWS[2])!
    const bigAddsAtStart = rssStart.get(MEMORY_ROWS[3])! - rssStart.get(MEMORY_ROWS[2])!
    const perRequestRatio = perRequest(LOAD_ROWS[10]) / perRequest(LOAD_ROWS[9])
    const checks: Array<[typeof TARGET_ROWS[number], string, boolean]> = [
      [TARGET_ROWS[0], ratio(rps(LOAD_ROWS[2]) / base.rps), rps(LOAD_ROWS[2]) >= 0.7 * base.rps],
      [TARGET_ROWS[1], ratio(rps(LOAD_ROWS[3]) / rps(LOAD_ROWS[1])), rps(LOAD_ROWS[3]) >= 0.5 * rps(LOAD_ROWS[1])],
      [TARGET_ROWS[2], ratio(cold.get(COLD_ROWS[1])! / coldBase), cold.get(COLD_ROWS[1])! <= 1.3 * coldBase],
      [TARGET_ROWS[3], ratio(cold.get(COLD_ROWS[2])! / coldBase), cold.get(COLD_ROWS[2])! <= 1.3 * coldBase],
      [TARGET_ROWS[4], `${fmt(cold.get(COLD_ROWS[2])!)} ms`, cold.get(COLD_ROWS[2])! < 1000],
      [TARGET_ROWS[5], ratio(rss.get(MEMORY_ROWS[1])! / rssBase), rss.get(MEMORY_ROWS[1])! <= 1.5 * rssBase],
      [TARGET_ROWS[6], `${fmt(bigAdds, 1)} MB`, bigAdds <= 100],
      [TARGET_ROWS[7], `${fmt(bigAddsAtStart, 1)} MB`, bigAddsAtStart <= 100],
      [TARGET_ROWS[8], `${fmt(perRequest(LOAD_ROWS[10]), 1)} vs ${fmt(perRequest(LOAD_ROWS[9]), 1)} µs (${ratio(perRequestRatio)})`,
        Math.abs(perRequestRatio - 1) <= 0.1],
    ]
    const targetTable = table(['target', 'measured', 'result'], checks.map(([row, measured, ok]) => [row, measured, ok ? 'pass' : 'MISS']))

    const seconds = (performance.now() - began) / 1000
    const report = [
      `# braze-mock bench${SMOKE ? ' (smoke: figures meaningless)' : ''}`,
      '',
      `${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores, ` +
        `${PINNING ? 'servers on core 0 and autocannon on core 1 (taskset)' : 'no core pinning'}; ` +
        `${ROUNDS} interleaved round(s) (alternate ones in reverse order) of ${DURATION_S} s per scenario, ` +
        `${CONNECTIONS} connections, pipelining ${PIPELINING}; ` +
        `medians. Clock pinned to ${NOW}. Run took ${seconds.toFixed(0)} s.`,
      '',
      '## Load', '', loadTable, '',
      '## Cold start', '', coldTable, '',
      '## Memory', '', memoryTable, '',
      `## /segments/list on 100,000 segments (last page: ${lastPage})`, '', firstReadTable, '',
      '## Targets', '', targetTable, '',
    ].join('\n')
    process.stdout.write(report)
    mkdirSync(RESULTS, { recursive: true })
    writeFileSync(join(RESULTS, SMOKE ? 'smoke.md' : 'latest.md'), report)
    const raw = {
      settings: { smoke: SMOKE, rounds: ROUNDS, durationS: DURATION_S, connections: CONNECTIONS, pipelining: PIPELINING, pinned: PINNING },
      load: Object.fromEntries(runs),
      cold: Object.fromEntries(colds),
      rssAfterStart: Object.fromEntries(rssStart),
      rssAfterLoad: Object.fromEntries(rss),
      firstReads,
      lastPage,
    }
    writeFileSync(join(RESULTS, SMOKE ? 'smoke.json' : 'latest.json'), JSON.stringify(raw, null, 2))
  } finally {
    for (const server of servers) await stop(server)
    rmSync(temp, { recursive: true, force: true })
  }
}

try {
  await main()
} catch (error) {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`)
  process.exitCode = 1
}
