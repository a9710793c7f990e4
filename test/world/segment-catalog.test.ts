// The segment catalog (src/world/segment-catalog.ts) makes generated segments only as they are read, and must
// answer exactly as the sorted array and map by id it replaced: the same segments, by id, oldest first (ties
// by id), the same listing. The reference here makes every segment up front and sorts them as messaging.ts's
// byCreation does.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { INDUSTRIES, type Industry } from '../../src/world/fixture-schema.js'
import { byCreation } from '../../src/world/messaging.js'
import { drawOf, extendKey, streamKey } from '../../src/world/random-stream.js'
import { GeneratedSegment, KEPT_SEGMENTS, SegmentCatalog, type SegmentGeneration } from '../../src/world/segment-catalog.js'
import type { Segment } from '../../src/world/world.js'

function fixture (id: string, createdAt: number, archived = false): Segment {
  return {
    id,
    name: `Fixture ${id}`,
    description: '',
    textDescription: '',
    tags: [],
    teams: [],
    createdAt,
    updatedAt: createdAt,
    analyticsTrackingEnabled: true,
    archived,
    audience: { kind: 'all' },
    key: 1,
  }
}

function reference (fixtures: readonly Segment[], generation: SegmentGeneration): Segment[] {
  const generated = Array.from({ length: generation.count },
    (_, i) => new GeneratedSegment([generation.seed, generation.workspaceKey], generation.industry, i))
  return [...fixtures, ...generated].sort(byCreation)
}

const describeSegment = (s: Segment) => [s.id, s.name, s.tags, s.teams, s.createdAt, s.updatedAt, s.archived,
  s.analyticsTrackingEnabled, s.key, s.audience, s.textDescription]

const listed = (catalog: SegmentCatalog): Segment[] => Array.from({ length: catalog.listed.length }, (_, i) => catalog.listed.at(i)!)

// Fixtures before, among and after the generated ones (created 2019-01-01 to 2026-06-01), two of them at the
// same instant so that their ids decide, one archived.
const FIXTURES = [
  fixture('fixture-b', Date.UTC(2022, 2, 3)),
  fixture('fixture-old', Date.UTC(2015, 0, 1)),
  fixture('fixture-a', Date.UTC(2022, 2, 3)),
  fixture('fixture-archived', Date.UTC(2021, 5, 1), true),
  fixture('fixture-new', Date.UTC(2026, 10, 1)),
]

describe('SegmentCatalog', () => {
  const generation: SegmentGeneration = { seed: 7, workspaceKey: 123_456, industry: 'fitness', count: 2_000 }

  it('holds what the sorted list and map by id held: every segment, oldest first, ties by id', () => {
    const catalog = new SegmentCatalog(FIXTURES, generation)
    const expected = reference(FIXTURES, generation)
    expect(catalog.size).toBe(2_005)
    expect([...catalog.values()].map(describeSegment)).toStrictEqual(expected.map(describeSegment))
    expect([...catalog.keys()]).toStrictEqual(expected.map(s => s.id))
    expect(expected.map(s => s.id).indexOf('fixture-a')).toBe(expected.map(s => s.id).indexOf('fixture-b') - 1)
  })

  it('finds every segment by id, the same object each time, and nothing else', () => {
    const catalog = new SegmentCatalog(FIXTURES, generation)
    const all = reference(FIXTURES, generation)
    for (const segment of all.filter((_, i) => i % 7 === 0)) {
      const found = catalog.get(segment.id)!
      expect(describeSegment(found)).toStrictEqual(describeSegment(segment))
      expect(catalog.get(segment.id)).toBe(found)
    }
    expect(catalog.get(FIXTURES[0]!.id)).toBe(FIXTURES[0])
    expect(catalog.get('no-such-segment')).toBeUndefined()
  })

  it('lists those not archived, oldest first, and reads nothing past either end', () => {
    const catalog = new SegmentCatalog(FIXTURES, generation)
    const expected = reference(FIXTURES, generation).filter(s => !s.archived)
    expect(catalog.listed.length).toBe(expected.length)
    expect(listed(catalog).map(s => s.id)).toStrictEqual(expected.map(s => s.id))
    expect(listed(catalog).map(s => s.id)).not.toContain('fixture-archived')
    expect(expected.length).toBeLessThan(2_005 - 40) // about 4% of the generated ones are archived
    expect(catalog.listed.at(-1)).toBeUndefined()
    expect(catalog.listed.at(expected.length)).toBeUndefined()
  })

  it('gives the segments in the order they were added, for audiences drawn by position', () => {
    const catalog = new SegmentCatalog(FIXTURES, generation)
    expect(catalog.added(0)).toBe(FIXTURES[0])
    expect(catalog.added(4)).toBe(FIXTURES[4])
    const fifth = new GeneratedSegment([7, 123_456], 'fitness', 5)
    expect(describeSegment(catalog.added(5 + 5))).toStrictEqual(describeSegment(fifth))
  })

  it('agrees with the reference whichever it is asked first, for any seed, industry and size', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      fc.constantFrom(...INDUSTRIES), fc.integer({ min: 0, max: 300 }), fc.constantFrom('get', 'list', 'values'),
      (seed, workspaceKey, industry: Industry, count, first) => {
        const generation = { seed, workspaceKey, industry, count }
        const catalog = new SegmentCatalog(FIXTURES, generation)
        const expected = reference(FIXTURES, generation)
        if (first === 'get') for (const s of expected) expect(catalog.get(s.id)?.id).toBe(s.id)
        if (first === 'list') expect(listed(catalog).map(s => s.id)).toStrictEqual(expected.filter(s => !s.archived).map(s => s.id))
        expect([...catalog.values()].map(describeSegment)).toStrictEqual(expected.map(describeSegment))
        expect(listed(catalog).map(s => s.id)).toStrictEqual(expected.filter(s => !s.archived).map(s => s.id))
      }), { numRuns: 40 })
  })

  it('tells 100,000 generated ids apart by their first 32 bits, and takes an id only if all of it matches', () => {
    // The index of generated ids is of their first 8 hex digits, which must never repeat in a workspace.
    const count = 100_000
    const key = streamKey([3, 99, 2])
    const leading = new Set(Array.from({ length: count }, (_, i) => Math.floor(drawOf(extendKey(key, i), 0) * 2 ** 32)))
    expect(leading.size).toBe(count)
    const catalog = new SegmentCatalog([], { seed: 3, workspaceKey: 99, industry: 'retail', count })
    for (const index of [0, 1, 4_321, 99_999]) {
      const segment = new GeneratedSegment([3, 99], 'retail', index)
      expect(catalog.get(segment.id)?.createdAt).toBe(segment.createdAt)
      const last = segment.id.at(-1) === '0' ? '1' : '0'
      expect(catalog.get(segment.id.slice(0, -1) + last)).toBeUndefined()
      expect(catalog.get(segment.id.toUpperCase())).toBeUndefined()
    }
  })

  it('keeps a bounded number of the segments it made, and makes the same segment again once it let it go', () => {
    const count = 3 * KEPT_SEGMENTS
    const catalog = new SegmentCatalog(FIXTURES, { seed: 11, workspaceKey: 42, industry: 'finance', count })
    const first = catalog.added(FIXTURES.length)
    const firstSeen = describeSegment(first)
    for (let position = 0; position < catalog.size; position++) catalog.added(position)
    expect(catalog.kept).toBe(KEPT_SEGMENTS)
    const all = [...catalog.values()]
    expect(all).toHaveLength(count + FIXTURES.length)
    for (const segment of all.filter((_, i) => i % 97 === 0)) expect(describeSegment(catalog.get(segment.id)!)).toStrictEqual(describeSegment(segment))
    const again = catalog.added(FIXTURES.length)
    expect(again).not.toBe(first)
    expect(describeSegment(again)).toStrictEqual(firstSeen)
    expect(listed(catalog).map(s => s.id)).toStrictEqual(all.filter(s => !s.archived).map(s => s.id))
    expect(catalog.kept).toBe(KEPT_SEGMENTS)
  })

  it('lists every segment without letting go of those it keeps', () => {
    const count = 2 * KEPT_SEGMENTS
    const catalog = new SegmentCatalog(FIXTURES, { seed: 5, workspaceKey: 7, industry: 'retail', count })
    const read = [1, 77, KEPT_SEGMENTS + 5].map(index => catalog.added(FIXTURES.length + index))
    const all = [...catalog.values()]
    expect(all).toHaveLength(count + FIXTURES.length)
    expect(catalog.kept).toBe(read.length)
    for (const segment of read) {
      expect(catalog.get(segment.id)).toBe(segment)
      expect(all).toContain(segment)
    }
    const made = all.filter(segment => !read.includes(segment) && !FIXTURES.includes(segment)).filter((_, i) => i % 101 === 0)
    for (const segment of made) expect(describeSegment(catalog.get(segment.id)!)).toStrictEqual(describeSegment(segment))
  })

  it('is its fixtures alone where the workspace generates nothing', () => {
    const catalog = new SegmentCatalog(FIXTURES)
    expect(catalog.size).toBe(5)
    expect([...catalog.keys()]).toStrictEqual(['fixture-old', 'fixture-archived', 'fixture-a', 'fixture-b', 'fixture-new'])
    expect(listed(catalog)).toHaveLength(4)
    expect(catalog.get('anything-else')).toBeUndefined()
  })
})
