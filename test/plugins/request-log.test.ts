// The log a running emulator writes (src/plugins/request-log.ts): one JSON line per request, in pino's
// shape, carrying the request id the answer's X-Request-Id carries; and an unexpected error logged by the
// request's own logger under the same id.
import { Type } from '@sinclair/typebox'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { defineEndpoint } from '../../src/endpoints/define.js'
import { ENDPOINTS } from '../../src/endpoints/index.js'
import { Success } from '../../src/endpoints/parameters.js'
import { frameOf, requestLine, type RequestFields } from '../../src/plugins/request-log.js'
import { captureStdout, NOW } from '../helpers.js'

/** The extra key: every permission the emulator serves, the failing endpoint's among them. */
const KEY = 'request-log-test-key'

/** An endpoint whose handler fails as a bug would: its answer is the 500, its log line the error. */
const failing = defineEndpoint({
  path: '/kpi/failing/data_series',
  permission: 'kpi.failing.data_series',
  pool: 'default',
  summary: 'Always fails',
  parameters: {},
  response: Type.Object({ message: Success }),
  example: {},
  handle () { throw new Error('a bug in a generator') },
})

type Line = Record<string, unknown>

describe('request-log: the lines a running emulator writes', () => {
  const lines: Line[] = []
  const ids: string[] = []

  beforeAll(async () => {
    const output = await captureStdout(async () => {
      const app = await buildApp({ now: NOW, logLevel: 'info', apiKey: KEY, endpoints: [...ENDPOINTS, failing] })
      for (const url of ['/segments/list?page=0', '/segments/list/', '/kpi/failing/data_series', '/nowhere?x=%41']) {
        const response = await app.inject({ url, headers: { authorization: `Bearer ${KEY}` } })
        ids.push(String(response.headers['x-request-id']))
      }
      await app.close()
    })
    for (const line of output.split('\n')) if (line !== '') lines.push(JSON.parse(line) as Line)
  })
  afterAll(() => { lines.length = 0 })

  it('writes one request line per request, fields in order, under the id its answer carries', () => {
    const requests = lines.filter(line => line.msg === 'request')
    expect(requests.map(line => Object.keys(line))).toStrictEqual(requests.map(() =>
      ['level', 'time', 'pid', 'hostname', 'reqId', 'method', 'path', 'status', 'ms', 'msg']))
    expect(requests.map(({ reqId, method, path, status }) => ({ reqId, method, path, status }))).toStrictEqual([
      { reqId: ids[0], method: 'GET', path: '/segments/list', status: 200 },
      { reqId: ids[1], method: 'GET', path: '/segments/list/', status: 200 },
      { reqId: ids[2], method: 'GET', path: '/kpi/failing/data_series', status: 500 },
      { reqId: ids[3], method: 'GET', path: '/nowhere', status: 404 },
    ])
    expect(requests.every(line => line.level === 30 && typeof line.ms === 'number' && line.ms >= 0)).toBe(true)
  })

  it('logs an unexpected error through the request\'s logger, under its id, before its request line', () => {
    const errors = lines.filter(line => line.msg === 'unexpected error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ level: 50, reqId: ids[2], err: { message: 'a bug in a generator' } })
    expect(lines.indexOf(errors[0]!)).toBeLessThan(lines.findIndex(line => line.msg === 'request' && line.reqId === ids[2]))
  })

  it('writes nothing but those lines at info level', () => {
    expect(lines.filter(line => line.msg !== 'request' && line.msg !== 'unexpected error')).toStrictEqual([])
  })
})

describe('request-log: the line is the one pino writes', () => {
  /** A logger set up as buildApp's is, writing into `lines`, with its time fixed so two lines can be compared. */
  function capture (options: pino.LoggerOptions = {}) {
    const lines: string[] = []
    const logger = pino({ level: 'info', redact: { paths: ['req.headers.authorization'], censor: '[redacted]' }, timestamp: () => ',"time":1796097600000', ...options },
      { write: (line: string) => { lines.push(line) } })
    return { logger, lines }
  }

  const fields: RequestFields[] = [
    { reqId: 'e803c1fe-f8f7-478f-a2cc-0e8dc0205cef', method: 'GET', path: '/segments/list', status: 200, ms: 0.53 },
    { reqId: 'id"1', method: 'OPTIONS', path: '/a"quote\\backslash', status: 404, ms: 12 },
    { reqId: 'r', method: 'GET', path: '/tab\there\u0001and\u007fé\u00ff', status: 400, ms: 0 },
    { reqId: 'r', method: 'GET', path: `/${'long/'.repeat(40)}"`, status: 500, ms: 1234.5 },
  ]

  it.each(fields)('writes what pino writes for $path', (line) => {
    const { logger, lines } = capture()
    logger.info({ ...line }, 'request')
    expect(requestLine(frameOf(logger), line)).toBe(lines[0])
  })

  it('follows the logger\'s own base, time and level settings', () => {
    const { logger, lines } = capture({ base: { service: 'braze-mock' }, formatters: { level: label => ({ severity: label }) } })
    logger.info({ ...fields[0]! }, 'request')
    expect(requestLine(frameOf(logger), fields[0]!)).toBe(lines[0])
  })
})
