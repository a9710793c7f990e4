// The bench's servers as processes: where they run, how they start and stop, how they are asked, and what
// /proc says about them (CPU time, memory, the server core's idle time).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const HOST = '127.0.0.1'
/** Lumen's full-access key: every emulator request carries it. */
export const KEY = '16207df2-a02e-4d98-b4a7-6cb6b72bdbfe'

function hasCommand (name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export const PINNING = hasCommand('taskset') && cpus().length >= 2
export const SERVER_CORE = 0
export const LOAD_CORE = 1

export function hasWrk (): boolean {
  return hasCommand('wrk')
}

/** The command line, on `core` when pinning is possible. */
export function pinned (core: number, command: string, args: string[]): [string, string[]] {
  return PINNING ? ['taskset', ['-c', String(core), command, ...args]] : [command, args]
}

export interface Server {
  readonly name: string
  readonly port: number
  readonly child: ChildProcess
  readonly stderr: string[]
}

const children = new Set<ChildProcess>()
process.on('exit', () => { for (const child of children) child.kill('SIGKILL') })

/** Keeps `child` in the set killed when this process exits, however it exits. */
export function track (child: ChildProcess): ChildProcess {
  children.add(child)
  child.once('exit', () => { children.delete(child) })
  return child
}

export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, HOST, () => {
      const address = server.address()
      server.close(() => { resolve(typeof address === 'object' && address !== null ? address.port : 0) })
    })
  })
}

export function spawnServer (name: string, port: number, script: string, env: Record<string, string>): Server {
  const [command, args] = pinned(SERVER_CORE, process.execPath, [script])
  const child = track(spawn(command, args, {
    cwd: ROOT,
    // Production logs to stdout; here it goes to /dev/null, the cheapest sink there is.
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST, ...env },
  }))
  const stderr: string[] = []
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { if (stderr.length < 50) stderr.push(chunk) })
  return { name, port, child, stderr }
}

export async function stop (server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return
  const exited = new Promise(resolve => server.child.once('exit', resolve))
  server.child.kill('SIGTERM')
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

export interface Answer { status: number, body: string, headers: Record<string, string | string[] | undefined> }

// The setup's many requests (the mix is checked one request at a time) reuse connections; cold-start polls
// do not, so that each one finds out whether the server listens yet.
const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 })

export async function get (port: number, path: string, options: { authorised?: boolean, reuse?: boolean } = {}): Promise<Answer> {
  const { authorised = true, reuse = false } = options
  return await new Promise((resolve, reject) => {
    const req = httpRequest({
      host: HOST,
      port,
      path,
      agent: reuse ? keepAlive : false,
      headers: authorised ? { authorization: `Bearer ${KEY}` } : {},
    }, res => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => { body += chunk }).on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers })
      })
    })
    req.once('error', reject)
    req.end()
  })
}

/** A 200's body, or an error that names the server, the path and what came instead. */
export async function getOk (server: Server, path: string): Promise<string> {
  const answer = await get(server.port, path, { reuse: true })
  if (answer.status !== 200) throw new Error(`${server.name} ${path}: ${answer.status} ${answer.body.slice(0, 200)}`)
  return answer.body
}

/** Polls until the server answers `path` with a 200; the time from `since` (ms, performance.now()) to it. */
export async function firstOk (server: Server, path: string, since: number, timeoutMs = 30_000): Promise<number> {
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

/**
 * CPU time the whole process has used, in µs: every thread's, since V8's garbage-collector threads run on
 * the same pinned core and did a fifth of the emulator's work in a trial (the main thread's own schedstat,
 * which the bench read before, missed it). schedstat where the kernel keeps it, else utime + stime.
 */
export function cpuMicros (pid: number): number {
  try {
    let ns = 0
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0])
    }
    if (ns > 0) return ns / 1000
  } catch {}
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10_000 // clock ticks of 10 ms
}

export function rssMegabytes (pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1])
  return kb / 1024
}

/** The server core's clock ticks: idle (with iowait) and in all. */
export function coreTicks (): { idle: number, total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n').find(l => l.startsWith(`cpu${SERVER_CORE} `))
  const ticks = line!.trim().split(/\s+/).slice(1, 9).map(Number)
  return { idle: ticks[3]! + ticks[4]!, total: ticks.reduce((a, b) => a + b, 0) }
}
