// The bench's ratios to the baseline (bench/paired.ts): each load against the baseline loads on either side
// of it in its round, so that a stretch of the machine running slow, which slows both, cancels out.
import { describe, expect, it } from 'vitest'
import type { LoadFigures } from '../bench/load.js'
import { median, pairedRatios, relative, type RanLoad } from '../bench/paired.js'

const B = 'baseline'
const at = (row: string, rps: number, cpu: number): RanLoad => ({
  row, figures: { rps, cpu, mean: 0, p50: 0, p99: 0, busy: 1, idle: 0, bytes: 0 } satisfies LoadFigures,
})

describe('pairedRatios', () => {
  it('divides each load by the mean of the baseline loads just before and after it', () => {
    const ratios = pairedRatios([[at(B, 100, 10), at('a', 80, 12), at('b', 60, 15), at(B, 60, 20), at('c', 30, 40), at(B, 40, 30)]], B)
    expect(ratios.get('a')).toEqual({ rps: [80 / 80], cpu: [12 / 15] })
    expect(ratios.get('b')).toEqual({ rps: [60 / 80], cpu: [15 / 15] })
    expect(ratios.get('c')).toEqual({ rps: [30 / 50], cpu: [40 / 25] })
    expect(ratios.has(B)).toBe(false)
  })

  it('cancels a slow stretch that the run-wide baseline charges to the rows inside it', () => {
    // The machine at half speed in round 2: the row and its bracket alike.
    const rounds = [
      [at(B, 60_000, 33), at('row', 45_000, 44), at(B, 60_000, 33)],
      [at(B, 30_000, 66), at('row', 22_500, 88), at(B, 30_000, 66)],
      [at(B, 60_000, 33), at('row', 22_500, 88), at(B, 30_000, 66)],
    ]
    const ratios = pairedRatios(rounds, B).get('row')!
    // Round 3's stretch began between the row and its second bracket: that round alone reads low.
    expect(ratios.rps).toEqual([0.75, 0.75, 0.5])
    expect(median(ratios.rps)).toBe(0.75)
    // Against the median of the baseline's loads (45,000), the row's median (22,500) reads 0.5.
    expect(median(rounds.map(round => round[1]!.figures.rps)) / median(rounds.flatMap(round => [round[0]!, round[2]!]).map(l => l.figures.rps))).toBe(0.5)
  })

  it('keeps one ratio per round, in round order', () => {
    const ratios = pairedRatios([[at(B, 10, 1), at('r', 5, 2), at(B, 10, 1)], [at(B, 10, 1), at('r', 8, 1), at(B, 10, 1)]], B)
    expect(ratios.get('r')!.rps).toEqual([0.5, 0.8])
  })

  it('refuses a round that does not begin and end with the baseline', () => {
    expect(() => pairedRatios([[at('a', 1, 1), at(B, 1, 1)]], B)).toThrow(/begin and end/)
    expect(() => pairedRatios([[at(B, 1, 1), at('a', 1, 1)]], B)).toThrow(/begin and end/)
  })
})

describe('relative', () => {
  it('takes the median over rounds of one row over another, round by round', () => {
    expect(relative([0.8, 0.4, 0.9], [1, 0.5, 0.6])).toBeCloseTo(0.8)
    expect(() => relative([1, 2], [1])).toThrow(/every round/)
  })
})

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones, and NaN of nothing', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })
})
