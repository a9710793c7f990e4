// The industry-fitting names (src/world/names.ts): distinct within a workspace however many are asked for,
// fitting the workspace's industry, agreeing with the audience they name, valid fixtures, and the same for
// the same seed. Every industry's whole vocabulary is walked, so a word added later is checked too.
import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { Audience, AttributeFixture, EventFixture, INDUSTRIES, ProductFixture, type Industry } from '../../src/world/fixture-schema.js'
import { hashString } from '../../src/world/hash.js'
import { generatedAttributes, generatedEvents, generatedProducts, generatedSegment, nameSource, vocabularySize } from '../../src/world/names.js'
import { BUILT_IN } from '../helpers.js'
import { foreignWords } from './industry-signatures.js'

const HARBOR_SEED = [7, hashString(BUILT_IN.harbor.workspaceId)]
const SEED = [3, 41]

/** Every name an industry's vocabulary holds, of each kind, and then some numbered ones. */
function allNames (industry: Industry, seed = SEED) {
  const size = vocabularySize(industry)
  return {
    segments: Array.from({ length: size.segments + 50 }, (_, i) => generatedSegment(seed, industry, i)),
    events: generatedEvents(seed, industry, size.events + 50),
    products: generatedProducts(seed, industry, size.products + 50),
    attributes: generatedAttributes(seed, industry, size.attributes + 50),
  }
}

const lower = (names: Array<{ name: string }>) => names.map(n => n.name.toLowerCase())

describe.each(INDUSTRIES)('generated names for %s', (industry) => {
  const names = allNames(industry)
  const size = vocabularySize(industry)

  it('has a vocabulary of believable size', () => {
    expect(size.segments).toBeGreaterThanOrEqual(200)
    expect(size.events).toBeGreaterThanOrEqual(100)
    expect(size.products).toBeGreaterThanOrEqual(25)
    expect(size.attributes).toBeGreaterThanOrEqual(35)
  })

  it('never repeats a name, even past the vocabulary, case aside', () => {
    for (const kind of ['segments', 'events', 'products', 'attributes'] as const) {
      const seen = lower(names[kind])
      expect({ kind, distinct: new Set(seen).size }).toEqual({ kind, distinct: seen.length })
    }
  })

  it('numbers names only past the vocabulary', () => {
    expect(names.segments.slice(0, size.segments).filter(s => / \(\d+\)$/.test(s.name))).toEqual([])
    expect(names.segments.slice(size.segments).every(s => / \(2\)$/.test(s.name))).toBe(true)
    expect(names.events.filter(e => / v\d+$/.test(e.name))).toHaveLength(50)
    expect(names.products.filter(p => / \d+$/.test(p.name))).toHaveLength(50)
    expect(names.attributes.filter(a => /_\d+$/.test(a.name))).toHaveLength(50)
  })

  it('uses no word that says another industry', () => {
    const texts = [...lower(names.segments), ...lower(names.events), ...lower(names.products),
      ...names.attributes.map(a => a.name.replace(/_/g, ' '))]
    expect(foreignWords(industry, texts)).toEqual([])
  })

  it('gives each segment an audience its name agrees with', () => {
    for (const { name, audience } of names.segments) {
      expect(Value.Check(Audience, audience), name).toBe(true)
      const said = audienceSaid(name.replace(/ \(\d+\)$/, ''))
      if (said !== undefined) {
        expect({ name, audience }).toEqual({ name, audience: said })
      } else {
        expect({ name, kind: audience.kind }).toEqual({ name, kind: 'trait' })
        if (audience.kind !== 'trait') continue
        expect(audience.share, name).toBeGreaterThan(0)
        expect(audience.share, name).toBeLessThanOrEqual(1)
        expect(audience.drift, name).toBeGreaterThanOrEqual(0.02)
        expect(audience.drift, name).toBeLessThanOrEqual(0.08)
      }
    }
  })

  it('makes a level of a trait rarer than the trait ("X - Advanced" under "X")', () => {
    const shares = new Map(names.segments.slice(0, size.segments)
      .flatMap(s => s.audience.kind === 'trait' ? [[s.name, s.audience.share] as const] : []))
    let compared = 0
    for (const [name, share] of shares) {
      const base = shares.get(name.slice(0, name.lastIndexOf(' - ')))
      if (!name.includes(' - ') || base === undefined) continue
      expect(share, name).toBeLessThan(base)
      compared++
    }
    expect(compared).toBeGreaterThan(20)
  })

  it('generates valid fixture entries: events, products and attributes as their files would write them', () => {
    const workspace = { workspace_id: 'w' }
    // As the loader reads a file: defaults first (status, included_in_analytics_report), then the schema.
    const valid = (schema: TSchema, entry: object) => Value.Check(schema, Value.Default(schema, structuredClone(entry)))
    for (const event of names.events) {
      expect(valid(EventFixture, { ...workspace, ...event }), event.name).toBe(true)
      expect(event.rate, event.name).toBeGreaterThan(0)
    }
    for (const product of names.products) {
      expect(valid(ProductFixture, { ...workspace, ...product }), product.name).toBe(true)
      expect(product.price, product.name).toBeGreaterThan(0)
      expect(Math.round(product.price * 100) / 100, product.name).toBe(product.price)
      expect(product.rate, product.name).toBeGreaterThan(0)
    }
    for (const attribute of names.attributes) {
      expect(valid(AttributeFixture, { ...workspace, ...attribute }), attribute.name).toBe(true)
      expect(attribute.name, 'snake_case').toMatch(/^[a-z][a-z0-9_]*$/)
      const isArray = attribute.data_type === 'Array' || attribute.data_type === 'Object Array'
      expect({ name: attribute.name, hasLength: attribute.array_length !== null }).toEqual({ name: attribute.name, hasLength: isArray })
    }
  })

  it('is a function of the seed: the same names for the same seed, another selection for another', () => {
    expect(allNames(industry)).toEqual(names)
    const other = allNames(industry, [4, 41])
    expect(other.segments.slice(0, 25).map(s => s.name)).not.toEqual(names.segments.slice(0, 25).map(s => s.name))
    expect(other.events.slice(0, 25).map(e => e.name)).not.toEqual(names.events.slice(0, 25).map(e => e.name))
    // The same vocabulary either way.
    expect(new Set(other.events.slice(0, size.events).map(e => e.name))).toEqual(new Set(names.events.slice(0, size.events).map(e => e.name)))
  })
})

/** The audience a lifecycle name states, or undefined for a trait's name. */
function audienceSaid (name: string): Audience | undefined {
  const days = (text: string) => text === 'day' ? 1 : Number(text.replace(' days', ''))
  let match: RegExpExecArray | null
  if ((match = /(?:^A|\ba)ctive in the last (day|\d+ days)$/.exec(name)) !== null) return { kind: 'active', days: days(match[1]!) }
  if ((match = /^(Daily|Weekly|Monthly) active \w+$/.exec(name)) !== null) return { kind: 'active', days: { Daily: 1, Weekly: 7, Monthly: 30 }[match[1]!]! }
  if ((match = /^(?:Lapsed|No session in) (\d+)\+ days$/.exec(name)) !== null) return { kind: 'lapsed', days: Number(match[1]) }
  if ((match = /^New (?:in the last|\w+, last) (day|\d+ days)$/.exec(name)) !== null) return { kind: 'new', days: days(match[1]!) }
  if (/\b(active|lapsed)\b|^new\b/i.test(name)) throw new Error(`"${name}" sounds like a lifecycle segment but states no window`)
  return undefined
}

describe('generated names on the built-in Harbor Bank (finance, seed 7, 25 segments)', () => {
  const segments = Array.from({ length: 25 }, (_, i) => generatedSegment(HARBOR_SEED, 'finance', i))

  it('are 25 distinct bank segments, and "Active in the last 30 days" at most once', () => {
    expect(new Set(segments.map(s => s.name)).size).toBe(25)
    expect(segments.filter(s => s.name === 'Active in the last 30 days').length).toBeLessThanOrEqual(1)
    expect(segments.filter(s => /browsed|shopper|beauty|department|cart|mauritania/i.test(s.name))).toEqual([])
    // A mix: some lifecycle audiences, mostly traits of a bank's customers.
    const kinds = new Set(segments.map(s => s.audience.kind))
    expect(kinds.has('trait')).toBe(true)
    expect([...kinds].some(kind => kind !== 'trait')).toBe(true)
  })

  it('give a lapsed segment its window: "Lapsed 90+ days" is lapsed 90', () => {
    const lapsed = Array.from({ length: vocabularySize('finance').segments }, (_, i) => generatedSegment(HARBOR_SEED, 'finance', i))
      .find(s => s.name === 'Lapsed 90+ days')
    expect(lapsed?.audience).toEqual({ kind: 'lapsed', days: 90 })
  })
})

describe('generated lists leave the fixtures\' own names alone', () => {
  it('skips taken names and still gives the count asked for', () => {
    const first = generatedEvents(SEED, 'fitness', 10)
    const taken = new Set(first.slice(0, 3).map(e => e.name))
    const next = generatedEvents(SEED, 'fitness', 10, taken)
    expect(next).toHaveLength(10)
    expect(next.filter(e => taken.has(e.name))).toEqual([])
    expect(next.slice(0, 7)).toEqual(first.slice(3))
    expect(generatedProducts(SEED, 'finance', 5, new Set([generatedProducts(SEED, 'finance', 1)[0]!.name]))).toHaveLength(5)
    expect(generatedAttributes(SEED, 'media', 0)).toEqual([])
  })

  it('a thousand events are a thousand names', () => {
    const events = generatedEvents(SEED, 'finance', 1000)
    expect(new Set(events.map(e => e.name)).size).toBe(1000)
  })
})

describe('the faker names build-world reads today', () => {
  it('still answer, the same for the same seed', () => {
    expect(nameSource.segmentName([1, 2, 3])).toBe(nameSource.segmentName([1, 2, 3]))
    expect(nameSource.appName([5], 'ios')).toMatch(/ iOS$/)
    expect(Array.isArray(nameSource.segmentTags([1]))).toBe(true)
  })
})
