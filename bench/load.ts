// One round of load on one server: wrk (bench/wrk.lua) on the load core when it is installed, else autocannon
// (bench/autocannon-load.mjs), cycling a file of paths; with the server's CPU time and the server core's idle
// time read from /proc around it. See BENCHMARKS.md for why wrk.
import { execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'
import { coreTicks, cpuMicros, hasWrk, HOST, KEY, LOAD_CORE, pinned, PINNING, ROOT, track, type Server } from './servers.js'

const WRK_SCRIPT = join(ROOT, 'bench', 'wrk.lua')
const AUTOCANNON = join(ROOT, 'bench', 'autocannon-load.mjs')

export interface Generator {
  readonly name: 'wrk' | 'autocannon'
  /** One line for the report: what generates the load, and why when it is not wrk. */
  readonly description: string
}

export function chooseGenerator (connections: number): Generator {
  const forced = process.env.BENCH_GENERATOR
  if (forced !== undefined && forced !== 'wrk' && forced !== 'autocannon') throw new Error('BENCH_GENERATOR must be wrk or autocannon')
  if (forced !== 'autocannon' && hasWrk()) {
    const version = /wrk (\S+)/.exec(execFileSync('sh', ['-c', 'wrk -v 2>&1 || true'], { encoding: 'utf8' }))?.[1] ?? ''
    return { name: 'wrk', description: `wrk ${version}, 1 thread, ${connections} connections` }
  }
  if (forced === 'wrk') throw new Error('BENCH_GENERATOR=wrk, but wrk is not installed')
  return {
    name: 'autocannon',
    description: `autocannon, ${connections} connections: ${forced === 'autocannon' ? 'BENCH_GENERATOR=autocannon' : 'wrk is not installed'}, ` +
      'so the figures cannot be compared with a wrk run (it does not keep the baseline\'s core busy here); install wrk (apt-get install wrk)',
  }
}

export interface LoadFigures {
  rps: number
  /** Latency as the generator measured it, ms. */
  mean: number
  p50: number
  p99: number
  /** Server CPU time per request, µs, all of its threads. */
  cpu: number
  /** Server CPU time over the round's wall time: near 1 means the server, not the generator, was the limit. */
  busy: number
  /** The server core's idle share of the round (NaN without pinning): what neither it nor anything else used. */
  idle: number
  /** Bytes received per answer, headers included. */
  bytes: number
}

interface GeneratorLine {
  duration_us: number
  requests: number
  bytes: number
  connect: number
  read: number
  write: number
  status: number
  timeout: number
  mean_us: number
  p50_us: number
  p99_us: number
}

/** Runs `paths` (a file, one path a line) against `server` for `seconds`, cycling them in order. */
export async function load (generator: Generator, server: Server, paths: string, seconds: number, connections: number,
  label: string): Promise<LoadFigures> {
  const origin = `http://${HOST}:${server.port}`
  // wrk takes whole seconds; a shorter round (smoke mode) is ended by SIGINT, on which wrk stops within
  // 100 ms and reports as if its time had run out.
  const whole = Math.max(1, Math.ceil(seconds))
  const [command, args] = generator.name === 'wrk'
    ? pinned(LOAD_CORE, 'wrk', ['-t1', `-c${connections}`, `-d${whole}s`, '-H', `authorization: Bearer ${KEY}`,
      '-s', WRK_SCRIPT, `${origin}/`, '--', paths])
    : pinned(LOAD_CORE, process.execPath, [AUTOCANNON, origin, paths, String(connections), String(seconds), `Bearer ${KEY}`])
  const pid = server.child.pid!
  const cpuBefore = cpuMicros(pid)
  const ticksBefore = coreTicks()
  const started = performance.now()
  const output = await new Promise<string>((resolve, reject) => {
    const child = track(spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] }))
    const timer = generator.name === 'wrk' && seconds < whole ? setTimeout(() => child.kill('SIGINT'), seconds * 1000) : undefined
    let out = ''
    let err = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { out += chunk })
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { err += chunk })
    child.once('error', reject)
    child.once('exit', code => {
      clearTimeout(timer)
      if (code === 0) resolve(out)
      else reject(new Error(`${generator.name} exited ${code} on ${label}: ${err}${out}`))
    })
  })
  const wall = performance.now() - started
  const cpu = cpuMicros(pid) - cpuBefore
  const ticksAfter = coreTicks()
  const json = /^BENCH_JSON (.*)$/m.exec(output)?.[1]
  if (json === undefined) throw new Error(`${generator.name} printed no figures on ${label}: ${output}`)
  const line = JSON.parse(json) as GeneratorLine
  const errors = line.connect + line.read + line.write + line.timeout
  if (errors > 0 || line.status > 0 || line.requests === 0) {
    throw new Error(`${server.name}, ${label}: ${line.requests} requests, ${line.status} answers above 399, ` +
      `${line.connect}/${line.read}/${line.write}/${line.timeout} connect/read/write/timeout errors`)
  }
  return {
    rps: line.requests / (line.duration_us / 1e6),
    mean: line.mean_us / 1000,
    p50: line.p50_us / 1000,
    p99: line.p99_us / 1000,
    cpu: cpu / line.requests,
    // The generator's start and exit are in `wall` too, so this reads a little low, never high.
    busy: cpu / 1000 / wall,
    idle: PINNING ? (ticksAfter.idle - ticksBefore.idle) / (ticksAfter.total - ticksBefore.total) : Number.NaN,
    bytes: line.bytes / line.requests,
  }
}
