// The emulator console (GET /_mock/): the world, charts drawn from the Braze endpoints' own answers, the
// journal, and the controls. Everything it lists comes from GET /_mock/world, so endpoints and entities added
// to the emulator show here with no edit to this file.
import UPlot from '/_mock/console/vendor/uPlot.esm.js'
import { braze, control, RequestFailed, setToken, whenUnauthorized } from '/_mock/console/api.js'

const $ = (id) => document.getElementById(id)
const COLORS = ['#2f6fdb', '#e0731f', '#2e9e5b', '#b03aa8', '#c9a100', '#17a2b8', '#7a5230', '#d6336c']
/** The query parameter that names an entity, by the kind of entity, in the order the chart form prefers. */
const ENTITY_PARAMETERS = { app_id: 'apps', segment_id: 'segments', event: 'events', product: 'products', campaign_id: 'campaigns', canvas_id: 'canvases' }
/** The entity an override names, by the query parameter that names it (src/world/metrics.ts ENTITY_PARAMETERS). */
const OVERRIDE_ENTITIES = { app_id: 'app', segment_id: 'segment', campaign_id: 'campaign', canvas_id: 'canvas' }

let world
let clock

/** Creates an element: h('li', { class: 'x' }, 'text', child). */
function h (tag, attributes = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value)
    else if (value !== undefined) element.setAttribute(name, value)
  }
  element.append(...children.filter(child => child !== undefined))
  return element
}

function notice (message, error = false) {
  const element = $('notice')
  element.hidden = message === ''
  element.textContent = message
  element.className = error ? 'notice error' : 'notice'
}

/** Runs a control action and reports its refusal (the emulator's own message) on the page. */
async function act (action) {
  try {
    const result = await action()
    notice('')
    return result
  } catch (error) {
    if (!(error instanceof RequestFailed) || error.status !== 401) notice(error.message, true)
    return undefined
  }
}

// ---- World -------------------------------------------------------------------------------------------------

/** A key of the workspace that may call the endpoint (masked keys cannot be sent). */
function keyFor (workspaceId, endpoint) {
  return world.keys.find(k => k.workspace_id === workspaceId && !k.masked && k.permissions.includes(endpoint.permission))
}

function endpointWith (parameter) {
  return world.endpoints.find(e => e.parameters.includes(parameter))
}

function curlFor (workspace, endpoint, query) {
  const key = keyFor(workspace.id, endpoint)
  if (key === undefined) return `# no key of ${workspace.name} may call ${endpoint.path} (${endpoint.permission})`
  const url = `${window.location.origin}${endpoint.path}${Object.keys(query).length === 0 ? '' : `?${new URLSearchParams(query)}`}`
  return `# ${key.name}\ncurl -H 'Authorization: Bearer ${key.key}' '${url}'`
}

/** The example query of the first endpoint that takes `parameter`, naming this entity instead. */
function showCurl (workspace, parameter, value, path) {
  const endpoint = path !== undefined ? world.endpoints.find(e => e.path === path) : endpointWith(parameter)
  if (endpoint === undefined) return
  const query = { ...endpoint.example }
  for (const name of Object.keys(ENTITY_PARAMETERS)) if (name !== parameter && !endpoint.required.includes(name)) delete query[name]
  if (parameter !== undefined) query[parameter] = value
  const curl = $('curl')
  curl.hidden = false
  curl.textContent = curlFor(workspace, endpoint, query)
}

function copyable (id) {
  const code = h('code', { class: 'id', title: 'Click to copy', 'data-id': id }, id)
  code.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(id)
    } catch {
      const range = document.createRange()
      range.selectNodeContents(code)
      window.getSelection().removeAllRanges()
      window.getSelection().addRange(range)
      document.execCommand('copy')
    }
    code.classList.add('copied')
    setTimeout(() => code.classList.remove('copied'), 800)
  })
  return code
}

function entityList (title, items) {
  return [h('h4', {}, `${title} (${items.length})`), h('ul', {}, ...items)]
}

function row (name, onclick, ...rest) {
  return h('li', {}, h('span', { class: 'name', onclick }, name), ...rest)
}

function renderWorld () {
  const container = $('world')
  container.replaceChildren(...world.workspaces.map(ws => {
    const keys = world.keys.filter(k => k.workspace_id === ws.id)
    return h('div', { class: 'ws', 'data-workspace': ws.id },
      h('h3', {}, ws.name, ' ', copyable(ws.id)),
      h('div', { class: 'meta' }, `${ws.time_zone} · ${ws.industry} · `,
        ws.rate_limits.map(p => `${p.pool} ${p.limit.toLocaleString('en')}/${p.window}`).join(', ')),
      ...entityList('Apps', ws.apps.map(a => row(a.name, () => showCurl(ws, 'app_id', a.id), copyable(a.id),
        h('span', { class: 'meta' }, `${a.platform}, since ${a.created_at.slice(0, 10)}`)))),
      ...entityList('Segments', ws.segments.map(s => row(s.name, () => showCurl(ws, 'segment_id', s.id), copyable(s.id),
        h('span', { class: 'meta' }, [s.analytics_tracking_enabled ? 'analytics' : 'no analytics', s.archived ? 'archived' : ''].filter(Boolean).join(', '))))),
      ...entityList('Events', ws.events.map(e => row(e.name, () => showCurl(ws, 'event', e.name), copyable(e.name)))),
      ...entityList('Products', ws.products.map(p => row(p.name, () => showCurl(ws, 'product', p.name), copyable(p.name),
        h('span', { class: 'meta' }, String(p.price))))),
      ...entityList('Campaigns', ws.campaigns.map(c => row(c.name, () => showCurl(ws, 'campaign_id', c.id, '/campaigns/data_series'), copyable(c.id),
        h('span', { class: 'meta' }, [c.channels.join(', '), c.archived ? 'archived' : '', c.send_ids.length > 0 ? `sends ${c.send_ids.join(', ')}` : ''].filter(Boolean).join(' · '))))),
      ...entityList('Canvases', ws.canvases.map(c => row(c.name, () => showCurl(ws, 'canvas_id', c.id, '/canvas/data_series'), copyable(c.id),
        h('span', { class: 'meta' }, [`variants ${c.variants.map(v => v.name).join(', ')}`, c.archived ? 'archived' : ''].filter(Boolean).join(' · '))))),
      ...entityList('Custom attributes', ws.attributes.map(a => row(a.name, () => showCurl(ws, undefined, undefined, '/custom_attributes'), h('span', { class: 'meta' }, a.data_type)))),
      ...entityList('API keys', keys.map(k => h('li', {}, h('span', {}, k.name), k.masked ? h('code', {}, k.key) : copyable(k.key),
        h('span', { class: 'meta' }, `${k.permissions.length} permissions`))))
    )
  }))
}

// ---- Charts ------------------------------------------------------------------------------------------------

/** What the tests and the screenshot read: the last chart drawn, the values exactly as plotted. */
const plotted = { seq: 0, url: '', path: '', query: {}, status: 0, error: null, times: [], values: [], stacked: [] }
window.consoleChart = plotted
let plot
let overrideTarget

function chartEndpoints () {
  return world.endpoints.filter(e => /_series$/.test(e.path))
}

function selectedWorkspace () {
  return world.workspaces.find(w => w.id === $('chart-workspace').value)
}

function selectedEndpoint () {
  return world.endpoints.find(e => e.path === $('chart-endpoint').value)
}

function entityParameter (endpoint) {
  return Object.keys(ENTITY_PARAMETERS).find(name => endpoint.parameters.includes(name))
}

function options (select, items, selected) {
  select.replaceChildren(...items.map(([value, label]) => h('option', { value }, label)))
  if (selected !== undefined && items.some(([value]) => value === selected)) select.value = selected
}

function fillEntities () {
  const ws = selectedWorkspace()
  const endpoint = selectedEndpoint()
  const parameter = entityParameter(endpoint)
  const select = $('chart-entity')
  const previous = select.value
  if (parameter === undefined) return options(select, [['', '(none)']])
  const items = ws[ENTITY_PARAMETERS[parameter]].map(item => [item.id ?? item.name, item.name])
  const all = endpoint.required.includes(parameter) ? [] : [['', `All ${ENTITY_PARAMETERS[parameter]}`]]
  options(select, [...all, ...items], previous)
  $('chart-unit').disabled = !endpoint.parameters.includes('unit')
}

function fillChartForm () {
  options($('chart-workspace'), world.workspaces.map(w => [w.id, w.name]), $('chart-workspace').value)
  options($('chart-endpoint'), chartEndpoints().map(e => [e.path, e.path]), $('chart-endpoint').value || '/sessions/data_series')
  fillEntities()
  options($('fault-path'), [['*', '* (every Braze path)'], ...world.endpoints.map(e => [e.path, e.path])], $('fault-path').value)
}

/** The query the form describes, built on the endpoint's example so that its other required parameters are set. */
function chartQuery (endpoint) {
  const query = {}
  for (const name of endpoint.required) if (endpoint.example[name] !== undefined) query[name] = endpoint.example[name]
  const parameter = entityParameter(endpoint)
  if (parameter !== undefined && $('chart-entity').value !== '') query[parameter] = $('chart-entity').value
  query.length = $('chart-length').value || '14'
  if ($('chart-ending-at').value !== '') query.ending_at = $('chart-ending-at').value
  if (endpoint.parameters.includes('unit')) query.unit = $('chart-unit').value
  return query
}

const secondsOf = (time) => Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(time) ? `${time}T00:00:00Z` : time) / 1000
/**
 * What a point charts, by name and value: a series' one number; a campaign's or a send's unique recipients
 * (its points also hold per-channel figures); a Canvas's entries (its points nest under data.stats).
 */
function pointValue (point) {
  if (point.total_stats !== undefined) return ['entries', point.total_stats.entries]
  if (point.unique_recipients !== undefined) return ['unique_recipients', point.unique_recipients]
  const key = Object.keys(point).find(name => typeof point[name] === 'number')
  return [key ?? 'value', point[key]]
}

async function drawChart () {
  const ws = selectedWorkspace()
  const endpoint = selectedEndpoint()
  const query = chartQuery(endpoint)
  const key = keyFor(ws.id, endpoint)
  $('override-form').hidden = true
  if (key === undefined) return showChartError(0, `no key of ${ws.name} may call ${endpoint.path} (${endpoint.permission})`, endpoint, query)
  const answer = await braze(endpoint.path, query, key.key)
  $('chart-request').textContent = `GET ${answer.url}  →  ${answer.status || 'no answer'}  (${key.name})`
  if (answer.error !== undefined) return showChartError(answer.status, answer.error, endpoint, query, answer.url)
  const points = Array.isArray(answer.body.data) ? answer.body.data : answer.body.data.stats
  const times = points.map(p => p.time)
  const values = points.map(p => pointValue(p)[1])
  // Additive metrics (sessions): each app's series, stacked, against the total the endpoint answers.
  const stacked = []
  const additive = endpoint.metrics.length > 0 && endpoint.metrics.every(m => m.aggregate === 'sum')
  if (additive && entityParameter(endpoint) === 'app_id' && query.app_id === undefined) {
    for (const app of ws.apps) {
      const one = await braze(endpoint.path, { ...query, app_id: app.id }, key.key)
      if (one.error === undefined) stacked.push({ app_id: app.id, name: app.name, values: one.body.data.map(p => pointValue(p)[1]) })
    }
  }
  Object.assign(plotted, { seq: plotted.seq + 1, url: answer.url, path: endpoint.path, query, status: answer.status, error: null, times, values, stacked })
  $('chart-error').hidden = true
  render(endpoint, times, values, stacked, points.length > 0 ? pointValue(points[0])[0] : 'value')
}

function showChartError (status, message, endpoint, query, url = '') {
  Object.assign(plotted, { seq: plotted.seq + 1, url, path: endpoint.path, query, status, error: message, times: [], values: [], stacked: [] })
  const element = $('chart-error')
  element.hidden = false
  element.textContent = `${status === 0 ? 'No answer' : status}: ${message}`
  plot?.destroy()
  plot = undefined
}

function render (endpoint, times, values, stacked, label) {
  const xs = times.map(secondsOf)
  const series = [{}]
  const data = [xs]
  // Cumulative sums, drawn from the largest down, each filled to zero: the fills read as a stack.
  const sums = []
  let running = times.map(() => 0)
  for (const app of stacked) sums.push({ name: app.name, values: running = running.map((v, i) => v + app.values[i]) })
  sums.reverse().forEach((sum, i) => {
    const color = COLORS[(sums.length - 1 - i) % COLORS.length]
    series.push({ label: `${sum.name} (stacked)`, stroke: color, fill: `${color}55`, width: 1 })
    data.push(sum.values)
  })
  series.push({ label: stacked.length > 0 ? `total ${label}` : label, stroke: stacked.length > 0 ? '#1d232b' : COLORS[0], width: 2, dash: stacked.length > 0 ? [6, 4] : undefined, points: { show: true, size: 6 } })
  data.push(values)
  plot?.destroy()
  const width = Math.max(400, $('chart').clientWidth || 700)
  plot = new UPlot({ width, height: 300, series, axes: [{}, { size: 70 }], cursor: { drag: { x: false, y: false } } }, data, $('chart'))
  plot.over.addEventListener('click', () => pointClicked(endpoint, times, values))
  $('chart').dataset.values = JSON.stringify(values)
  $('chart').dataset.seq = String(plotted.seq)
}

/** Where point i of the total is on the page, for a test or a person to click. */
plotted.pointAt = (i) => {
  const box = plot.over.getBoundingClientRect()
  return { x: box.left + plot.valToPos(plot.data[0][i], 'x'), y: box.top + plot.valToPos(plotted.values[i], 'y') }
}

function pointClicked (endpoint, times, values) {
  const i = plot.cursor.idx
  if (i === null || i === undefined) return
  const parameter = entityParameter(endpoint)
  const kind = OVERRIDE_ENTITIES[parameter]
  const metric = endpoint.metrics.find(m => m.entity === kind)
  const id = $('chart-entity').value
  const unit = plotted.query.unit === 'hour' ? 'hour' : 'day'
  if (metric === undefined || id === '' || (unit === 'hour' && !metric.hours)) {
    return notice(`Overrides set an app's, a segment's, a campaign's or a Canvas's metric: pick one of ${endpoint.path}${metric === undefined ? ' (this endpoint serves none)' : ''}`, true)
  }
  overrideTarget = { [parameter]: id, metric: metric.id, unit, time: times[i] }
  $('override-what').textContent = `${metric.id} of ${$('chart-entity').selectedOptions[0].textContent} at ${times[i]} (now ${values[i]}):`
  $('override-value').value = String(values[i])
  $('override-form').hidden = false
  $('override-value').focus()
}

async function setOverride (event) {
  event.preventDefault()
  const { time, ...target } = overrideTarget
  const done = await act(() => control('POST', '/_mock/overrides', { ...target, values: { [time]: Number($('override-value').value) } }))
  if (done === undefined) return
  $('override-form').hidden = true
  await refreshOverrides()
  await drawChart()
}

// ---- Controls ----------------------------------------------------------------------------------------------

function showClock (view) {
  clock = view
  $('clock-mode').textContent = view.mode
  $('clock-mode').className = `badge ${view.mode}`
  $('clock-now').textContent = view.now
}

async function refreshClock () {
  const view = await act(() => control('GET', '/_mock/clock'))
  if (view !== undefined) showClock(view)
}

async function refreshFaults () {
  const { faults } = await control('GET', '/_mock/faults')
  $('faults').replaceChildren(...faults.map(f => h('li', { 'data-fault': f.id },
    `${f.id}: ${f.path} → ${f.effect.type}${f.effect.status === undefined ? '' : ` ${f.effect.status}`}${f.times === undefined ? '' : ` ×${f.times}`} (applied ${f.applied}/${f.matched})`,
    h('button', { type: 'button', onclick: async () => { await act(() => control('DELETE', `/_mock/faults/${f.id}`)); await refreshFaults() } }, 'remove'))))
  if (faults.length === 0) $('faults').replaceChildren(h('li', { class: 'hint' }, 'none'))
}

async function refreshOverrides () {
  const { overrides } = await control('GET', '/_mock/overrides')
  $('overrides').replaceChildren(...overrides.map(o => h('li', { 'data-override': o.override_id },
    `${o.entity} ${o.id.slice(0, 8)}… ${o.metric} ${o.time} = ${o.value}`,
    h('button', { type: 'button', onclick: async () => { await act(() => control('DELETE', `/_mock/overrides/${o.override_id}`)); await refreshOverrides(); await drawChart() } }, 'remove'))))
  if (overrides.length === 0) $('overrides').replaceChildren(h('li', { class: 'hint' }, 'none'))
}

function faultEffect (value) {
  const [type, number] = value.split(':')
  if (type === 'status') return { type, status: Number(number) }
  if (type === 'latency') return { type, ms: Number(number) }
  return { type }
}

// ---- Journal -----------------------------------------------------------------------------------------------

async function refreshJournal () {
  const query = new URLSearchParams({ limit: '100' })
  if ($('journal-path').value.trim() !== '') query.set('path', $('journal-path').value.trim())
  if (/^[1-5]\d\d$/.test($('journal-status').value.trim())) query.set('status', $('journal-status').value.trim())
  const { entries } = await control('GET', `/_mock/journal?${query}`)
  const names = new Map(world?.workspaces.map(w => [w.id, w.name]))
  $('journal').replaceChildren(...entries.reverse().map(e => h('tr', { class: `s${String(e.status ?? 0)[0]}`, 'data-request-id': e.request_id, 'data-time': e.time, 'data-status': String(e.status), 'data-fault': e.fault ?? '' },
    h('td', {}, e.time), h('td', { class: 'st' }, e.status === null ? 'dropped' : String(e.status)),
    h('td', { class: 'req' }, `${e.method} ${e.path}${Object.keys(e.query).length === 0 ? '' : `?${new URLSearchParams(e.query)}`}`),
    h('td', {}, names.get(e.workspace_id) ?? e.workspace_id ?? '—'), h('td', {}, h('code', {}, e.request_id)), h('td', {}, e.fault ?? ''))))
}

async function poll () {
  try {
    await Promise.all([refreshClock(), refreshJournal(), refreshFaults(), refreshOverrides()])
  } catch { /* a 401 asks for the token; the next poll tries again */ }
  setTimeout(poll, 1000)
}

// ---- Start -------------------------------------------------------------------------------------------------

async function loadWorld () {
  world = await control('GET', '/_mock/world')
  renderWorld()
  fillChartForm()
}

function wire () {
  $('token').addEventListener('submit', async (event) => {
    event.preventDefault()
    setToken($('token-value').value)
    $('token').hidden = true
    await start()
  })
  $('clock-pin').addEventListener('submit', async (event) => {
    event.preventDefault()
    const view = await act(() => control('POST', '/_mock/clock/pin', { at: $('clock-pin-at').value.trim() }))
    if (view !== undefined) showClock(view)
  })
  $('clock-advance').addEventListener('submit', async (event) => {
    event.preventDefault()
    const by = $('clock-advance-by').value.trim()
    const view = await act(() => control('POST', '/_mock/clock/advance', { by: /^-?\d+$/.test(by) ? Number(by) : by }))
    if (view !== undefined) showClock(view)
  })
  $('clock-release').addEventListener('click', async () => {
    const view = await act(() => control('POST', '/_mock/clock/release'))
    if (view !== undefined) showClock(view)
  })
  $('reset').addEventListener('click', async () => {
    await act(() => control('POST', '/_mock/reset'))
    await Promise.all([refreshClock(), refreshFaults(), refreshOverrides()])
  })
  $('reload').addEventListener('click', async () => {
    const view = await act(() => control('POST', '/_mock/fixtures/reload'))
    if (view !== undefined) {
      notice(`Reloaded: ${view.workspaces} workspaces, ${view.apps} apps, ${view.segments} segments, ${view.api_keys} keys`)
      await loadWorld()
    }
  })
  $('chart-workspace').addEventListener('change', fillEntities)
  $('chart-endpoint').addEventListener('change', fillEntities)
  $('chart-form').addEventListener('submit', (event) => { event.preventDefault(); drawChart() })
  $('override-form').addEventListener('submit', setOverride)
  $('override-cancel').addEventListener('click', () => { $('override-form').hidden = true })
  $('fault-form').addEventListener('submit', async (event) => {
    event.preventDefault()
    const times = $('fault-times').value === '' ? {} : { times: Number($('fault-times').value) }
    await act(() => control('POST', '/_mock/faults', { path: $('fault-path').value, effect: faultEffect($('fault-effect').value), ...times }))
    await refreshFaults()
  })
  $('journal-clear').addEventListener('click', async () => { await act(() => control('DELETE', '/_mock/journal')); await refreshJournal() })
  whenUnauthorized(() => { $('token').hidden = false })
}

let polling = false
async function start () {
  try {
    await loadWorld()
  } catch (error) {
    if (error.status !== 401) notice(error.message, true)
    return
  }
  await refreshClock()
  $('clock-pin-at').value ||= clock.now.replace(/\.\d+Z$/, 'Z')
  // The window ends on the emulator's today: the day it is on the clock.
  $('chart-ending-at').value ||= clock.now.slice(0, 10)
  await Promise.all([refreshOverrides(), drawChart()])
  if (!polling) {
    polling = true
    poll()
  }
  document.body.dataset.ready = 'true'
}

wire()
start()
