// Relative activity at each local clock hour: a day bump around the app's peak hour, times a night factor that
// is lowest at 03:30 whatever the peak. The product keeps the quietest hour between 02:00 and 05:00 for every
// peak hour: a noon peak no longer puts a second bump at 01:00 (series/shape.ts puts one 11 h before the peak),
// and a peak asked for in the small hours is pushed towards the evening or morning by the night factor.
//
//   weight(h) = (1 − 0.85 · g(h + ½ − 3.5, 2.5)) · (0.35 + g(h − peak, 3.5)),  g(x, σ) = exp(−x² / 2σ²)
//
// with x taken on the 24-hour circle and h + ½ the middle of the bucket that starts at h:00.

const TROUGH_CENTER = 3.5
const TROUGH_DEPTH = 0.85
const TROUGH_WIDTH = 2.5
const PEAK_BASE = 0.35
const PEAK_WIDTH = 3.5

/** The 24 weights of a peak hour (0-23). */
export function dailyCurve (peakHour: number): Float64Array {
  const peak = ((Math.round(peakHour) % 24) + 24) % 24
  const weights = new Float64Array(24)
  for (let h = 0; h < 24; h++) {
    const night = 1 - TROUGH_DEPTH * bell(circular(h + 0.5 - TROUGH_CENTER), TROUGH_WIDTH)
    weights[h] = night * (PEAK_BASE + bell(circular(h - peak), PEAK_WIDTH))
  }
  return weights
}

function bell (x: number, width: number): number {
  return Math.exp(-0.5 * (x / width) ** 2)
}

/** The same clock difference taken the short way round the day, in [−12, 12). */
function circular (hours: number): number {
  return ((((hours + 12) % 24) + 24) % 24) - 12
}
