// A workspace's user base: its apps' populations and its catalogs of custom events and products. Without an app
// (the all-apps figure), additive figures (new users, uninstalls, sessions, events, items, revenue) are exact
// sums over apps, hour by hour too; unique counts (DAU, MAU, rolling audiences, the user base) go through
// uniqueUsers() (overlap.ts). All-apps rolling audiences are clamped like an app's:
//
//   A_n(d) = max(max_W DAU, min(unique_a(A_n,a(d)), Σ_W DAU)),  DAU the all-apps DAU, W the n days ending d
//
// so each DAU of the window ≤ A_n(d) ≤ their sum exactly; and A_n(d) ≤ users(d), because DAU(d') ≤ users(d')
// ≤ users(d) (unique() is monotone and DAU_a ≤ users_a) and unique_a(A_n,a) ≤ unique_a(users_a) = users(d).
//
// Revenue is in whole cents: quantity × price for each product, so it adds up exactly over products, apps and
// hours. Every custom event and purchase belongs to an app.
import type { Day } from '../zone-calendar.js'
import { AppPopulation, checkWindow, MAU_DAYS, type AppParams, type Occurrence } from './app-population.js'
import { clampOverlap, uniqueUsers } from './overlap.js'

export interface WorkspaceApp {
  /** Hash of the app's id. */
  readonly key: number
  readonly params: AppParams
}

/** A custom event: logged at `rate` per active user per day in each of `apps` (app keys; all apps if absent). */
export interface CatalogEvent extends Occurrence {
  readonly apps?: readonly number[] | undefined
}

/** A product: bought at `rate` items per active user per day, at a price in whole cents. */
export interface CatalogProduct extends CatalogEvent {
  readonly priceCents: number
}

export interface WorkspaceParams {
  /** Share of the summed per-app count that counts someone twice, in [0, 0.3). */
  readonly overlap: number
  readonly apps: readonly WorkspaceApp[]
  readonly events: readonly CatalogEvent[]
  readonly products: readonly CatalogProduct[]
}

export class WorkspacePopulation {
  readonly key: number
  readonly overlap: number
  readonly apps: readonly AppPopulation[]
  readonly #byKey = new Map<number, AppPopulation>()
  readonly #events = new Map<number, CatalogEvent>()
  readonly #products = new Map<number, CatalogProduct>()
  /**
   * Every product's items or revenue summed, by app scope and day (hour by hour too), kept for the world's
   * life: a campaign's conversions and revenue read the workspace's, so each campaign's answer summed the
   * whole catalog over the same days again, which on a catalog of 1,000 products was most of that answer's
   * cost (BENCHMARKS.md). Each day's figure does not depend on the window it was asked in, so a kept one is
   * the one computed now. Bounded like the DAU cache.
   */
  readonly #allProducts = new Map<string, Map<number, number>>()
  readonly #allProductsByHour = new Map<string, Map<number, readonly number[]>>()

  constructor (seedKey: number, workspaceKey: number, params: WorkspaceParams) {
    this.key = workspaceKey
    this.overlap = clampOverlap(params.overlap)
    this.apps = params.apps.map(app => new AppPopulation(seedKey, app.key, app.params))
    for (const app of this.apps) this.#byKey.set(app.key, app)
    for (const event of params.events) this.#events.set(event.key, event)
    for (const product of params.products) this.#products.set(product.key, product)
  }

  /** The app with this key; a key the workspace does not have is a programming error. */
  app (appKey: number): AppPopulation {
    const app = this.#byKey.get(appKey)
    if (app === undefined) throw new RangeError(`no app with key ${appKey} in workspace ${this.key}`)
    return app
  }

  newUsers (first: number, count: number, appKey?: number): number[] {
    return this.#sum(appKey, count, app => app.newUsers(first, count))
  }

  uninstalls (first: number, count: number, appKey?: number): number[] {
    return this.#sum(appKey, count, app => app.uninstalls(first, count))
  }

  sessions (first: number, count: number, appKey?: number): number[] {
    return this.#sum(appKey, count, app => app.sessions(first, count))
  }

  sessionsPerHour (day: Day, appKey?: number): number[] {
    return this.#sum(appKey, day.hours, app => app.sessionsPerHour(day))
  }

  /** The user base: users who ever had a session in the app, or (all apps) in any app, counted once. */
  users (first: number, count: number, appKey?: number): number[] {
    return this.#unique(appKey, count, app => app.users(first, count))
  }

  dau (first: number, count: number, appKey?: number): number[] {
    return this.#unique(appKey, count, app => app.dau(first, count))
  }

  mau (first: number, count: number, appKey?: number): number[] {
    return this.activeInLast(MAU_DAYS, first, count, appKey)
  }

  /** Users with a session in the `days` days ending each day. */
  activeInLast (days: number, first: number, count: number, appKey?: number): number[] {
    if (appKey !== undefined) return this.app(appKey).activeInLast(days, first, count)
    checkWindow(first, count)
    const dau = this.dau(first - days + 1, count + days - 1)
    const perApp = this.apps.map(app => app.activeInLast(days, first, count))
    const out = new Array<number>(count)
    for (let i = 0; i < count; i++) {
      let most = 0
      let total = 0
      for (let j = i; j < i + days; j++) {
        const value = dau[j]!
        if (value > most) most = value
        total += value
      }
      out[i] = Math.max(most, Math.min(uniqueUsers(perApp.map(values => values[i]!), this.overlap), total))
    }
    return out
  }

  /** Users of the base with no session in the `days` days ending each day. */
  lapsed (days: number, first: number, count: number, appKey?: number): number[] {
    const users = this.users(first, count, appKey)
    const active = this.activeInLast(days, first, count, appKey)
    return users.map((value, i) => value - active[i]!)
  }

  /** Users whose first session (in the app, or in any app) was in the `days` days ending each day. */
  newInLast (days: number, first: number, count: number, appKey?: number): number[] {
    return this.#unique(appKey, count, app => app.newInLast(days, first, count))
  }

  /** Occurrences of a custom event (0 for a name the catalog does not have). */
  events (eventKey: number, first: number, count: number, appKey?: number): number[] {
    return this.#logged(this.#events.get(eventKey), appKey, count, (app, event) => app.occurrences(event, first, count))
  }

  eventsPerHour (eventKey: number, day: Day, appKey?: number): number[] {
    return this.#logged(this.#events.get(eventKey), appKey, day.hours, (app, event) =>
      app.occurrencesPerHour(event, day))
  }

  /** Items bought of one product, or of every product (`productKey` undefined): the exact sum over products. */
  quantity (productKey: number | undefined, first: number, count: number, appKey?: number): number[] {
    return this.#perDay('items', productKey, appKey, first, count)
  }

  quantityPerHour (productKey: number | undefined, day: Day, appKey?: number): number[] {
    return this.#perHour('items', productKey, appKey, day)
  }

  /** Revenue in whole cents: each product's items times its price, summed over products. */
  revenue (productKey: number | undefined, first: number, count: number, appKey?: number): number[] {
    return this.#perDay('cents', productKey, appKey, first, count)
  }

  revenuePerHour (productKey: number | undefined, day: Day, appKey?: number): number[] {
    return this.#perHour('cents', productKey, appKey, day)
  }

  /** Σ over the chosen products of weight × items bought each day; every product's sum kept (#allProducts). */
  #perDay (measure: Measure, productKey: number | undefined, appKey: number | undefined, first: number, count: number): number[] {
    const weight = WEIGHTS[measure]
    const compute = (from: number, length: number) => this.#overProducts(productKey, length, weight, product =>
      this.#logged(product, appKey, length, (app) => app.occurrences(product, from, length)))
    if (productKey !== undefined) return compute(first, count)
    checkWindow(first, count)
    const kept = keptFor(this.#allProducts, `${measure} ${appKey ?? ''}`)
    const out = new Array<number>(count)
    let from = -1
    let to = -1
    for (let i = 0; i < count; i++) {
      const value = kept.get(first + i)
      if (value !== undefined) {
        out[i] = value
      } else {
        if (from < 0) from = i
        to = i
      }
    }
    if (from < 0) return out
    const computed = compute(first + from, to - from + 1)
    if (kept.size + computed.length > MAX_KEPT_DAYS) kept.clear()
    for (let i = 0; i < computed.length; i++) {
      out[from + i] = computed[i]!
      kept.set(first + from + i, computed[i]!)
    }
    return out
  }

  /** Σ over the chosen products of weight × items bought in each hour of `day`; every product's sum kept. */
  #perHour (measure: Measure, productKey: number | undefined, appKey: number | undefined, day: Day): number[] {
    const weight = WEIGHTS[measure]
    const compute = () => this.#overProducts(productKey, day.hours, weight, product =>
      this.#logged(product, appKey, day.hours, (app) => app.occurrencesPerHour(product, day)))
    if (productKey !== undefined) return compute()
    const kept = keptFor(this.#allProductsByHour, `${measure} ${appKey ?? ''}`)
    let hours = kept.get(day.index)
    if (hours === undefined) {
      if (kept.size >= MAX_KEPT_DAYS) kept.clear()
      kept.set(day.index, hours = compute())
    }
    // A copy: callers mask the hours after now in place.
    return [...hours]
  }

  #scope (appKey: number | undefined): readonly AppPopulation[] {
    return appKey === undefined ? this.apps : [this.app(appKey)]
  }

  #sum (appKey: number | undefined, length: number, values: (app: AppPopulation) => number[]): number[] {
    const out = new Array<number>(length).fill(0)
    for (const app of this.#scope(appKey)) {
      const part = values(app)
      for (let i = 0; i < length; i++) out[i]! += part[i]!
    }
    return out
  }

  /** Σ over the apps in scope that log the entry (zeros for an entry the catalog does not have). */
  #logged<Entry extends CatalogEvent> (entry: Entry | undefined, appKey: number | undefined, length: number,
    values: (app: AppPopulation, entry: Entry) => number[]): number[] {
    const out = new Array<number>(length).fill(0)
    if (entry === undefined) return out
    for (const app of this.#scope(appKey)) {
      if (entry.apps !== undefined && !entry.apps.includes(app.key)) continue
      const part = values(app, entry)
      for (let i = 0; i < length; i++) out[i]! += part[i]!
    }
    return out
  }

  #unique (appKey: number | undefined, length: number, values: (app: AppPopulation) => number[]): number[] {
    if (appKey !== undefined) return values(this.app(appKey))
    const perApp = this.apps.map(values)
    const out = new Array<number>(length)
    for (let i = 0; i < length; i++) out[i] = uniqueUsers(perApp.map(part => part[i]!), this.overlap)
    return out
  }

  /** Σ over the chosen products (a key the catalog does not have reads 0) of weight × values. */
  #overProducts (productKey: number | undefined, length: number, weight: (product: CatalogProduct) => number,
    values: (product: CatalogProduct) => number[]): number[] {
    const chosen = productKey === undefined ? [...this.#products.values()] : [this.#products.get(productKey)]
    const out = new Array<number>(length).fill(0)
    for (const product of chosen) {
      if (product === undefined) continue
      const factor = weight(product)
      const part = values(product)
      for (let i = 0; i < length; i++) out[i]! += part[i]! * factor
    }
    return out
  }
}

/** Days kept per app scope and figure in #allProducts (a few hundred KB at most). */
const MAX_KEPT_DAYS = 5_000

function keptFor<T> (kept: Map<string, Map<number, T>>, scope: string): Map<number, T> {
  let days = kept.get(scope)
  if (days === undefined) kept.set(scope, days = new Map())
  return days
}

const ITEMS = (): number => 1

/** Whole cents, so revenue is exactly additive. */
function priceOf (product: CatalogProduct): number {
  return Math.max(0, Math.round(product.priceCents))
}

/** What a purchase figure counts: items bought, or their price in whole cents. */
type Measure = 'items' | 'cents'

const WEIGHTS: Readonly<Record<Measure, (product: CatalogProduct) => number>> = { items: ITEMS, cents: priceOf }
