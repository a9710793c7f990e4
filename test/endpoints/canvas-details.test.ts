import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const TRIAL = '3919ff9e-7966-424e-9308-349584459180'
const ONBOARDING = '0b6f2d4e-7a1c-4e38-9f25-3c8d1a6e5b47'
const HARBOR_CANVAS = '25fb66ab-2311-4cfb-b399-47a66f599e70'
const CAMPAIGN = '5f0c3a8e-2b7d-4c61-9e4a-8d1f6b2c7a90'
const UNKNOWN = 'canvas_id must be a string of the Canvas api identifier'

describe('GET /canvas/details', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(() => app.close())

  it('answers a Canvas whole: keys in the documented order, variants, steps with paths and messages keyed by variation id', async () => {
    const response = await get(app, `/canvas/details?canvas_id=${TRIAL}`)
    expect(response.status).toBe(200)
    expect(response.body).toStrictEqual({
      created_at: '2025-03-11T10:00:00+00:00',
      updated_at: '2026-11-02T08:00:00+00:00',
      name: 'Trial Conversion Journey',
      description: 'From trial start to the last day.',
      archived: false,
      draft: false,
      enabled: true,
      has_post_launch_draft: false,
      schedule_type: 'action_based',
      first_entry: '2025-03-12T00:00:00+00:00',
      last_entry: '2026-11-23T11:50:00+00:00',
      channels: [
        'email',
        'ios_push',
        'sms'
      ],
      variants: [
        {
          name: 'Variant 1',
          id: 'cc7eb77d-4beb-497c-b50c-c530ab647bca',
          first_step_ids: [
            '4f829b65-ff77-46e5-a061-499b00c2f091'
          ],
          first_step_id: '4f829b65-ff77-46e5-a061-499b00c2f091'
        }
      ],
      tags: [
        'trial',
        'monetization'
      ],
      teams: [
        'Growth'
      ],
      steps: [
        {
          name: 'Trial day 1 email',
          type: 'message',
          id: '4f829b65-ff77-46e5-a061-499b00c2f091',
          next_step_ids: [
            'e81fdd2d-4d2f-4ed0-a875-944e1f1baf6a'
          ],
          next_paths: [],
          channels: [
            'email'
          ],
          messages: {
            '86ce51bd-17b8-4123-a524-bf3f57d2b7d3': {
              channel: 'email',
              name: 'Day 1',
              subject: 'Your trial has started',
              body: '<p>Seven days of everything Lumen has.</p>',
              from: 'Lumen Fitness <coach@lumen.example>',
              reply_to: 'coach@lumen.example',
              title: '',
              amp_body: null,
              preheader: '',
              custom_plain_text: null,
              should_inline_css: false,
              should_whitespace_header: false,
              email_headers: {},
              extras: {}
            }
          }
        },
        {
          name: 'Wait 4 days',
          type: 'delay',
          id: 'e81fdd2d-4d2f-4ed0-a875-944e1f1baf6a',
          next_step_ids: [
            '85a300e0-784a-4ebb-b03b-318913d24632'
          ],
          next_paths: [],
          channels: [],
          messages: {}
        },
        {
          name: 'Trial reminder push',
          type: 'message',
          id: '85a300e0-784a-4ebb-b03b-318913d24632',
          next_step_ids: [
            '092936e8-d5a2-438f-9a04-89695ddfe744'
          ],
          next_paths: [],
          channels: [
            'ios_push'
          ],
          messages: {
            'b2f22f22-98e5-45af-90a6-957044d988fb': {
              channel: 'ios_push',
              name: 'iOS',
              alert: 'Keep your plan: go Premium today',
              extras: {},
              title: '3 days left',
              action: '',
              image_url: null,
              large_image_url: null
            }
          }
        },
        {
          name: 'Wait 2 days',
          type: 'delay',
          id: '092936e8-d5a2-438f-9a04-89695ddfe744',
          next_step_ids: [
            '886367b8-f843-4b26-8f4c-73987f1e7f86'
          ],
          next_paths: [],
          channels: [],
          messages: {}
        },
        {
          name: 'Last day SMS',
          type: 'message',
          id: '886367b8-f843-4b26-8f4c-73987f1e7f86',
          next_step_ids: [],
          next_paths: [],
          channels: [
            'sms'
          ],
          messages: {
            '27b23ddc-55b2-4b90-91d6-d6da01769a3c': {
              channel: 'sms',
              name: 'Last day',
              body: 'Lumen: your trial ends today. Keep your plan: lumen.example/premium',
              from: '+15555550142',
              subscription_group_id: '9d3a1c52-6f1e-4b8a-a0e2-54c3b7f19e08'
            }
          }
        }
      ],
      message: 'success'
    })
    expect(Object.keys(response.body)).toEqual(['created_at', 'updated_at', 'name', 'description', 'archived', 'draft',
      'enabled', 'has_post_launch_draft', 'schedule_type', 'first_entry', 'last_entry', 'channels', 'variants', 'tags',
      'teams', 'steps', 'message'])
    expect(Object.keys(response.body.steps[0])).toEqual(['name', 'type', 'id', 'next_step_ids', 'next_paths', 'channels', 'messages'])
  })

  it('answers two variants with their first steps and a decision split with its named paths', async () => {
    const body = (await get(app, `/canvas/details?canvas_id=${ONBOARDING}`)).body
    expect(body.variants.map((v: { name: string }) => v.name)).toEqual(['Email first', 'Tour first'])
    for (const variant of body.variants) {
      expect(Object.keys(variant)).toEqual(['name', 'id', 'first_step_ids', 'first_step_id'])
      expect(variant.first_step_id).toBe(variant.first_step_ids[0])
    }
    const split = body.steps.find((s: { type: string }) => s.type === 'decision_split')
    expect(split.next_paths.map((p: { name: string }) => p.name)).toEqual(['Yes', 'Everyone Else'])
    expect(split.next_step_ids).toEqual(split.next_paths.map((p: { next_step_id: string }) => p.next_step_id))
    // Every step a variant or path leads to is a step of the Canvas.
    const ids = new Set(body.steps.map((s: { id: string }) => s.id))
    const targets = [...body.variants.flatMap((v: { first_step_ids: string[] }) => v.first_step_ids),
      ...body.steps.flatMap((s: { next_step_ids: string[] }) => s.next_step_ids)]
    expect(targets.filter(id => !ids.has(id))).toEqual([])
    expect(body.channels).toEqual(['email', 'in_app_message', 'ios_push', 'android_push', 'content_cards'])
  })

  it('answers the archived Canvas', async () => {
    const response = await get(app, '/canvas/details?canvas_id=6d8a1848-4990-46c8-9793-3e6c3e87b422')
    expect(response.status).toBe(200)
    expect({ archived: response.body.archived, enabled: response.body.enabled }).toStrictEqual({ archived: true, enabled: false })
  })

  it.each([
    ['an unknown id (braze_ruby\'s recorded request)', 'canvas_id=non-existing'],
    ['another workspace\'s Canvas', `canvas_id=${HARBOR_CANVAS}`],
    ['a campaign id', `canvas_id=${CAMPAIGN}`],
    ['no canvas_id', ''],
  ])('answers 400 with Braze\'s observed wording for %s', async (_, query) => {
    const response = await get(app, `/canvas/details?${query}`)
    expect(response.status).toBe(400)
    expect(response.body).toStrictEqual({ message: UNKNOWN })
    expect(response.headers['x-ratelimit-limit']).toBe('250000')
  })

  it('answers Harbor\'s own Canvas for Harbor\'s key', async () => {
    const response = await get(app, `/canvas/details?canvas_id=${HARBOR_CANVAS}`, BUILT_IN.harbor.keys.full)
    expect(response.status).toBe(200)
    expect(response.body.name).toBe('Account Opening Journey')
  })
})
