// The container's entry (`node dist/server.js`): every setting comes from the environment. It runs the
// bundle that `npm run build` writes beside it, through the bundle's code cache (src/bundle-loader.ts); a
// tree without one (the package, which tsc alone builds) runs the compiled modules instead.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadBundle } from './bundle-loader.js'

const bundle = fileURLToPath(new URL('./server-bundle.cjs', import.meta.url))
const { run } = existsSync(bundle) ? loadBundle<typeof import('./server-bundle.js')>(bundle).exports : await import('./start.js')
await run(process.env)
