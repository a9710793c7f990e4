// Overrides: chosen values of one metric of one entity in given buckets (a spike, a zero day), laid over the
// generated series and keyed by (entity, metric, bucket). The generators read them through OverrideLookup
// (src/world/series/context.ts), so every coherence rule of that metric still holds: an app's overridden
// day is split into hours by the usual curve, an overridden hour changes its day's total, totals without
// app_id sum the overridden apps, and a segment's overridden size sets its share of sessions that day.
import type { EntityKind } from '../world/metrics.js'
import type { OverrideLookup } from '../world/series/context.js'

export interface OverrideInput {
  readonly entity: EntityKind
  readonly id: string
  /** The metric's id (src/world/metrics.ts). */
  readonly metric: string
  readonly unit: 'day' | 'hour'
  /** Local day index (days since 1970-01-01) in the entity's workspace zone. */
  readonly dayIndex: number
  /** The hour bucket within the day, for unit=hour. */
  readonly hour?: number | undefined
  readonly value: number
  /** The bucket as the caller named it, for listing. */
  readonly time: string
}

export interface Override extends OverrideInput {
  readonly override_id: string
}

interface DayOverrides {
  day?: number
  hours?: Map<number, number>
}

export class Overrides implements OverrideLookup {
  readonly #list: Override[] = []
  /** By metric, then entity id, then day. */
  #index = new Map<string, Map<string, Map<number, DayOverrides>>>()
  #created = 0
  #version = 0

  get empty (): boolean {
    return this.#list.length === 0
  }

  /** Sets a bucket's value; a later override of the same bucket replaces an earlier one. */
  set (input: OverrideInput): Override {
    const same = this.#list.findIndex(o => o.entity === input.entity && o.id === input.id && o.metric === input.metric && o.unit === input.unit &&
      o.dayIndex === input.dayIndex && o.hour === input.hour)
    const override = { ...input, override_id: `override-${++this.#created}` }
    if (same === -1) this.#list.push(override)
    else this.#list[same] = override
    this.#reindex()
    return override
  }

  /** Moves on every change, so an answer computed under one set of overrides is never served under another. */
  get version (): number {
    return this.#version
  }

  list (): Override[] {
    return [...this.#list]
  }

  remove (overrideId: string): boolean {
    const index = this.#list.findIndex(o => o.override_id === overrideId)
    if (index === -1) return false
    this.#list.splice(index, 1)
    this.#reindex()
    return true
  }

  clear (): void {
    this.#list.length = 0
    this.#created = 0
    this.#reindex()
  }

  day (metric: string, entityId: string, dayIndex: number): number | undefined {
    return this.#index.get(metric)?.get(entityId)?.get(dayIndex)?.day
  }

  hours (metric: string, entityId: string, dayIndex: number): ReadonlyMap<number, number> | undefined {
    return this.#index.get(metric)?.get(entityId)?.get(dayIndex)?.hours
  }

  #reindex (): void {
    this.#version++
    const index = new Map<string, Map<string, Map<number, DayOverrides>>>()
    for (const o of this.#list) {
      let byEntity = index.get(o.metric)
      if (byEntity === undefined) index.set(o.metric, byEntity = new Map())
      let days = byEntity.get(o.id)
      if (days === undefined) byEntity.set(o.id, days = new Map())
      let slot = days.get(o.dayIndex)
      if (slot === undefined) days.set(o.dayIndex, slot = {})
      if (o.unit === 'day') slot.day = o.value
      else (slot.hours ??= new Map()).set(o.hour!, o.value)
    }
    this.#index = index
  }
}
