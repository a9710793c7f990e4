// Names for generated campaigns and Canvases, fitting the workspace's industry the way its segments, events
// and products do (names.ts, whose interests, products, regions and levels these vocabularies reuse). A
// campaign's name says what it sends on ("Streak Saver Push", "Low Balance Alert (API)", "Holiday Offer 2024
// Email"), so the name is drawn first and the campaign is built to agree with it. Pure, like names.ts: the same
// seed, industry and count give the same names, all distinct, numbered only past the whole vocabulary.
import type { Industry } from './fixture-schema.js'
import { Catalog, combos, industryWords, pick, type Family, type IndustryWords } from './names.js'

/** What a campaign sends on, as its name says: one channel, push (iOS and Android), or several. */
export type ChannelKind = 'email' | 'push' | 'web_push' | 'in_app' | 'sms' | 'webhook' | 'card' | 'multi'

/** A generated campaign's name and what the name commits it to. */
export interface NamedCampaign {
  readonly name: string
  /** What its messages are about: the name without channel, market or level ("Streak Saver"). */
  readonly topic: string
  readonly kind: ChannelKind
  /** An API campaign, named "... (API)" as Braze users name them. */
  readonly api: boolean
  /** Sent on an action (action_based) rather than on a schedule. */
  readonly triggered: boolean
  readonly tags: readonly string[]
  /** The product an offer sells, as the industry's vocabulary names it. */
  readonly product?: string
  /** The season a dated name speaks of ("Black Friday Offer 2024"): its year and month (1-12). */
  readonly season?: Season
}

/** A generated Canvas's name. */
export interface NamedCanvas {
  readonly name: string
  readonly topic: string
  readonly tags: readonly string[]
  readonly season?: Season
}

export interface Season {
  readonly year: number
  readonly month: number
}

/** When a workspace's generated entities are created: [since, until), epoch ms. */
export interface History {
  readonly since: number
  readonly until: number
}

/**
 * The first `count` campaign names of the seed's order, none in `taken` (the fixtures' own), all distinct; a
 * dated one only when its season lies in the `history`, so that "Black Friday Offer 2019" is not created
 * years after its Black Friday, nor before the workspace's first app.
 */
export function generatedCampaignNames (seed: readonly number[], industry: Industry, count: number,
  taken: ReadonlySet<string> = new Set(), history: History = ANY_TIME): NamedCampaign[] {
  return pick(CAMPAIGNS[industry], seed, SALT.campaigns, count, taken, numbered, renamed,
    entry => entry.season === undefined || inHistory(entry.season, history))
}

/** The first `count` Canvas names of the seed's order, none in `taken`, all distinct, dated ones in the history. */
export function generatedCanvasNames (seed: readonly number[], industry: Industry, count: number,
  taken: ReadonlySet<string> = new Set(), history: History = ANY_TIME): NamedCanvas[] {
  return pick(CANVASES[industry], seed, SALT.canvases, count, taken, numbered, renamed,
    entry => entry.season === undefined || inHistory(entry.season, history))
}

/**
 * An entry under another name. Object.assign, not `{ ...entry, name }`: that spread gave each of a
 * workspace's 10,000 names a hidden class of its own, made on the spot (BENCHMARKS.md, eighth pass).
 */
function renamed<E extends { name: string }> (entry: E, name: string): E {
  return Object.assign({}, entry, { name })
}

/** The first day of a season's month. */
export function seasonStart ({ year, month }: Season): number {
  return Date.UTC(year, month - 1, 1)
}

/** How many days before its season a dated campaign or Canvas is created. */
export const SEASON_LEAD_DAYS = { min: 7, max: 52 } as const

const ANY_TIME: History = { since: -Infinity, until: Infinity }

function inHistory (season: Season, { since, until }: History): boolean {
  const start = seasonStart(season)
  return start - SEASON_LEAD_DAYS.min * 86_400_000 >= since && start < until
}

/** How many campaign and Canvas names an industry holds before names repeat numbered. */
export function messagingVocabularySize (industry: Industry): { campaigns: number, canvases: number } {
  return { campaigns: CAMPAIGNS[industry].size, canvases: CANVASES[industry].size }
}

/** Lines a generated message says: a push alert, an email's preheader, an SMS. */
export function pitchesOf (industry: Industry): readonly string[] {
  return MESSAGING[industry].pitches
}

/** What a Canvas's decision split asks, from the industry's events ("Workout Completed?"). */
export function questionsOf (industry: Industry): readonly string[] {
  return QUESTIONS[industry]
}

// Apart from the segments', events' and products' salts in names.ts, so the draws are not in step.
const SALT = { campaigns: 0xca9, canvases: 0xca7a5 } as const

const numbered = (name: string, copy: number): string => `${name} (${copy + 1})`

// ---- The vocabularies ------------------------------------------------------------------------------------

/**
 * A campaign topic and the channels it is sent on, one letter each: e email, p push, w web push, i in-app
 * message, s SMS, h webhook, c Content Card, m several of them (the name then carries no channel), a an API
 * campaign on the first of e, p, s, h the topic lists.
 */
type TopicSpec = readonly [topic: string, codes: string, tags: readonly string[], triggered?: boolean]
type InterestTopic = readonly [name: (interest: string) => string, codes: string, tags: readonly string[]]
type JourneySpec = readonly [name: string, tags: readonly string[]]

interface MessagingWords {
  readonly campaigns: readonly TopicSpec[]
  /** Campaigns on one of the industry's interests (names.ts), "New Yoga Classes". */
  readonly interestCampaigns: readonly InterestTopic[]
  readonly canvases: readonly JourneySpec[]
  readonly interestCanvas: (interest: string) => string
  readonly pitches: readonly string[]
}

const CODES: Readonly<Record<string, { kind: ChannelKind, label: string, tag: string }>> = {
  e: { kind: 'email', label: 'Email', tag: 'email' },
  p: { kind: 'push', label: 'Push', tag: 'push' },
  w: { kind: 'web_push', label: 'Web Push', tag: 'web-push' },
  i: { kind: 'in_app', label: 'In-App', tag: 'in-app' },
  s: { kind: 'sms', label: 'SMS', tag: 'sms' },
  h: { kind: 'webhook', label: 'Webhook', tag: 'webhook' },
  c: { kind: 'card', label: 'Card', tag: 'content-cards' },
  m: { kind: 'multi', label: '', tag: 'multichannel' },
}

const GENERIC_CAMPAIGNS: readonly TopicSpec[] = [
  ['Welcome', 'epm', ['onboarding'], true], ['Onboarding Day 3', 'epi', ['onboarding'], true],
  ['Onboarding Day 7', 'ep', ['onboarding'], true], ['Complete Your Profile', 'epi', ['onboarding', 'profile'], true],
  ['Push Opt-in Prompt', 'i', ['messaging'], true], ['We Miss You', 'eps', ['reactivation']],
  ['Win-back Offer', 'epm', ['reactivation', 'promo']], ['Rate the App', 'i', ['feedback'], true],
  ['Feedback Survey', 'ei', ['feedback']], ['Refer a Friend', 'epc', ['referrals']],
  ['Birthday Greeting', 'eps', ['lifecycle'], true], ['Anniversary Thank You', 'ep', ['loyalty'], true],
  ['App Update Announcement', 'ic', ['product']], ['New Feature Spotlight', 'eicw', ['product']],
  ['Terms Update', 'e', ['legal']], ['Privacy Policy Update', 'e', ['legal']],
  ['Password Reset', 'ea', ['account', 'transactional'], true], ['Verify Your Address', 'ea', ['account', 'transactional'], true],
  ['Sign-in Code', 'sa', ['account', 'security'], true], ['New Device Sign-in', 'pa', ['security'], true],
  ['Weekly Digest', 'ew', ['engagement']], ['Lifecycle Sync', 'h', ['crm'], true], ['Churn Risk Sync', 'h', ['crm'], true],
  ['Support Follow-up', 'e', ['support'], true], ['Unsubscribe Confirmation', 'e', ['messaging', 'transactional'], true],
]

const GENERIC_CANVASES: readonly JourneySpec[] = [
  ['Onboarding Journey', ['onboarding']], ['Welcome Series', ['onboarding']], ['Win-back Journey', ['reactivation']],
  ['Re-engagement Flow', ['reactivation']], ['Lapsed User Recovery', ['churn-risk']], ['Push Opt-in Journey', ['messaging']],
  ['Feedback Loop', ['feedback']], ['Referral Journey', ['referrals']], ['Birthday Journey', ['lifecycle']],
  ['Profile Completion Flow', ['onboarding']], ['Churn Prevention', ['churn-risk']], ['Upsell Journey', ['monetization']],
  ['Loyalty Journey', ['loyalty']], ['Anniversary Journey', ['loyalty']],
]

/** Dated campaigns and Canvases, with the month they are about. */
const SEASONAL_CAMPAIGNS: ReadonlyArray<readonly [name: string, month: number]> = [
  ['New Year Offer', 1], ['Valentine\'s Day Promo', 2], ['Spring Promo', 4], ['Summer Promo', 7], ['Back to School Promo', 8],
  ['Halloween Promo', 10], ['Black Friday Offer', 11], ['Cyber Monday Offer', 11], ['Holiday Offer', 12], ['Year in Review', 12],
]
const SEASONAL_CANVASES: ReadonlyArray<readonly [name: string, month: number]> = [
  ['Win-back', 3], ['Holiday Journey', 12], ['New Year Journey', 1], ['Spring Re-engagement', 4], ['Summer Re-engagement', 7],
]
// The years generated entities are created in (build-world.ts); a workspace keeps those of its own history.
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
const seasonsOf = (list: ReadonlyArray<readonly [string, number]>) => list.flatMap(([name, month]) => YEARS.map(year => ({ name, year, month })))

const MESSAGING: Readonly<Record<Industry, MessagingWords>> = {
  fitness: {
    campaigns: [
      ['Workout Reminder', 'pw', ['engagement'], true], ['Streak Saver', 'pi', ['engagement'], true],
      ['Streak at Risk', 'ps', ['engagement'], true], ['Class Booking Confirmation', 'sea', ['classes', 'transactional'], true],
      ['Class Starting Soon', 'psa', ['classes'], true], ['Live Class Schedule', 'ec', ['classes']],
      ['New Program Launch', 'epcm', ['programs']], ['Program Halfway', 'pi', ['programs'], true],
      ['Challenge Kickoff', 'epcm', ['challenges']], ['Challenge Leaderboard Update', 'pc', ['challenges']],
      ['Personal Record', 'pa', ['workouts'], true], ['Weekly Progress Recap', 'eci', ['progress']],
      ['Goal Reached', 'pi', ['goals'], true], ['Rest Day Tip', 'pc', ['recovery']], ['Sleep Insights', 'ec', ['recovery']],
      ['Hydration Reminder', 'p', ['nutrition'], true], ['Meal Logging Nudge', 'pi', ['nutrition'], true],
      ['Wearable Sync Reminder', 'p', ['devices'], true], ['Premium Upgrade', 'eicm', ['monetization']],
      ['Trial Ending', 'eph', ['subscriptions'], true], ['Subscription Renewal Notice', 'ea', ['subscriptions', 'transactional'], true],
      ['Payment Failed', 'eph', ['subscriptions'], true], ['Coach Message', 'pi', ['coaching'], true],
      ['Gear Drop', 'epc', ['shop']], ['Friend Joined', 'p', ['community'], true],
    ],
    interestCampaigns: [[i => `New ${titled(i)} Classes`, 'epc', ['classes']], [i => `${titled(i)} Challenge`, 'epm', ['challenges']]],
    canvases: [
      ['New Member Onboarding', ['onboarding']], ['Trial Conversion Journey', ['trial', 'monetization']],
      ['First Workout Journey', ['onboarding']], ['Streak Recovery', ['engagement']], ['Challenge Journey', ['challenges']],
      ['Premium Upsell Journey', ['monetization']], ['Class Booking Journey', ['classes']], ['Wearable Onboarding', ['devices']],
      ['Program Completion Journey', ['programs']], ['Cancelled Premium Win-back', ['retention']],
      ['Nutrition Onboarding', ['nutrition']], ['Coach Matching Flow', ['coaching']],
    ],
    interestCanvas: i => `${titled(i)} Onboarding`,
    pitches: [
      'A 20-minute session keeps your streak alive.', 'Your coach picked three classes for this week.',
      'Members who train twice a week reach their goals sooner.', 'New sessions are live: find one that fits your day.',
      'Your progress this month is worth a look.', 'Tap to pick up where you left off.',
    ],
  },
  finance: {
    campaigns: [
      ['Card Activation Reminder', 'eps', ['cards', 'onboarding'], true], ['Low Balance Alert', 'psa', ['alerts'], true],
      ['Large Transaction Alert', 'psa', ['alerts', 'security'], true], ['Fraud Alert', 'sa', ['security'], true],
      ['Direct Deposit Setup', 'epi', ['deposits'], true], ['Direct Deposit Received', 'pa', ['deposits'], true],
      ['Paperless Statements', 'eic', ['statements']], ['Statement Ready', 'ep', ['statements'], true],
      ['Bill Due Reminder', 'eps', ['payments'], true], ['Payment Confirmation', 'ea', ['payments', 'transactional'], true],
      ['Transfer Received', 'pa', ['payments'], true], ['Savings Goal Check-in', 'pic', ['savings']],
      ['Round-Ups Launch', 'eicm', ['savings']], ['Credit Score Update', 'epc', ['credit']],
      ['Travel Notice Reminder', 'pe', ['cards']], ['Two-Factor Setup', 'ei', ['security'], true],
      ['Mobile Check Deposit Tips', 'ec', ['deposits']], ['Rate Change Notice', 'e', ['legal']],
      ['Spending Summary', 'ec', ['budgeting']], ['Pre-approved Offer', 'eicm', ['lending']],
      ['Branch Appointment Reminder', 'sea', ['branches'], true], ['Card Shipped', 'epa', ['cards'], true],
      ['Identity Document Request', 'e', ['compliance'], true], ['Core Banking Sync', 'h', ['crm'], true],
    ],
    interestCampaigns: [[i => `${titled(i)} Cross-sell`, 'eic', ['cross-sell']], [i => `${titled(i)} Rate Offer`, 'epm', ['rates']]],
    canvases: [
      ['Account Opening Journey', ['onboarding']], ['Card Activation Journey', ['cards']], ['Direct Deposit Journey', ['deposits']],
      ['Digital Banking Adoption', ['digital']], ['Savings Habit Journey', ['savings']], ['Credit Card Cross-sell', ['cross-sell']],
      ['Mortgage Pre-approval Journey', ['lending']], ['Overdraft Prevention', ['risk']], ['Paperless Adoption', ['statements']],
      ['Dormant Account Reactivation', ['reactivation']], ['Security Setup Flow', ['security']], ['Student Account Journey', ['students']],
    ],
    interestCanvas: i => `${titled(i)} Onboarding`,
    pitches: [
      'Manage it in the app in under a minute.', 'Your accounts are protected around the clock.',
      'Set it up once and we take care of the rest.', 'See where your money went this month.',
      'Our team is here to help, day or night.', 'Tap to review the details securely.',
    ],
  },
  retail: {
    campaigns: [
      ['Abandoned Cart', 'epsm', ['cart'], true], ['Browse Abandonment', 'ep', ['browse'], true],
      ['Back in Stock', 'epa', ['alerts'], true], ['Price Drop', 'pa', ['alerts'], true],
      ['Order Confirmation', 'esa', ['orders', 'transactional'], true], ['Order Shipped', 'psa', ['orders'], true],
      ['Out for Delivery', 'sp', ['orders'], true], ['Review Your Purchase', 'e', ['reviews'], true],
      ['Loyalty Points Reminder', 'epc', ['loyalty']], ['Gold Tier Welcome', 'e', ['loyalty', 'vip'], true],
      ['New Arrivals', 'epcw', ['catalog']], ['Flash Sale', 'epsm', ['promo']], ['Weekend Sale', 'epw', ['promo']],
      ['Free Shipping Weekend', 'epc', ['promo']], ['Store Pickup Ready', 'spa', ['omnichannel'], true],
      ['Return Received', 'ea', ['returns'], true], ['Refund Issued', 'ea', ['returns'], true],
      ['Wishlist Reminder', 'pe', ['wishlist'], true], ['Gift Guide', 'ecm', ['gifting']], ['Size Restock', 'p', ['alerts'], true],
      ['Order Sync', 'h', ['orders'], true],
    ],
    interestCampaigns: [[i => `${titled(i)} New Arrivals`, 'epc', ['catalog']], [i => `${titled(i)} Sale`, 'epsm', ['promo']]],
    canvases: [
      ['Cart Recovery Journey', ['cart']], ['Browse Abandonment Journey', ['browse']], ['First Purchase Journey', ['onboarding']],
      ['Post-Purchase Review Flow', ['reviews']], ['Loyalty Enrollment Journey', ['loyalty']], ['VIP Journey', ['vip']],
      ['Replenishment Reminders', ['orders']], ['Back in Stock Flow', ['alerts']], ['Gift Season Journey', ['gifting']],
      ['Store Pickup Flow', ['omnichannel']], ['Returns Follow-up', ['returns']], ['Second Purchase Journey', ['purchasers']],
    ],
    interestCanvas: i => `${titled(i)} Shopper Journey`,
    pitches: [
      'New styles just landed in your size.', 'Your favorites are back, but not for long.',
      'Members get free shipping this weekend.', 'Finish your order before it sells out.',
      'Picked for you from what you love.', 'Earn double points on every order today.',
    ],
  },
  media: {
    campaigns: [
      ['Breaking News', 'pwa', ['alerts'], true], ['Morning Briefing', 'ep', ['briefings']], ['Evening Briefing', 'ep', ['briefings']],
      ['Weekend Reads', 'ec', ['engagement']], ['Paywall Offer', 'im', ['conversion'], true], ['Subscribe Offer', 'eicm', ['conversion']],
      ['Registration Wall Prompt', 'i', ['conversion'], true], ['Subscription Renewal Notice', 'ea', ['subscriptions'], true],
      ['Payment Failed', 'eh', ['subscriptions'], true], ['Lapsed Subscriber Offer', 'epm', ['reactivation']],
      ['New Podcast Episode', 'pc', ['audio']], ['Live Coverage Starting', 'pw', ['video'], true],
      ['Election Night Coverage', 'pew', ['politics']], ['Daily Crossword', 'pc', ['games']],
      ['Newsletter Signup Prompt', 'i', ['newsletters'], true], ['Most Read This Week', 'ec', ['engagement']],
      ['Comment Reply', 'pa', ['community'], true], ['Saved Article Reminder', 'p', ['articles'], true],
      ['Gift Subscription Delivered', 'ea', ['subscriptions'], true], ['Subscriber Sync', 'h', ['crm'], true],
    ],
    interestCampaigns: [[i => `${titled(i)} Alerts`, 'pw', ['alerts']], [i => `${titled(i)} Roundup`, 'ec', ['briefings']]],
    canvases: [
      ['Registration Journey', ['conversion']], ['Subscriber Onboarding', ['onboarding']], ['Paywall Conversion Journey', ['conversion']],
      ['Newsletter Onboarding', ['newsletters']], ['Lapsed Subscriber Win-back', ['reactivation']], ['Podcast Discovery Flow', ['audio']],
      ['Topic Follow Journey', ['personalization']], ['Breaking News Opt-in', ['alerts']], ['Trial Subscriber Journey', ['trial']],
      ['Cancellation Save Flow', ['retention']], ['Gift Subscription Journey', ['subscriptions']], ['Video Discovery Flow', ['video']],
    ],
    interestCanvas: i => `${titled(i)} Reader Journey`,
    pitches: [
      'The stories everyone is talking about, in five minutes.', 'Read without limits for your first month.',
      'Our reporters are following it live.', 'Catch up on the week in one place.',
      'Your topics have new stories.', 'Listen on your commute.',
    ],
  },
  gaming: {
    campaigns: [
      ['Daily Reward Ready', 'pi', ['engagement'], true], ['Energy Refilled', 'p', ['economy'], true],
      ['Season Launch', 'epcm', ['seasons']], ['Battle Pass Ending', 'pi', ['monetization']],
      ['Limited Time Bundle', 'icp', ['monetization']], ['Starter Offer', 'i', ['monetization'], true],
      ['Tournament Starting', 'psa', ['competitive'], true], ['Tournament Results', 'pe', ['competitive']],
      ['Guild War Reminder', 'p', ['social'], true], ['Friend Request', 'pa', ['social'], true],
      ['Level Up Congrats', 'pi', ['progression'], true], ['Stuck on a Level Tip', 'pi', ['churn-risk'], true],
      ['Comeback Rewards', 'epm', ['reactivation']], ['New Character Release', 'epcm', ['content']],
      ['Weekend Event', 'pic', ['events']], ['Double XP Weekend', 'pc', ['events']], ['Maintenance Notice', 'pi', ['ops']],
      ['Purchase Receipt', 'ea', ['transactional'], true], ['Player Sync', 'h', ['crm'], true],
    ],
    interestCampaigns: [[i => `${titled(i)} Season Kickoff`, 'pcm', ['seasons']], [i => `${titled(i)} Rewards`, 'pi', ['engagement']]],
    canvases: [
      ['Tutorial Completion Journey', ['onboarding']], ['First Purchase Journey', ['monetization']], ['Guild Onboarding', ['social']],
      ['Season Journey', ['seasons']], ['Lapsed Player Win-back', ['reactivation']], ['High Spender Retention Flow', ['vip']],
      ['Stuck Player Rescue', ['churn-risk']], ['Battle Pass Upsell', ['monetization']], ['Daily Login Streak', ['engagement']],
      ['Tournament Journey', ['competitive']], ['Social Onboarding', ['social']], ['Returning Player Rewards', ['reactivation']],
    ],
    interestCanvas: i => `${titled(i)} Player Journey`,
    pitches: [
      'Your rewards are waiting: log in to claim them.', 'A new season starts now.',
      'Your squad needs you for tonight\'s event.', 'Limited-time bundle: ends in 48 hours.',
      'You are one win away from the next rank.', 'Come back and claim a free gift.',
    ],
  },
  travel: {
    campaigns: [
      ['Flight Check-in Open', 'psa', ['flights'], true], ['Boarding Pass Ready', 'pea', ['flights'], true],
      ['Gate Change', 'psa', ['flights'], true], ['Flight Delay', 'psa', ['flights'], true],
      ['Booking Confirmation', 'ea', ['bookings', 'transactional'], true], ['Trip Reminder', 'ep', ['trips'], true],
      ['Price Alert', 'pea', ['alerts'], true], ['Abandoned Search', 'ep', ['conversion'], true],
      ['Hotel Upsell', 'ei', ['ancillaries'], true], ['Seat Upgrade Offer', 'epi', ['ancillaries'], true],
      ['Lounge Access Offer', 'pi', ['ancillaries']], ['Miles Expiring', 'ep', ['loyalty'], true],
      ['Elite Status Earned', 'e', ['loyalty'], true], ['Post-Trip Review', 'ep', ['content'], true],
      ['Weekend Getaway Deals', 'epcw', ['promo']], ['Last-Minute Deals', 'epw', ['promo']],
      ['Travel Insurance Reminder', 'e', ['ancillaries'], true], ['Itinerary Update', 'pea', ['trips'], true],
      ['Booking Sync', 'h', ['crm'], true],
    ],
    interestCampaigns: [[i => `Deals to ${i}`, 'epw', ['destinations']], [i => `${titled(i)} Inspiration`, 'ec', ['destinations']]],
    canvases: [
      ['Pre-Trip Journey', ['trips']], ['Post-Booking Upsell', ['ancillaries']], ['Abandoned Search Recovery', ['conversion']],
      ['Loyalty Enrollment Journey', ['loyalty']], ['Elite Status Journey', ['loyalty']], ['Post-Trip Journey', ['content']],
      ['Flight Day Flow', ['flights']], ['Price Alert Journey', ['alerts']], ['Miles Redemption Journey', ['loyalty']],
      ['First Booking Journey', ['onboarding']], ['Family Trip Planning', ['family']], ['Business Traveler Onboarding', ['business']],
    ],
    interestCanvas: i => `Trip Planning: ${i}`,
    pitches: [
      'Prices to your saved destinations just dropped.', 'Everything for your trip, in one place.',
      'Upgrade your seat before departure.', 'Your next getaway is closer than you think.',
      'Members save more on weekend escapes.', 'Check in from your phone in seconds.',
    ],
  },
  food: {
    campaigns: [
      ['Order Confirmation', 'epa', ['orders', 'transactional'], true], ['Order on the Way', 'psa', ['delivery'], true],
      ['Order Delivered', 'pa', ['delivery'], true], ['Rate Your Order', 'pi', ['feedback'], true],
      ['Lunch Deals', 'pcw', ['promo']], ['Dinner Ideas', 'pec', ['discovery']], ['Late-Night Cravings', 'p', ['habits']],
      ['Free Delivery Weekend', 'epcm', ['promo']], ['Delivery Pass Offer', 'eim', ['subscriptions']],
      ['Meal Kit Box Shipping', 'eps', ['subscriptions'], true], ['Skip This Week Reminder', 'ep', ['subscriptions'], true],
      ['New Restaurants Nearby', 'pec', ['discovery']], ['Reorder Your Favorite', 'pi', ['orders'], true],
      ['Group Order Invite', 'p', ['social'], true], ['Loyalty Reward Unlocked', 'pec', ['loyalty'], true],
      ['Promo Code Expiring', 'eps', ['promo'], true], ['Table Reservation Reminder', 'sa', ['reservations'], true],
      ['Pickup Ready', 'spa', ['pickup'], true], ['Driver Rating Sync', 'h', ['delivery'], true],
    ],
    interestCampaigns: [[i => `${titled(i)} Deals`, 'pcm', ['promo']], [i => `New ${titled(i)} Spots`, 'pe', ['discovery']]],
    canvases: [
      ['First Order Journey', ['onboarding']], ['Second Order Journey', ['orders']], ['Delivery Pass Trial', ['subscriptions']],
      ['Meal Kit Onboarding', ['subscriptions']], ['Lapsed Diner Win-back', ['reactivation']], ['Reorder Journey', ['orders']],
      ['Lunch Habit Journey', ['habits']], ['Dietary Preferences Flow', ['dietary']], ['Restaurant Discovery Flow', ['discovery']],
      ['Group Order Onboarding', ['social']], ['Loyalty Rewards Journey', ['loyalty']], ['Pickup Adoption Flow', ['pickup']],
    ],
    interestCanvas: i => `${titled(i)} Lovers Journey`,
    pitches: [
      'Your favorites are a tap away.', 'Free delivery on orders tonight.', 'Hungry? New spots just opened near you.',
      'Reorder last week\'s order in one tap.', 'Lunch is on its way in 30 minutes.', 'Your reward is ready to use.',
    ],
  },
  other: {
    campaigns: [
      ['Trial Ending', 'eia', ['billing'], true], ['Upgrade to Pro', 'eim', ['billing']], ['Invite Your Team', 'ei', ['teams'], true],
      ['Integration Tips', 'ec', ['integrations']], ['Weekly Summary', 'e', ['engagement']], ['Task Due Reminder', 'pa', ['tasks'], true],
      ['Mention Notification', 'pea', ['collaboration'], true], ['Comment Reply', 'pa', ['collaboration'], true],
      ['Template Gallery', 'ec', ['templates']], ['Payment Receipt', 'ea', ['billing', 'transactional'], true],
      ['Payment Failed', 'eh', ['billing'], true], ['Seat Limit Reached', 'ei', ['billing'], true],
      ['Automation Ideas', 'eic', ['automations']], ['Admin Security Review', 'e', ['security']],
      ['Product Webinar', 'ec', ['education']], ['Renewal Reminder', 'e', ['billing'], true], ['Usage Report', 'e', ['reports']],
      ['Account Sync', 'h', ['crm'], true],
    ],
    interestCampaigns: [[i => `${titled(i)} Tips`, 'eic', ['features']], [i => `Getting Started with ${titled(i)}`, 'ei', ['adoption']]],
    canvases: [
      ['Trial Conversion Journey', ['billing']], ['Team Activation Journey', ['teams']], ['Integration Onboarding', ['integrations']],
      ['Admin Onboarding', ['teams']], ['Feature Adoption Flow', ['adoption']], ['Seat Expansion Journey', ['billing']],
      ['Renewal Journey', ['billing']], ['Downgrade Save Flow', ['retention']], ['Template Discovery Flow', ['templates']],
      ['Mobile Adoption Journey', ['mobile']], ['Reactivation Journey', ['reactivation']], ['Enterprise Onboarding', ['onboarding']],
    ],
    interestCanvas: i => `${titled(i)} Adoption Flow`,
    pitches: [
      'Get more done with your team.', 'Set it up in five minutes.', 'See what changed this week.',
      'Your trial ends soon: keep every feature.', 'Tips to save an hour a week.', 'Everything you need is one click away.',
    ],
  },
}

// ---- Building the vocabularies -------------------------------------------------------------------------

const SMALL_WORDS = new Set(['a', 'an', 'and', 'of', 'on', 'the', 'to', 'in', 'for', 'with'])
/** Title case for a name's words ("Strength training" to "Strength Training"), capitals kept (HIIT, IRA). */
function titled (text: string): string {
  return text.split(' ').map((word, i) => i > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)).join(' ')
}

/** A market as a name's suffix: "Welcome Email - United Kingdom". */
const market = (region: string): string => region.replace(/^the /, '')

/** Each letter of a topic's codes as the campaign it names. */
function campaignsOf (topic: string, codes: string, tags: readonly string[], triggered: boolean,
  extra: Partial<Pick<NamedCampaign, 'product' | 'season'>> = {}): NamedCampaign[] {
  const apiChannel = [...codes].find(code => 'epsh'.includes(code))
  return [...codes].flatMap((code): NamedCampaign[] => {
    if (code === 'a') {
      const channel = CODES[apiChannel ?? 'p']!
      return [{ name: `${topic} (API)`, topic, kind: channel.kind, api: true, triggered: true, tags: [...tags, 'api', channel.tag], ...extra }]
    }
    const channel = CODES[code]!
    const name = channel.label === '' ? topic : `${topic} ${channel.label}`
    return [{ name, topic, kind: channel.kind, api: false, triggered, tags: [...tags, channel.tag], ...extra }]
  })
}

/** Families one after another, as one. */
function joined<E> (families: ReadonlyArray<Family<E>>): Family<E> {
  return {
    size: families.reduce((size, family) => size + family.size, 0),
    at (k) {
      for (const family of families) {
        if (k < family.size) return family.at(k)
        k -= family.size
      }
      throw new RangeError(`no entry ${k}`)
    },
  }
}

/** Every entry of a family with every item of a list. */
function crossed<E, T, R> (family: Family<E>, list: readonly T[], build: (entry: E, item: T) => R): Family<R> {
  return {
    size: family.size * list.length,
    at: (k) => build(family.at(Math.floor(k / list.length)), list[k % list.length]!),
  }
}

function campaignCatalog (messaging: MessagingWords, words: IndustryWords): Catalog<NamedCampaign> {
  const topics = (specs: readonly TopicSpec[]) => combos([specs.flatMap(([topic, codes, tags, triggered]) =>
    campaignsOf(topic, codes, tags, triggered === true))], entry => entry)
  const plain = [topics(messaging.campaigns), topics(GENERIC_CAMPAIGNS)]
  const interests = combos([messaging.interestCampaigns.flatMap(([name, codes, tags]) =>
    words.interests.flatMap(([interest]) => campaignsOf(name(interest), codes, tags, false)))], entry => entry)
  // Offers of what the industry sells; fees (a delivery fee, a wire) are not offered.
  const offers = combos([words.products.filter(p => p.fee !== true).flatMap(p =>
    campaignsOf(`${p.name} Offer`, 'eic', ['promo'], false, { product: p.name }))], entry => entry)
  const seasonal = combos([seasonsOf(SEASONAL_CAMPAIGNS).flatMap(({ name, year, month }) =>
    campaignsOf(`${name} ${year}`, 'em', ['seasonal'], false, { season: { year, month } }))], entry => entry)
  const base = joined([...plain, interests, offers])
  const suffixed = (suffix: string) => (entry: NamedCampaign): NamedCampaign => renamed(entry, `${entry.name} - ${suffix}`)
  // Dated ones come among the markets' names: a few in a small workspace, every one in a big one.
  return new Catalog([
    plain,
    [interests, offers],
    [seasonal, crossed(base, words.regions, (entry, [region]) => suffixed(market(region))(entry))],
    [crossed(base, words.levels, (entry, [level]) => suffixed(level)(entry))],
  ])
}

function canvasCatalog (messaging: MessagingWords, words: IndustryWords): Catalog<NamedCanvas> {
  const journeys = (specs: readonly JourneySpec[]) => combos([specs], ([name, tags]): NamedCanvas => ({ name, topic: name, tags }))
  const plain = [journeys(messaging.canvases), journeys(GENERIC_CANVASES)]
  const interests = combos([words.interests], ([interest]): NamedCanvas => {
    const name = messaging.interestCanvas(interest)
    return { name, topic: name, tags: ['interests'] }
  })
  const seasonal = combos([seasonsOf(SEASONAL_CANVASES)], ({ name, year, month }): NamedCanvas =>
    ({ name: `${name} ${year}`, topic: name, tags: ['seasonal'], season: { year, month } }))
  const base = joined([...plain, interests])
  return new Catalog([
    plain,
    [interests],
    [seasonal, crossed(base, words.regions, (entry, [region]) => renamed(entry, `${entry.name} - ${market(region)}`))],
    [crossed(base, words.levels, (entry, [level]) => renamed(entry, `${entry.name} - ${level}`))],
  ])
}

const INDUSTRY_LIST = Object.keys(MESSAGING) as Industry[]
const byIndustry = <E> (build: (messaging: MessagingWords, words: IndustryWords) => E): Readonly<Record<Industry, E>> =>
  Object.fromEntries(INDUSTRY_LIST.map(industry => [industry, build(MESSAGING[industry], industryWords(industry))])) as Record<Industry, E>

const CAMPAIGNS = byIndustry(campaignCatalog)
const CANVASES = byIndustry(canvasCatalog)
const QUESTIONS = byIndustry((_, words) => words.events.flatMap(o => Object.keys(o.actions).map(action => `${o.object} ${action}?`)))
