/** The emulator's own paths (health, control, docs) live under /_mock; everything else is Braze's. */
export function isEmulatorPath (url: string): boolean {
  return url.startsWith('/_mock') && (url.length === 6 || url[6] === '/' || url[6] === '?')
}

/** The path of a request URL, without its query string. */
export function pathOf (url: string): string {
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}
