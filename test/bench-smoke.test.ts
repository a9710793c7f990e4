// The bench still runs: `npm run bench` in smoke mode (build, every scenario once for a fraction of a
// second) exits 0 and prints a table with every row, every endpoint's included. Nothing here looks at the
// figures: speed is the bench's business (BENCHMARKS.md), not the test suite's. Where wrk is missing the
// bench falls back to autocannon and says so; CI installs wrk (.ci/run), so there it runs as `npm run bench`.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ALL_ROWS } from '../bench/rows.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

function smokeBench (): Promise<{ code: number | null, stdout: string, stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'bench'], {
      cwd: ROOT,
      env: { ...process.env, BENCH_SMOKE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
    child.once('error', reject)
    child.once('close', code => { resolve({ code, stdout, stderr }) })
  })
}

describe('npm run bench, smoke mode', () => {
  it('exits 0 and prints every row of the table', async () => {
    const { code, stdout, stderr } = await smokeBench()
    expect(code, stderr).toBe(0)
    for (const row of ALL_ROWS) expect(stdout, `row "${row}"`).toContain(`| ${row} |`)
    for (const section of ['## Load', '## Cold start', '## Memory', '## Targets']) expect(stdout).toContain(section)
    const generator = /load generator: (wrk|autocannon)[^;]*/.exec(stdout)
    expect(generator, 'the report names its load generator').not.toBeNull()
    if (generator![1] === 'autocannon') console.warn(`bench smoke ran with the fallback generator: ${generator![0]}`)
  }, 300_000)
})
