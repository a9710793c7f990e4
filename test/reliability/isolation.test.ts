// Two emulators in one process share nothing, and a reload keeps no old world alive: emulator A is reloaded
// 50 times while B answers; neither's answers ever change, each equals a fresh emulator of its seed, and
// after a forced collection every world A had before a reload is gone and the heap is where it was after
// the first reload (issue 11: caches at module level, keyed by App objects, outlived the worlds they served).
import { setImmediate as tick } from 'node:timers/promises'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type BrazeMockApp } from '../../src/app.js'
import type { World } from '../../src/world/world.js'
import { builtInFixtureSet, ENDPOINT_TABLE, type FixtureObject } from '../endpoints.js'
import { BUILT_IN, NOW } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const RELOADS = 50

// A world big enough that keeping one would show in the heap (about 8 MB): Harbor generates 20,000 segments and
// 20,000 custom attributes. A world holds its attributes whole; its segments are made as they are read, and
// only the last few thousand kept (src/world/segment-catalog.ts), so each world of A's is also read whole (the
// console's world view reads every segment).
function bigWorld (): FixtureObject {
  const set = builtInFixtureSet()
  const generate = { seed: 7, segments: 20_000, attributes: 20_000 }
  return { ...set, workspaces: set.workspaces.map(w => w.id === harbor.workspaceId ? { ...w, generate } : w) }
}

/** Every endpoint's example, an hourly series (the series cache), and a Harbor request, by key. */
const PROBES: Array<[string, string]> = [
  ...ENDPOINT_TABLE.map(row => [row.url, lumen.keys.full] as [string, string]),
  [`/sessions/data_series?length=48&unit=hour&ending_at=2026-11-20&segment_id=${lumen.segments.allUsers}`, lumen.keys.full],
  [`/segments/data_series?segment_id=${harbor.segments.highBalance}&length=30&ending_at=2026-11-20`, harbor.keys.full],
  ['/segments/list?page=3&sort_direction=desc', harbor.keys.full],
]

async function answers (app: BrazeMockApp): Promise<string[]> {
  return await Promise.all(PROBES.map(async ([url, key]) => {
    const response = await app.inject({ url, headers: { authorization: `Bearer ${key}` } })
    return `${response.statusCode} ${response.body}`
  }))
}

/**
 * A full collection, after the current job ends (a WeakRef keeps its target alive until then). The journals
 * are emptied first: they fill with each request, and the heap is compared for the worlds alone.
 */
async function collect (gc: () => void, ...apps: BrazeMockApp[]): Promise<void> {
  for (const app of apps) app.control.clearJournal()
  for (let i = 0; i < 3; i++) {
    await tick()
    gc()
  }
}

/** The heap one more emulator's world of A's size holds (the emulator and its app around it included). */
async function sizeOfWorld (gc: () => void): Promise<number> {
  await collect(gc)
  const without = process.memoryUsage().heapUsed
  const extra = await buildApp({ now: NOW, seed: 1, fixtures: bigWorld() })
  extra.control.world()
  await collect(gc)
  const withIt = process.memoryUsage().heapUsed
  await extra.close()
  return withIt - without
}

describe('isolation: two emulators, one reloaded many times', () => {
  let gc: () => void
  let a: BrazeMockApp
  let b: BrazeMockApp
  const created = () => [
    buildApp({ now: NOW, seed: 1, fixtures: bigWorld() }),
    buildApp({ now: NOW, seed: 2 }),
  ] as const
  beforeAll(async () => {
    // The known pattern for a collection on demand in a process started without --expose-gc.
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as () => void
    ;[a, b] = await Promise.all(created())
  })
  afterAll(async () => { await Promise.all([a.close(), b.close()]) })

  it('never changes either\'s answers, which equal fresh emulators\' of their seeds, and keeps no old world', async () => {
    const [expectedA, expectedB] = await Promise.all([answers(a), answers(b)])
    // Different seeds (and A's bigger Harbor): the two answer differently, so cross-talk would show.
    expect(expectedA.every(answer => answer.startsWith('200 '))).toBe(true)
    expect(expectedA).not.toStrictEqual(expectedB)
    const fresh = await Promise.all(created())
    try {
      expect(await answers(fresh[0])).toStrictEqual(expectedA)
      expect(await answers(fresh[1])).toStrictEqual(expectedB)
    } finally {
      await Promise.all(fresh.map(app => app.close()))
    }

    const worldOfB = b.emulator.world
    const before: Array<WeakRef<World>> = []
    let heapAfterFirst = 0
    for (let i = 0; i < RELOADS; i++) {
      before.push(new WeakRef(a.emulator.world))
      // B answers while A reloads; A answers too, from one world or the next.
      const reload = a.control.reload()
      const [duringB, duringA] = await Promise.all([answers(b), answers(a)])
      expect(await reload).toMatchObject({ status: 'reloaded' })
      expect(a.control.world().workspaces[1]!.segments).toHaveLength(3 + 20_000)
      expect(duringB).toStrictEqual(expectedB)
      expect(duringA).toStrictEqual(expectedA)
      expect(await answers(a)).toStrictEqual(expectedA)
      if (i === 0) {
        await collect(gc, a, b)
        heapAfterFirst = process.memoryUsage().heapUsed
      }
    }
    expect(b.emulator.world).toBe(worldOfB)
    expect(a.emulator.world).not.toBe(before.at(-1)!.deref())

    await collect(gc, a, b)
    const heapAfterAll = process.memoryUsage().heapUsed
    const alive = before.filter(ref => ref.deref() !== undefined).length
    const worldBytes = await sizeOfWorld(gc)
    const mb = (bytes: number) => Math.round(bytes / 1e4) / 100
    console.info(`isolation: heap after 1 reload ${mb(heapAfterFirst)} MB, after ${RELOADS} ${mb(heapAfterAll)} MB ` +
      `(${mb(heapAfterAll - heapAfterFirst)} MB more); one world of this size is ${mb(worldBytes)} MB; old worlds alive: ${alive} of ${RELOADS}`)
    expect(alive).toBe(0)
    // Less than half of one world more: keeping even one old world would break it, keeping 49 by far.
    expect(heapAfterAll - heapAfterFirst).toBeLessThan(worldBytes / 2)
    expect(await answers(b)).toStrictEqual(expectedB)
  }, 60_000) // 51 worlds of 40,000 generated entities: about 15 s here, more on a busy machine
})
