// Injected into the server bundle by scripts/bundle.mjs as what its sources call import.meta.url, which a
// CommonJS bundle does not have: the bundle's own URL, which fixtures and the console are found beside.
import { pathToFileURL } from 'node:url'

// The bundle is CommonJS, where every module has its __filename.
export const bundleUrl = pathToFileURL(__filename).href
