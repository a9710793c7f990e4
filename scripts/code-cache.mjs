// Writes the server bundle's code cache (src/bundle-loader.ts) at build: starts the bundle on the built-in
// fixtures as `node dist/server.js` would, serves it one request for a series, then saves what V8 compiled
// for both. A start then deserializes those functions instead of compiling them (BENCHMARKS.md, sixth pass).
// Run by scripts/bundle.mjs, in a clean environment; `node scripts/code-cache.mjs [outdir]`.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const outdir = resolve(process.argv[2] ?? 'dist')
const { loadBundle } = await import(pathToFileURL(join(outdir, 'bundle-loader.js')).href)
const bundle = loadBundle(join(outdir, 'server-bundle.cjs'))
const { start, parseSettings } = bundle.exports

// A request a client makes first, with the built-in fixtures' first key and segment. A cache warmed by one
// request of each of six endpoints started no faster (BENCHMARKS.md, sixth pass).
const fixtures = join(outdir, '..', 'fixtures')
const [{ key }] = JSON.parse(readFileSync(join(fixtures, 'api-keys.json'), 'utf8'))
const [{ id: segment }] = JSON.parse(readFileSync(join(fixtures, 'segments.json'), 'utf8'))

const app = await start(parseSettings({ PORT: '0', HOST: '127.0.0.1', BRAZE_MOCK_FIXTURES: fixtures }))
const { port } = app.server.address()
const response = await fetch(`http://127.0.0.1:${port}/segments/data_series?segment_id=${segment}&length=14`,
  { headers: { authorization: `Bearer ${key}` } })
await response.arrayBuffer()
if (!response.ok) throw new Error(`code cache warm-up: the series answered ${response.status}`)
bundle.writeCache()
await app.close()
process.exit(0)
