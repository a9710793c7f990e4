// Ratios to the baseline, each load against the baseline loads that bracket it in its round.
//
// This machine runs in two speeds: in a slow stretch (minutes at a time, see BENCHMARKS.md, ninth pass) the
// baseline's own CPU per request reads 53-54 µs where it reads 30-37 elsewhere in the same run, and every row
// measured then reads slow in the same proportion. A ratio against the run's median baseline charges the
// stretch to whichever rows fell in it; a ratio against the baseline loads just before and after a row (the
// run puts one between every few rows) measures both in the same stretch and cancels it. The median over
// rounds then outvotes a round whose stretch began or ended between a row and its bracket.
import type { LoadFigures } from './load.js'

/** One load as it ran: its row, and what it measured. */
export interface RanLoad {
  readonly row: string
  readonly figures: LoadFigures
}

/** A row's ratios to its bracketing baseline, one per round it ran in. */
export interface PairedRatios {
  /** req/s over the bracket's mean req/s. */
  readonly rps: number[]
  /** CPU µs per request over the bracket's mean CPU µs per request. */
  readonly cpu: number[]
}

/**
 * Every row's ratios, from each round's loads in the order they ran. A round's loads must begin and end
 * with the baseline, so that every other load has a baseline load on both sides.
 */
export function pairedRatios (rounds: ReadonlyArray<readonly RanLoad[]>, baselineRow: string): Map<string, PairedRatios> {
  const ratios = new Map<string, PairedRatios>()
  for (const loads of rounds) {
    if (loads.length === 0) continue
    if (loads[0]!.row !== baselineRow || loads.at(-1)!.row !== baselineRow) throw new Error('a round must begin and end with the baseline')
    let before = loads[0]!.figures
    for (let i = 1; i < loads.length; i++) {
      const { row, figures } = loads[i]!
      if (row === baselineRow) {
        before = figures
        continue
      }
      let next = i + 1
      while (loads[next]!.row !== baselineRow) next++
      const after = loads[next]!.figures
      const entry = ratios.get(row) ?? { rps: [], cpu: [] }
      entry.rps.push(figures.rps / ((before.rps + after.rps) / 2))
      entry.cpu.push(figures.cpu / ((before.cpu + after.cpu) / 2))
      ratios.set(row, entry)
    }
  }
  return ratios
}

export function median (values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The median over rounds of one row's paired ratio over another's, round by round (both ran in each). */
export function relative (of: readonly number[], to: readonly number[]): number {
  if (of.length !== to.length) throw new Error('both rows must have run in every round')
  return median(of.map((value, round) => value / to[round]!))
}
