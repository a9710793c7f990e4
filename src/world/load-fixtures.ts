// Reads a fixture set from a directory (one JSON file per part) or takes it inline, and validates each part
// against its schema. Every failure is a FixtureError naming the file, the JSON path and the reason.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Kind, type Static, type TSchema } from '@sinclair/typebox'
import { Value, type ValueError } from '@sinclair/typebox/value'
import { FIXTURE_FILES, FixtureSet } from './fixture-schema.js'
import { INSTANT_RANGE, outsideInstantRange } from './instant.js'

export class FixtureError extends Error {
  readonly file: string
  readonly path: string
  readonly reason: string

  constructor (file: string, path: string, reason: string) {
    super(`${file}${path === '' ? '' : ` at ${path}`}: ${reason}`)
    this.name = 'FixtureError'
    this.file = file
    this.path = path
    this.reason = reason
  }
}

type Part = keyof FixtureSet

/** A validated fixture set, with defaults applied, and where each part came from for later error messages. */
export interface LoadedFixtures {
  readonly set: FixtureSet
  /**
   * The files the set was read from; none for an inline set. A part whose file is absent is empty, so a
   * file that disappears is a valid set with less in it: a watcher compares against these to tell.
   */
  readonly files: readonly string[]
  /** Names the file and JSON path of an item, e.g. locate('segments', '/3/id'). */
  locate (part: Part, pointer: string): { file: string, path: string }
}

const PARTS = Object.keys(FIXTURE_FILES) as Part[]

export async function loadFixtures (source: string | unknown): Promise<LoadedFixtures> {
  return typeof source === 'string' ? await loadDirectory(source) : loadInline(source)
}

function loadInline (value: unknown): LoadedFixtures {
  const set = validate(FixtureSet, value, 'inline fixtures', '')
  return { set, files: [], locate: (part, pointer) => ({ file: 'inline fixtures', path: `/${part}${pointer}` }) }
}

async function loadDirectory (dir: string): Promise<LoadedFixtures> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    throw new FixtureError(dir, '', `cannot read the fixtures directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  const known = new Set<string>(Object.values(FIXTURE_FILES))
  const stray = names.find(name => name.endsWith('.json') && !known.has(name))
  if (stray !== undefined) {
    throw new FixtureError(join(dir, stray), '', `not a fixture file; expected ${[...known].join(', ')}`)
  }

  const raw: Record<string, unknown> = {}
  const files: string[] = []
  for (const part of PARTS) {
    const file = FIXTURE_FILES[part]
    if (!names.includes(file)) {
      if (part === 'workspaces') throw new FixtureError(join(dir, file), '', 'missing; a fixture set needs at least one workspace')
      continue
    }
    const partSchema = FixtureSet.properties[part] as TSchema
    raw[part] = validate(partSchema, await readJson(join(dir, file)), join(dir, file), '')
    files.push(join(dir, file))
  }
  // A part without its file takes its schema's default. The parts read were defaulted as they were checked,
  // and defaulting the whole set again walked every one of them a second time: half of the start's fixture
  // work (BENCHMARKS.md, the fifth pass).
  for (const part of PARTS) {
    if (part in raw) continue
    const fallback = Value.Default(FixtureSet.properties[part] as TSchema, undefined)
    if (fallback !== undefined) raw[part] = fallback
  }
  const set = raw as FixtureSet
  return { set, files, locate: (part, pointer) => ({ file: join(dir, FIXTURE_FILES[part]), path: pointer }) }
}

async function readJson (file: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new FixtureError(file, '', `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  // A UTF-8 byte order mark, as some Windows editors write, is not JSON but says nothing wrong about the file.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const where = lineAndColumn(text, syntaxErrorPosition(text, message))
    throw new FixtureError(file, where, `not valid JSON (${message.replace(/\s*\(line \d+ column \d+\)/, '')})`)
  }
}

/**
 * Where JSON.parse gave up. V8 names the position in most messages but not in all of them (Node 20 writes
 * "Unexpected token '}', ... is not valid JSON" and "Unexpected end of JSON input" without one), and no
 * well-kept parser reports positions the way V8 reads JSON, so the rest is found by bisection: a prefix
 * that stops before the fault fails only for running out of input, and the shortest prefix that fails for
 * another reason ends with the faulty character.
 */
function syntaxErrorPosition (text: string, message: string): number {
  const stated = /position (\d+)/.exec(message)
  if (stated !== null) return Number(stated[1])
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length))
      return false
    } catch (error) {
      const reason = (error as Error).message
      if (/end of JSON input/.test(reason)) return false
      const at = /position (\d+)/.exec(reason)
      return at === null || Number(at[1]) < length
    }
  }
  if (!failsInside(text.length)) return text.length
  let low = 0
  let high = text.length // failsInside(high) holds, failsInside(low) does not
  while (high - low > 1) {
    const middle = (low + high) >>> 1
    if (failsInside(middle)) high = middle
    else low = middle
  }
  return high - 1
}

function lineAndColumn (text: string, position: number): string {
  const before = text.slice(0, position).split('\n')
  return `line ${before.length} column ${before.at(-1)!.length + 1}`
}

function validate<T extends TSchema> (schema: T, value: unknown, file: string, base: string): Static<T> {
  const withDefaults = Value.Default(schema, structuredClone(value))
  const turned = objectTurnedArray(withDefaults, '')
  if (turned !== undefined) {
    throw new FixtureError(file, `${base}${turned}` || '/', `must be array (got ${JSON.stringify(valueAt(value, turned))})`)
  }
  // Value.Errors walks the value as a generator, several times slower than Value.Check: it runs only once
  // the value is known to be wrong.
  const error = Value.Check(schema, withDefaults) ? undefined : Value.Errors(schema, withDefaults).First()
  if (error !== undefined) throw new FixtureError(file, `${base}${error.path}` || '/', describe(error))
  return withDefaults as Static<T>
}

/**
 * Where TypeBox's Value.Default turned an object into an array: for a list with a default ([]), it assigns
 * the object's properties onto a fresh [] (Object.assign), and the result, an empty array with stray
 * properties, then passes validation. So `{"id": "a1"}` in apps.json, one app without its brackets, would
 * load as no apps at all. Such an array has a property that is not an index.
 */
function objectTurnedArray (value: unknown, pointer: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  if (Array.isArray(value) && Object.keys(value).some(key => !/^(?:0|[1-9]\d*)$/.test(key))) return pointer
  for (const [key, item] of Object.entries(value)) {
    const found = objectTurnedArray(item, `${pointer}/${key}`)
    if (found !== undefined) return found
  }
  return undefined
}

function valueAt (value: unknown, pointer: string): unknown {
  let here = value
  for (const key of pointer.split('/').slice(1)) here = (here as Record<string, unknown> | undefined)?.[key]
  return here
}

/** TypeBox's messages, made specific where they are vague (unions of literals, unexpected properties). */
function describe (error: ValueError): string {
  const { schema, value } = error
  // A property left out: TypeBox reports its schema's complaint about undefined before the missing property.
  if (value === undefined) return 'is required'
  if (schema[Kind] === 'Union' && Array.isArray(schema.anyOf) && schema.anyOf.every((s: TSchema) => 'const' in s)) {
    return `must be one of: ${schema.anyOf.map((s: TSchema) => String(s.const)).join(', ')} (got ${JSON.stringify(value)})`
  }
  if (error.message === 'Unexpected property') return 'unknown property (a typo?)'
  if (schema.format === 'instant') {
    const rule = typeof value === 'string' && outsideInstantRange(value) ? `must be ${INSTANT_RANGE.text} (UTC)` : 'must be an ISO 8601 date-time, e.g. 2025-03-01T09:30:00Z'
    return `${rule} (got ${JSON.stringify(value)})`
  }
  // "Expected integer to be greater or equal to 0" reads "must be greater or equal to 0".
  const rule = error.message.replace(/^Expected \w+ to be /, 'must be ').replace(/^Expected/, 'must be')
  return `${rule} (got ${JSON.stringify(value)})`
}
