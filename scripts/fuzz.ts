// The fuzz properties of test/reliability/properties.ts at a larger count: FUZZ_RUNS cases each (default
// 20,000 for the Braze paths, half that for control sequences), with a report of cases tried and failures.
//   FUZZ_RUNS=50000 npm run fuzz        FUZZ_SEED=123 replays a run.
import fc from 'fast-check'
import { BUILT_IN } from '../test/helpers.js'
import { properties } from '../test/reliability/properties.js'
import { buildApp } from '../src/app.js'

const runs = Number(process.env.FUZZ_RUNS ?? 20_000)
const seed = process.env.FUZZ_SEED === undefined ? Date.now() : Number(process.env.FUZZ_SEED)
const app = await buildApp({ now: Date.UTC(2026, 10, 23, 12) })
const props = properties(app)

let failures = 0
const started = Date.now()
for (const [name, property, numRuns] of [['braze paths', props.braze, runs], ['control sequences', props.control, Math.ceil(runs / 2)]] as const) {
  const t0 = Date.now()
  const details = await fc.check(property as fc.IAsyncProperty<unknown[]>, { numRuns, seed, endOnFailure: false })
  const seconds = ((Date.now() - t0) / 1000).toFixed(1)
  if (details.failed) {
    failures++
    console.log(`${name}: FAILED after ${details.numRuns} cases (${seconds} s, seed ${seed}, path ${details.counterexamplePath ?? ''})`)
    console.log(`  counterexample: ${fc.stringify(details.counterexample).slice(0, 2000)}`)
    console.log(`  error: ${String(details.errorInstance).slice(0, 2000)}`)
  } else {
    console.log(`${name}: ${details.numRuns} cases, 0 failures, ${details.numSkips} skipped (${seconds} s, seed ${seed})`)
  }
}
const health = await app.inject({ url: '/_mock/health' })
const series = await app.inject({ url: '/segments/list', headers: { authorization: `Bearer ${BUILT_IN.lumen.keys.full}` } })
console.log(`afterwards: health ${health.statusCode}, /segments/list ${series.statusCode}; total ${((Date.now() - started) / 1000).toFixed(1)} s`)
await app.close()
process.exitCode = failures === 0 && health.statusCode === 200 ? 0 : 1
