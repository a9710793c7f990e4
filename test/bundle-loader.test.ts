// The server bundle's loader (src/bundle-loader.ts): a bundle runs as Node would run it, with or without its
// code cache, and a cache that does not fit it is never used. Each load is a process of its own, as each
// start is: within one process V8 finds a script it compiled before in its own table and never reads the
// cache. The real bundle and the cache the build writes are checked in test/production.test.ts.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cachePathOf } from '../src/bundle-loader.js'

const ROOT = new URL('..', import.meta.url).pathname

const SOURCE = [
  '"use strict";',
  'const { join } = require("node:path");',
  'exports.add = (a, b) => a + b;',
  'module.exports.place = { filename: __filename, dirname: __dirname };',
  'module.exports.resolved = join("a", "b");',
  'module.exports.fail = function fail () { throw new Error("from line 6") };',
].join('\n')

let dir: string
let bundle: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'braze-mock-bundle-'))
  bundle = join(dir, 'server-bundle.cjs')
  await writeFile(bundle, SOURCE)
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface Loaded { cache: string, sum: number, place: unknown, resolved: string, stack: string }

/** Loads the bundle in a fresh process (and writes its cache after, if asked), and reports what it saw. */
async function load (options: { write?: boolean, flags?: string[] } = {}): Promise<Loaded> {
  // tsx turns source maps on for the sources it compiles; a start (\`node dist/server.js\`) has them off.
  const script = `
    import { loadBundle } from './src/bundle-loader.ts'
    process.setSourceMapsEnabled(${options.flags?.includes('--enable-source-maps') === true})
    const loaded = loadBundle(${JSON.stringify(bundle)})
    const { add, place, resolved, fail } = loaded.exports
    let stack = ''
    try { fail() } catch (error) { stack = error.stack }
    if (${options.write === true}) loaded.writeCache()
    process.stdout.write(JSON.stringify({ cache: loaded.cache, sum: add(2, 3), place, resolved, stack }))`
  const { stdout } = await promisify(execFile)(process.execPath, [...(options.flags ?? []), '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: ROOT, env: { PATH: process.env.PATH } })
  return JSON.parse(stdout) as Loaded
}

function expectRuns (loaded: Loaded, sum = 5): void {
  expect(loaded.sum).toBe(sum)
  expect(loaded.place).toStrictEqual({ filename: bundle, dirname: dirname(bundle) })
  expect(loaded.resolved).toBe(join('a', 'b'))
}

describe('loadBundle', () => {
  it('runs a CommonJS bundle with its own require, module, exports and place, without a cache', async () => {
    const loaded = await load()
    expect(loaded.cache).toBe('none')
    expectRuns(loaded)
  })

  it('keeps the bundle\'s own lines in a stack trace, so that its source map still fits', async () => {
    const { stack } = await load()
    expect(stack).toContain('from line 6')
    expect(stack).toContain(`${bundle}:6:`)
  })

  it('writes a cache beside the bundle, and the next start uses it', async () => {
    expect((await load({ write: true })).cache).toBe('none')
    expect(cachePathOf(bundle)).toBe(join(dir, 'server-bundle.cache'))
    const again = await load()
    expect(again.cache).toBe('used')
    expectRuns(again)
  })

  it('ignores a cache written for another bundle, even one of the same length', async () => {
    await load({ write: true })
    // V8 checks only a source's length: it takes a cache written for other code of the same length, whose
    // compiled functions need not be this source's.
    await writeFile(bundle, SOURCE.replace('a + b', 'a - b'))
    const loaded = await load()
    expect(loaded.cache).toBe('stale')
    expectRuns(loaded, -1)
  })

  it('runs without a cache V8 refuses, as from another Node or a damaged file', async () => {
    await load({ write: true })
    const stored = await readFile(cachePathOf(bundle))
    await writeFile(cachePathOf(bundle), Buffer.concat([stored.subarray(0, 32), Buffer.alloc(stored.length - 32, 7)]))
    const loaded = await load()
    expect(loaded.cache).toBe('rejected')
    expectRuns(loaded)
  })

  it('leaves the cache alone when source maps are on, and runs the bundle through Node\'s loader, which maps them', async () => {
    await load({ write: true })
    const loaded = await load({ flags: ['--enable-source-maps'] })
    expect(loaded.cache).toBe('off')
    expectRuns(loaded)
    expect(loaded.stack).toContain(`${bundle}:6:`)
  })

  it('treats a cache file too short to hold a digest as written for another bundle', async () => {
    await writeFile(cachePathOf(bundle), 'short')
    const loaded = await load()
    expect(loaded.cache).toBe('stale')
    expectRuns(loaded)
  })
})
