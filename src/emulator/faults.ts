// Fault rules: make matching requests fail or slow down in a chosen way. A rule matches a path (or every
// Braze path) and optionally query parameters; it applies to the next N matches, to a fraction of them, or
// to all until removed. Fractions are decided by hashing the rule's seed with the match's ordinal, so the
// same run of requests is hit at the same places on every run.
import { mix, unit } from '../world/hash.js'
import type { FaultEffect, FaultRuleBody, FaultRuleView } from './control-schema.js'

/** A rule as the control plane takes it, and as it lists it (types from src/emulator/control-schema.ts). */
export type FaultRuleInput = FaultRuleBody
export type FaultRule = FaultRuleView
export type { FaultEffect }

/** What the faults decided for one request. */
export interface FaultPlan {
  /** Added latency, ms (the sum over every applied latency rule). */
  readonly delayMs: number
  /** The first applied rule with an effect other than latency. */
  readonly outcome?: { readonly rule: string, readonly effect: Exclude<FaultEffect, { type: 'latency' }> } | undefined
  /** Ids of the rules applied. */
  readonly rules: readonly string[]
}

interface LiveRule extends FaultRuleInput {
  id: string
  matched: number
  applied: number
}

export class Faults {
  readonly #rules: LiveRule[] = []
  #created = 0

  add (input: FaultRuleInput): FaultRule {
    const rule: LiveRule = { ...input, id: `fault-${++this.#created}`, matched: 0, applied: 0 }
    this.#rules.push(rule)
    return snapshot(rule)
  }

  list (): FaultRule[] {
    return this.#rules.map(snapshot)
  }

  remove (id: string): boolean {
    const index = this.#rules.findIndex(r => r.id === id)
    if (index === -1) return false
    this.#rules.splice(index, 1)
    return true
  }

  clear (): void {
    this.#rules.length = 0
    this.#created = 0
  }

  get empty (): boolean {
    return this.#rules.length === 0
  }

  /** Decides the faults for a request, counting it against the rules that match. */
  plan (path: string, query: Readonly<Record<string, string | undefined>>): FaultPlan | undefined {
    let delayMs = 0
    let outcome: FaultPlan['outcome']
    const rules: string[] = []
    for (const rule of this.#rules) {
      if (!matches(rule, path, query)) continue
      const ordinal = rule.matched++
      if (rule.times !== undefined && rule.applied >= rule.times) continue
      const draw = (salt: number) => unit(mix(mix(rule.seed ?? 0, salt), ordinal))
      if (rule.probability !== undefined && draw(1) >= rule.probability) continue
      const { effect } = rule
      if (effect.type === 'latency') {
        delayMs += 'ms' in effect ? effect.ms : Math.round(effect.min_ms + draw(2) * (effect.max_ms - effect.min_ms))
      } else if (outcome === undefined) {
        outcome = { rule: rule.id, effect }
      } else {
        continue
      }
      rule.applied++
      rules.push(rule.id)
    }
    return rules.length === 0 ? undefined : { delayMs, outcome, rules }
  }
}

function matches (rule: FaultRuleInput, path: string, query: Readonly<Record<string, string | undefined>>): boolean {
  if (rule.path !== '*' && withoutTrailingSlash(rule.path) !== withoutTrailingSlash(path)) return false
  for (const [name, value] of Object.entries(rule.query ?? {})) {
    const sent = query[name]
    if (sent === undefined || (value !== '*' && sent !== value)) return false
  }
  return true
}

/** Braze (Rails) serves /segments/list/ as /segments/list, so a rule for one matches both. */
export function withoutTrailingSlash (path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
}

function snapshot (rule: LiveRule): FaultRule {
  return { ...rule, ...(rule.query === undefined ? {} : { query: { ...rule.query } }) }
}
