// Runs the server's bundle (dist/server-bundle.cjs, written by scripts/bundle.mjs) with a V8 code cache
// written beside it at build time, so that a start deserializes the functions a start and a first request
// need instead of parsing 1.7 MB and compiling them one by one: about 90 ms of a cold start here
// (BENCHMARKS.md, sixth pass). Node 22 caches compiled modules itself (`module.enableCompileCache()`), but
// Node 20, which this package supports and the bench runs, has only node:vm's `cachedData`, which needs the
// source compiled as one script: hence a CommonJS bundle, wrapped here as Node wraps a module.
//
// A cache V8 does not accept (another Node, other V8 flags, a damaged file) or one written for another
// bundle is ignored, and the bundle compiles as it would have without one.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { Script } from 'node:vm'

/**
 * What became of the cache: used, absent, written for another bundle, refused by V8, or not read because
 * source maps are on (`node --enable-source-maps`): Node maps the stack traces of what its own loader
 * runs, not of a script compiled through node:vm, so then the bundle is required as any module is.
 */
export type CacheOutcome = 'used' | 'none' | 'stale' | 'rejected' | 'off'

export interface LoadedBundle<Exports> {
  readonly exports: Exports
  readonly cache: CacheOutcome
  /** Writes the cache for this bundle, with the functions compiled until now: after a warm-up, at build. */
  writeCache: () => void
}

/** The cache file: a SHA-256 of the bundle's bytes, then V8's data. V8 itself checks only the source's length. */
export function cachePathOf (bundle: string): string {
  return bundle.replace(/\.cjs$/, '') + '.cache'
}

const DIGEST_BYTES = 32

/**
 * Compiles and runs a CommonJS bundle, with its cache where one fits, as Node would run it: with `require`,
 * `module` and `__filename` of its own place.
 */
export function loadBundle<Exports> (bundle: string): LoadedBundle<Exports> {
  if (process.sourceMapsEnabled) {
    return { exports: createRequire(bundle)(bundle) as Exports, cache: 'off', writeCache: () => { throw new Error('source maps are on: the bundle was not compiled for a cache') } }
  }
  const bytes = readFileSync(bundle)
  const digest = createHash('sha256').update(bytes).digest()
  const cacheFile = cachePathOf(bundle)
  let cachedData: Buffer | undefined
  let cache: CacheOutcome = 'none'
  try {
    const stored = readFileSync(cacheFile)
    if (stored.subarray(0, DIGEST_BYTES).equals(digest)) cachedData = stored.subarray(DIGEST_BYTES)
    else cache = 'stale'
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  // The wrapper takes its own first line, so the bundle's lines and columns (and its source map) stay true.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${bytes.toString('utf8')}\n})`, {
    filename: bundle,
    lineOffset: -1,
    cachedData,
  })
  if (cachedData !== undefined) cache = script.cachedDataRejected === true ? 'rejected' : 'used'
  const module = { exports: {} as Exports }
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run(module.exports, createRequire(bundle), module, bundle, dirname(bundle))
  return {
    exports: module.exports,
    cache,
    writeCache: () => { writeFileSync(cacheFile, Buffer.concat([digest, script.createCachedData()])) },
  }
}
