// Turns validated query strings into the world's entities and instants; each failure is the parameter's 400,
// in the wording that travels with its schema. Ids of another workspace are as unknown as ids that do not
// exist (BRAZE.md, section 2).
import { InvalidParameter, segmentNotAnalyticsEnabled } from '../emulator/errors.js'
import { endingAtOutsideRange, parseEndingAt } from '../world/ending-at.js'
import type { App, Campaign, Canvas, Segment, Workspace } from '../world/world.js'
import { appId, campaignId, canvasId, ENDING_AT_OUTSIDE_RANGE, endingAt, segmentId } from './parameters.js'

const SEGMENT_ID = segmentId().rule

export function segmentOf (workspace: Workspace, id: string): Segment {
  const segment = workspace.segmentsById.get(id)
  if (segment === undefined) throw new InvalidParameter(SEGMENT_ID)
  return segment
}

export function appOf (workspace: Workspace, id: string): App {
  const app = workspace.appsById.get(id)
  if (app === undefined) throw new InvalidParameter(appId.rule)
  return app
}

/** The apps a series covers: the one `app_id` names, or all of the workspace's. */
export function appsOf (workspace: Workspace, id: string | undefined): readonly App[] {
  return id === undefined ? workspace.apps : [appOf(workspace, id)]
}

/**
 * The apps and segment a series filtered by `segment_id` covers. A segment without analytics tracking has no
 * such analytics: a 400, or no apps at all (a series of zeros) where the workspace's fixture asks for zeros.
 */
export function segmentFilterOf (workspace: Workspace, appId: string | undefined, segmentId: string | undefined):
{ apps: readonly App[], segment: Segment | undefined } {
  const apps = appsOf(workspace, appId)
  const segment = segmentId === undefined ? undefined : segmentOf(workspace, segmentId)
  if (segment === undefined || segment.analyticsTrackingEnabled) return { apps, segment }
  if (workspace.nonAnalyticsSegmentSessions === 'error') throw segmentNotAnalyticsEnabled()
  return { apps: [], segment }
}

/** The exclusive end of the series: `ending_at` as sent, or now. */
export function endingAtOf (text: string | undefined, workspace: Workspace, now: number): number {
  if (text === undefined) return now
  const instant = parseEndingAt(text, workspace.calendar)
  if (instant === undefined) {
    throw new InvalidParameter(endingAtOutsideRange(text, workspace.calendar) ? ENDING_AT_OUTSIDE_RANGE : endingAt.rule)
  }
  return instant
}

/** `length` has passed its schema's pattern (1-100 in decimal digits). */
export function lengthOf (text: string): number {
  return Number(text)
}

export function campaignOf (workspace: Workspace, id: string): Campaign {
  const campaign = workspace.campaignsById.get(id)
  if (campaign === undefined) throw new InvalidParameter(campaignId.rule)
  return campaign
}

export function canvasOf (workspace: Workspace, id: string): Canvas {
  const canvas = workspace.canvasesById.get(id)
  if (canvas === undefined) throw new InvalidParameter(canvasId.rule)
  return canvas
}
