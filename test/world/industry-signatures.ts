// Words that say an industry, shared by the tests of generated names (names.test.ts, messaging-names.test.ts):
// none may appear in another industry's names.
import { INDUSTRIES, type Industry } from '../../src/world/fixture-schema.js'

export const SIGNATURES: Record<Industry, string[]> = {
  fitness: ['workout', 'yoga', 'gym', 'fitness', 'kettlebell', 'pilates'],
  finance: ['loan', 'mortgage', 'overdraft', 'payee', 'bank', 'credit score', 'direct deposit', 'checking'],
  retail: ['cart', 'checkout', 'wishlist', 'shopper', 'coupon', 'browsed', 'beauty', 'apparel', 'department', 'store', 'jewelry', 'lookbook'],
  media: ['article', 'newsletter', 'paywall', 'podcast', 'crossword'],
  gaming: ['guild', 'quest', 'loot', 'battle pass', 'gems', 'boss'],
  travel: ['flight', 'hotel', 'boarding', 'itinerary', 'miles', 'lounge'],
  food: ['menu', 'restaurant', 'recipe', 'meal kit', 'cuisine', 'pizza'],
  other: ['dashboard', 'workspace', 'team member', 'invoice'],
}

/** Each of `texts` (lower case) that says another industry than `industry`, with the word that says it. */
export function foreignWords (industry: Industry, texts: readonly string[]): string[] {
  const words = INDUSTRIES.filter(other => other !== industry).flatMap(other => SIGNATURES[other].map(word => ({ other, word })))
  return words.flatMap(({ other, word }) => texts
    .filter(text => new RegExp(`\\b${word}`).test(text))
    .map(text => `${text} (${other}: ${word})`))
}
