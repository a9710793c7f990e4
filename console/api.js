// The console's two doors into the emulator: the control routes under /_mock/ (with the control token, when
// the emulator has one, kept in this tab's sessionStorage), and the Braze endpoints themselves (with an API
// key of the fixtures, through the same auth and rate-limit pool as any client).
const TOKEN = 'braze-mock-control-token'

export class RequestFailed extends Error {
  constructor (status, message) {
    super(message)
    this.status = status
  }
}

export function token () {
  return sessionStorage.getItem(TOKEN) ?? ''
}

export function setToken (value) {
  sessionStorage.setItem(TOKEN, value)
}

/** Called with the 401 of a control route: the page asks for the token. */
let onUnauthorized = () => {}
export function whenUnauthorized (callback) {
  onUnauthorized = callback
}

export async function control (method, path, body) {
  const headers = {}
  if (token() !== '') headers.authorization = `Bearer ${token()}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const json = await response.json().catch(() => ({ message: response.statusText }))
  if (response.status === 401) onUnauthorized()
  if (!response.ok) throw new RequestFailed(response.status, json.message ?? response.statusText)
  return json
}

/** A Braze endpoint's answer: { status, body } on any HTTP answer; status 0 when the connection failed. */
export async function braze (path, query, key) {
  const url = `${path}?${new URLSearchParams(query)}`
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } })
    const text = await response.text()
    let body
    try {
      body = JSON.parse(text)
    } catch {
      return { url, status: response.status, error: `not JSON: ${text.slice(0, 80)}` }
    }
    return { url, status: response.status, body, error: response.ok ? undefined : body.message }
  } catch (error) {
    return { url, status: 0, error: `no answer (${error.message})` }
  }
}
