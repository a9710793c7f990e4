import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { split } from '../../../src/world/series/split.js'

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)

describe('split', () => {
  it('splits in proportion when the shares are whole', () => {
    expect(split(100, [1, 2, 3, 4])).toEqual([10, 20, 30, 40])
    expect(split(7, [1, 2, 4])).toEqual([1, 2, 4])
  })

  it('gives the units left over to the largest remainders', () => {
    expect(split(10, [1, 2, 2])).toEqual([2, 4, 4]) // 2, 4, 4 exactly
    expect(split(10, [1, 1, 2])).toEqual([3, 2, 5]) // 2.5, 2.5, 5: the tie goes to the earlier index
    expect(split(1, [0.2, 0.5, 0.3])).toEqual([0, 1, 0])
    expect(split(3, [0.3, 0.3, 0.4])).toEqual([1, 1, 1]) // 0.9, 0.9, 1.2
  })

  it('breaks ties towards the earlier index, so the result is deterministic', () => {
    expect(split(1, [1, 1, 1])).toEqual([1, 0, 0])
    expect(split(2, [1, 1, 1])).toEqual([1, 1, 0])
    expect(split(10, [3, 3, 3])).toEqual([4, 3, 3])
    expect(split(5, [1, 1])).toEqual([3, 2])
    expect(split(6, [0.5, 0.25, 0.25])).toEqual([3, 2, 1]) // 3, 1.5, 1.5
    expect(split(25, Array.from({ length: 24 }, () => 1))).toEqual([2, ...Array.from({ length: 23 }, () => 1)])
  })

  it('gives zeros when there is nothing to split or nothing to split into', () => {
    expect(split(0, [1, 2])).toEqual([0, 0])
    expect(split(-5, [1, 2])).toEqual([0, 0])
    expect(split(5, [0, 0])).toEqual([0, 0])
    expect(split(5, [])).toEqual([])
  })

  it('gives a zero weight nothing', () => {
    expect(split(9, [0, 3, 0, 6, 0])).toEqual([0, 3, 0, 6, 0])
    expect(split(1, [0, 1e-9])).toEqual([0, 1])
  })

  it('sums exactly to the total, each part within one of its exact share', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 30 }),
      fc.nat(1e11),
      (weights, total) => {
        fc.pre(sum(weights) > 0)
        const parts = split(total, weights)
        expect(sum(parts)).toBe(total)
        const whole = sum(weights)
        parts.forEach((part, i) => {
          expect(Number.isInteger(part) && part >= 0).toBe(true)
          expect(Math.abs(part - (total * weights[i]!) / whole)).toBeLessThan(1 + 1e-6)
        })
        expect(split(total, weights)).toEqual(parts)
      }), { numRuns: 200 })
  })
})

describe('split, capped', () => {
  it('never gives a part more than its weight', () => {
    expect(split(3, [1, 1, 1], true)).toEqual([1, 1, 1])
    expect(split(2, [5, 0, 1], true)).toEqual([2, 0, 0])
    expect(split(6, [1, 5], true)).toEqual([1, 5])
    expect(split(0, [3, 4], true)).toEqual([0, 0])
  })

  it('keeps the exact sum and the caps for any whole weights and total up to their sum, even huge ones', () => {
    const weight = fc.oneof(fc.nat(30), fc.nat(1_000_000), fc.integer({ min: 0, max: 1e11 }), fc.constant(1e11))
    fc.assert(fc.property(
      fc.array(weight, { minLength: 1, maxLength: 30 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (weights, fraction) => {
        const total = Math.floor(sum(weights) * fraction)
        const parts = split(total, weights, true)
        expect(sum(parts)).toBe(total)
        parts.forEach((part, i) => {
          expect(Number.isInteger(part) && part >= 0).toBe(true)
          expect(part).toBeLessThanOrEqual(weights[i]!)
        })
      }), { numRuns: 300 })
  })

  it('gives each part exactly its weight when the total is their sum', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1e11 }), { minLength: 1, maxLength: 25 }), (weights) => {
      expect(split(sum(weights), weights, true)).toEqual(weights)
    }), { numRuns: 200 })
  })
})
