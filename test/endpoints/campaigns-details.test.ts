import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const MULTIVARIATE = '1221b5a2-2155-441c-aff7-c0fcbbe8f88d'
const CONTROL = 'd59a0625-469d-4e78-be33-9eca03b1d74b'
const API_CAMPAIGN = '58921843-1e0b-4ee5-a7be-99ae5052aa32'
const HARBOR_CAMPAIGN = 'e3a707d6-6550-4ac4-87b7-097b9b01f7cc'
const CANVAS = '0b6f2d4e-7a1c-4e38-9f25-3c8d1a6e5b47'
const UNKNOWN = 'campaign_id must be a string of the Campaign api identifier'

describe('GET /campaigns/details', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(() => app.close())

  it('answers a multivariate push campaign whole: keys in the documented order, messages keyed by variation id, the control group', async () => {
    const response = await get(app, `/campaigns/details?campaign_id=${MULTIVARIATE}`)
    expect(response.status).toBe(200)
    expect(response.body).toStrictEqual({
      message: 'success',
      created_at: '2024-09-10T08:45:00+00:00',
      updated_at: '2026-10-02T16:20:45+00:00',
      archived: false,
      draft: false,
      enabled: true,
      has_post_launch_draft: false,
      name: 'Workout Reminder Push',
      description: 'Multivariate: which reminder brings members back to a workout, against a held-out control group.',
      schedule_type: 'time_based',
      channels: [
        'ios_push',
        'android_push'
      ],
      first_sent: '2024-09-12T17:00:00+00:00',
      last_sent: '2026-11-22T17:00:00+00:00',
      tags: [
        'engagement',
        'push',
        'multivariate'
      ],
      teams: [
        'Growth'
      ],
      messages: {
        'bea4256e-36c2-44c7-9885-bbac88043e5f': {
          channel: 'ios_push',
          name: 'Variant 1',
          alert: 'Your streak is waiting: a 20-minute workout keeps it alive',
          extras: {},
          title: 'Time to move',
          action: '',
          image_url: null,
          large_image_url: null
        },
        '2054fa81-6e7c-4c6a-87ac-5fed4b6ea010': {
          channel: 'ios_push',
          name: 'Variant 2',
          alert: 'Ready for today\'s session? Tap to start',
          extras: {},
          title: 'Coach Maya',
          action: '',
          image_url: null,
          large_image_url: null
        },
        'ff7d5ec0-9bc0-4e20-af25-29cad670a838': {
          channel: 'android_push',
          name: 'Variant 1',
          alert: 'Your streak is waiting: a 20-minute workout keeps it alive',
          extras: {},
          title: 'Time to move',
          action: '',
          image_url: null,
          large_image_url: null
        },
        'd59a0625-469d-4e78-be33-9eca03b1d74b': {
          channel: 'ios_push',
          type: 'control'
        }
      },
      conversion_behaviors: [
        {
          type: 'Performs Custom Event',
          window: 86400,
          custom_event_name: 'Workout Started'
        },
        {
          type: 'Starts Session',
          window: 86400,
          app_ids: null
        }
      ]
    })
    expect(Object.keys(response.body)).toEqual(['message', 'created_at', 'updated_at', 'archived', 'draft', 'enabled',
      'has_post_launch_draft', 'name', 'description', 'schedule_type', 'channels', 'first_sent', 'last_sent', 'tags',
      'teams', 'messages', 'conversion_behaviors'])
    expect(response.body.messages[CONTROL]).toStrictEqual({ channel: 'ios_push', type: 'control' })
    expect(response.raw).toContain('"conversion_behaviors":[{"type":"Performs Custom Event","window":86400,"custom_event_name":"Workout Started"}')
  })

  it('writes an email variation\'s fields in Braze\'s order, and Starts Session with its app ids', async () => {
    const email = (await get(app, '/campaigns/details?campaign_id=5f0c3a8e-2b7d-4c61-9e4a-8d1f6b2c7a90')).body
    const [variation] = Object.values(email.messages) as object[]
    expect(Object.keys(variation!)).toEqual(['channel', 'name', 'subject', 'body', 'from', 'reply_to', 'title', 'amp_body',
      'preheader', 'custom_plain_text', 'should_inline_css', 'should_whitespace_header', 'email_headers', 'extras'])
    const api = (await get(app, `/campaigns/details?campaign_id=${API_CAMPAIGN}`)).body
    expect(api.schedule_type).toBe('api_triggered')
    expect(api.conversion_behaviors).toStrictEqual([{ type: 'Starts Session', window: 3600, app_ids: [BUILT_IN.lumen.apps.ios, BUILT_IN.lumen.apps.android] }])
  })

  it('answers a draft that was never sent with null send dates', async () => {
    const draft = (await get(app, '/campaigns/details?campaign_id=5b331999-85cf-4a6b-aded-f12233df56d4')).body
    expect({ draft: draft.draft, enabled: draft.enabled, first_sent: draft.first_sent, last_sent: draft.last_sent })
      .toStrictEqual({ draft: true, enabled: false, first_sent: null, last_sent: null })
  })

  it('answers an archived campaign', async () => {
    const archived = await get(app, '/campaigns/details?campaign_id=e3d6e4b9-d96e-482d-8d50-2d42af1ffe0d')
    expect(archived.status).toBe(200)
    expect(archived.body.archived).toBe(true)
  })

  it.each([
    ['an unknown id', 'campaign_id=nope'],
    ['another workspace\'s campaign', `campaign_id=${HARBOR_CAMPAIGN}`],
    ['a Canvas id', `campaign_id=${CANVAS}`],
    ['no campaign_id', ''],
    ['an empty campaign_id', 'campaign_id='],
  ])('answers 400 for %s', async (_, query) => {
    const response = await get(app, `/campaigns/details?${query}`)
    expect(response.status).toBe(400)
    expect(response.body).toStrictEqual({ message: UNKNOWN })
  })

  it('answers Harbor\'s own campaign for Harbor\'s key', async () => {
    const response = await get(app, `/campaigns/details?campaign_id=${HARBOR_CAMPAIGN}`, BUILT_IN.harbor.keys.full)
    expect(response.status).toBe(200)
    expect(response.body.name).toBe('Card Activation Reminder')
  })

  it('takes post_launch_draft_version=true or false, and nothing else', async () => {
    const plain = await get(app, `/campaigns/details?campaign_id=${MULTIVARIATE}`)
    expect((await get(app, `/campaigns/details?campaign_id=${MULTIVARIATE}&post_launch_draft_version=true`)).raw).toBe(plain.raw)
    const bad = await get(app, `/campaigns/details?campaign_id=${MULTIVARIATE}&post_launch_draft_version=yes`)
    expect(bad.status).toBe(400)
    expect(bad.body).toStrictEqual({ message: 'post_launch_draft_version must be one of: true, false' })
  })
})
