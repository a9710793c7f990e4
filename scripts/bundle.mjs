// Bundles the two process entries (dist/server.js, the image's command, and dist/cli.js, the bin) into one
// file each, over what tsc wrote. A cold start spent a third of its time resolving and loading some 900
// module files (TypeBox alone is hundreds); one file loads in a fraction of that (BENCHMARKS.md).
// dist/index.js, the library entry for in-process use, stays as tsc wrote it.
// Left outside the bundle: pino and pino-pretty (pino starts transports as worker threads from their own
// files), @fastify/swagger-ui (serves its static files from its own folder) and faker (loaded only when
// fixtures ask for generated names).
import { build } from 'esbuild'

const outdir = process.argv[2] ?? 'dist'

await build({
  entryPoints: ['src/server.ts', 'src/cli.ts'],
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
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
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
})
