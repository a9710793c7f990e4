// Overrides: chosen values for an app's sessions or a segment's size in given buckets (a spike, a zero day),
// laid over the generated series. The series code reads them through OverrideLookup, so every coherence
// rule still holds: an app's overridden day is split into hours by the usual curve, an overridden hour
// changes its day's total, totals without app_id sum the overridden apps, and a segment's overridden size
// sets its share of sessions that day.

export interface OverrideInput {
  readonly entity: 'app' | 'segment'
  readonly id: string
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

/** What the series code asks: undefined when nothing is overridden for that entity and day. */
export interface OverrideLookup {
  day (entityId: string, dayIndex: number): number | undefined
  hours (entityId: string, dayIndex: number): ReadonlyMap<number, number> | undefined
}

interface DayOverrides {
  day?: number
  hours?: Map<number, number>
}

export class Overrides implements OverrideLookup {
  readonly #list: Override[] = []
  #byEntity = new Map<string, Map<number, DayOverrides>>()
  #created = 0

  get empty (): boolean {
    return this.#list.length === 0
  }

  /** Sets a bucket's value; a later override of the same bucket replaces an earlier one. */
  set (input: OverrideInput): Override {
    const same = this.#list.findIndex(o => o.entity === input.entity && o.id === input.id && o.unit === input.unit &&
      o.dayIndex === input.dayIndex && o.hour === input.hour)
    const override = { ...input, override_id: `override-${++this.#created}` }
    if (same === -1) this.#list.push(override)
    else this.#list[same] = override
    this.#index()
    return override
  }

  list (): Override[] {
    return [...this.#list]
  }

  remove (overrideId: string): boolean {
    const index = this.#list.findIndex(o => o.override_id === overrideId)
    if (index === -1) return false
    this.#list.splice(index, 1)
    this.#index()
    return true
  }

  clear (): void {
    this.#list.length = 0
    this.#created = 0
    this.#index()
  }

  day (entityId: string, dayIndex: number): number | undefined {
    return this.#byEntity.get(entityId)?.get(dayIndex)?.day
  }

  hours (entityId: string, dayIndex: number): ReadonlyMap<number, number> | undefined {
    return this.#byEntity.get(entityId)?.get(dayIndex)?.hours
  }

  #index (): void {
    const byEntity = new Map<string, Map<number, DayOverrides>>()
    for (const o of this.#list) {
      let days = byEntity.get(o.id)
      if (days === undefined) byEntity.set(o.id, days = new Map())
      let slot = days.get(o.dayIndex)
      if (slot === undefined) days.set(o.dayIndex, slot = {})
      if (o.unit === 'day') slot.day = o.value
      else (slot.hours ??= new Map()).set(o.hour!, o.value)
    }
    this.#byEntity = byEntity
  }
}
