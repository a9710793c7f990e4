// Bundles the two process entries over what tsc wrote, into one file each: the server, which the image and
// `npm start` run (dist/server.js runs dist/server-bundle.cjs through its code cache, src/bundle-loader.ts,
// which scripts/code-cache.mjs writes last), and the CLI (dist/cli.js, the bin). A cold start spent a third of
// its time resolving and loading some 900 module files (TypeBox alone is hundreds); one file loads in a
// fraction of that (BENCHMARKS.md). dist/index.js, the library entry for in-process use, stays as tsc wrote it.
// Left outside the bundles: pino and pino-pretty (pino starts transports as worker threads from their own
// files), @fastify/swagger-ui (serves its static files from its own folder) and faker (loaded only when
// fixtures ask for generated names).
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

const outdir = process.argv[2] ?? 'dist'

const common = {
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Whitespace, comments and syntax minified, names kept as they are: Node reads, decodes and compiles the
  // whole bundle before the first line runs, and the smaller file (1.7 MB, from 2.7) starts about 20 ms
  // sooner of some 520 here (BENCHMARKS.md, the fifth pass). A few of the dropped comments held non-ASCII
  // characters, which made the whole source a two-byte string. Minified names saved nothing more, and
  // keepNames (which unminified names make needless) wraps every function created at run time in a
  // __name() call, closures made per request included: a quarter of the throughput. Stack traces keep
  // their function names; the linked source map gives their places with `node --enable-source-maps`.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked', // the licences' notices, kept beside the bundle (one has a non-ASCII name)
  sourcemap: 'linked',
  allowOverwrite: true,
  external: ['pino', 'pino-pretty', '@fastify/swagger-ui', '@faker-js/faker'],
  logLevel: 'warning',
}

// A stale cache is never used (the loader checks a digest of the bundle), but it is not left either.
rmSync(join(outdir, 'server-bundle.cache'), { force: true })

// The server as CommonJS: node:vm compiles a script with a code cache, not an ES module. The sources' few
// uses of import.meta.url become the bundle's own URL, and a dynamic import() a require() from its place.
await build({
  ...common,
  entryPoints: { 'server-bundle': 'src/server-bundle.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  inject: ['scripts/bundle-url.mjs'],
  define: { 'import.meta.url': 'bundleUrl' },
  supported: { 'dynamic-import': false },
})

await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  format: 'esm',
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
})

// Start the server bundle once and write its code cache. In a clean environment: V8 refuses a cache made
// under other flags (NODE_OPTIONS included), and the image starts `node dist/server.js` with none.
const written = spawnSync(process.execPath, ['scripts/code-cache.mjs', outdir], { stdio: ['ignore', 'ignore', 'inherit'], env: { PATH: process.env.PATH } })
if (written.status !== 0) {
  process.stderr.write(`bundle: writing the code cache failed (${written.status ?? written.signal}); the server starts without one\n`)
  process.exitCode = 1
}
