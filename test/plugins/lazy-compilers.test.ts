// The schema compilers buildApp gives Fastify (src/plugins/lazy-compilers.ts): each function is the one
// Fastify's own compiler builds, built at its first use instead of at start.
import AjvCompiler from '@fastify/ajv-compiler'
import SerializerCompiler from '@fastify/fast-json-stringify-compiler'
import { Type } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import { lazySerializers, lazyValidators } from '../../src/plugins/lazy-compilers.js'

const AJV_OPTIONS = { coerceTypes: 'array', useDefaults: true, removeAdditional: true, allErrors: false }
const QUERY = Type.Object({ length: Type.Integer({ minimum: 1, maximum: 100 }), unit: Type.Optional(Type.String({ default: 'day' })) })
const route = (schema: unknown) => ({ schema, method: 'GET', url: '/x', httpPart: 'querystring', httpStatus: '200' }) as never

type Validate = ((data: unknown) => unknown) & { errors?: unknown, schemaEnv?: unknown }

describe('lazyValidators', () => {
  const own = (AjvCompiler() as never as (e: object, o: object) => (r: never) => Validate)({}, { customOptions: AJV_OPTIONS })
  const lazy = lazyValidators({}, { customOptions: AJV_OPTIONS } as never) as never as (r: never) => Validate

  it.each([{ length: '14' }, { length: '14', unit: 'hour' }, { length: '0' }, { length: 'x' }, {}])('validates, coerces and reports %j as Fastify\'s own does', (query) => {
    const mine = lazy(route(QUERY))
    const theirs = own(route(QUERY))
    const a = { ...query }
    const b = { ...query }
    expect(Boolean(mine.schemaEnv)).toBe(Boolean(theirs.schemaEnv))
    expect(mine(a)).toBe(theirs(b))
    expect(a).toStrictEqual(b)
    expect(mine.errors ?? null).toStrictEqual(theirs.errors ?? null)
  })

  it('compiles a schema at its first use, not when the route is built', () => {
    const broken = { type: 'object', properties: { length: { $ref: '#/nowhere' } } }
    const validate = lazy(route(broken))
    expect(() => validate({ length: 1 })).toThrow()
  })
})

describe('lazySerializers', () => {
  const own = (SerializerCompiler() as never as (e: object, o: object) => (r: never) => (data: unknown) => string)({}, {})
  const lazy = lazySerializers({}, {} as never) as never as (r: never) => (data: unknown) => string
  const ANSWER = Type.Object({ message: Type.String(), data: Type.Array(Type.Object({ time: Type.String(), size: Type.Integer() })) })

  it('writes what Fastify\'s own serializer writes, extra fields dropped', () => {
    const answer = { message: 'success', data: [{ time: '2026-11-20', size: 12, extra: true }], more: 1 }
    expect(lazy(route(ANSWER))(answer)).toBe(own(route(ANSWER))(answer))
  })

  it('compiles a schema at its first use, not when the route is built', () => {
    const serialize = lazy(route({ type: 'object', properties: { a: { $ref: '#/nowhere' } } }))
    expect(() => serialize({ a: 1 })).toThrow()
  })
})
