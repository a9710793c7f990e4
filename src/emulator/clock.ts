// The emulator's clock: real time unless pinned, optionally shifted. It is the one place that reads the
// system time, so everything else can take "now" as a plain number and stay deterministic.

export type ClockMode = 'real' | 'pinned'

export interface ClockState {
  mode: ClockMode
  /** The emulator's current time, ms since the epoch. */
  now: number
  /** How far a real clock runs ahead of (positive) or behind the system time, in ms; 0 when pinned. */
  offsetMs: number
}

export class Clock {
  readonly #start: number | undefined
  readonly #systemNow: () => number
  #pinned: number | undefined
  #offset = 0

  /**
   * @param pinned the instant to pin to at start (and on every reset); undefined for real time
   * @param systemNow the time source, replaceable in tests of the clock itself
   */
  constructor (pinned?: number, systemNow: () => number = Date.now) {
    this.#start = pinned
    this.#pinned = pinned
    this.#systemNow = systemNow
  }

  now (): number {
    return this.#pinned ?? this.#systemNow() + this.#offset
  }

  get pinned (): boolean {
    return this.#pinned !== undefined
  }

  pin (instant: number): void {
    this.#pinned = instant
    this.#offset = 0
  }

  /** Moves the clock by `ms` (negative moves it back); a real clock keeps running from there. */
  advance (ms: number): void {
    if (this.#pinned === undefined) this.#offset += ms
    else this.#pinned += ms
  }

  /** Back to the system time, with no offset. */
  release (): void {
    this.#pinned = undefined
    this.#offset = 0
  }

  /** Back to how the clock started: pinned to the configured instant, or real time. */
  reset (): void {
    this.#pinned = this.#start
    this.#offset = 0
  }

  state (): ClockState {
    return {
      mode: this.#pinned === undefined ? 'real' : 'pinned',
      now: this.now(),
      offsetMs: this.#pinned === undefined ? this.#offset : 0,
    }
  }
}
