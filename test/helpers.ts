// Shared test fixtures: the built-in keys and ids, and a way to build the real app for inject().
import { buildApp, type AppConfig, type BrazeMockApp } from '../src/app.js'

/** Ids and keys from the built-in fixtures (fixtures/*.json). */
export const BUILT_IN = {
  lumen: {
    workspaceId: 'fc09443a-6006-4993-8b4f-3e2473b07799',
    keys: {
      full: '16207df2-a02e-4d98-b4a7-6cb6b72bdbfe',
      noSegmentsDataSeries: '17c2e6fe-9cf6-41c0-8d43-e20688243dfd',
      noSessionsDataSeries: '1fb8d83f-5394-4c76-86e2-063f5a942fdd',
      noSegmentsList: 'bfc879b5-1fd8-43af-be35-f84dd7206688',
      noSegmentsDetails: '1c143497-2999-4ea8-9442-76276dfd3a4c',
    },
    apps: {
      ios: '2b55067c-998c-424d-89f6-cfbde7af3e2a',
      android: '1fed03bf-2814-4e24-9399-ea2f56d780a5',
      web: '3d35b039-2e15-46df-86f4-12430586b92a',
      tv: 'cb41cf9b-57c6-42db-b5c4-6e1012ab11bb',
    },
    segments: {
      allUsers: '2526216c-722a-4946-9d15-921eb0fa454e',
      active7Days: '7a87c40a-f87e-464b-91cf-5b03c875d500',
      pushOptedIn: 'c1198bb8-86f1-4b9c-9b74-0773ae31215e', // analytics tracking off
      internalQa: 'dd6e92ad-ce6d-4644-a33e-5ed5f95171b6', // analytics tracking off, 37 members
      springChallenge: 'f6746b82-f869-4932-a23e-df463dd76508', // archived
      holidayCampaign: 'c37c3c51-45ee-47d7-8e32-e3b575c943c2', // created 2026-11-10T14:00:00Z
    },
  },
  harbor: {
    workspaceId: '8a8d1127-3685-4327-9b0e-fb411e1226ec', // America/New_York
    keys: { full: 'b6caeea5-94e7-42fa-a720-22767c804f03' },
    apps: { ios: '52e4942e-eddf-4499-8172-dcf112cca65f' },
    segments: { highBalance: 'f3ea5adc-6cd3-4299-b4d6-9033c812cbae' },
  },
} as const

/** 2026-11-23T12:00:00Z: a pinned "now" for tests that omit ending_at. */
export const NOW = Date.UTC(2026, 10, 23, 12)

/** The real app on the built-in fixtures with the clock pinned to NOW, unless the config says otherwise. */
export function testApp (config: AppConfig = {}): Promise<BrazeMockApp> {
  return buildApp({ now: NOW, ...config })
}

/** GET `url` with a bearer key (the Lumen full-access key unless given; null sends no Authorization). */
export async function get (app: BrazeMockApp, url: string, key: string | null = BUILT_IN.lumen.keys.full) {
  const response = await app.inject({
    method: 'GET',
    url,
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  })
  return { status: response.statusCode, headers: response.headers, body: response.json(), raw: response.body }
}

/**
 * Everything written to process.stdout while `run` runs, and nothing after: Fastify's pino logger writes
 * there when buildApp is given only a level, so a test listens where the logs really go.
 */
export async function captureStdout (run: () => Promise<void>): Promise<string> {
  const chunks: string[] = []
  const write = process.stdout.write
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    return true
  }) as typeof process.stdout.write
  try {
    await run()
  } finally {
    process.stdout.write = write
  }
  return chunks.join('')
}
