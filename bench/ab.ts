// Compares server builds or settings on one request, the way the changes in BENCHMARKS.md's third pass were
// measured: each configuration is started afresh several times, interleaved with the others, and each start
// gives its best of two 2 s rounds of load (bench/load.ts, so wrk where it is installed). A single start can
// land in a slower steady state than the next (the spread across starts was larger than across rounds), so
// the figure is the median over starts. Every server gets the bench's fixtures (no rate limit in reach) and
// its pinned clock.
//
//   npx tsx bench/ab.ts [--starts N] [--path PATH] 'label|script|NAME=value NAME=value' ...
//
// `script` is a server entry (dist/server.js, or another checkout's); the bench's baseline (bench/baseline.mjs)
// is given the emulator's answer to PATH as its body (it serves /segments/data_series only). Example, the current build against another checkout's
// and the bare baseline:
//
//   npm run build && npx tsx bench/ab.ts 'now|dist/server.js' 'before|../old/dist/server.js' 'baseline|bench/baseline.mjs'
//
// With --cold, each start is timed instead, as the bench's cold-start rows time theirs (spawn to the first 200
// of PATH, polled every 2 ms) and nothing is loaded: the median over starts, in ms (BENCHMARKS.md, fifth pass).
//
//   npm run build && npx tsx bench/ab.ts --cold --starts 9 'now|dist/server.js' 'baseline|bench/baseline.mjs'
//
// With --mix SECONDS, each emulator start first serves the built-in realistic mix (bench/mix.ts: discovered,
// drawn and checked as the bench does) for that long, then the repeated request is measured. The bench's main
// emulator serves its rows in that state, with the answers and the heap the mix left behind, which a fresh
// start does not show (BENCHMARKS.md, seventh pass).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { makeFixtures } from './fixtures.js'
import { chooseGenerator, load } from './load.js'
import { mixOn } from './mix.js'
import { median } from './paired.js'
import { PLAN } from './rows.js'
import { ENDPOINTS } from '../src/endpoints/index.js'
import { firstOk, freePort, getOk, KEY, PINNING, ROOT, rssMegabytes, spawnServer, stop } from './servers.js'

const NOW = '2026-11-23T12:00:00Z'
const BASELINE = join(ROOT, 'bench', 'baseline.mjs')

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { starts: { type: 'string', default: '5' }, path: { type: 'string' }, cold: { type: 'boolean', default: false }, mix: { type: 'string', default: '0' } },
})
const starts = Number(values.starts)
const mixSeconds = Number(values.mix)
const path = values.path ?? PLAN.builtIn.find(row => row.row === 'segments/data_series length=14')!.path
const configs = positionals.map(text => {
  const [label, script, env = ''] = text.split('|')
  if (label === undefined || script === undefined) throw new Error(`expected 'label|script|NAME=value ...', got ${text}`)
  return { label, script: resolve(script), env: Object.fromEntries(env.split(' ').filter(Boolean).map(setting)) }
})
/** NAME=value, split at the first '=' only: a value may hold one (NODE_OPTIONS=--max-semi-space-size=4). */
function setting (pair: string): [string, string] {
  const at = pair.indexOf('=')
  if (at < 1) throw new Error(`expected NAME=value, got ${pair}`)
  return [pair.slice(0, at), pair.slice(at + 1)]
}
if (configs.length === 0 || !Number.isInteger(starts) || starts < 1 || !Number.isInteger(mixSeconds) || mixSeconds < 0) {
  process.stderr.write('usage: npx tsx bench/ab.ts [--starts N] [--path PATH] [--cold] [--mix SECONDS] \'label|script|NAME=value ...\' ...\n')
  process.exit(2)
}

// As bench/run.ts does: this process and its children stay off the servers' core.
if (PINNING) execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
const temp = mkdtempSync(join(tmpdir(), 'braze-mock-ab-'))
try {
  const fixtures = makeFixtures(temp)
  const paths = join(temp, 'paths.txt')
  writeFileSync(paths, `${path}\n`)
  const generator = chooseGenerator(32)
  const env = { BRAZE_MOCK_NOW: NOW, BRAZE_MOCK_FIXTURES: fixtures.standard }
  let body: string | undefined
  const cpu = new Map(configs.map(({ label }) => [label, [] as number[]]))
  const rss = new Map(configs.map(({ label }) => [label, [] as number[]]))
  for (let round = 0; round < starts; round++) {
    for (const config of configs) {
      const isBaseline = config.script === BASELINE
      if (isBaseline && body === undefined) {
        const emulator = spawnServer('body', await freePort(), join(ROOT, 'dist', 'server.js'), env)
        await firstOk(emulator, path, performance.now())
        body = await getOk(emulator, path)
        await stop(emulator)
      }
      const port = await freePort()
      const since = performance.now()
      const server = spawnServer(config.label, port, config.script, { ...env, ...(isBaseline ? { BENCH_BODY: body! } : {}), ...config.env })
      try {
        const started = await firstOk(server, path, since)
        if (values.cold) {
          cpu.get(config.label)!.push(started)
          continue
        }
        if (mixSeconds > 0 && !isBaseline) {
          const mix = join(temp, 'mix.txt')
          writeFileSync(mix, `${(await mixOn(server, KEY, ENDPOINTS, new Date(NOW))).paths.join('\n')}\n`)
          await load(generator, server, mix, mixSeconds, 32, 'mix')
        }
        await load(generator, server, paths, 1, 32, 'warm-up')
        const first = await load(generator, server, paths, 2, 32, config.label)
        const second = await load(generator, server, paths, 2, 32, config.label)
        cpu.get(config.label)!.push(Math.min(first.cpu, second.cpu))
        rss.get(config.label)!.push(rssMegabytes(server.child.pid!))
      } finally {
        await stop(server)
      }
    }
  }
  const what = values.cold ? 'spawn to the first 200, ms' : `${generator.description}; ${mixSeconds > 0 ? `after ${mixSeconds} s of the built-in mix, ` : ''}each start's best 2 s round, µs CPU/request`
  process.stdout.write(`${path}\n${what}; median over ${starts} starts\n`)
  for (const [label, figures] of cpu) {
    // The server's VmRSS once its rounds are over: what the load and (with --mix) the mix left it holding.
    const memory = values.cold ? '' : `   RSS ${median(rss.get(label)!).toFixed(0)} MB`
    process.stdout.write(`${label.padEnd(16)} ${median(figures).toFixed(1).padStart(7)}${memory}   (starts: ${figures.map(f => f.toFixed(1)).join(', ')})\n`)
  }
} finally {
  rmSync(temp, { recursive: true, force: true })
}
process.exit(0)
