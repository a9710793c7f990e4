import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

interface SegmentFixture {
  id: string
  workspace_id: string
  name: string
  description: string
  text_description: string
  tags: string[]
  teams: string[]
  created_at: string
  updated_at?: string
}

const KEYS: Record<string, string> = {
  [BUILT_IN.lumen.workspaceId]: BUILT_IN.lumen.keys.full,
  [BUILT_IN.harbor.workspaceId]: BUILT_IN.harbor.keys.full,
}

describe('GET /segments/details', () => {
  let app: BrazeMockApp
  let fixtures: SegmentFixture[]
  beforeAll(async () => {
    app = await testApp()
    fixtures = JSON.parse(await readFile(new URL('../../fixtures/segments.json', import.meta.url), 'utf8'))
  })
  afterAll(() => app.close())

  it('answers the documented fields for every built-in segment, times in ISO 8601', async () => {
    expect(fixtures.length).toBeGreaterThan(10)
    for (const segment of fixtures) {
      const response = await get(app, `/segments/details?segment_id=${segment.id}`, KEYS[segment.workspace_id]!)
      expect(response.status).toBe(200)
      expect(response.body).toEqual({
        message: 'success',
        created_at: new Date(segment.created_at).toISOString(),
        updated_at: new Date(segment.updated_at ?? segment.created_at).toISOString(),
        name: segment.name,
        description: segment.description,
        text_description: segment.text_description,
        tags: segment.tags,
        teams: segment.teams,
      })
    }
  })

  it('answers for archived segments, which the list leaves out', async () => {
    const response = await get(app, `/segments/details?segment_id=${BUILT_IN.lumen.segments.springChallenge}`)
    expect(response.status).toBe(200)
    expect(response.body.name).toBe('Spring Challenge 2024')
  })

  it('answers details of generated segments, with the names and tags the list shows', async () => {
    const listed = (await get(app, '/segments/list', BUILT_IN.harbor.keys.full)).body.segments
    const generated = listed.find((s: { id: string }) => !fixtures.some(f => f.id === s.id))
    expect(generated).toBeDefined()
    const response = await get(app, `/segments/details?segment_id=${generated.id}`, BUILT_IN.harbor.keys.full)
    expect(response.status).toBe(200)
    expect(response.body.name).toBe(generated.name)
    expect(response.body.tags).toEqual(generated.tags)
    expect(response.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(Date.parse(response.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(response.body.created_at))
  })

  it.each([
    ['an unknown id', 'segment_id=00000000-0000-4000-8000-000000000000'],
    ['another workspace\'s id', `segment_id=${BUILT_IN.harbor.segments.highBalance}`],
    ['an empty id', 'segment_id='],
    ['no id', ''],
  ])('answers 400 for %s', async (_, query) => {
    const response = await get(app, `/segments/details?${query}`)
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ message: 'segment_id must be a string of the Segment api identifier' })
  })

  it('needs the segments.details permission', async () => {
    const response = await get(app, `/segments/details?segment_id=${BUILT_IN.lumen.segments.allUsers}`, BUILT_IN.lumen.keys.noSegmentsDetails)
    expect(response.status).toBe(403)
    expect(response.body).toEqual({ message: 'Access Denied: this API key lacks the segments.details permission' })
  })
})
