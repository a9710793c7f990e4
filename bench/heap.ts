// What a server holds once it has served the realistic mix: its RSS after start and after the mix, and its
// live heap (after V8 collects all garbage) by space; with --kinds, also by kind of object and how many
// hidden classes its plain objects use, from the heap snapshot the server writes of itself
// (bench/heap-preload.mjs). The eighth pass (BENCHMARKS.md) measured the large workspace's memory with it.
//
//   npm run build && npx tsx bench/heap.ts [--fixtures standard|ten|big|large] [--mix SECONDS] [--kinds] [server.js ...]
//
// Each server (default dist/server.js; another checkout's to compare) gets the bench's fixtures and pinned
// clock, discovers, draws and checks the mix as the bench does, and serves it for SECONDS (default 8).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { makeFixtures, type FixtureDirs } from './fixtures.js'
import { chooseGenerator, load } from './load.js'
import { mixOn } from './mix.js'
import { firstOk, freePort, KEY, PINNING, ROOT, rssMegabytes, spawnServer, stop } from './servers.js'
import { ENDPOINTS } from '../src/endpoints/index.js'

const NOW = '2026-11-23T12:00:00Z'
const PRELOAD = join(ROOT, 'bench', 'heap-preload.mjs')

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { fixtures: { type: 'string', default: 'standard' }, mix: { type: 'string', default: '8' }, kinds: { type: 'boolean', default: false } },
})
const mixSeconds = Number(values.mix)
const fixtureSet = values.fixtures as keyof FixtureDirs
if (!['standard', 'ten', 'big', 'large'].includes(fixtureSet) || !Number.isInteger(mixSeconds) || mixSeconds < 1) {
  process.stderr.write('usage: npx tsx bench/heap.ts [--fixtures standard|ten|big|large] [--mix SECONDS] [--kinds] [server.js ...]\n')
  process.exit(2)
}
const scripts = positionals.length === 0 ? [join(ROOT, 'dist', 'server.js')] : positionals.map(script => resolve(script))

interface Snapshot {
  snapshot: { meta: { node_fields: string[], node_types: [string[]], edge_fields: string[], edge_types: [string[]] } }
  nodes: number[]
  edges: number[]
  strings: string[]
}

/** Self size by kind (strings together, objects by constructor), and the hidden classes of plain objects. */
function kindsOf (file: string): { kinds: Array<[string, number, number]>, plainClasses: number, plainObjects: number } {
  const { snapshot: { meta }, nodes, edges, strings } = JSON.parse(readFileSync(file, 'utf8')) as Snapshot
  const [nodeTypes] = meta.node_types
  const [edgeTypes] = meta.edge_types
  const fields = meta.node_fields.length
  const edgeFields = meta.edge_fields.length
  const [type, name, size, edgeCount] = ['type', 'name', 'self_size', 'edge_count'].map(field => meta.node_fields.indexOf(field)) as [number, number, number, number]
  const [edgeType, edgeName, edgeTo] = ['type', 'name_or_index', 'to_node'].map(field => meta.edge_fields.indexOf(field)) as [number, number, number]
  const bySize = new Map<string, [bytes: number, count: number]>()
  const classes = new Set<number>()
  let plainObjects = 0
  let edge = 0
  for (let node = 0; node < nodes.length; node += fields) {
    const nodeType = nodeTypes[nodes[node + type]!]!
    const nodeName = strings[nodes[node + name]!]!
    const kind = nodeType.includes('string') ? 'strings' : nodeType === 'object' ? `object ${nodeName}` : nodeType
    const entry = bySize.get(kind) ?? [0, 0]
    entry[0] += nodes[node + size]!
    entry[1]++
    bySize.set(kind, entry)
    const plain = nodeType === 'object' && nodeName === 'Object'
    if (plain) plainObjects++
    for (let k = 0; k < nodes[node + edgeCount]!; k++, edge += edgeFields) {
      if (plain && edgeTypes[edges[edge + edgeType]!] === 'internal' && strings[edges[edge + edgeName]!] === 'map') classes.add(edges[edge + edgeTo]!)
    }
  }
  const kinds = [...bySize].sort((a, b) => b[1][0] - a[1][0]).slice(0, 12).map(([kind, [bytes, count]]): [string, number, number] => [kind, bytes, count])
  return { kinds, plainClasses: classes.size, plainObjects }
}

if (PINNING) execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
const temp = mkdtempSync(join(tmpdir(), 'braze-mock-heap-'))
const mb = (n: number) => `${n.toFixed(1)} MB`
try {
  const fixtures = makeFixtures(temp)
  for (const script of scripts) {
    const snapshot = join(temp, 'server.heapsnapshot')
    const server = spawnServer('heap', await freePort(), script, {
      BRAZE_MOCK_NOW: NOW, BRAZE_MOCK_FIXTURES: fixtures[fixtureSet], BENCH_HEAP_SNAPSHOT: snapshot, NODE_OPTIONS: `--import ${PRELOAD}`,
    })
    try {
      await firstOk(server, '/_mock/health', performance.now())
      const started = rssMegabytes(server.child.pid!)
      const mix = join(temp, 'mix.txt')
      writeFileSync(mix, `${(await mixOn(server, KEY, ENDPOINTS, new Date(NOW))).paths.join('\n')}\n`)
      const figures = await load(chooseGenerator(32), server, mix, mixSeconds, 32, 'mix')
      const loaded = rssMegabytes(server.child.pid!)
      server.child.kill('SIGPWR')
      while (!existsSync(`${snapshot}.json`)) await sleep(100)
      await sleep(100)
      const { spaces } = JSON.parse(readFileSync(`${snapshot}.json`, 'utf8')) as { spaces: Record<string, { live: number }> }
      const live = Object.values(spaces).reduce((sum, space) => sum + space.live, 0)
      console.log(`${script} on the ${fixtureSet} fixtures, ${mixSeconds} s of the mix (${figures.cpu.toFixed(1)} µs CPU per request)`)
      console.log(`  RSS after start ${mb(started)}, after the mix ${mb(loaded)}; live heap ${mb(live)}: ` +
        Object.entries(spaces).map(([space, { live }]) => `${space} ${live}`).join(', '))
      if (values.kinds) {
        const { kinds, plainClasses, plainObjects } = kindsOf(snapshot)
        for (const [kind, bytes, count] of kinds) console.log(`  ${mb(bytes / 1048576).padStart(9)} ${String(count).padStart(9)}  ${kind}`)
        console.log(`  ${plainObjects} plain objects use ${plainClasses} hidden classes`)
      }
    } finally {
      await stop(server)
      rmSync(snapshot, { force: true })
      rmSync(`${snapshot}.json`, { force: true })
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true })
}
