// The metrics the world produces. Each series generator declares the metrics it serves, each endpoint
// definition names them, and overrides are keyed by (entity, metric, bucket), so a sessions override and a
// DAU override on one app never collide.

/** The kinds of entity a metric belongs to, and the query parameter that names one. */
export const ENTITY_PARAMETERS = { app: 'app_id', segment: 'segment_id', campaign: 'campaign_id', canvas: 'canvas_id' } as const
export type EntityKind = keyof typeof ENTITY_PARAMETERS

export interface Metric {
  /** Its name in override bodies and listings. */
  readonly id: string
  /** The key its value takes in an answer's data points. */
  readonly key: string
  readonly entity: EntityKind
  /** Whether the series is offered per hour (unit=hour) as well as per day. */
  readonly hours: boolean
  /** 'sum': additive over apps and hours; 'unique': a count of distinct users, which is not. */
  readonly aggregate: 'sum' | 'unique'
  /** Mixed into every number's hash key, so two metrics of one entity never share their noise. */
  readonly salt: number
}
