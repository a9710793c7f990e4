#!/usr/bin/env node
// The `braze-mock` command: the flags mirror the environment variables, and a flag wins over its variable.
// Flags are parsed by node:util's parseArgs and then validated with the environment, by the same schema.
import { parseArgs } from 'node:util'
import { run } from './start.js'
import { VERSION } from './version.js'

/** Each flag and the setting it sets. */
const FLAGS = {
  port: 'PORT',
  host: 'HOST',
  fixtures: 'BRAZE_MOCK_FIXTURES',
  seed: 'BRAZE_MOCK_SEED',
  now: 'BRAZE_MOCK_NOW',
  'api-key': 'BRAZE_MOCK_API_KEY',
  'log-level': 'LOG_LEVEL',
  cors: 'BRAZE_MOCK_CORS',
  control: 'BRAZE_MOCK_CONTROL',
  'control-token': 'BRAZE_MOCK_CONTROL_TOKEN',
  'journal-size': 'BRAZE_MOCK_JOURNAL_SIZE',
} as const

const HELP = `braze-mock ${VERSION}: a local emulator of Braze's analytics export API

Usage: braze-mock [options]

Options (each mirrors an environment variable; a flag wins over its variable):
  --port <n>            PORT                      port to listen on, 0 for a free one (default 4000)
  --host <address>      HOST                      address to listen on (default localhost)
  --fixtures <dir>      BRAZE_MOCK_FIXTURES       fixtures directory instead of the built-in one
  --seed <n>            BRAZE_MOCK_SEED           shifts every generated number (0 to 4294967295)
  --now <instant>       BRAZE_MOCK_NOW            pins the clock, e.g. 2026-11-23T12:00:00Z
  --api-key <key>       BRAZE_MOCK_API_KEY        an extra key with every permission in the first workspace
  --log-level <level>   LOG_LEVEL                 fatal, error, warn, info (default), debug, trace, silent
  --cors <origins>      BRAZE_MOCK_CORS           * (default), off, or origins separated by commas
  --control <on|off>    BRAZE_MOCK_CONTROL        the control plane under /_mock/ (default on)
  --control-token <t>   BRAZE_MOCK_CONTROL_TOKEN  a bearer token the control plane requires
  --journal-size <n>    BRAZE_MOCK_JOURNAL_SIZE   requests the journal keeps (default 1000)
  --watch               BRAZE_MOCK_WATCH=1        reload the fixtures when a file in their directory changes
  -h, --help            this help
  -v, --version         the version

Docs of the running server: http://<host>:<port>/_mock/docs
`

/**
 * `--seed -1` as `--seed=-1`: parseArgs takes a value that starts with a dash for an option and refuses it as
 * ambiguous, but no option starts with a digit, so a negative number is a value, for the settings' checks to
 * judge (and refuse with the range).
 */
function joinNegativeNumbers (argv: readonly string[]): string[] {
  const joined: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const next = argv[i + 1]
    if (Object.hasOwn(FLAGS, arg.slice(2)) && arg.startsWith('--') && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`)
      i++
    } else {
      joined.push(arg)
    }
  }
  return joined
}

function main (argv: string[]): Promise<void> | undefined {
  let values: Record<string, string | boolean | undefined>
  try {
    const options = Object.fromEntries(Object.keys(FLAGS).map(flag => [flag, { type: 'string' as const }]))
    values = parseArgs({
      args: joinNegativeNumbers(argv),
      options: {
        ...options,
        watch: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    // parseArgs's first sentence names the flag; the rest is advice about positionals, which take none here,
    // or, for a value that starts with a dash, advice worth keeping in a line of its own.
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec((error as Error).message)
    const message = ambiguous === null
      ? (error as Error).message.split(/\.\s|\n/)[0]
      : `${ambiguous[1]} has no value; write ${ambiguous[1]}=${valueAfter(argv, ambiguous[1]!)} for a value that starts with a dash`
    process.stderr.write(`braze-mock: ${message} (see braze-mock --help)\n`)
    process.exitCode = 2
    return undefined
  }
  if (values.help === true) {
    process.stdout.write(HELP)
    return undefined
  }
  if (values.version === true) {
    process.stdout.write(`${VERSION}\n`)
    return undefined
  }
  const settings: Record<string, string | undefined> = { ...process.env }
  const labels: Record<string, string> = {}
  for (const [flag, name] of Object.entries(FLAGS)) {
    const value = values[flag]
    if (typeof value !== 'string') continue
    settings[name] = value
    labels[name] = `--${flag}` // a bad value is named as typed, not by the variable it stands for
  }
  if (values.watch === true) settings.BRAZE_MOCK_WATCH = '1'
  return run(settings, labels)
}

/** What followed `flag` on the command line, to show how to write it. */
function valueAfter (argv: readonly string[], flag: string): string {
  return argv[argv.indexOf(flag) + 1] ?? '-...'
}

await main(process.argv.slice(2))
