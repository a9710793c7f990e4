// The benchmark: the emulator as production runs it (node dist/server.js, pinned clock) against a bare
// Fastify baseline (bench/baseline.mjs), in one run, on this machine. Servers run on core 0 and the load
// generator (wrk, bench/load.ts) on core 1 when taskset is available. Every endpoint of ENDPOINTS is benched
// (bench/rows.ts), and a realistic mix of a few thousand distinct requests (bench/mix.ts). Each load scenario
// runs in several short rounds, interleaved with the others (every other round in reverse order; the baseline
// between every fifth row), and the table shows medians, with each row's ratio to the baseline loads that
// bracket it in its round (bench/paired.ts). See BENCHMARKS.md.
//
//   npm run bench                      full run (3 rounds x 3 s per scenario)
//   BENCH_SMOKE=1 npm run bench        every scenario once, for a fraction of a second (npm test runs this)
//   BENCH_ROUNDS, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_COLD_REPEATS override the settings;
//   BENCH_GENERATOR=autocannon uses the fallback generator even where wrk is installed.
//
// A missed target is reported in the table and does not fail the run; an error or a non-2xx answer does.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ENDPOINTS } from '../src/endpoints/index.js'
import { largeGeneration, makeFixtures } from './fixtures.js'
import { chooseGenerator, load, type LoadFigures } from './load.js'
import { mixOn, type CheckedMix } from './mix.js'
import { median, pairedRatios, relative, type RanLoad } from './paired.js'
import { BASELINE_ROW, COLD_ROWS, FIRST_READ_ROWS, LOAD_ROWS, MEMORY_ROWS, MIX_ROWS, NAMED_ROWS, PLAN, TARGETS } from './rows.js'
import { firstOk, freePort, get, getOk, KEY, PINNING, ROOT, rssMegabytes, spawnServer, stop, type Server } from './servers.js'

const SERVER = join(ROOT, 'dist', 'server.js')
const BASELINE = join(ROOT, 'bench', 'baseline.mjs')
const RESULTS = join(ROOT, 'bench', 'results')

const SMOKE = process.env.BENCH_SMOKE === '1' || process.argv.includes('--smoke')
const ROUNDS = SMOKE ? 1 : positive('BENCH_ROUNDS', 3)
const DURATION_S = SMOKE ? 0.3 : positive('BENCH_DURATION', 3)
const CONNECTIONS = positive('BENCH_CONNECTIONS', 32)
const COLD_REPEATS = SMOKE ? 1 : positive('BENCH_COLD_REPEATS', 5)
const BASELINE_EVERY = 5

const NOW = '2026-11-23T12:00:00Z'

function positive (name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!(value > 0)) throw new Error(`${name} must be a positive number`)
  return value
}

function emulatorEnv (fixtures: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return { BRAZE_MOCK_NOW: NOW, ...(fixtures === undefined ? {} : { BRAZE_MOCK_FIXTURES: fixtures }), ...extra }
}

/** The last non-empty page of /segments/list (0-based), by bisection. */
async function lastListPage (server: Server): Promise<number> {
  const count = async (page: number) => (JSON.parse(await getOk(server, `/segments/list?page=${page}`)) as { segments: unknown[] }).segments.length
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

function medianFigures (runs: readonly LoadFigures[]): LoadFigures {
  const of = (key: keyof LoadFigures) => median(runs.map(r => r[key]))
  return { rps: of('rps'), mean: of('mean'), p50: of('p50'), p99: of('p99'), cpu: of('cpu'), busy: of('busy'), idle: of('idle'), bytes: of('bytes') }
}

// ---------------------------------------------------------------------------------------------- the table

const fmt = (n: number, digits = 0) => Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a'
const ratio = (n: number) => Number.isFinite(n) ? `${n.toFixed(2)}x` : 'n/a'
const percent = (n: number) => Number.isFinite(n) ? `${fmt(n * 100)}%` : 'n/a'

function table (head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

function mixNote (name: string, mix: CheckedMix & { drawn: number }): string {
  const endpoints = new Set(mix.paths.map(p => p.split('?')[0])).size
  const dropped = [...mix.dropped].map(([path, { count, first }]) => `${path} ${count} (first: ${first})`)
  return `- Mix, ${name}: ${fmt(mix.paths.length)} distinct requests over ${endpoints} endpoints, cycled in a fixed order` +
    (dropped.length === 0 ? '.' : `; ${mix.drawn - mix.paths.length} drawn ones did not answer 200 and were left out: ${dropped.join('; ')}.`)
}

// ------------------------------------------------------------------------------------------------- main

interface Scenario { readonly row: string, readonly server: Server, readonly paths: readonly string[] }

async function main (): Promise<void> {
  const began = performance.now()
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first (npm run bench does)')
  if (PINNING) execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
  const log = (text: string) => process.stderr.write(`bench: ${text}\n`)
  const generator = chooseGenerator(CONNECTIONS)
  log(`${SMOKE ? 'smoke mode, ' : ''}${ROUNDS} round(s) x ${DURATION_S} s; ` +
    (PINNING ? 'servers on core 0, the load generator on core 1' : 'no pinning (taskset missing or one core)'))
  log(`load generator: ${generator.description}`)

  const temp = mkdtempSync(join(tmpdir(), 'braze-mock-bench-'))
  const servers: Server[] = []
  try {
    const fixtures = makeFixtures(temp)
    const series14 = PLAN.builtIn.find(r => r.row === 'segments/data_series length=14')?.path
    if (series14 === undefined) throw new Error('no segments/data_series length=14 row: the named rows are that request')
    // Warms this process's HTTP client, so the first cold-start poll does not pay for it.
    const warm = spawnServer('warm-up', await freePort(), BASELINE, {})
    servers.push(warm)
    await firstOk(warm, '/segments/data_series', performance.now())
    await stop(warm)

    const start = async (name: string, script: string, env: Record<string, string>) => {
      const server = spawnServer(name, await freePort(), script, env)
      servers.push(server)
      await firstOk(server, series14, performance.now())
      return server
    }
    const emulator = await start('emulator', SERVER, emulatorEnv(fixtures.standard))
    const body = await getOk(emulator, series14)
    const baseline = await start('baseline', BASELINE, { BENCH_BODY: body })
    const baselineBody = await getOk(baseline, series14)
    if (Buffer.byteLength(baselineBody) !== Buffer.byteLength(body)) throw new Error('the baseline body differs in size from the emulator\'s')
    const journalOff = await start('emulator, journal off', SERVER, emulatorEnv(fixtures.standard, { BRAZE_MOCK_JOURNAL_SIZE: '0' }))
    const quiet = await start('emulator, LOG_LEVEL=warn', SERVER, emulatorEnv(fixtures.standard, { LOG_LEVEL: 'warn' }))
    const lean = await start('emulator, lean', SERVER, emulatorEnv(fixtures.standard, { LOG_LEVEL: 'warn', BRAZE_MOCK_JOURNAL_SIZE: '0', BRAZE_MOCK_CORS: 'off' }))
    const ten = await start('emulator, 10 segments', SERVER, emulatorEnv(fixtures.ten))
    const big = await start('emulator, 100,000 segments', SERVER, emulatorEnv(fixtures.big))
    const large = await start('emulator, large workspace', SERVER, emulatorEnv(fixtures.large))
    // Memory after start: each server has answered its first request and nothing more.
    const memoryOf = new Map<string, Server>([
      [MEMORY_ROWS.baseline, baseline], [MEMORY_ROWS.builtIn, emulator], [MEMORY_ROWS.ten, ten], [MEMORY_ROWS.big, big], [MEMORY_ROWS.large, large],
    ])
    const rssStart = new Map([...memoryOf].map(([row, server]) => [row, rssMegabytes(server.child.pid!)]))

    // A page's names are drawn on its first read: time that once, before the load warms every page it reads.
    const firstReads = [await timed(big, '/segments/list?page=0'), await timed(big, '/segments/list?page=0&sort_direction=desc')]
    const lastPage = await lastListPage(big)
    log(`100,000-segment workspace: last /segments/list page is ${lastPage}`)

    const mixes = new Map<Server, CheckedMix & { drawn: number }>()
    for (const server of [emulator, large]) {
      const mix = await mixOn(server, KEY, ENDPOINTS, new Date(NOW))
      if (mix.paths.length === 0) throw new Error(`${server.name}: no request of the mix answered 200`)
      mixes.set(server, mix)
      log(`mix on ${server.name}: ${mix.paths.length} of ${mix.drawn} drawn requests answer 200`)
    }

    const one = (row: string, server: Server, path: string): Scenario => ({ row, server, paths: [path] })
    let scenarios: Scenario[] = [
      one(BASELINE_ROW, baseline, '/segments/data_series'),
      ...PLAN.builtIn.map(({ row, path }) => one(row, emulator, path)),
      one(NAMED_ROWS.journalOff, journalOff, series14),
      one(NAMED_ROWS.quiet, quiet, series14),
      one(NAMED_ROWS.lean, lean, series14),
      one(NAMED_ROWS.ten, ten, series14),
      one(NAMED_ROWS.big, big, series14),
      one(NAMED_ROWS.firstPage, big, '/segments/list?page=0'),
      one(NAMED_ROWS.lastPage, big, `/segments/list?page=${lastPage}`),
      one(NAMED_ROWS.lastPageDesc, big, `/segments/list?page=${lastPage}&sort_direction=desc`),
      ...PLAN.large.map(({ row, path }) => one(row, large, path)),
      { row: MIX_ROWS.builtIn, server: emulator, paths: mixes.get(emulator)!.paths },
      { row: MIX_ROWS.large, server: large, paths: mixes.get(large)!.paths },
    ]
    const missing = LOAD_ROWS.filter(row => !scenarios.some(s => s.row === row))
    if (missing.length > 0) throw new Error(`rows without a scenario: ${missing.join(', ')}`)
    // A series may cap `length` in its handler rather than its schema: its long row then answers 400, and is
    // printed as skipped, with the answer, instead of stopping the run. Any other row must answer 200.
    const longRows = new Set(PLAN.series.filter(s => s.longLength > 14).map(s => s.long.row))
    const skipped = new Map<string, string>()
    for (const { row, server, paths } of scenarios) {
      if (paths.length !== 1) continue
      const answer = await get(server.port, paths[0]!, { reuse: true })
      if (answer.status === 200) continue
      if (answer.status === 400 && longRows.has(row)) skipped.set(row, `${paths[0]} answered 400: ${answer.body.slice(0, 160)}`)
      else throw new Error(`${server.name} ${paths[0]}: ${answer.status} ${answer.body.slice(0, 200)}`)
    }
    for (const [row, why] of skipped) log(`skipped ${row}: ${why}`)
    scenarios = scenarios.filter(s => !skipped.has(s.row))
    const files = new Map<string, string>()
    for (const [i, { row, paths }] of scenarios.entries()) {
      const file = join(temp, `paths-${i}.txt`)
      writeFileSync(file, `${paths.join('\n')}\n`)
      files.set(row, file)
    }

    // The servers of the named rows have answered one request so far: a discarded round on each server takes
    // the compiler's warm-up out of whichever row would meet it first.
    const warmed = new Set<Server>()
    for (const { row, server } of scenarios) {
      if (warmed.has(server)) continue
      warmed.add(server)
      await load(generator, server, files.get(row)!, Math.min(1, DURATION_S), CONNECTIONS, `${row} (warm-up)`)
    }

    // The baseline runs between every BASELINE_EVERY rows. Its generator needs a whole core, and other work on
    // this shared machine lands on the load core (the servers' core is full) and starves it there, for minutes
    // at a time: its median spans the whole run rather than three moments. And the machine itself runs slower
    // in stretches: each row is compared with the baseline loads on either side of it (bench/paired.ts).
    const [baselineScenario, ...rows] = scenarios
    const runs = new Map<string, LoadFigures[]>(scenarios.map(s => [s.row, []]))
    const rounds: RanLoad[][] = []
    for (let round = 1; round <= ROUNDS; round++) {
      // Every other round runs backwards, so that no scenario always follows the same one.
      const order = round % 2 === 1 ? rows : [...rows].reverse()
      const sequence = [...order.flatMap((s, i) => i % BASELINE_EVERY === 0 ? [baselineScenario!, s] : [s]), baselineScenario!]
      log(`load round ${round} of ${ROUNDS}: ${sequence.length} loads`)
      const ran: RanLoad[] = []
      for (const { row, server } of sequence) {
        const figures = await load(generator, server, files.get(row)!, DURATION_S, CONNECTIONS, row)
        runs.get(row)!.push(figures)
        ran.push({ row, figures })
      }
      rounds.push(ran)
    }
    const paired = pairedRatios(rounds, BASELINE_ROW)
    const rss = new Map([...memoryOf].map(([row, server]) => [row, rssMegabytes(server.child.pid!)]))
    for (const server of servers) await stop(server)

    // Cold starts: spawn to the first 200, interleaved, on the same core as the servers above.
    log(`cold starts, ${COLD_REPEATS} of each`)
    const coldSetups = [
      { row: COLD_ROWS.baseline, script: BASELINE, env: { BENCH_BODY: body } },
      { row: COLD_ROWS.builtIn, script: SERVER, env: emulatorEnv(undefined) },
      { row: COLD_ROWS.big, script: SERVER, env: emulatorEnv(fixtures.big) },
      { row: COLD_ROWS.large, script: SERVER, env: emulatorEnv(fixtures.large) },
    ]
    const colds = new Map<string, number[]>(coldSetups.map(c => [c.row, []]))
    for (let i = 0; i < COLD_REPEATS; i++) {
      for (const { row, script, env } of coldSetups) {
        const port = await freePort()
        const since = performance.now()
        const server = spawnServer(row, port, script, env)
        servers.push(server)
        colds.get(row)!.push(await firstOk(server, series14, since))
        await stop(server)
      }
    }

    // ------------------------------------------------------------------------------------ the report
    const figures = new Map([...runs].map(([row, list]) => [row, medianFigures(list)]))
    const f = (row: string) => figures.get(row)!
    const base = f(BASELINE_ROW)
    const baseRuns = runs.get(BASELINE_ROW)!
    // A row's ratios to the baseline loads that bracket it, median over rounds; the baseline's own are 1.
    const pairedOf = (row: string) => paired.get(row) ?? { rps: runs.get(row)!.map(() => 1), cpu: runs.get(row)!.map(() => 1) }
    const x = (row: string) => median(pairedOf(row).rps)
    const cpuX = (row: string) => median(pairedOf(row).cpu)
    const loadTable = table(
      ['scenario', 'req/s', 'x baseline', 'server CPU µs/req', 'CPU x baseline', 'server busy', 'core 0 idle', 'mean ms', 'p50 ms', 'p99 ms', 'bytes/answer'],
      LOAD_ROWS.map(row => {
        if (skipped.has(row)) return [row, 'skipped (400)', ...Array<string>(9).fill('')]
        const r = f(row)
        return [row, fmt(r.rps), ratio(x(row)), fmt(r.cpu, 1), ratio(cpuX(row)), percent(r.busy), percent(r.idle),
          fmt(r.mean, 2), fmt(r.p50, 2), fmt(r.p99, 2), fmt(r.bytes)]
      }))
    const notes = [
      ...[...skipped].map(([row, why]) => `- Skipped: ${row}, ${why.replaceAll('|', '\\|')}.`),
      ...PLAN.capped.map(({ path, longLength }) => `- ${path} takes length up to ${longLength} (its schema): its longest row is length=${longLength}, not 100.`),
      mixNote('built-in fixtures', mixes.get(emulator)!),
      mixNote('large workspace', mixes.get(large)!),
      `- Large workspace: the built-in fixtures, and in the first workspace \`"generate": ${JSON.stringify(largeGeneration())}\`.`,
    ]
    const cold = new Map([...colds].map(([row, list]) => [row, median(list)]))
    const coldBase = cold.get(COLD_ROWS.baseline)!
    const coldTable = table(['server', 'spawn to first 200, ms (median)', 'x baseline'],
      Object.values(COLD_ROWS).map(row => [row, fmt(cold.get(row)!), ratio(cold.get(row)! / coldBase)]))
    const rssBase = rss.get(MEMORY_ROWS.baseline)!
    const rssStartBase = rssStart.get(MEMORY_ROWS.baseline)!
    const memoryTable = table(['server', 'VmRSS after start, MB', 'x baseline', 'VmRSS after load, MB', 'x baseline'],
      Object.values(MEMORY_ROWS).map(row => [row, fmt(rssStart.get(row)!, 1), ratio(rssStart.get(row)! / rssStartBase),
        fmt(rss.get(row)!, 1), ratio(rss.get(row)! / rssBase)]))
    const firstReadTable = table(['request', 'ms (one request, fresh server)'],
      FIRST_READ_ROWS.map((row, i) => [row, fmt(firstReads[i]!, 1)]))

    // Ratios of req/s decide, as issue 16 states its targets, each against the loads that bracket it; beside
    // it stand the CPU-derived one (how many requests the server's core could answer at each row's CPU cost)
    // and the ratio against the run's median baseline, the method before the ninth pass.
    const speed = (row: string) => `${ratio(x(row))} (by CPU/req ${ratio(1 / cpuX(row))}; against the run's median baseline ${ratio(f(row).rps / base.rps)})`
    const longer = (s: (typeof PLAN.series)[number]) => relative(pairedOf(s.long.row).rps, pairedOf(s.short.row).rps)
    const costlier = (row: string, reference: string) => relative(pairedOf(row).cpu, pairedOf(reference).cpu)
    const checks: Array<[string, string, boolean | undefined]> = [
      [TARGETS.busy, `${percent(base.busy)}, core 0 idle ${percent(base.idle)}; ${baseRuns.filter(r => r.busy >= 0.95).length} of ${baseRuns.length} loads at 95% or more`,
        base.busy >= 0.95],
      ...PLAN.series.map((s): [string, string, boolean] => [TARGETS.mid(s), speed(s.mid.row), x(s.mid.row) >= 0.7]),
      ...Object.values(MIX_ROWS).map((row): [string, string, boolean] => [TARGETS.mix(row), speed(row), x(row) >= 0.5]),
      ...PLAN.series.filter(s => s.longLength > 1).map((s): [string, string, boolean | undefined] => skipped.has(s.long.row)
        ? [TARGETS.long(s), 'its long row was skipped (400)', undefined]
        : [TARGETS.long(s), `${ratio(longer(s))} (by CPU/req ${ratio(1 / costlier(s.long.row, s.short.row))})`, longer(s) >= 0.5]),
      [TARGETS.coldBuiltIn, ratio(cold.get(COLD_ROWS.builtIn)! / coldBase), cold.get(COLD_ROWS.builtIn)! <= 1.3 * coldBase],
      [TARGETS.coldLarge, `${fmt(cold.get(COLD_ROWS.large)!)} ms`, cold.get(COLD_ROWS.large)! < 1000],
      [TARGETS.rss, ratio(rss.get(MEMORY_ROWS.builtIn)! / rssBase), rss.get(MEMORY_ROWS.builtIn)! <= 1.5 * rssBase],
      [TARGETS.largeRss, `${fmt(rss.get(MEMORY_ROWS.large)! - rss.get(MEMORY_ROWS.builtIn)!, 1)} MB`,
        rss.get(MEMORY_ROWS.large)! - rss.get(MEMORY_ROWS.builtIn)! <= 150],
      ...PLAN.large.map(({ row, reference }): [string, string, boolean | undefined] => {
        const [ours, theirs] = [f(row), f(reference)]
        const cost = `${ratio(costlier(row, reference))} (medians ${fmt(ours.cpu, 1)} vs ${fmt(theirs.cpu, 1)} µs)`
        // A list's page is fuller on the large workspace: a different answer, not the same request's cost.
        if (Math.abs(ours.bytes / theirs.bytes - 1) > 0.1) return [TARGETS.largeCpu(reference), `${cost}; answers differ: ${fmt(ours.bytes)} vs ${fmt(theirs.bytes)} bytes`, undefined]
        return [TARGETS.largeCpu(reference), cost, Math.abs(costlier(row, reference) - 1) <= 0.1]
      }),
      [TARGETS.bigCpu, `${ratio(costlier(NAMED_ROWS.big, NAMED_ROWS.ten))} (medians ${fmt(f(NAMED_ROWS.big).cpu, 1)} vs ${fmt(f(NAMED_ROWS.ten).cpu, 1)} µs)`,
        Math.abs(costlier(NAMED_ROWS.big, NAMED_ROWS.ten) - 1) <= 0.1],
    ]
    const targetTable = table(['target', 'measured', 'result'],
      checks.map(([row, measured, ok]) => [row, measured, ok === undefined ? 'n/a' : ok ? 'pass' : 'MISS']))
    const judged = checks.filter(([, , ok]) => ok !== undefined)
    const passed = judged.filter(([, , ok]) => ok === true).length

    const seconds = (performance.now() - began) / 1000
    const report = [
      `# braze-mock bench${SMOKE ? ' (smoke: figures meaningless)' : ''}`,
      '',
      `${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores, ` +
        `${PINNING ? 'servers on core 0 and the load generator on core 1 (taskset)' : 'no core pinning'}; load generator: ${generator.description}; ` +
        `${ROUNDS} interleaved round(s) (alternate ones in reverse order) of ${DURATION_S} s per scenario, ` +
        `the baseline before every ${BASELINE_EVERY}th row and at each round's end (${runs.get(BASELINE_ROW)!.length} loads); medians. ` +
        'Ratios to the baseline compare each load with the mean of the baseline loads just before and after it in its round, median over rounds. ' +
        `Clock pinned to ${NOW}. Run took ${seconds.toFixed(0)} s.`,
      '',
      '## Load', '', loadTable, '', ...notes, '',
      '## Cold start', '', coldTable, '',
      '## Memory', '', memoryTable, '',
      `## /segments/list on 100,000 segments (last page: ${lastPage})`, '', firstReadTable, '',
      '## Targets', '', `${passed} of ${judged.length} met.`, '', targetTable, '',
    ].join('\n')
    process.stdout.write(report)
    mkdirSync(RESULTS, { recursive: true })
    writeFileSync(join(RESULTS, SMOKE ? 'smoke.md' : 'latest.md'), report)
    const raw = {
      settings: { smoke: SMOKE, rounds: ROUNDS, durationS: DURATION_S, connections: CONNECTIONS, generator: generator.name, pinned: PINNING },
      load: Object.fromEntries(runs),
      order: rounds.map(ran => ran.map(({ row }) => row)),
      cold: Object.fromEntries(colds),
      rssAfterStart: Object.fromEntries(rssStart),
      rssAfterLoad: Object.fromEntries(rss),
      firstReads,
      lastPage,
      skipped: Object.fromEntries(skipped),
      mix: Object.fromEntries([...mixes].map(([server, mix]) => [server.name, { drawn: mix.drawn, kept: mix.paths.length, dropped: Object.fromEntries(mix.dropped) }])),
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
