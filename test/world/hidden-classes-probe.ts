// Run by hidden-classes.test.ts in a Node started with --allow-natives-syntax: how many hidden classes the
// world's many objects of one kind use, printed as JSON. V8's own %HaveSameMap tells; the test cannot call
// it from its own process, where the flag is off.
import { BUILT_IN_FIXTURES } from '../../src/app.js'
import { buildWorld } from '../../src/world/build-world.js'
import { loadFixtures } from '../../src/world/load-fixtures.js'

// eslint-disable-next-line no-new-func -- V8's natives syntax parses only where the flag is on, never in a module
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean
const classes = (objects: readonly object[]): number => {
  const seen: object[] = []
  for (const object of objects) if (!seen.some(other => sameMap(other, object))) seen.push(object)
  return seen.length
}
/** What a generated campaign or Canvas resolved to (a protected field: this is a probe). */
const resolved = (entity: object): object => (entity as unknown as { resolved: object }).resolved

const builtIn = await buildWorld(await loadFixtures(BUILT_IN_FIXTURES))
const generating = await buildWorld(await loadFixtures({
  workspaces: [{ id: 'w1', name: 'One', industry: 'retail', generate: { seed: 3, segments: 50, events: 1000, campaigns: 200, canvases: 60 } }],
  apps: [{ id: 'a1', workspace_id: 'w1', name: 'Shop iOS', platform: 'ios', created_at: '2020-01-01T00:00:00Z' }],
}))
const [generated] = generating.workspaces
const fixtureCampaigns = builtIn.workspaces.flatMap(w => w.campaigns)
const fixtureCanvases = builtIn.workspaces.flatMap(w => w.canvases)
process.stdout.write(JSON.stringify({
  fixtureCampaigns: [fixtureCampaigns.length, classes(fixtureCampaigns)],
  fixtureCanvases: [fixtureCanvases.length, classes(fixtureCanvases)],
  generatedCampaigns: [generated!.campaigns.length, classes(generated!.campaigns.map(resolved))],
  generatedCanvases: [generated!.canvases.length, classes(generated!.canvases.map(resolved))],
  generatedEvents: [generated!.events.length, classes(generated!.events)],
}))
