// Names and tags for entities the fixtures leave unnamed or ask to be generated, from faker. Faker is
// imported only when a fixture set needs it: its English locale costs ~30 ms to load and the package root,
// which evaluates every locale, ~200 ms, which the cold start of the built-in fixtures should not pay.
import type { Faker } from '@faker-js/faker'
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

let loading: Promise<NameSource> | undefined

export function loadNameSource (): Promise<NameSource> {
  loading ??= createNameSource()
  return loading
}

async function createNameSource (): Promise<NameSource> {
  const { faker: english } = await import('@faker-js/faker/locale/en')
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
