// The names of generated campaigns and Canvases (src/world/messaging-names.ts): distinct however many are asked
// for, fitting the industry, saying the channel the campaign sends on, dated ones inside the workspace's
// history, and the same for the same seed. Every industry's whole vocabulary is walked.
import { describe, expect, it } from 'vitest'
import { INDUSTRIES } from '../../src/world/fixture-schema.js'
import {
  generatedCampaignNames, generatedCanvasNames, messagingVocabularySize, pitchesOf, questionsOf, seasonStart,
} from '../../src/world/messaging-names.js'
import { foreignWords } from './industry-signatures.js'

const SEED = [3, 41]
const LABELS: Record<string, RegExp> = {
  email: / Email\b/,
  push: / Push\b/,
  web_push: / Web Push\b/,
  in_app: / In-App\b/,
  sms: / SMS\b/,
  webhook: / Webhook\b/,
  card: / Card\b/,
}

describe.each(INDUSTRIES)('generated campaign and Canvas names for %s', (industry) => {
  const size = messagingVocabularySize(industry)
  const campaigns = generatedCampaignNames(SEED, industry, size.campaigns + 50)
  const canvases = generatedCanvasNames(SEED, industry, size.canvases + 50)

  it('has a vocabulary of believable size', () => {
    expect(size.campaigns).toBeGreaterThanOrEqual(3000)
    expect(size.canvases).toBeGreaterThanOrEqual(500)
  })

  it('never repeats a name, case aside, and numbers names only past the vocabulary', () => {
    for (const names of [campaigns, canvases]) {
      const lower = names.map(n => n.name.toLowerCase())
      expect(new Set(lower).size).toBe(lower.length)
      expect(names.filter(n => / \(\d+\)$/.test(n.name))).toHaveLength(50)
      expect(names.slice(-50).every(n => / \(2\)$/.test(n.name))).toBe(true)
    }
  })

  it('uses no word that says another industry, in names, message lines or decision splits', () => {
    const texts = [...campaigns, ...canvases].flatMap(n => [n.name, n.topic])
      .concat(pitchesOf(industry), questionsOf(industry)).map(text => text.toLowerCase())
    expect(foreignWords(industry, texts)).toEqual([])
  })

  it('names the channel a campaign sends on, "(API)" an API campaign, and no channel a multichannel one', () => {
    for (const named of campaigns) {
      const base = named.name.replace(/ \(\d+\)$/, '').replace(/ - .*$/, '')
      if (named.api) {
        expect(base, named.name).toBe(`${named.topic} (API)`)
        expect(named.tags).toContain('api')
        expect(['email', 'push', 'sms', 'webhook']).toContain(named.kind)
      } else if (named.kind === 'multi') {
        expect(base, named.name).toBe(named.topic)
      } else {
        expect(base, named.name).toMatch(LABELS[named.kind]!)
        expect(base.startsWith(named.topic), named.name).toBe(true)
      }
    }
    expect([...new Set(campaigns.map(c => c.kind))].sort()).toEqual(['card', 'email', 'in_app', 'multi', 'push', 'sms', 'web_push', 'webhook'])
  })

  it('dates a seasonal name with its year, and sells an offer\'s product', () => {
    const seasonal = campaigns.filter(c => c.season !== undefined)
    expect(seasonal.length).toBeGreaterThan(50)
    for (const named of seasonal) expect(named.name).toContain(String(named.season!.year))
    const offers = campaigns.filter(c => c.product !== undefined)
    expect(offers.length).toBeGreaterThan(10)
    for (const named of offers) expect(named.name.startsWith(`${named.product!} Offer`), named.name).toBe(true)
  })

  it('is a function of the seed: the same names for the same seed, another selection for another', () => {
    expect(generatedCampaignNames(SEED, industry, 200)).toEqual(campaigns.slice(0, 200))
    expect(generatedCanvasNames(SEED, industry, 100)).toEqual(canvases.slice(0, 100))
    expect(generatedCampaignNames([4, 41], industry, 25).map(c => c.name)).not.toEqual(campaigns.slice(0, 25).map(c => c.name))
    expect(generatedCanvasNames([4, 41], industry, 25).map(c => c.name)).not.toEqual(canvases.slice(0, 25).map(c => c.name))
  })
})

describe('generated campaign and Canvas names in a workspace\'s history', () => {
  const history = { since: Date.UTC(2024, 0, 1), until: Date.UTC(2026, 5, 1) }

  it('leave out seasons before the first app or after the last creation, and still give the count', () => {
    const campaigns = generatedCampaignNames(SEED, 'retail', 3000, new Set(), history)
    const canvases = generatedCanvasNames(SEED, 'retail', 500, new Set(), history)
    expect(campaigns).toHaveLength(3000)
    expect(canvases).toHaveLength(500)
    const seasons = [...campaigns, ...canvases].flatMap(n => n.season === undefined ? [] : [n.season])
    expect(seasons.length).toBeGreaterThan(10)
    for (const season of seasons) {
      expect(seasonStart(season)).toBeGreaterThan(history.since)
      expect(seasonStart(season)).toBeLessThan(history.until)
    }
  })

  it('skip the fixtures\' own names', () => {
    const first = generatedCampaignNames(SEED, 'fitness', 5)
    const next = generatedCampaignNames(SEED, 'fitness', 5, new Set([first[0]!.name, first[2]!.name]))
    expect(next.map(n => n.name)).toEqual([first[1]!.name, first[3]!.name, first[4]!.name, ...generatedCampaignNames(SEED, 'fitness', 7).slice(5).map(n => n.name)])
  })
})
