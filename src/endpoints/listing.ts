// The paging of /campaigns/list and /canvas/list (BRAZE-EXPORT.md section 0, "Paging"): 100 a page from page 0,
// oldest first by creation (the workspace keeps them so), desc reversing, archived ones only when asked, and
// `last_edit.time[gt]` keeping those edited strictly after it. Dates on the wire read like 2022-11-29T14:59:02+00:00,
// as Airbyte's recording shows.
import { InvalidParameter } from '../emulator/errors.js'
import { readInstant } from '../world/instant.js'
import type { Messaging, Workspace } from '../world/world.js'
import { lastEditTimeGt } from './parameters.js'

export const PAGE_SIZE = 100

export interface ListQuery {
  readonly page?: string | undefined
  readonly include_archived?: 'true' | 'false' | undefined
  readonly sort_direction?: 'asc' | 'desc' | undefined
  readonly 'last_edit.time[gt]'?: string | undefined
}

export function listPage<T extends Messaging> (all: readonly T[], query: ListQuery, workspace: Workspace): T[] {
  const after = query['last_edit.time[gt]'] === undefined ? undefined : lastEditOf(query['last_edit.time[gt]'], workspace)
  const archived = query.include_archived === 'true'
  const kept = archived && after === undefined ? all : all.filter(item => (archived || !item.archived) && (after === undefined || item.lastEdited > after))
  const first = Number(query.page ?? 0) * PAGE_SIZE
  const count = Math.max(0, Math.min(PAGE_SIZE, kept.length - first))
  const descending = query.sort_direction === 'desc'
  const page = new Array<T>(count)
  for (let i = 0; i < count; i++) page[i] = kept[descending ? kept.length - 1 - first - i : first + i]!
  return page
}

function lastEditOf (text: string, workspace: Workspace): number {
  const instant = readInstant(text, workspace.calendar)
  if (instant === undefined) throw new InvalidParameter(lastEditTimeGt.rule)
  return instant
}

/** An instant as Braze writes campaign and Canvas dates: seconds, `+00:00`. */
export function brazeTime (instant: number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}
