// The ingredients of a believable series: a trend, a weekly rhythm, a daily curve and two scales of noise.
// Each is a pure function of its parameters and a hash key, so any point can be computed on its own.
import { mix, signed } from '../hash.js'

/** 2026-01-01, as days since 1970-01-01: the date the fixtures' typical values describe. */
export const TREND_ORIGIN_DAY = 20_454

const DAYS_PER_YEAR = 365.25
const WANDER_SPAN_DAYS = 14

/** Compound yearly growth around the origin, held within [1/100, 100] so centuries away stay finite. */
const MAX_WANDER = 0.9

export function trend (growth: number, dayIndex: number): number {
  const factor = Math.pow(1 + growth, (dayIndex - TREND_ORIGIN_DAY) / DAYS_PER_YEAR)
  return Math.min(100, Math.max(0.01, factor))
}

/** 1 ± amplitude over the week, highest on `peakWeekday` (0 = Sunday). */
export function weekly (amplitude: number, peakWeekday: number, weekday: number): number {
  return 1 + amplitude * Math.cos((2 * Math.PI * (weekday - peakWeekday)) / 7)
}

/**
 * Slow noise: a smooth random walk through a knot every two weeks, 1 ± amplitude. The amplitude is held
 * under 1 so that a noisy fixture still gives positive values.
 */
export function wander (key: number, dayIndex: number, amplitude: number): number {
  amplitude = Math.min(amplitude, MAX_WANDER)
  const knot = Math.floor(dayIndex / WANDER_SPAN_DAYS)
  const t = (dayIndex - knot * WANDER_SPAN_DAYS) / WANDER_SPAN_DAYS
  const a = signed(mix(key, knot))
  const b = signed(mix(key, knot + 1))
  const ease = (1 - Math.cos(Math.PI * t)) / 2
  return 1 + amplitude * (a + (b - a) * ease)
}

/** Day-to-day noise, 1 ± amplitude. */
export function jitter (key: number, index: number, amplitude: number): number {
  return 1 + amplitude * signed(mix(key ^ 0x5bd1e995, index))
}

/**
 * Relative activity at each clock hour for each peak hour: a night trough, an evening peak and a smaller
 * morning bump eleven hours before it. Precomputed once: 24 × 24 numbers.
 */
const DAILY_CURVE: readonly (readonly number[])[] = Array.from({ length: 24 }, (_, peak) =>
  Array.from({ length: 24 }, (_, hour) => {
    const fromPeak = circular(hour - peak)
    const fromMorning = circular(hour - (peak - 11))
    return 0.06 + Math.exp(-0.5 * (fromPeak / 3) ** 2) + 0.45 * Math.exp(-0.5 * (fromMorning / 2) ** 2)
  }))

export function dailyCurve (peakHour: number, clockHour: number): number {
  return DAILY_CURVE[peakHour]![clockHour]!
}

function circular (hours: number): number {
  return ((((hours + 12) % 24) + 24) % 24) - 12
}
