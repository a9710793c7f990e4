// Reads a V8 .cpuprofile (node --cpu-prof) and prints the functions with the most self time, and the
// packages or source files that time falls in. Usage: node bench/profile-top.mjs FILE.cpuprofile [N]
import { readFileSync } from 'node:fs'

const [file, count = '30'] = process.argv.slice(2)
if (file === undefined) {
  process.stderr.write('usage: node bench/profile-top.mjs FILE.cpuprofile [N]\n')
  process.exit(2)
}
const profile = JSON.parse(readFileSync(file, 'utf8'))
const byId = new Map(profile.nodes.map(node => [node.id, node]))
const hits = new Map()
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1)
const total = profile.samples.length

const label = ({ callFrame: { functionName, url, lineNumber } }) => {
  const where = url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '~/').replace(process.cwd() + '/', '')
  return `${functionName || '(anonymous)'} ${where}${where === '' ? '' : `:${lineNumber + 1}`}`
}
const place = ({ callFrame: { url, functionName } }) => {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)'
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (modules !== null) return modules[1]
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0]
  return url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '')
}

const self = new Map()
const places = new Map()
for (const [id, n] of hits) {
  const node = byId.get(id)
  const name = label(node)
  self.set(name, (self.get(name) ?? 0) + n)
  const where = place(node)
  places.set(where, (places.get(where) ?? 0) + n)
}
const pct = n => `${((100 * n) / total).toFixed(1).padStart(5)}%`
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n)

console.log(`${total} samples\n\nself time by function:`)
for (const [name, n] of top(self, Number(count))) console.log(`${pct(n)}  ${name}`)
// Inclusive time: a sample counts once for every distinct function on its stack.
const parent = new Map()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
const inclusive = new Map()
for (const [id, n] of hits) {
  const seen = new Set()
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const name = label(byId.get(at))
    if (seen.has(name)) continue
    seen.add(name)
    inclusive.set(name, (inclusive.get(name) ?? 0) + n)
  }
}
console.log('\ntotal time (self and callees) by function, own code only:')
for (const [name, n] of top(new Map([...inclusive].filter(([name]) => name.includes(' dist/') || name.includes(' src/'))), Number(count))) {
  console.log(`${pct(n)}  ${name}`)
}
console.log('\nself time by package or file:')
for (const [name, n] of top(places, 25)) console.log(`${pct(n)}  ${name}`)
