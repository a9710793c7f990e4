// The layering of src/ (.dependency-cruiser.cjs, run by `npm run lint`): imports go down only. The real tree
// must pass, and a small tree with an import up from each layer must fail on exactly those imports.
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { cruise, type ICruiseOptions, type IReporterOutput } from 'dependency-cruiser'
import { describe, expect, it } from 'vitest'

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as { forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden'] }
const root = fileURLToPath(new URL('..', import.meta.url))

async function violations (baseDir: string, options: Partial<ICruiseOptions> = {}): Promise<{ modules: number, found: string[] }> {
  const previous = process.cwd()
  process.chdir(baseDir) // dependency-cruiser reads its rules' paths relative to the working directory
  try {
    const result: IReporterOutput = await cruise(['src'], {
      validate: true,
      ruleSet: { forbidden: config.forbidden },
      doNotFollow: { path: 'node_modules' },
      ...options,
    })
    if (typeof result.output === 'string') throw new Error(result.output)
    const { summary } = result.output
    return { modules: summary.totalCruised, found: summary.violations.map(v => `${v.rule.name}: ${v.from} → ${v.to}`) }
  } finally {
    process.chdir(previous)
  }
}

describe('layering', () => {
  it('holds for src/', async () => {
    const { modules, found } = await violations(root, { tsPreCompilationDeps: true, tsConfig: { fileName: 'tsconfig.json' } })
    expect(found).toEqual([])
    expect(modules).toBeGreaterThan(50) // the rules saw the tree
  })

  it('refuses an import that goes up a layer, and only those', async () => {
    const { found } = await violations(fileURLToPath(new URL('layering/tree/', import.meta.url)))
    expect(found.sort()).toEqual([
      'state-imports-edge: src/emulator/state.js → src/routes/route.js',
      'world-imports-upward: src/world/pure.js → src/plugins/edge.js',
    ])
  })
})
