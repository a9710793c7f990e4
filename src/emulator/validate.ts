// Checks the control plane's inputs against their schemas (src/emulator/control-schema.ts), the same way for HTTP bodies
// and queries and for the in-process API. Fastify's default Ajv setup does not fit a control plane: it
// coerces types ("2" becomes 2) and silently strips unknown properties, so a typo'd field would be ignored
// instead of rejected. TypeBox checks exactly, and the first error is worded to name the field at fault.
import { type TSchema } from '@sinclair/typebox'
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value'
import { INSTANT_RANGE } from '../world/instant.js' // also registers the 'instant' format

/** The first thing wrong with an input, in the shape Fastify expects of a validator's errors. */
export interface InputError {
  /** JSON pointer to the field, e.g. /effect/status; empty for the input as a whole. */
  readonly instancePath: string
  readonly message: string
}

export function firstInputError (schema: TSchema, value: unknown): InputError | undefined {
  const error = Value.Errors(schema, value).First()
  return error === undefined ? undefined : describe(error)
}

function describe (error: ValueError): InputError {
  const at = error.path
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties:
      return { instancePath: at, message: 'is not a known property' }
    case ValueErrorType.ObjectRequiredProperty:
      return { instancePath: at, message: 'is required' }
    case ValueErrorType.StringFormat:
      if (error.schema.format === 'instant') return { instancePath: at, message: `must be an ISO 8601 instant, ${INSTANT_RANGE.text}` }
      return { instancePath: at, message: error.message.charAt(0).toLowerCase() + error.message.slice(1) }
    case ValueErrorType.Union:
      return describeUnion(error)
    default:
      return { instancePath: at, message: error.message.charAt(0).toLowerCase() + error.message.slice(1) }
  }
}

/** A union's own message ("Expected union value") names no rule; find the variant the caller meant. */
function describeUnion (error: ValueError): InputError {
  const variants = (error.schema.anyOf ?? []) as TSchema[]
  // Each variant's errors, read once (they are generators).
  const errors = error.errors.map(iterator => [...iterator])
  const explain = (index: number) => {
    const first = errors[index]?.[0]
    return first === undefined ? undefined : describe(first)
  }
  // A set of literals: list them.
  if (variants.length > 0 && variants.every(v => 'const' in v)) {
    return { instancePath: error.path, message: `must be one of: ${variants.map(v => String(v.const)).join(', ')}` }
  }
  // A tagged union of objects ({ type: 'status', ... }): the variant whose tag was given explains the error.
  const tags = variants.map(v => (v.properties as Record<string, TSchema> | undefined)?.type?.const as unknown)
  const { value } = error
  if (variants.length > 0 && tags.every(t => typeof t === 'string') && isRecord(value)) {
    const tagged = tags.flatMap((tag, i) => tag === value.type ? [i] : [])
    if (tagged.length === 0) {
      return { instancePath: `${error.path}/type`, message: `must be one of: ${[...new Set(tags)].join(', ')}` }
    }
    // Several variants can share a tag (latency: fixed or a range): the one with the fewest errors fits best.
    const fewest = tagged.reduce((best, i) => (errors[i]?.length ?? 0) < (errors[best]?.length ?? 0) ? i : best)
    return explain(fewest) ?? { instancePath: error.path, message: 'is invalid' }
  }
  // A union of kinds (a duration string or an integer): the variant of the value's own kind explains it.
  const kinds = variants.map(v => String(v.type))
  const own = kinds.findIndex(kind => kind === kindOf(error.value) || (kind === 'integer' && kindOf(error.value) === 'number'))
  if (own !== -1) return explain(own) ?? { instancePath: error.path, message: 'is invalid' }
  return { instancePath: error.path, message: `must be ${kinds.map(k => `a${/^[aeiou]/.test(k) ? 'n' : ''} ${k}`).join(' or ')}` }
}

function kindOf (value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function isRecord (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
