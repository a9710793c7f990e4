// Fastify compiles every route's querystring validator (Ajv) and response serializers (fast-json-stringify)
// while it starts: for the emulator's routes that was about a fifth of the CPU of a cold start (BENCHMARKS.md,
// third pass), for schemas most runs never use. These factories wrap Fastify's own compilers, with the same
// options, so that each schema is compiled when its route first validates or serializes: the functions are
// the ones Fastify would have built, only later. A schema that cannot compile would fail at its route's
// first request instead of at start; the schemas are TypeBox's, and every route is requested by the tests.
import AjvCompiler from '@fastify/ajv-compiler'
import SerializerCompiler from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'

type Factories = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>
type ValidatorFactory = NonNullable<Factories['buildValidator']>
type SerializerFactory = NonNullable<Factories['buildSerializer']>
type Validate = ((data: unknown, options?: unknown) => unknown) & { errors?: unknown, schemaEnv?: unknown }

/** Fastify's Ajv compiler, compiling each route's schema at its first validation. */
export const lazyValidators: ValidatorFactory = (externalSchemas, options) => {
  const compiler = (AjvCompiler() as unknown as ValidatorFactory)(externalSchemas, options)
  return (route) => {
    let compiled: Validate | undefined
    const compile = () => (compiled ??= compiler(route) as Validate)
    const validate: Validate = (data, validateOptions) => compile()(data, validateOptions)
    // Fastify reads both off the function: schemaEnv before a call (Ajv's, to pass the parent so a root
    // value can be coerced), errors after one that failed.
    Object.defineProperties(validate, {
      schemaEnv: { get: () => compile().schemaEnv },
      errors: { get: () => compiled?.errors },
    })
    return validate as ReturnType<ReturnType<ValidatorFactory>>
  }
}

/** Fastify's fast-json-stringify compiler, compiling each response schema at its first answer. */
export const lazySerializers: SerializerFactory = (externalSchemas, options) => {
  const compiler = (SerializerCompiler() as unknown as SerializerFactory)(externalSchemas, options)
  return (route) => {
    let compiled: ((data: unknown) => string) | undefined
    return (data: unknown) => (compiled ??= compiler(route) as (data: unknown) => string)(data)
  }
}
