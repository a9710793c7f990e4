// The bench's load generator where wrk is missing (bench/load.ts): autocannon, driven through its API so that
// it can cycle a file of paths like bench/wrk.lua, printing the same JSON line. On this machine it cannot
// keep the baseline's core busy (BENCHMARKS.md), so its figures only prove that the bench runs.
//
//   node bench/autocannon-load.mjs ORIGIN PATHS_FILE CONNECTIONS SECONDS AUTHORIZATION
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

const [origin, file, connections, seconds, authorization] = process.argv.slice(2)
const paths = readFileSync(file, 'utf8').split('\n').filter(line => line !== '')
// autocannon walks `requests` from the first on every connection, so each connection cycles the file in order.
// It looks for the end of a round once a second, so its rounds last at least that: a smoke run with it takes
// about two minutes, against 40 s with wrk.
const result = await autocannon({
  url: origin,
  connections: Number(connections),
  duration: Math.max(1, Number(seconds)),
  headers: { authorization },
  requests: paths.map(path => ({ method: 'GET', path })),
})
const line = {
  duration_us: Math.round(result.duration * 1e6),
  requests: result.requests.total,
  bytes: result.throughput.total,
  connect: 0,
  read: result.errors,
  write: 0,
  status: result.non2xx,
  timeout: result.timeouts,
  // autocannon's histogram holds whole milliseconds.
  mean_us: result.latency.mean * 1000,
  p50_us: result.latency.p50 * 1000,
  p99_us: result.latency.p99 * 1000,
}
process.stdout.write(`BENCH_JSON ${JSON.stringify(line)}\n`)
