// Names and tags for entities the fixtures leave unnamed or ask to be generated: app names from faker, and
// industry-fitting segments, events, products and attributes from the vocabularies below (no faker). Faker is
// loaded at the first faker name anything asks for, not before: its English locale costs ~30 ms to load (the
// package root, which evaluates every locale, ~200 ms), and a generated segment's name is only drawn when a
// request reads it, so the built-in fixtures' cold start pays nothing for it. That first read happens inside
// a request, synchronously, hence require(): Node 20.19 and later load an ES module that way.
import { createRequire } from 'node:module'
import type { Faker } from '@faker-js/faker'
import type { Audience, Industry } from './fixture-schema.js'
import { mix } from './hash.js'
import { RandomStream } from './random-stream.js'

export interface NameSource {
  segmentName (seed: number[]): string
  segmentTags (seed: number[]): string[]
  appName (seed: number[], platform: string): string
}

const TAGS = ['retention', 'onboarding', 'lifecycle', 'promo', 'vip', 'churn-risk', 'reactivation', 'loyalty', 'beta', 'q4-campaign']
const PLATFORM_LABELS: Record<string, string> = {
  ios: 'iOS', android: 'Android', web: 'Web', tvos: 'tvOS', roku: 'Roku', windows: 'Windows', macos: 'macOS', unity: 'Unity', other: 'App',
}

let loaded: NameSource | undefined
const names = (): NameSource => (loaded ??= createNameSource())

/** Names from faker, which loads on the first call of any of these. */
export const nameSource: NameSource = {
  segmentName: (seed) => names().segmentName(seed),
  segmentTags: (seed) => names().segmentTags(seed),
  appName: (seed, platform) => names().appName(seed, platform),
}

function createNameSource (): NameSource {
  const { faker: english } = createRequire(import.meta.url)('@faker-js/faker/locale/en') as typeof import('@faker-js/faker/locale/en')
  const random = new RandomStream()
  // The English entry exports only its instance; its class and definitions give us one with our randomizer.
  const FakerClass = english.constructor as typeof Faker
  const faker = new FakerClass({
    locale: english.rawDefinitions,
    // Faker calls these unbound.
    randomizer: { next: () => random.next(), seed: (seed) => { random.seed(seed) } },
  })

  const templates: Array<() => string> = [
    () => `${faker.commerce.department()} shoppers`,
    () => `Lapsed ${faker.commerce.department().toLowerCase()} buyers`,
    () => `Users in ${faker.location.country()}`,
    () => `${faker.location.state()} users`,
    () => `Active in the last ${faker.helpers.arrayElement([7, 14, 30, 60, 90])} days`,
    () => `Browsed ${faker.commerce.department().toLowerCase()} this month`,
    () => `${faker.date.month()} onboarding cohort`,
    () => `Birthday in ${faker.date.month()}`,
    () => `Push opt-ins in ${faker.location.city()}`,
    () => `Spent over $${faker.helpers.arrayElement([20, 50, 100, 250, 500])} on ${faker.commerce.department().toLowerCase()}`,
  ]

  return {
    segmentName (seed) {
      random.seed(seed)
      return faker.helpers.arrayElement(templates)()
    },
    segmentTags (seed) {
      random.seed([...seed, 1])
      const department = faker.commerce.department().toLowerCase()
      return faker.helpers.arrayElements([...TAGS, department], { min: 0, max: 3 })
    },
    appName (seed, platform) {
      random.seed(seed)
      return `${faker.company.name()} ${PLATFORM_LABELS[platform] ?? 'App'}`
    },
  }
}

// ---- Industry-fitting names -------------------------------------------------------------------------------
// What a generated workspace's segments, custom events, products and custom attributes are called, from
// vocabularies written for each industry (faker has no fitness or banking vocabulary, and its departments
// and countries made a bank's segments read like a shop's). Pure: every answer is a function of the seed,
// the industry and the index or count, never of the order of calls. Each vocabulary is a list of families
// (every combination of a few word lists); an index is decoded into one combination by arithmetic, so the
// 900,000th segment costs what the first does and nothing is cached. Within a vocabulary every name is
// distinct; a seeded permutation of each tier (plain names first, then qualified ones) gives each workspace
// its own selection, and only past the whole vocabulary does a name repeat, numbered.

/** A generated segment: its name, tags, and who its members are, agreeing with its name. */
export interface NamedSegment {
  readonly name: string
  readonly tags: string[]
  readonly audience: Audience
}

/** A generated custom event, as an events.json entry would give it. */
export interface NamedEvent {
  readonly name: string
  readonly description: string
  readonly tags: string[]
  /** Occurrences per active user per day. */
  readonly rate: number
}

/** A generated product: its id as purchases log it, its price, and items bought per active user per day. */
export interface NamedProduct {
  readonly name: string
  readonly price: number
  readonly rate: number
}

/** A generated custom attribute, as a custom-attributes.json entry would give it. */
export interface NamedAttribute {
  readonly name: string
  readonly data_type: DataType
  readonly array_length: number | null
  readonly description: string
  readonly tags: string[]
}

type DataType = 'String' | 'Number' | 'Boolean' | 'Date' | 'Array' | 'Object' | 'Object Array'

/**
 * The `index`-th generated segment of a workspace (`seed`: the generate seed and the workspace's key, say).
 * Two indexes of one seed and industry never share a name: past the vocabulary (a few hundred names
 * per industry, vocabularySize says how many) a name comes back numbered, "Yoga fans (2)". A lifecycle name says its audience ("Active in the
 * last 14 days" is active 14); a trait's share is drawn near its vocabulary's, so that a combination is
 * rarer than its parts ("Yoga fans - Advanced" under "Yoga fans").
 */
export function generatedSegment (seed: readonly number[], industry: Industry, index: number): NamedSegment {
  const catalog = SEGMENTS[industry]
  const copy = Math.floor(index / catalog.size)
  const entry = catalog.at(keyOf(seed, SALT.segments), index % catalog.size)
  const random = new RandomStream([...seed, SALT.segments, index])
  const audience: Audience = entry.share === undefined
    ? entry.audience
    : { kind: 'trait', share: significant(Math.min(1, entry.share * random.logUniform(0.85, 1.15)), 3), drift: significant(0.02 + random.next() * 0.06, 2) }
  return { name: copy === 0 ? entry.name : `${entry.name} (${copy + 1})`, tags: [...entry.tags], audience }
}

/**
 * `count` custom events for a workspace, all names distinct and none in `taken` (the fixture's own names):
 * the industry's plain names first ("Workout Completed"), then those every product logs ("Search
 * Performed"), then qualified ones ("Yoga Class Booked"), then numbered ones ("Workout Completed v2").
 */
export function generatedEvents (seed: readonly number[], industry: Industry, count: number,
  taken: ReadonlySet<string> = new Set()): NamedEvent[] {
  return pick(EVENTS[industry], seed, SALT.events, count, taken, (name, copy) => `${name} v${copy + 1}`,
    (entry, name, random) => ({
      name,
      description: entry.description,
      tags: [...entry.tags],
      rate: significant(Math.max(0.0001, entry.rate * random.logUniform(0.7, 1.4)), 3),
    }))
}

/** `count` products for a workspace, names distinct and none in `taken`, each with a price in its range. */
export function generatedProducts (seed: readonly number[], industry: Industry, count: number,
  taken: ReadonlySet<string> = new Set()): NamedProduct[] {
  return pick(PRODUCTS[industry], seed, SALT.products, count, taken, (name, copy) => `${name} ${copy + 1}`,
    (entry, name, random) => ({
      name,
      price: priceIn(entry.low, entry.high, entry.fee, random.next()),
      rate: significant(Math.max(0.00001, entry.rate * random.logUniform(0.6, 1.6)), 3),
    }))
}

/** `count` custom attributes for a workspace, names distinct and none in `taken`, each with its data type. */
export function generatedAttributes (seed: readonly number[], industry: Industry, count: number,
  taken: ReadonlySet<string> = new Set()): NamedAttribute[] {
  return pick(ATTRIBUTES[industry], seed, SALT.attributes, count, taken, (name, copy) => `${name}_${copy + 1}`,
    (entry, name) => ({
      name,
      data_type: entry.dataType,
      array_length: entry.arrayLength,
      description: entry.description,
      tags: [...entry.tags],
    }))
}

/** How many names an industry's vocabulary holds before names repeat numbered (for tests and docs). */
export function vocabularySize (industry: Industry): { segments: number, events: number, products: number, attributes: number } {
  return {
    segments: SEGMENTS[industry].size,
    events: EVENTS[industry].size,
    products: PRODUCTS[industry].size,
    attributes: ATTRIBUTES[industry].size,
  }
}

// Each kind of entity shuffles with its own salt, so a workspace's events and products are not drawn in step.
const SALT = { segments: 0x5e6, events: 0xe7e, products: 0x960d, attributes: 0xa771 } as const

function keyOf (seed: readonly number[], salt: number): number {
  return seed.reduce((key, part) => mix(key, part >>> 0), salt)
}

/**
 * The first `count` names of the seed's order, skipping taken ones and entries that do not `fit` (a dated name
 * outside the workspace's history, say); each past the vocabulary numbered.
 */
export function pick<E extends { name: string }, R> (catalog: Catalog<E>, seed: readonly number[], salt: number, count: number,
  taken: ReadonlySet<string>, numbered: (name: string, copy: number) => string,
  build: (entry: E, name: string, random: RandomStream) => R, fits?: (entry: E) => boolean): R[] {
  const key = keyOf(seed, salt)
  const seen = new Set<string>()
  const result: R[] = []
  for (let i = 0; result.length < count; i++) {
    const copy = Math.floor(i / catalog.size)
    const entry = catalog.at(key, i % catalog.size)
    if (fits !== undefined && !fits(entry)) continue
    const name = copy === 0 ? entry.name : numbered(entry.name, copy)
    if (taken.has(name) || seen.has(name)) continue
    seen.add(name)
    result.push(build(entry, name, new RandomStream([...seed, salt, i])))
  }
  return result
}

/** `value` to `digits` significant digits: rates and shares read like a person wrote them. */
function significant (value: number, digits: number): number {
  return Number(value.toPrecision(digits))
}

/** A price in [low, high]: x.99 for goods and plans, whole quarters for a fee. */
function priceIn (low: number, high: number, fee: boolean, draw: number): number {
  const raw = low + draw * (high - low)
  if (fee) return Math.max(0.25, Math.round(raw * 4) / 4)
  return raw < 1 ? 0.99 : (Math.round(raw) * 100 - 1) / 100
}

/** A bijection of [0, n), keyed: a four-round Feistel network on the next even power of two, cycle-walked. */
function permute (key: number, n: number, i: number): number {
  if (n <= 1) return 0
  let bits = 2
  while (2 ** bits < n) bits += 2
  const half = bits / 2
  const mask = 2 ** half - 1
  let x = i
  do {
    let left = Math.floor(x / 2 ** half)
    let right = x & mask
    for (let round = 0; round < 4; round++) {
      const next = left ^ (mix(mix(key, round), right) & mask)
      left = right
      right = next
    }
    x = left * 2 ** half + right
  } while (x >= n)
  return x
}

/** Every combination of some word lists, decoded from an index; `build` names it. */
export interface Family<E> {
  readonly size: number
  at (k: number): E
}

type Lists<T extends unknown[]> = { readonly [K in keyof T]: readonly T[K][] }

export function combos<T extends unknown[], E> (lists: Lists<T>, build: (...parts: T) => E): Family<E> {
  const all = lists as unknown as ReadonlyArray<readonly unknown[]>
  return {
    size: all.reduce((size, list) => size * list.length, 1),
    at (k) {
      const parts = new Array<unknown>(all.length)
      for (let i = all.length - 1; i >= 0; i--) {
        const list = all[i]!
        parts[i] = list[k % list.length]
        k = Math.floor(k / list.length)
      }
      return build(...parts as T)
    },
  }
}

/** A vocabulary: tiers of families, each tier shuffled by the seed, tier after tier. */
export class Catalog<E> {
  readonly size: number
  readonly #tiers: ReadonlyArray<{ readonly size: number, readonly families: ReadonlyArray<Family<E>> }>

  constructor (tiers: ReadonlyArray<ReadonlyArray<Family<E>>>) {
    this.#tiers = tiers.map(families => ({ size: families.reduce((size, f) => size + f.size, 0), families }))
    this.size = this.#tiers.reduce((size, tier) => size + tier.size, 0)
  }

  /** Entry `k` (below size) in the order `key` gives. */
  at (key: number, k: number): E {
    for (const [t, tier] of this.#tiers.entries()) {
      if (k >= tier.size) {
        k -= tier.size
        continue
      }
      let j = permute(mix(key, t), tier.size, k)
      for (const family of tier.families) {
        if (j < family.size) return family.at(j)
        j -= family.size
      }
    }
    throw new RangeError(`no entry ${k} in a vocabulary of ${this.size}`)
  }
}

// ---- The vocabularies ------------------------------------------------------------------------------------

/** A word and its weight: the share of users, or of occurrences, it stands for. */
type Weighted = readonly [label: string, share: number]

interface SegmentEntry {
  readonly name: string
  readonly tags: readonly string[]
  /** Set for a trait: the share of users, before the per-segment draw. */
  readonly share?: number
  readonly audience: Audience
}

interface EventEntry {
  readonly name: string
  readonly description: string
  readonly tags: readonly string[]
  readonly rate: number
}

interface ProductEntry {
  readonly name: string
  readonly low: number
  readonly high: number
  readonly fee: boolean
  readonly rate: number
}

interface AttributeEntry {
  readonly name: string
  readonly dataType: DataType
  readonly arrayLength: number | null
  readonly description: string
  readonly tags: readonly string[]
}

/** An object of custom events and the actions logged on it, each with its rate per active user per day. */
interface EventObject {
  readonly object: string
  readonly tags: readonly string[]
  readonly actions: Readonly<Record<string, number>>
  /** Whether the industry's qualifiers make sense before it ("Yoga Workout Completed"). */
  readonly qualified?: boolean
}

/** A product the industry sells: price range, items bought per active user per day, variants or not. */
interface ProductSpec {
  readonly name: string
  readonly low: number
  readonly high: number
  readonly rate: number
  readonly fee?: boolean
  readonly variants?: boolean
}

/** A segment on an interest: its name for the interest, the share of the interest's users in it, tags. */
type InterestSegment = readonly [name: (interest: string) => string, factor: number, tags: readonly string[]]

type AttributeSpec = readonly [name: string, dataType: DataType, arrayLength: number | null, description: string, tags: readonly string[]]

export interface IndustryWords {
  /** What its users are called, plural and lower case: "members", "customers". */
  readonly people: string
  /** Its own traits: segments whose membership is a stable share of users. */
  readonly traits: ReadonlyArray<readonly [name: string, share: number, tags: readonly string[]]>
  /** What users are into (activities, products held, sections), each with its share of users. */
  readonly interests: readonly Weighted[]
  /** Segments on an interest: a name for it, the share of the interest's users, tags. The first is the plainest. */
  readonly interestSegments: readonly InterestSegment[]
  /** Levels that split an interest's users ("Beginner", "Premier"), each with its share. */
  readonly levels: readonly Weighted[]
  readonly regions: readonly Weighted[]
  readonly events: readonly EventObject[]
  /** Words that qualify a qualified event object, with the share of its occurrences. */
  readonly qualifiers: readonly Weighted[]
  readonly products: readonly ProductSpec[]
  /** Variants of a product with variants, with a price factor. */
  readonly variants: readonly Weighted[]
  readonly attributes: readonly AttributeSpec[]
  /** What users do, counted by the activity attributes ("workout": workout_count, last_workout_at). */
  readonly counted: ReadonlyArray<readonly [noun: string, tags: readonly string[]]>
}

const WORLD_MARKETS: readonly Weighted[] = [
  ['the United States', 0.42], ['Canada', 0.06], ['the United Kingdom', 0.1], ['Ireland', 0.01], ['Australia', 0.05],
  ['New Zealand', 0.01], ['Germany', 0.07], ['France', 0.05], ['Spain', 0.03], ['Italy', 0.03], ['the Netherlands', 0.02],
  ['Sweden', 0.01], ['Mexico', 0.03], ['Brazil', 0.03], ['Japan', 0.02], ['India', 0.03], ['Singapore', 0.005],
  ['South Africa', 0.01],
]

// A bank in one country serves states, not the world.
const US_NORTHEAST: readonly Weighted[] = [
  ['New York', 0.42], ['New Jersey', 0.18], ['Connecticut', 0.09], ['Pennsylvania', 0.08], ['Massachusetts', 0.05],
  ['Florida', 0.04], ['Rhode Island', 0.01], ['Vermont', 0.005], ['New Hampshire', 0.01], ['Maine', 0.005],
  ['Delaware', 0.01], ['Maryland', 0.02], ['Virginia', 0.02], ['California', 0.02], ['Texas', 0.015], ['North Carolina', 0.015],
]

const ACTIVE_DAYS = [1, 3, 7, 14, 21, 30, 60, 90, 180]
const LAPSED_DAYS = [7, 14, 30, 45, 60, 90, 180, 365]
const NEW_DAYS = [1, 3, 7, 14, 30, 60, 90]

const GENERIC_TRAITS: ReadonlyArray<readonly [string, number, readonly string[]]> = [
  ['Push opted in', 0.55, ['messaging']], ['Email subscribers', 0.4, ['messaging']], ['SMS subscribers', 0.12, ['messaging']],
  ['Unsubscribed from email', 0.18, ['messaging']], ['Rated the app 5 stars', 0.03, ['feedback']], ['Beta testers', 0.005, ['beta']],
  ['Internal test accounts', 0.0001, ['qa']], ['Spanish speakers', 0.08, ['localization']], ['French speakers', 0.04, ['localization']],
  ['German speakers', 0.04, ['localization']], ['Portuguese speakers', 0.02, ['localization']], ['Referred by a friend', 0.07, ['referrals']],
  ['Opened the last marketing email', 0.14, ['messaging']], ['Contacted support this year', 0.06, ['support']],
]

const GENERIC_EVENTS: readonly EventObject[] = [
  { object: 'Onboarding', tags: ['onboarding'], actions: { Started: 0.02, Completed: 0.012, Skipped: 0.004 } },
  { object: 'Profile', tags: ['profile'], actions: { Updated: 0.02, Completed: 0.006 } },
  { object: 'Push Permission', tags: ['messaging'], actions: { Granted: 0.004, Denied: 0.003 } },
  { object: 'Notification Settings', tags: ['messaging'], actions: { Updated: 0.006 } },
  { object: 'Search', tags: ['discovery'], actions: { Performed: 0.3 } },
  { object: 'Referral Link', tags: ['referrals'], actions: { Shared: 0.004, Opened: 0.003 } },
  { object: 'Feedback', tags: ['feedback'], actions: { Submitted: 0.002 } },
  { object: 'Rating Prompt', tags: ['feedback'], actions: { Shown: 0.01, Accepted: 0.002, Dismissed: 0.007 } },
  { object: 'Survey', tags: ['feedback'], actions: { Started: 0.003, Completed: 0.002 } },
  { object: 'Support Chat', tags: ['support'], actions: { Started: 0.005 } },
  { object: 'Help Center', tags: ['support'], actions: { Opened: 0.01 } },
  { object: 'Password', tags: ['account'], actions: { Reset: 0.002 } },
  { object: 'Email Address', tags: ['account'], actions: { Verified: 0.003 } },
  { object: 'Profile Deletion', tags: ['account'], actions: { Requested: 0.0004 } },
  { object: 'Deep Link', tags: ['messaging'], actions: { Opened: 0.03 } },
  { object: 'App Language', tags: ['settings'], actions: { Changed: 0.0005 } },
  { object: 'Dark Mode', tags: ['settings'], actions: { Enabled: 0.002 } },
  { object: 'Terms', tags: ['account'], actions: { Accepted: 0.004 } },
]

const GENERIC_ATTRIBUTES: readonly AttributeSpec[] = [
  ['preferred_language', 'String', null, 'Language the user chose in the app, as an ISO 639-1 code.', ['profile']],
  ['marketing_opt_in', 'Boolean', null, 'Whether the user agreed to marketing messages.', ['messaging']],
  ['signup_source', 'String', null, 'Where the user signed up: organic, paid social, referral, partner.', ['acquisition']],
  ['referral_code', 'String', null, 'The code the user shares to refer friends.', ['referrals']],
  ['lifetime_value', 'Number', null, 'Revenue from the user to date, in the workspace\'s currency.', ['revenue']],
  ['last_support_contact_at', 'Date', null, 'When the user last contacted support.', ['support']],
  ['app_theme', 'String', null, 'light, dark or system.', ['settings']],
  ['nps_score', 'Number', null, 'The user\'s last Net Promoter Score answer, 0 to 10.', ['feedback']],
  ['beta_features', 'Array', 10, 'Beta features the user has turned on.', ['beta']],
  ['communication_preferences', 'Object', null, 'Channels and topics the user wants to hear about.', ['messaging']],
  ['account_created_at', 'Date', null, 'When the account was created, from the backend.', ['profile']],
  ['acquisition_campaign', 'String', null, 'The campaign that brought the user in, if any.', ['acquisition']],
]

const COUNTED_STATS: ReadonlyArray<readonly [name: (noun: string) => string, dataType: DataType, description: (words: string) => string]> = [
  [n => `${n}_count`, 'Number', w => `How many times the user has logged a ${w}.`],
  [n => `last_${n}_at`, 'Date', w => `When the user last logged a ${w}.`],
  [n => `first_${n}_at`, 'Date', w => `When the user first logged a ${w}.`],
  [n => `${n}_count_30d`, 'Number', w => `How many times the user logged a ${w} in the last 30 days.`],
]

const WORDS: Readonly<Record<Industry, IndustryWords>> = {
  fitness: {
    people: 'members',
    traits: [
      ['Premium members', 0.08, ['subscriptions']], ['Free trial members', 0.02, ['subscriptions', 'onboarding']],
      ['Annual plan subscribers', 0.035, ['subscriptions']], ['Monthly plan subscribers', 0.045, ['subscriptions']],
      ['Cancelled premium, still training', 0.012, ['churn-risk']], ['Wearable connected', 0.22, ['devices']],
      ['Goal: lose weight', 0.28, ['goals']], ['Goal: build strength', 0.16, ['goals']], ['Goal: run farther', 0.11, ['goals']],
      ['Goal: move more', 0.2, ['goals']], ['7-day streak or longer', 0.09, ['engagement']], ['30-day streak or longer', 0.025, ['engagement']],
      ['Joined a challenge this quarter', 0.07, ['challenges']], ['Completed 100+ workouts', 0.04, ['engagement']],
      ['Morning exercisers', 0.31, ['habits']], ['Evening exercisers', 0.38, ['habits']], ['Home workout members', 0.42, ['habits']],
      ['Gym goers', 0.33, ['habits']], ['Bought gear in the app', 0.03, ['shop']], ['Viewed gear, never bought', 0.09, ['shop']],
      ['Booked a live class', 0.06, ['classes']], ['Follows a coach', 0.12, ['coaching']], ['Shared a workout', 0.05, ['community']],
      ['Trains on TV', 0.04, ['tv']], ['Logs meals', 0.14, ['nutrition']], ['Tracks sleep', 0.17, ['recovery']],
    ],
    interests: [
      ['Running', 0.18], ['Yoga', 0.12], ['Cycling', 0.1], ['HIIT', 0.11], ['Strength training', 0.15], ['Pilates', 0.06],
      ['Swimming', 0.04], ['Rowing', 0.03], ['Walking', 0.2], ['Boxing', 0.03], ['Dance cardio', 0.04], ['Meditation', 0.09],
      ['Stretching', 0.1], ['Climbing', 0.015], ['Barre', 0.02], ['Trail running', 0.02], ['Kettlebell', 0.03], ['Spin', 0.05],
      ['Tai chi', 0.01], ['Calisthenics', 0.02],
    ],
    interestSegments: [
      [i => `${i} fans`, 1, ['interests']],
      [i => `${i}: worked out this week`, 0.35, ['engagement']],
      [i => `${i}: first workout this month`, 0.1, ['onboarding']],
      [i => `${i}: no workout in a month`, 0.25, ['reactivation']],
    ],
    levels: [['Beginner', 0.45], ['Intermediate', 0.35], ['Advanced', 0.2]],
    regions: WORLD_MARKETS,
    events: [
      { object: 'Workout', tags: ['workouts'], qualified: true, actions: { Started: 1.1, Completed: 0.85, Paused: 0.3, Skipped: 0.08, Rated: 0.1, Shared: 0.03 } },
      { object: 'Class', tags: ['classes'], qualified: true, actions: { Booked: 0.07, Joined: 0.06, Cancelled: 0.01, Rated: 0.02 } },
      { object: 'Program', tags: ['programs'], qualified: true, actions: { Started: 0.01, Completed: 0.002, Abandoned: 0.004 } },
      { object: 'Challenge', tags: ['challenges'], qualified: true, actions: { Joined: 0.02, Completed: 0.008, Left: 0.004, Shared: 0.003 } },
      { object: 'Personal Record', tags: ['workouts'], qualified: true, actions: { Set: 0.04, Shared: 0.004 } },
      { object: 'Video', tags: ['content'], qualified: true, actions: { Played: 0.5, Completed: 0.3, Downloaded: 0.02 } },
      { object: 'Goal', tags: ['goals'], actions: { Set: 0.03, Reached: 0.01, Updated: 0.01 } },
      { object: 'Streak', tags: ['engagement'], actions: { Extended: 0.4, Broken: 0.05, Restored: 0.004 } },
      { object: 'Badge', tags: ['engagement'], actions: { Earned: 0.06, Shared: 0.005 } },
      { object: 'Wearable', tags: ['devices'], actions: { Connected: 0.005, Synced: 0.9, Disconnected: 0.001 } },
      { object: 'Heart Rate Zone', tags: ['workouts'], actions: { Reached: 0.5 } },
      { object: 'Meal', tags: ['nutrition'], actions: { Logged: 0.6 } },
      { object: 'Water Intake', tags: ['nutrition'], actions: { Logged: 0.7 } },
      { object: 'Weight', tags: ['progress'], actions: { Logged: 0.15 } },
      { object: 'Sleep', tags: ['recovery'], actions: { Logged: 0.35 } },
      { object: 'Recovery Score', tags: ['recovery'], actions: { Viewed: 0.2 } },
      { object: 'Rest Day', tags: ['recovery'], actions: { Logged: 0.1 } },
      { object: 'Body Measurement', tags: ['progress'], actions: { Logged: 0.02 } },
      { object: 'Playlist', tags: ['content'], actions: { Created: 0.004, Connected: 0.003 } },
      { object: 'Coach Message', tags: ['coaching'], actions: { Sent: 0.02, Read: 0.05 } },
      { object: 'Plan', tags: ['subscriptions'], actions: { Subscribed: 0.004, Renewed: 0.003, Upgraded: 0.001, Downgraded: 0.0005 } },
      { object: 'Subscription', tags: ['subscriptions'], actions: { Cancelled: 0.0015, Paused: 0.0008, Resumed: 0.0004 } },
      { object: 'Trial', tags: ['subscriptions'], actions: { Started: 0.006, Converted: 0.002, Expired: 0.003 } },
      { object: 'Gear', tags: ['shop'], actions: { Viewed: 0.12, Purchased: 0.003, Reviewed: 0.0005 } },
      { object: 'Route', tags: ['outdoor'], actions: { Saved: 0.01, Shared: 0.003 } },
      { object: 'Friend', tags: ['community'], actions: { Invited: 0.01, Followed: 0.02 } },
      { object: 'Leaderboard', tags: ['community'], actions: { Viewed: 0.08 } },
      { object: 'Workout Reminder', tags: ['habits'], actions: { Set: 0.02, Snoozed: 0.03 } },
    ],
    qualifiers: [
      ['Running', 0.2], ['Yoga', 0.12], ['Cycling', 0.1], ['HIIT', 0.1], ['Strength', 0.15], ['Pilates', 0.05], ['Swimming', 0.03],
      ['Rowing', 0.03], ['Walking', 0.15], ['Boxing', 0.03], ['Dance', 0.03], ['Meditation', 0.06], ['Barre', 0.02], ['Spin', 0.05],
      ['Kettlebell', 0.02], ['Mobility', 0.04], ['Core', 0.06], ['Outdoor', 0.08], ['Treadmill', 0.06], ['Family', 0.01],
    ],
    products: [
      { name: 'Premium Monthly', low: 9.99, high: 14.99, rate: 0.001 },
      { name: 'Premium Annual', low: 59.99, high: 99.99, rate: 0.0004 },
      { name: 'Family Plan Annual', low: 99, high: 149, rate: 0.0001 },
      { name: 'Coaching Session', low: 29, high: 59, rate: 0.0003 },
      { name: 'Nutrition Plan', low: 19, high: 39, rate: 0.0002 },
      { name: '12-Week Program', low: 19, high: 49, rate: 0.0002 },
      { name: 'Yoga Mat', low: 25, high: 79, rate: 0.0004, variants: true },
      { name: 'Resistance Band Set', low: 15, high: 35, rate: 0.0003, variants: true },
      { name: 'Foam Roller', low: 20, high: 45, rate: 0.0002, variants: true },
      { name: 'Kettlebell', low: 30, high: 90, rate: 0.0001, variants: true },
      { name: 'Adjustable Dumbbells', low: 149, high: 349, rate: 0.00005, variants: true },
      { name: 'Jump Rope', low: 10, high: 25, rate: 0.0002, variants: true },
      { name: 'Heart Rate Strap', low: 49, high: 89, rate: 0.0001, variants: true },
      { name: 'Water Bottle', low: 15, high: 40, rate: 0.0003, variants: true },
      { name: 'Gym Bag', low: 35, high: 80, rate: 0.0001, variants: true },
      { name: 'Massage Gun', low: 99, high: 249, rate: 0.00005, variants: true },
      { name: 'Smart Scale', low: 49, high: 129, rate: 0.00005, variants: true },
      { name: 'Lifting Gloves', low: 15, high: 35, rate: 0.0001, variants: true },
      { name: 'Running Belt', low: 15, high: 30, rate: 0.0001, variants: true },
      { name: 'Pull-Up Bar', low: 25, high: 60, rate: 0.00005, variants: true },
      { name: 'Gift Membership', low: 25, high: 100, rate: 0.0001 },
    ],
    variants: [['Black', 1], ['Slate', 1], ['Coral', 1], ['Ocean', 1], ['Sage', 1], ['Travel', 0.9], ['Pro', 1.3], ['XL', 1.15]],
    attributes: [
      ['fitness_goal', 'String', null, 'The goal chosen at onboarding: lose weight, build strength, run farther, move more.', ['goals']],
      ['weekly_workout_target', 'Number', null, 'Workouts a week the member aims for.', ['goals']],
      ['preferred_workout_time', 'String', null, 'morning, midday or evening.', ['habits']],
      ['favorite_activities', 'Array', 10, 'Activities the member picked as favorites.', ['interests']],
      ['has_wearable', 'Boolean', null, 'Whether a wearable is connected.', ['devices']],
      ['current_streak_days', 'Number', null, 'Days in a row with a workout, today included.', ['engagement']],
      ['plan_tier', 'String', null, 'free, premium or family.', ['subscriptions']],
      ['equipment_owned', 'Array', 25, 'Equipment the member has at home.', ['habits']],
      ['coach_preferences', 'Object', null, 'Coaching style, voice and music settings.', ['coaching']],
      ['completed_challenges', 'Object Array', 50, 'Challenges completed, with date and rank.', ['challenges']],
      ['experience_level', 'String', null, 'beginner, intermediate or advanced.', ['profile']],
      ['resting_heart_rate', 'Number', null, 'Latest resting heart rate from a wearable, bpm.', ['devices']],
    ],
    counted: [
      ['workout', ['workouts']], ['class', ['classes']], ['challenge', ['challenges']], ['program', ['programs']], ['meal_log', ['nutrition']],
      ['weigh_in', ['progress']], ['run', ['workouts']], ['ride', ['workouts']], ['swim', ['workouts']], ['coach_message', ['coaching']],
      ['gear_purchase', ['shop']], ['stretch_session', ['recovery']],
    ],
  },
  finance: {
    people: 'customers',
    traits: [
      ['Direct deposit customers', 0.34, ['deposits']], ['Premium account holders', 0.06, ['premium']], ['Metal card holders', 0.02, ['cards', 'premium']],
      ['Savings goal in progress', 0.14, ['savings']], ['Reached a savings goal', 0.05, ['savings']], ['Balances over $25k', 0.07, ['wealth']],
      ['Balances under $500', 0.22, ['risk']], ['Overdrafted this quarter', 0.04, ['risk']], ['Paperless statements', 0.52, ['statements']],
      ['Biometric login on', 0.61, ['security']], ['Two-factor on', 0.48, ['security']], ['Mobile check depositors', 0.19, ['deposits']],
      ['Bill pay users', 0.27, ['payments']], ['Sent a transfer this month', 0.31, ['payments']], ['Pre-approved for a personal loan', 0.06, ['lending']],
      ['Checks their credit score', 0.23, ['credit']], ['Small business owners', 0.04, ['business']], ['Students', 0.07, ['students']],
      ['Retirees', 0.11, ['wealth']], ['Travel notice on file', 0.03, ['cards']], ['Round-ups on', 0.09, ['savings']],
      ['Salary over $150k', 0.06, ['wealth']], ['Disputed a charge this year', 0.03, ['cards']], ['Card in a mobile wallet', 0.38, ['cards']],
    ],
    interests: [
      ['Checking account', 0.9], ['Savings account', 0.55], ['Credit card', 0.41], ['Money market account', 0.06], ['CD', 0.04],
      ['Mortgage', 0.08], ['Home equity line', 0.03], ['Auto loan', 0.05], ['Personal loan', 0.06], ['Student loan', 0.05],
      ['Brokerage account', 0.05], ['IRA', 0.04], ['HSA', 0.02], ['Business checking', 0.04],
    ],
    interestSegments: [
      [i => `${i} holders`, 1, ['products']],
      [i => `${i} opened this year`, 0.12, ['onboarding']],
      [i => `${i} closed this year`, 0.05, ['churn-risk']],
      [i => `${i} cross-sell targets`, 0.3, ['cross-sell']],
    ],
    levels: [['Essential', 0.6], ['Plus', 0.25], ['Premier', 0.1], ['Private', 0.02]],
    regions: US_NORTHEAST,
    events: [
      { object: 'Login', tags: ['authentication'], actions: { Succeeded: 1.6, Failed: 0.05 } },
      { object: 'Balance', tags: ['accounts'], actions: { Checked: 1.2 } },
      { object: 'Transfer', tags: ['payments'], qualified: true, actions: { Sent: 0.12, Received: 0.08, Scheduled: 0.02, Cancelled: 0.003 } },
      { object: 'Payment', tags: ['payments'], qualified: true, actions: { Made: 0.06, Scheduled: 0.02 } },
      { object: 'Statement', tags: ['statements'], qualified: true, actions: { Viewed: 0.03, Downloaded: 0.015 } },
      { object: 'Alert', tags: ['alerts'], qualified: true, actions: { Set: 0.005, Triggered: 0.04 } },
      { object: 'Account', tags: ['accounts'], qualified: true, actions: { Opened: 0.0008, Closed: 0.0002, Linked: 0.002 } },
      { object: 'Autopay', tags: ['payments'], qualified: true, actions: { Enabled: 0.002, Disabled: 0.0005 } },
      { object: 'Bill', tags: ['payments'], actions: { Paid: 0.05, Scheduled: 0.02, Added: 0.005 } },
      { object: 'Card', tags: ['cards'], actions: { Activated: 0.002, Frozen: 0.003, Unfrozen: 0.0025, Replaced: 0.001, 'Added to Wallet': 0.003 } },
      { object: 'PIN', tags: ['cards', 'security'], actions: { Changed: 0.001 } },
      { object: 'Savings Goal', tags: ['savings'], actions: { Created: 0.004, Reached: 0.0008, Updated: 0.003, Deleted: 0.0006 } },
      { object: 'Check', tags: ['deposits'], actions: { Deposited: 0.02 } },
      { object: 'Direct Deposit', tags: ['deposits'], actions: { 'Set Up': 0.001, Received: 0.07 } },
      { object: 'Loan Application', tags: ['lending'], actions: { Started: 0.002, Submitted: 0.001, Approved: 0.0005 } },
      { object: 'Credit Score', tags: ['credit'], actions: { Checked: 0.03 } },
      { object: 'Budget', tags: ['budgeting'], actions: { Created: 0.003, Exceeded: 0.004 } },
      { object: 'Payee', tags: ['payments'], actions: { Added: 0.01, Removed: 0.002 } },
      { object: 'Dispute', tags: ['cards'], actions: { Filed: 0.0006, Resolved: 0.0004 } },
      { object: 'Two-Factor', tags: ['security'], actions: { Enabled: 0.002 } },
      { object: 'Biometric Login', tags: ['security'], actions: { Enabled: 0.003 } },
      { object: 'Paperless Statements', tags: ['statements'], actions: { Enabled: 0.002 } },
      { object: 'Wire', tags: ['payments'], actions: { Sent: 0.001 } },
      { object: 'Spending Insights', tags: ['budgeting'], actions: { Viewed: 0.05 } },
      { object: 'ATM', tags: ['branches'], actions: { Located: 0.01 } },
      { object: 'Branch Appointment', tags: ['branches'], actions: { Booked: 0.0008 } },
      { object: 'Travel Notice', tags: ['cards'], actions: { Added: 0.001 } },
      { object: 'Rewards', tags: ['rewards'], actions: { Redeemed: 0.004 } },
      { object: 'Cashback', tags: ['rewards'], actions: { Earned: 0.03 } },
      { object: 'Round-Ups', tags: ['savings'], actions: { Enabled: 0.001 } },
      { object: 'Overdraft Protection', tags: ['accounts'], actions: { Enabled: 0.0005 } },
    ],
    qualifiers: [
      ['Savings', 0.3], ['Checking', 0.5], ['Credit Card', 0.3], ['Business', 0.05], ['Joint', 0.1], ['Mortgage', 0.05],
      ['Auto Loan', 0.04], ['Brokerage', 0.03], ['Student Loan', 0.03], ['Personal Loan', 0.03], ['Money Market', 0.02],
      ['International', 0.02], ['Recurring', 0.15], ['Same-Day', 0.05],
    ],
    products: [
      { name: 'Premium Account Monthly', low: 9.99, high: 14.99, rate: 0.0006, variants: true },
      { name: 'Metal Card Upgrade', low: 99, high: 199, rate: 0.00005, variants: true },
      { name: 'Express Card Replacement', low: 15, high: 30, rate: 0.0001, fee: true },
      { name: 'Instant Transfer', low: 0.5, high: 4.99, rate: 0.01, fee: true },
      { name: 'Credit Monitoring Plus', low: 9.99, high: 19.99, rate: 0.0002, variants: true },
      { name: 'Identity Protection', low: 7.99, high: 14.99, rate: 0.0002, variants: true },
      { name: 'Travel Insurance Add-on', low: 25, high: 60, rate: 0.00005, variants: true },
      { name: 'Safe Deposit Box Annual', low: 60, high: 240, rate: 0.00002, fee: true },
      { name: 'Outgoing Wire', low: 15, high: 45, rate: 0.0005, fee: true },
      { name: 'Cashier\'s Check', low: 8, high: 12, rate: 0.0002, fee: true },
      { name: 'Savings Vault Plus', low: 2.99, high: 5.99, rate: 0.0003, variants: true },
      { name: 'Overdraft Protection Plan', low: 3, high: 12, rate: 0.0001, variants: true },
      { name: 'Stop Payment', low: 25, high: 35, rate: 0.00005, fee: true },
      { name: 'Paper Statement', low: 2, high: 5, rate: 0.0003, fee: true },
      { name: 'Foreign Currency Order', low: 5, high: 15, rate: 0.00005, fee: true },
      { name: 'Priority Support Monthly', low: 4.99, high: 9.99, rate: 0.0001, variants: true },
    ],
    variants: [['Business', 1.5], ['Student', 0.5], ['Joint', 1], ['Premier', 1.3], ['Private', 2]],
    attributes: [
      ['relationship_tier', 'String', null, 'essential, plus, premier or private.', ['relationship']],
      ['has_direct_deposit', 'Boolean', null, 'Whether a payroll direct deposit arrived in the last 60 days.', ['deposits']],
      ['accounts_open', 'Number', null, 'Open accounts the customer holds, cards included.', ['accounts']],
      ['linked_external_accounts', 'Array', 10, 'Institutions of the external accounts the customer linked.', ['accounts']],
      ['credit_score_band', 'String', null, 'poor, fair, good, very good or exceptional, from the last check.', ['credit']],
      ['paperless_statements', 'Boolean', null, 'Whether statements go by email only.', ['statements']],
      ['savings_goals', 'Object Array', 20, 'Savings goals, each with a target, a date and progress.', ['savings']],
      ['preferred_branch', 'String', null, 'The branch the customer visits most.', ['branches']],
      ['kyc_verified_at', 'Date', null, 'When identity verification completed.', ['compliance']],
      ['average_balance_band', 'String', null, 'Average balance over 90 days, banded: under 1k, 1k-10k, 10k-25k, over 25k.', ['wealth']],
      ['overdraft_opt_in', 'Boolean', null, 'Whether the customer opted in to overdraft coverage.', ['accounts']],
      ['alerts_enabled', 'Array', 15, 'Alert types the customer turned on.', ['alerts']],
    ],
    counted: [
      ['transfer', ['payments']], ['bill_payment', ['payments']], ['card_transaction', ['cards']], ['login', ['authentication']],
      ['check_deposit', ['deposits']], ['atm_withdrawal', ['cards']], ['wire', ['payments']], ['dispute', ['cards']],
      ['statement_download', ['statements']], ['savings_deposit', ['savings']],
    ],
  },
  retail: {
    people: 'shoppers',
    traits: [
      ['Loyalty members', 0.3, ['loyalty']], ['Gold tier loyalty', 0.05, ['loyalty', 'vip']], ['Bought in the last 30 days', 0.12, ['purchasers']],
      ['Abandoned a cart this week', 0.08, ['cart']], ['Wishlist savers', 0.15, ['wishlist']], ['Repeat buyers', 0.18, ['purchasers']],
      ['High lifetime value', 0.05, ['vip']], ['Discount seekers', 0.22, ['promo']], ['Store pickup users', 0.1, ['omnichannel']],
      ['Gift card holders', 0.04, ['gifting']], ['Returned an order', 0.06, ['returns']], ['App-only shoppers', 0.25, ['mobile']],
    ],
    interests: [
      ['Beauty', 0.12], ['Electronics', 0.15], ['Home', 0.14], ['Apparel', 0.22], ['Shoes', 0.1], ['Toys', 0.06], ['Grocery', 0.08],
      ['Sports', 0.07], ['Garden', 0.05], ['Books', 0.06], ['Jewelry', 0.03], ['Outdoor', 0.05], ['Kids', 0.07], ['Pets', 0.06], ['Furniture', 0.04],
    ],
    interestSegments: [
      [i => `${i} shoppers`, 1, ['interests']],
      [i => `Browsed ${i.toLowerCase()} this week`, 0.4, ['browse']],
      [i => `Bought ${i.toLowerCase()} this year`, 0.3, ['purchasers']],
    ],
    levels: [['Budget', 0.4], ['Mid-range', 0.4], ['Premium', 0.2]],
    regions: WORLD_MARKETS,
    events: [
      { object: 'Product', tags: ['catalog'], qualified: true, actions: { Viewed: 1.5, 'Added to Cart': 0.2, 'Removed from Cart': 0.05, 'Added to Wishlist': 0.08, Shared: 0.01, Reviewed: 0.005 } },
      { object: 'Category', tags: ['catalog'], qualified: true, actions: { Browsed: 0.9 } },
      { object: 'Cart', tags: ['cart'], actions: { Viewed: 0.3, Abandoned: 0.1 } },
      { object: 'Checkout', tags: ['cart'], actions: { Started: 0.08, Completed: 0.05 } },
      { object: 'Order', tags: ['orders'], actions: { Placed: 0.05, Cancelled: 0.003, Returned: 0.004, Shipped: 0.045, Delivered: 0.04 } },
      { object: 'Coupon', tags: ['promo'], actions: { Applied: 0.02, Removed: 0.004 } },
      { object: 'Store', tags: ['omnichannel'], actions: { Located: 0.01 } },
      { object: 'Gift Card', tags: ['gifting'], actions: { Purchased: 0.002, Redeemed: 0.002 } },
      { object: 'Loyalty Points', tags: ['loyalty'], actions: { Earned: 0.04, Redeemed: 0.008 } },
      { object: 'Size Guide', tags: ['catalog'], actions: { Viewed: 0.03 } },
      { object: 'Back in Stock Alert', tags: ['alerts'], actions: { Set: 0.006 } },
      { object: 'Price Drop Alert', tags: ['alerts'], actions: { Set: 0.005, Triggered: 0.004 } },
      { object: 'Pickup', tags: ['omnichannel'], actions: { Scheduled: 0.01 } },
      { object: 'Barcode', tags: ['omnichannel'], actions: { Scanned: 0.02 } },
      { object: 'Lookbook', tags: ['content'], actions: { Viewed: 0.04 } },
    ],
    qualifiers: [
      ['Beauty', 0.1], ['Electronics', 0.15], ['Home', 0.12], ['Apparel', 0.2], ['Shoes', 0.1], ['Toys', 0.05], ['Grocery', 0.08],
      ['Sports', 0.06], ['Garden', 0.04], ['Books', 0.05], ['Jewelry', 0.02], ['Outdoor', 0.04], ['Kids', 0.06], ['Pets', 0.05], ['Furniture', 0.03],
    ],
    products: [
      { name: 'Wireless Earbuds', low: 39, high: 199, rate: 0.0005, variants: true },
      { name: 'Running Shoes', low: 59, high: 159, rate: 0.0006, variants: true },
      { name: 'Denim Jacket', low: 49, high: 129, rate: 0.0004, variants: true },
      { name: 'Scented Candle', low: 12, high: 39, rate: 0.0008, variants: true },
      { name: 'Matte Lipstick', low: 9, high: 32, rate: 0.001, variants: true },
      { name: 'Throw Blanket', low: 25, high: 89, rate: 0.0004, variants: true },
      { name: 'Coffee Maker', low: 29, high: 249, rate: 0.0002, variants: true },
      { name: 'Backpack', low: 29, high: 119, rate: 0.0004, variants: true },
      { name: 'Desk Lamp', low: 19, high: 79, rate: 0.0003, variants: true },
      { name: 'Board Game', low: 15, high: 59, rate: 0.0004, variants: true },
      { name: 'Dog Bed', low: 25, high: 99, rate: 0.0002, variants: true },
      { name: 'Plant Pot', low: 9, high: 49, rate: 0.0003, variants: true },
      { name: 'Gift Card', low: 25, high: 100, rate: 0.0003 },
      { name: 'Express Shipping', low: 5, high: 15, rate: 0.002, fee: true },
    ],
    variants: [['Black', 1], ['White', 1], ['Navy', 1], ['Small', 0.85], ['Medium', 1], ['Large', 1.15], ['Limited Edition', 1.5], ['Bundle', 1.8]],
    attributes: [
      ['loyalty_tier', 'String', null, 'bronze, silver or gold.', ['loyalty']],
      ['loyalty_points', 'Number', null, 'Points balance.', ['loyalty']],
      ['favorite_categories', 'Array', 10, 'Categories the shopper buys most.', ['interests']],
      ['preferred_store', 'String', null, 'The store the shopper picks up from.', ['omnichannel']],
      ['shoe_size', 'String', null, 'Shoe size from past orders.', ['profile']],
      ['cart_items', 'Object Array', 50, 'Items in the cart, with price and quantity.', ['cart']],
      ['wishlist_items', 'Array', 100, 'Product ids on the wishlist.', ['wishlist']],
    ],
    counted: [['order', ['orders']], ['return', ['returns']], ['review', ['catalog']], ['store_visit', ['omnichannel']], ['coupon_use', ['promo']]],
  },
  media: {
    people: 'readers',
    traits: [
      ['Paying subscribers', 0.1, ['subscriptions']], ['Registered, not subscribed', 0.3, ['conversion']], ['Hit the paywall this week', 0.15, ['conversion']],
      ['Newsletter subscribers', 0.25, ['newsletters']], ['Podcast listeners', 0.18, ['audio']], ['Video watchers', 0.3, ['video']],
      ['Breaking news alerts on', 0.4, ['alerts']], ['Daily briefing readers', 0.12, ['newsletters']], ['Weekend readers', 0.2, ['habits']],
      ['Commenters', 0.03, ['community']], ['Gift subscription recipients', 0.01, ['subscriptions']], ['Crossword solvers', 0.08, ['games']],
    ],
    interests: [
      ['Sports', 0.2], ['Politics', 0.25], ['Business', 0.15], ['Tech', 0.12], ['Culture', 0.1], ['Science', 0.08], ['Travel', 0.07],
      ['Food', 0.09], ['Health', 0.1], ['Opinion', 0.12], ['World', 0.18], ['Local', 0.2], ['Weather', 0.15], ['Entertainment', 0.14], ['Climate', 0.06],
    ],
    interestSegments: [
      [i => `${i} readers`, 1, ['interests']],
      [i => `${i} newsletter subscribers`, 0.2, ['newsletters']],
      [i => `Follows ${i}`, 0.25, ['interests']],
    ],
    levels: [['Casual', 0.6], ['Regular', 0.3], ['Devoted', 0.1]],
    regions: WORLD_MARKETS,
    events: [
      { object: 'Article', tags: ['articles'], qualified: true, actions: { Read: 2, Shared: 0.03, Saved: 0.05, Commented: 0.01 } },
      { object: 'Video', tags: ['video'], qualified: true, actions: { Played: 0.8, Completed: 0.4, Shared: 0.01 } },
      { object: 'Topic', tags: ['personalization'], qualified: true, actions: { Followed: 0.02, Unfollowed: 0.004 } },
      { object: 'Podcast Episode', tags: ['audio'], actions: { Played: 0.2, Completed: 0.1, Downloaded: 0.05 } },
      { object: 'Newsletter', tags: ['newsletters'], actions: { Subscribed: 0.003, Unsubscribed: 0.001 } },
      { object: 'Live Stream', tags: ['video'], actions: { Joined: 0.05, Left: 0.04 } },
      { object: 'Paywall', tags: ['conversion'], actions: { Viewed: 0.1, Dismissed: 0.08 } },
      { object: 'Subscription', tags: ['subscriptions'], actions: { Started: 0.002, Cancelled: 0.001, Renewed: 0.002 } },
      { object: 'Episode', tags: ['video'], actions: { Started: 0.3, Finished: 0.2 } },
      { object: 'Series', tags: ['video'], actions: { Followed: 0.01 } },
      { object: 'Comment', tags: ['community'], actions: { Posted: 0.02, Liked: 0.05 } },
      { object: 'Offline Download', tags: ['audio'], actions: { Started: 0.02 } },
      { object: 'Breaking News Alert', tags: ['alerts'], actions: { Opened: 0.1 } },
      { object: 'Watchlist', tags: ['video'], actions: { Updated: 0.03 } },
      { object: 'Crossword', tags: ['games'], actions: { Started: 0.1, Completed: 0.05 } },
    ],
    qualifiers: [
      ['Sports', 0.2], ['Politics', 0.2], ['Business', 0.12], ['Tech', 0.1], ['Culture', 0.08], ['Science', 0.06], ['Travel', 0.05],
      ['Food', 0.07], ['Health', 0.08], ['Opinion', 0.1], ['World', 0.15], ['Local', 0.15], ['Weather', 0.1], ['Entertainment', 0.12], ['Climate', 0.05],
    ],
    products: [
      { name: 'Digital Subscription Monthly', low: 4.99, high: 17.99, rate: 0.0008, variants: true },
      { name: 'Digital Subscription Annual', low: 49, high: 149, rate: 0.0002, variants: true },
      { name: 'All-Access Annual', low: 99, high: 249, rate: 0.0001, variants: true },
      { name: 'Gift Subscription', low: 25, high: 120, rate: 0.00005 },
      { name: 'Ad-Free Upgrade', low: 2.99, high: 6.99, rate: 0.0003 },
      { name: 'Print and Digital Bundle', low: 19.99, high: 39.99, rate: 0.0001, variants: true },
      { name: 'Archive Pass', low: 4.99, high: 9.99, rate: 0.00005 },
      { name: 'Crossword Add-on', low: 1.99, high: 4.99, rate: 0.0002 },
      { name: 'Cooking Add-on', low: 1.99, high: 4.99, rate: 0.0002 },
      { name: 'Audio Add-on', low: 1.99, high: 4.99, rate: 0.0001 },
      { name: 'Live Event Ticket', low: 15, high: 75, rate: 0.00003 },
    ],
    variants: [['Student', 0.5], ['Family', 1.6], ['Group', 3], ['Educator', 0.6]],
    attributes: [
      ['subscription_status', 'String', null, 'anonymous, registered, subscriber or lapsed.', ['subscriptions']],
      ['followed_topics', 'Array', 50, 'Topics the reader follows.', ['personalization']],
      ['newsletters', 'Array', 20, 'Newsletters the reader receives.', ['newsletters']],
      ['articles_read_this_month', 'Number', null, 'Articles read since the 1st, for the meter.', ['conversion']],
      ['preferred_reading_time', 'String', null, 'morning, lunchtime, evening or night.', ['habits']],
      ['home_edition', 'String', null, 'The edition the reader opens by default.', ['personalization']],
      ['audio_autoplay', 'Boolean', null, 'Whether audio articles play on their own.', ['audio']],
      ['saved_articles', 'Object Array', 200, 'Saved articles, with the date saved.', ['articles']],
    ],
    counted: [['article_read', ['articles']], ['video_view', ['video']], ['podcast_play', ['audio']], ['comment', ['community']], ['share', ['articles']]],
  },
  gaming: {
    people: 'players',
    traits: [
      ['Paying players', 0.04, ['monetization']], ['Top 1% spenders', 0.01, ['monetization', 'vip']], ['Battle pass owners', 0.06, ['monetization']],
      ['Guild members', 0.3, ['social']], ['Finished the tutorial', 0.7, ['onboarding']], ['Stuck on a level', 0.1, ['churn-risk']],
      ['Daily reward streak 7+', 0.15, ['engagement']], ['Plays on weekends', 0.45, ['habits']], ['Watched a rewarded ad', 0.35, ['ads']],
      ['Invited a friend', 0.05, ['social']], ['Controller players', 0.08, ['devices']], ['Completionists', 0.02, ['engagement']],
    ],
    interests: [
      ['Ranked', 0.25], ['Casual', 0.5], ['Co-op', 0.2], ['Solo', 0.4], ['Arena', 0.15], ['Campaign', 0.3], ['Survival', 0.1],
      ['Weekend event', 0.12], ['Seasonal', 0.18], ['Practice', 0.08], ['Squad', 0.14], ['Hardcore', 0.03],
    ],
    interestSegments: [
      [i => `${i} players`, 1, ['modes']],
      [i => `${i} winners this week`, 0.3, ['competitive']],
      [i => `${i} drop-offs`, 0.15, ['churn-risk']],
    ],
    levels: [['Bronze', 0.4], ['Silver', 0.3], ['Gold', 0.2], ['Platinum', 0.08], ['Diamond', 0.02]],
    regions: WORLD_MARKETS,
    events: [
      { object: 'Level', tags: ['progression'], qualified: true, actions: { Started: 3, Completed: 2, Failed: 1 } },
      { object: 'Match', tags: ['matches'], qualified: true, actions: { Started: 2, Won: 0.9, Lost: 0.9, Abandoned: 0.1 } },
      { object: 'Tournament', tags: ['competitive'], qualified: true, actions: { Entered: 0.05, Won: 0.005 } },
      { object: 'Quest', tags: ['progression'], qualified: true, actions: { Started: 0.8, Completed: 0.6 } },
      { object: 'Tutorial', tags: ['onboarding'], actions: { Started: 0.02, Completed: 0.015, Skipped: 0.005 } },
      { object: 'Achievement', tags: ['progression'], actions: { Unlocked: 0.3 } },
      { object: 'Item', tags: ['economy'], actions: { Purchased: 0.05, Equipped: 0.4, Crafted: 0.2, Sold: 0.05 } },
      { object: 'Battle Pass', tags: ['monetization'], actions: { Purchased: 0.002, 'Tier Reached': 0.3 } },
      { object: 'Daily Reward', tags: ['engagement'], actions: { Claimed: 0.7 } },
      { object: 'Guild', tags: ['social'], actions: { Joined: 0.01, Left: 0.003, Created: 0.001 } },
      { object: 'Character', tags: ['progression'], actions: { Created: 0.01, 'Leveled Up': 0.5 } },
      { object: 'Loot Box', tags: ['economy'], actions: { Opened: 0.3 } },
      { object: 'Rewarded Ad', tags: ['ads'], actions: { Watched: 0.6, Skipped: 0.2 } },
      { object: 'Boss', tags: ['progression'], actions: { Defeated: 0.2 } },
      { object: 'Leaderboard', tags: ['competitive'], actions: { Viewed: 0.1 } },
      { object: 'Gems', tags: ['economy'], actions: { Spent: 0.4, Earned: 1 } },
      { object: 'Energy', tags: ['economy'], actions: { Refilled: 0.3 } },
      { object: 'Skin', tags: ['cosmetics'], actions: { Equipped: 0.05 } },
      { object: 'Friend Request', tags: ['social'], actions: { Sent: 0.02, Accepted: 0.015 } },
    ],
    qualifiers: [
      ['Ranked', 0.2], ['Casual', 0.4], ['Co-op', 0.15], ['Solo', 0.3], ['Arena', 0.1], ['Campaign', 0.25], ['Survival', 0.08],
      ['Weekend Event', 0.1], ['Seasonal', 0.12], ['Practice', 0.05], ['Squad', 0.1], ['Hardcore', 0.02],
    ],
    products: [
      { name: 'Gem Pack Small', low: 0.99, high: 1.99, rate: 0.002 },
      { name: 'Gem Pack Medium', low: 4.99, high: 9.99, rate: 0.001 },
      { name: 'Gem Pack Large', low: 19.99, high: 49.99, rate: 0.0003 },
      { name: 'Starter Bundle', low: 2.99, high: 4.99, rate: 0.0008 },
      { name: 'Battle Pass', low: 9.99, high: 9.99, rate: 0.0003, variants: true },
      { name: 'Premium Battle Pass', low: 19.99, high: 24.99, rate: 0.0001, variants: true },
      { name: 'Energy Refill', low: 0.99, high: 1.99, rate: 0.002 },
      { name: 'Character Skin', low: 4.99, high: 14.99, rate: 0.0005, variants: true },
      { name: 'Weapon Crate', low: 1.99, high: 4.99, rate: 0.0006, variants: true },
      { name: 'VIP Monthly', low: 4.99, high: 9.99, rate: 0.0002 },
      { name: 'Remove Ads', low: 2.99, high: 4.99, rate: 0.0002 },
      { name: 'Coin Doubler', low: 3.99, high: 6.99, rate: 0.0001 },
    ],
    variants: [['Winter', 1], ['Spring', 1], ['Summer', 1], ['Autumn', 1], ['Halloween', 1.2], ['Lunar New Year', 1.2], ['Anniversary', 1.3], ['Legendary', 2]],
    attributes: [
      ['player_level', 'Number', null, 'Current account level.', ['progression']],
      ['rank_tier', 'String', null, 'bronze to diamond, in ranked play.', ['competitive']],
      ['gems_balance', 'Number', null, 'Premium currency held.', ['economy']],
      ['owned_characters', 'Array', 100, 'Characters unlocked.', ['progression']],
      ['guild_name', 'String', null, 'The player\'s guild, if any.', ['social']],
      ['is_payer', 'Boolean', null, 'Whether the player has ever paid.', ['monetization']],
      ['last_level_completed_at', 'Date', null, 'When the last level was completed.', ['progression']],
      ['loadout', 'Object', null, 'Equipped items by slot.', ['economy']],
    ],
    counted: [['match', ['matches']], ['level_attempt', ['progression']], ['purchase', ['monetization']], ['ad_view', ['ads']], ['quest', ['progression']]],
  },
  travel: {
    people: 'travelers',
    traits: [
      ['Booked in the last year', 0.3, ['bookers']], ['Frequent flyers', 0.08, ['loyalty']], ['Elite loyalty members', 0.04, ['loyalty', 'vip']],
      ['Price alert set', 0.12, ['alerts']], ['Upcoming trip', 0.1, ['trips']], ['Searched, never booked', 0.4, ['conversion']],
      ['Business travelers', 0.15, ['business']], ['Family travelers', 0.2, ['family']], ['Bought travel insurance', 0.05, ['ancillaries']],
      ['Miles to redeem', 0.18, ['loyalty']], ['Solo travelers', 0.12, ['trips']],
    ],
    interests: [
      ['Europe', 0.3], ['Asia', 0.15], ['the Caribbean', 0.12], ['Mexico', 0.14], ['Hawaii', 0.06], ['Japan', 0.07], ['Italy', 0.1],
      ['Spain', 0.08], ['Greece', 0.06], ['Thailand', 0.05], ['Iceland', 0.03], ['Canada', 0.08], ['Australia', 0.04], ['Portugal', 0.05], ['Morocco', 0.02],
    ],
    interestSegments: [
      [i => `Interested in ${i}`, 1, ['destinations']],
      [i => `Searched ${i} this month`, 0.3, ['intent']],
      [i => `Booked ${i} before`, 0.1, ['bookers']],
    ],
    levels: [['Economy', 0.7], ['Premium economy', 0.15], ['Business class', 0.12], ['First class', 0.03]],
    regions: WORLD_MARKETS,
    events: [
      { object: 'Booking', tags: ['bookings'], qualified: true, actions: { Started: 0.03, Completed: 0.01, Cancelled: 0.002, Modified: 0.003 } },
      { object: 'Trip', tags: ['trips'], actions: { Planned: 0.01, Reviewed: 0.003 } },
      { object: 'Destination Guide', tags: ['content'], qualified: true, actions: { Viewed: 0.05 } },
      { object: 'Flight Search', tags: ['search'], actions: { Performed: 0.3 } },
      { object: 'Hotel Search', tags: ['search'], actions: { Performed: 0.25 } },
      { object: 'Flight', tags: ['flights'], actions: { Booked: 0.006, 'Checked In': 0.005 } },
      { object: 'Hotel', tags: ['hotels'], actions: { Viewed: 0.4, Booked: 0.005, Saved: 0.03 } },
      { object: 'Car Rental', tags: ['ancillaries'], actions: { Booked: 0.002 } },
      { object: 'Itinerary', tags: ['trips'], actions: { Viewed: 0.1, Shared: 0.01 } },
      { object: 'Boarding Pass', tags: ['flights'], actions: { Downloaded: 0.005, 'Added to Wallet': 0.004 } },
      { object: 'Seat', tags: ['ancillaries'], actions: { Selected: 0.005 } },
      { object: 'Bag', tags: ['ancillaries'], actions: { Added: 0.003 } },
      { object: 'Price Alert', tags: ['alerts'], actions: { Set: 0.01, Triggered: 0.02 } },
      { object: 'Miles', tags: ['loyalty'], actions: { Earned: 0.01, Redeemed: 0.002 } },
      { object: 'Upgrade', tags: ['ancillaries'], actions: { Requested: 0.001, Confirmed: 0.0005 } },
      { object: 'Travel Insurance', tags: ['ancillaries'], actions: { Added: 0.002 } },
      { object: 'Review', tags: ['content'], actions: { Written: 0.003 } },
    ],
    qualifiers: [
      ['Beach', 0.2], ['City Break', 0.2], ['Ski', 0.05], ['Business', 0.15], ['Family', 0.15], ['Weekend', 0.2], ['Long-Haul', 0.1],
      ['Domestic', 0.4], ['International', 0.3], ['Cruise', 0.03], ['Road Trip', 0.08], ['Last-Minute', 0.1],
    ],
    products: [
      { name: 'Seat Selection', low: 9, high: 49, rate: 0.002, fee: true, variants: true },
      { name: 'Extra Legroom Seat', low: 29, high: 99, rate: 0.0008, variants: true },
      { name: 'Checked Bag', low: 30, high: 70, rate: 0.002, fee: true, variants: true },
      { name: 'Priority Boarding', low: 10, high: 30, rate: 0.0006, fee: true },
      { name: 'Lounge Pass', low: 29, high: 69, rate: 0.0003 },
      { name: 'Travel Insurance', low: 19, high: 89, rate: 0.0007, variants: true },
      { name: 'Airport Transfer', low: 25, high: 90, rate: 0.0004 },
      { name: 'Hotel Night', low: 79, high: 299, rate: 0.003, variants: true },
      { name: 'Car Rental Day', low: 35, high: 120, rate: 0.001 },
      { name: 'Business Class Upgrade', low: 199, high: 899, rate: 0.00005, variants: true },
      { name: 'In-Flight Wi-Fi', low: 8, high: 25, rate: 0.001 },
      { name: 'Flexible Ticket', low: 25, high: 120, rate: 0.0003, variants: true },
    ],
    variants: [['Domestic', 0.8], ['International', 1.3], ['Long-Haul', 1.6], ['Family', 2.2]],
    attributes: [
      ['home_airport', 'String', null, 'IATA code of the airport the traveler flies from most.', ['profile']],
      ['loyalty_tier', 'String', null, 'member, silver, gold or platinum.', ['loyalty']],
      ['miles_balance', 'Number', null, 'Miles available to redeem.', ['loyalty']],
      ['next_trip_at', 'Date', null, 'Departure of the next booked trip.', ['trips']],
      ['favorite_destinations', 'Array', 20, 'Destinations the traveler saved.', ['destinations']],
      ['seat_preference', 'String', null, 'window, aisle or none.', ['profile']],
      ['has_passport_on_file', 'Boolean', null, 'Whether passport details are saved.', ['profile']],
      ['upcoming_bookings', 'Object Array', 20, 'Bookings not yet travelled, with dates.', ['bookings']],
    ],
    counted: [['booking', ['bookings']], ['flight', ['flights']], ['hotel_stay', ['hotels']], ['search', ['search']], ['review', ['content']]],
  },
  food: {
    people: 'diners',
    traits: [
      ['Weekly orderers', 0.15, ['habits']], ['Meal kit subscribers', 0.05, ['subscriptions']], ['Free delivery members', 0.12, ['subscriptions']],
      ['Used a promo code', 0.3, ['promo']], ['Ordered once, never again', 0.25, ['churn-risk']], ['Late-night orderers', 0.08, ['habits']],
      ['Group orderers', 0.04, ['social']], ['Vegetarian', 0.1, ['dietary']], ['Gluten-free', 0.04, ['dietary']], ['High tippers', 0.12, ['habits']],
      ['Prefers pickup', 0.1, ['pickup']], ['Lunch regulars', 0.14, ['habits']],
    ],
    interests: [
      ['Pizza', 0.3], ['Sushi', 0.12], ['Thai', 0.1], ['Mexican', 0.18], ['Indian', 0.12], ['Burger', 0.25], ['Vegan', 0.05], ['Salad', 0.12],
      ['Breakfast', 0.1], ['Dessert', 0.15], ['Coffee', 0.2], ['Chinese', 0.16], ['Italian', 0.14], ['Mediterranean', 0.08], ['Korean', 0.05], ['Ramen', 0.06],
    ],
    interestSegments: [
      [i => `${i} lovers`, 1, ['cuisines']],
      [i => `Ordered ${i} this month`, 0.4, ['orders']],
      [i => `Tried ${i} once`, 0.2, ['cross-sell']],
    ],
    levels: [['Budget', 0.4], ['Everyday', 0.45], ['Premium', 0.15]],
    regions: WORLD_MARKETS,
    events: [
      { object: 'Menu', tags: ['discovery'], qualified: true, actions: { Viewed: 0.8 } },
      { object: 'Restaurant', tags: ['discovery'], qualified: true, actions: { Viewed: 0.6, Favorited: 0.02 } },
      { object: 'Order', tags: ['orders'], qualified: true, actions: { Placed: 0.1, Delivered: 0.09, Cancelled: 0.004, Rated: 0.03, Reordered: 0.02 } },
      { object: 'Recipe', tags: ['content'], qualified: true, actions: { Viewed: 0.2, Saved: 0.02, Cooked: 0.01 } },
      { object: 'Delivery', tags: ['delivery'], actions: { Tracked: 0.2 } },
      { object: 'Promo Code', tags: ['promo'], actions: { Applied: 0.01 } },
      { object: 'Meal Kit', tags: ['subscriptions'], actions: { Subscribed: 0.001, Skipped: 0.01, Paused: 0.002 } },
      { object: 'Table', tags: ['reservations'], actions: { Reserved: 0.004 } },
      { object: 'Pickup', tags: ['pickup'], actions: { Scheduled: 0.01 } },
      { object: 'Tip', tags: ['delivery'], actions: { Added: 0.05 } },
      { object: 'Driver', tags: ['delivery'], actions: { Rated: 0.03 } },
      { object: 'Dietary Preferences', tags: ['dietary'], actions: { Set: 0.003 } },
      { object: 'Loyalty Reward', tags: ['loyalty'], actions: { Redeemed: 0.005 } },
      { object: 'Group Order', tags: ['social'], actions: { Started: 0.002 } },
    ],
    qualifiers: [
      ['Pizza', 0.2], ['Sushi', 0.08], ['Thai', 0.07], ['Mexican', 0.12], ['Indian', 0.08], ['Burger', 0.15], ['Vegan', 0.04], ['Salad', 0.08],
      ['Breakfast', 0.06], ['Dessert', 0.08], ['Coffee', 0.12], ['Chinese', 0.1], ['Italian', 0.09], ['Mediterranean', 0.05], ['Korean', 0.03], ['Ramen', 0.04],
    ],
    products: [
      { name: 'Delivery Fee', low: 1.99, high: 5.99, rate: 0.05, fee: true },
      { name: 'Free Delivery Pass Monthly', low: 7.99, high: 12.99, rate: 0.0005 },
      { name: 'Meal Kit Box', low: 49, high: 89, rate: 0.0006, variants: true },
      { name: 'Family Meal Deal', low: 25, high: 45, rate: 0.005, variants: true },
      { name: 'Margherita Pizza', low: 11, high: 19, rate: 0.01, variants: true },
      { name: 'Sushi Platter', low: 18, high: 38, rate: 0.003, variants: true },
      { name: 'Burrito Bowl', low: 9, high: 14, rate: 0.008, variants: true },
      { name: 'Pad Thai', low: 11, high: 16, rate: 0.005, variants: true },
      { name: 'Chicken Curry', low: 12, high: 18, rate: 0.005, variants: true },
      { name: 'Breakfast Sandwich', low: 5, high: 9, rate: 0.006, variants: true },
      { name: 'Cold Brew', low: 3, high: 6, rate: 0.01, variants: true },
      { name: 'Dessert Box', low: 9, high: 24, rate: 0.002, variants: true },
      { name: 'Gift Card', low: 25, high: 100, rate: 0.0003 },
    ],
    variants: [['Small', 0.8], ['Large', 1.3], ['Family Size', 2], ['Spicy', 1], ['Vegan', 1.05], ['Gluten-Free', 1.1]],
    attributes: [
      ['dietary_preferences', 'Array', 10, 'vegetarian, vegan, gluten-free, halal, kosher...', ['dietary']],
      ['favorite_cuisines', 'Array', 10, 'Cuisines ordered most.', ['cuisines']],
      ['default_address_city', 'String', null, 'City of the default delivery address.', ['delivery']],
      ['has_delivery_pass', 'Boolean', null, 'Whether a free-delivery pass is active.', ['subscriptions']],
      ['average_order_value', 'Number', null, 'Average order total over 90 days.', ['orders']],
      ['saved_restaurants', 'Array', 50, 'Restaurants favorited.', ['discovery']],
      ['usual_order', 'Object', null, 'The order placed most often, with items and options.', ['orders']],
    ],
    counted: [['order', ['orders']], ['reservation', ['reservations']], ['recipe_cooked', ['content']], ['promo_use', ['promo']], ['review', ['feedback']]],
  },
  other: {
    people: 'users',
    traits: [
      ['Paid plan', 0.15, ['billing']], ['Free plan', 0.7, ['billing']], ['On a trial', 0.05, ['billing', 'onboarding']],
      ['Team admins', 0.08, ['teams']], ['Invited a teammate', 0.2, ['teams']], ['Integration connected', 0.15, ['integrations']],
      ['Power users', 0.1, ['engagement']], ['Exported a report', 0.12, ['reports']], ['Mobile only', 0.25, ['mobile']],
      ['Enterprise accounts', 0.03, ['billing']],
    ],
    interests: [
      ['Reports', 0.3], ['Dashboards', 0.35], ['Templates', 0.25], ['Integrations', 0.15], ['Calendar', 0.3], ['Files', 0.4],
      ['Tasks', 0.5], ['Comments', 0.3], ['Automations', 0.1], ['API', 0.04],
    ],
    interestSegments: [
      [i => `${i} users`, 1, ['features']],
      [i => `Tried ${i} once`, 0.3, ['adoption']],
      [i => `${i} heavy users`, 0.15, ['engagement']],
    ],
    levels: [['Starter', 0.5], ['Pro', 0.35], ['Enterprise', 0.15]],
    regions: WORLD_MARKETS,
    events: [
      { object: 'Document', tags: ['documents'], qualified: true, actions: { Created: 0.2, Shared: 0.05, Exported: 0.02 } },
      { object: 'Project', tags: ['projects'], qualified: true, actions: { Created: 0.02, Archived: 0.005 } },
      { object: 'Report', tags: ['reports'], qualified: true, actions: { Viewed: 0.1, Exported: 0.01 } },
      { object: 'Task', tags: ['tasks'], actions: { Created: 0.5, Completed: 0.4 } },
      { object: 'Team Member', tags: ['teams'], actions: { Invited: 0.005 } },
      { object: 'Integration', tags: ['integrations'], actions: { Connected: 0.002 } },
      { object: 'Dashboard', tags: ['reports'], actions: { Viewed: 0.3 } },
      { object: 'File', tags: ['files'], actions: { Uploaded: 0.1, Downloaded: 0.08 } },
      { object: 'Comment', tags: ['collaboration'], actions: { Added: 0.1 } },
      { object: 'Plan', tags: ['billing'], actions: { Upgraded: 0.001, Downgraded: 0.0005 } },
      { object: 'Trial', tags: ['billing'], actions: { Started: 0.003, Converted: 0.001 } },
      { object: 'Invoice', tags: ['billing'], actions: { Paid: 0.002 } },
      { object: 'Template', tags: ['templates'], actions: { Used: 0.03 } },
      { object: 'Workspace', tags: ['teams'], actions: { Created: 0.002 } },
      { object: 'Calendar', tags: ['integrations'], actions: { Synced: 0.05 } },
    ],
    qualifiers: [
      ['Personal', 0.3], ['Team', 0.4], ['Shared', 0.2], ['Draft', 0.15], ['Weekly', 0.1], ['Monthly', 0.08], ['Priority', 0.05],
      ['Client', 0.1], ['Internal', 0.15], ['Quarterly', 0.03],
    ],
    products: [
      { name: 'Pro Plan Monthly', low: 8, high: 15, rate: 0.0008, variants: true },
      { name: 'Pro Plan Annual', low: 80, high: 150, rate: 0.0002, variants: true },
      { name: 'Team Plan Monthly', low: 20, high: 60, rate: 0.0003, variants: true },
      { name: 'Team Plan Annual', low: 200, high: 600, rate: 0.0001, variants: true },
      { name: 'Extra Storage', low: 1.99, high: 9.99, rate: 0.0003 },
      { name: 'Additional Seat', low: 5, high: 15, rate: 0.0005, variants: true },
      { name: 'Priority Support', low: 9, high: 29, rate: 0.0001 },
      { name: 'Template Pack', low: 4.99, high: 19.99, rate: 0.0002 },
      { name: 'API Add-on', low: 19, high: 99, rate: 0.00005 },
      { name: 'Onboarding Package', low: 199, high: 999, rate: 0.00002 },
    ],
    variants: [['Education', 0.5], ['Nonprofit', 0.6], ['Startup', 0.8], ['Enterprise', 1.8]],
    attributes: [
      ['plan', 'String', null, 'free, pro, team or enterprise.', ['billing']],
      ['role', 'String', null, 'The user\'s role in their team.', ['teams']],
      ['team_size', 'Number', null, 'Members of the user\'s team.', ['teams']],
      ['connected_integrations', 'Array', 30, 'Integrations connected.', ['integrations']],
      ['trial_ends_at', 'Date', null, 'When the trial ends, if on one.', ['billing']],
      ['is_admin', 'Boolean', null, 'Whether the user administers the workspace.', ['teams']],
      ['feature_usage', 'Object', null, 'Uses of each feature in the last 30 days.', ['engagement']],
    ],
    counted: [['document', ['documents']], ['project', ['projects']], ['task', ['tasks']], ['export', ['reports']], ['invite', ['teams']]],
  },
}

// ---- Building the vocabularies -------------------------------------------------------------------------

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
/** Lower case, except words in capitals (PIN, HIIT, ATM). */
const lowerWords = (text: string): string => text.replace(/\S+/g, word => /^[A-Z]{2,}$/.test(word) ? word : word.toLowerCase())
const days = (n: number): string => n === 1 ? 'day' : `${n} days`

function lifecycleSegments (people: string): { plain: Array<Family<SegmentEntry>>, phrased: Array<Family<SegmentEntry>> } {
  const active = (n: number): Audience => ({ kind: 'active', days: n })
  const lapsed = (n: number): Audience => ({ kind: 'lapsed', days: n })
  const recent = (n: number): Audience => ({ kind: 'new', days: n })
  const entry = (name: string, audience: Audience, tags: readonly string[]): SegmentEntry => ({ name, tags, audience })
  return {
    plain: [
      combos([ACTIVE_DAYS], n => entry(`Active in the last ${days(n)}`, active(n), ['engagement'])),
      combos([LAPSED_DAYS], n => entry(`Lapsed ${n}+ days`, lapsed(n), ['churn-risk', 'reactivation'])),
      combos([NEW_DAYS], n => entry(`New in the last ${days(n)}`, recent(n), ['onboarding'])),
    ],
    phrased: [
      combos([ACTIVE_DAYS], n => entry(`${capital(people)} active in the last ${days(n)}`, active(n), ['engagement'])),
      combos([LAPSED_DAYS], n => entry(`No session in ${n}+ days`, lapsed(n), ['churn-risk'])),
      combos([NEW_DAYS], n => entry(`New ${people}, last ${days(n)}`, recent(n), ['onboarding'])),
      combos([[['Daily', 1], ['Weekly', 7], ['Monthly', 30]] as const], ([label, n]) =>
        entry(`${label} active ${people}`, active(n), ['engagement'])),
    ],
  }
}

function segmentCatalog (words: IndustryWords): Catalog<SegmentEntry> {
  const trait = (name: string, share: number, tags: readonly string[]): SegmentEntry =>
    ({ name, tags, share, audience: { kind: 'trait', share, drift: 0.05 } })
  const { plain, phrased } = lifecycleSegments(words.people)
  const [first, ...others] = words.interestSegments as [InterestSegment, ...InterestSegment[]]
  const interest = ([name, factor, tags]: InterestSegment, [label, share]: Weighted) => trait(name(label), share * factor, tags)
  return new Catalog([
    [
      ...plain,
      combos([words.traits], ([name, share, tags]) => trait(name, share, tags)),
      combos([words.interests], i => interest(first, i)),
    ],
    [
      ...phrased,
      combos([GENERIC_TRAITS], ([name, share, tags]) => trait(name, share, tags)),
      combos([words.regions], ([region, share]) => trait(`${capital(words.people)} in ${region}`, share, ['geo'])),
      combos([others, words.interests], (pattern, i) => interest(pattern, i)),
    ],
    [
      combos([words.interestSegments, words.interests, words.levels], ([name, factor, tags], [label, share], [level, part]) =>
        trait(`${name(label)} - ${level}`, share * factor * part, tags)),
    ],
  ])
}

function eventCatalog (words: IndustryWords): Catalog<EventEntry> {
  const actions = (objects: readonly EventObject[]) =>
    objects.flatMap(o => Object.entries(o.actions).map(([action, rate]) => ({ object: o.object, tags: o.tags, action, rate })))
  const event = (object: string, action: string, rate: number, tags: readonly string[]): EventEntry => ({
    name: `${object} ${action}`,
    description: `Logged by the app each time: ${lowerWords(`${object} ${action}`)}.`,
    tags,
    rate,
  })
  const plain = (objects: readonly EventObject[]) => combos([actions(objects)], a => event(a.object, a.action, a.rate, a.tags))
  return new Catalog([
    [plain(words.events)],
    [plain(GENERIC_EVENTS)],
    [combos([words.qualifiers, actions(words.events.filter(o => o.qualified === true))], ([qualifier, share], a) =>
      event(`${qualifier} ${a.object}`, a.action, a.rate * share, a.tags))],
  ])
}

function productCatalog (words: IndustryWords): Catalog<ProductEntry> {
  const product = (p: ProductSpec, name = p.name, factor = 1, share = 1): ProductEntry =>
    ({ name, low: p.low * factor, high: p.high * factor, fee: p.fee === true, rate: p.rate * share })
  return new Catalog([
    [combos([words.products], p => product(p))],
    [combos([words.products.filter(p => p.variants === true), words.variants], (p, [variant, factor]) =>
      product(p, `${p.name} - ${variant}`, factor, 1 / words.variants.length))],
  ])
}

function attributeCatalog (words: IndustryWords): Catalog<AttributeEntry> {
  const attribute = ([name, dataType, arrayLength, description, tags]: AttributeSpec): AttributeEntry =>
    ({ name, dataType, arrayLength, description, tags })
  return new Catalog([
    [combos([words.attributes], attribute)],
    [combos([GENERIC_ATTRIBUTES], attribute)],
    [combos([words.counted, COUNTED_STATS], ([noun, tags], [name, dataType, description]) =>
      attribute([name(noun), dataType, null, description(noun.replace(/_/g, ' ')), tags]))],
  ])
}

const INDUSTRY_LIST = Object.keys(WORDS) as Industry[]
const byIndustry = <E> (build: (words: IndustryWords) => Catalog<E>): Readonly<Record<Industry, Catalog<E>>> =>
  Object.fromEntries(INDUSTRY_LIST.map(industry => [industry, build(WORDS[industry])])) as Record<Industry, Catalog<E>>

// Built once at module load: each is a few closures over the constant word lists above, not a list of names.
const SEGMENTS = byIndustry(segmentCatalog)
const EVENTS = byIndustry(eventCatalog)
const PRODUCTS = byIndustry(productCatalog)
const ATTRIBUTES = byIndustry(attributeCatalog)

/** An industry's words, for the vocabularies built on them (campaigns and Canvases: messaging-names.ts). */
export function industryWords (industry: Industry): IndustryWords {
  return WORDS[industry]
}
