// Names and tags for entities the fixtures leave unnamed or ask to be generated, from faker. Faker is
// loaded at the first name anything asks for, not before: its English locale costs ~30 ms to load (the
// package root, which evaluates every locale, ~200 ms), and a generated segment's name is only drawn when a
// request reads it, so the built-in fixtures' cold start pays nothing for it. That first read happens inside
// a request, synchronously, hence require(): Node 20.19 and later load an ES module that way.
import { createRequire } from 'node:module'
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
