// A world's many campaigns, Canvases and events of one kind share one hidden class. Under Node 20, an object
// literal that spread another and added fields got a class of its own each time: 10,000 campaigns held
// 10,000 classes, about 7 MB of a large workspace's heap, and every read of their fields missed its inline
// cache (BENCHMARKS.md, eighth pass). V8 tells which objects share a class only to a process started with
// --allow-natives-syntax, so the probe runs in one.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const PROBE = fileURLToPath(new URL('./hidden-classes-probe.ts', import.meta.url))

describe('the world\'s objects of one kind', () => {
  it('share one hidden class each: fixture and generated campaigns and Canvases, generated events', () => {
    const output = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', PROBE], { encoding: 'utf8', timeout: 60_000 })
    const counts = JSON.parse(output) as Record<string, [objects: number, classes: number]>
    const classes = Object.fromEntries(Object.entries(counts).map(([kind, [, count]]) => [kind, count]))
    expect(classes).toStrictEqual({ fixtureCampaigns: 1, fixtureCanvases: 1, generatedCampaigns: 1, generatedCanvases: 1, generatedEvents: 1 })
    expect(counts.fixtureCampaigns![0]).toBeGreaterThan(5)
    expect([counts.generatedCampaigns![0], counts.generatedCanvases![0], counts.generatedEvents![0]]).toStrictEqual([200, 60, 1000])
  })
})
