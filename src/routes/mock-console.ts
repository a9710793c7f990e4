// GET /_mock/: the emulator console, one page of plain ES modules from the console/ folder at the package's
// root, and the chart library (uPlot) from node_modules: no CDN, no build step. The page and its assets hold
// no data; everything it shows comes from GET /_mock/world and the other control routes, which the control
// token protects, and from the Braze endpoints, which the keys protect.
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { extname, join } from 'node:path'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ControlError } from '../emulator/control-schema.js'
import { ControlNotFound } from '../emulator/errors.js'

export interface MockConsoleOptions {
  /** The console/ folder (src/app.ts resolves it beside fixtures/). */
  directory: string
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** uPlot's browser files, by the name the page imports them under. */
function vendorFiles (): Record<string, string> {
  const require = createRequire(import.meta.url)
  return {
    'uPlot.esm.js': require.resolve('uplot/dist/uPlot.esm.js'),
    'uPlot.min.css': require.resolve('uplot/dist/uPlot.min.css'),
  }
}

export const mockConsole: FastifyPluginAsyncTypebox<MockConsoleOptions> = async (app, { directory }) => {
  // Only the files that exist at start, by name: a request can never name a path outside the folder.
  // A tree without the folder (an image that copies only dist/ and fixtures/) still serves everything else;
  // the console answers 404 saying what is missing.
  const files: Record<string, string> = {}
  for (const name of await readdir(directory).catch(() => [])) {
    if (TYPES[extname(name)] !== undefined) files[name] = join(directory, name)
  }
  const vendor = vendorFiles()
  const send = async (path: string | undefined, what: string) => {
    if (path === undefined) throw new ControlNotFound(`no console file ${what}`)
    return { type: TYPES[extname(path)]!, body: await readFile(path, 'utf8') }
  }
  const answer = (type: string, description: string) => ({
    200: { description, content: { [type]: { schema: Type.String() } } },
    404: ControlError,
  })
  const tags = ['Emulator control'] // the console is part of the control plane: off with it
  const asset = (summary: string) => ({
    summary, tags, params: Type.Object({ file: Type.String() }), response: answer('*/*', 'The file: HTML, JavaScript or CSS.'),
  })

  // /_mock and /_mock/ alike (ignoreTrailingSlash); the page links its files by absolute path.
  app.get('/_mock', {
    schema: { summary: 'The emulator console: world, charts, journal and controls, in a browser', tags, response: answer('text/html', 'The console page.') },
  }, async (_request, reply) => {
    const { type, body } = await send(files['index.html'], `index.html: the console's files are not installed in ${directory}`)
    return reply.type(type).header('cache-control', 'no-cache').send(body)
  })
  app.get('/_mock/console/:file', { schema: asset('A script or style sheet of the console') }, async (request, reply) => {
    const { type, body } = await send(Object.hasOwn(files, request.params.file) ? files[request.params.file] : undefined, request.params.file)
    return reply.type(type).header('cache-control', 'no-cache').send(body)
  })
  app.get('/_mock/console/vendor/:file', { schema: asset('The chart library the console uses (uPlot), from the package\'s dependencies') }, async (request, reply) => {
    const { type, body } = await send(Object.hasOwn(vendor, request.params.file) ? vendor[request.params.file] : undefined, request.params.file)
    return reply.type(type).header('cache-control', 'max-age=3600').send(body)
  })
}
