// GET /campaigns/list: the workspace's campaigns, 100 a page, by creation time (BRAZE-EXPORT.md sections 0, 2.3
// and 3.6). Airbyte's Braze connector checks a connection with its first page. Items in the key order Airbyte
// recorded from Braze (section 5), which is not the order the docs list.
import { Type } from '@sinclair/typebox'
import type { Campaign } from '../world/world.js'
import { defineEndpoint } from './define.js'
import { brazeTime, listPage } from './listing.js'
import { includeArchived, lastEditTimeGt, optional, page, sortDirection, Success } from './parameters.js'

export const campaignsList = defineEndpoint({
  path: '/campaigns/list',
  permission: 'campaigns.list',
  pool: 'default',
  summary: 'Export campaigns list: the workspace\'s campaigns, 100 a page, oldest first',
  parameters: {
    page: optional(page('0-based page of up to 100 campaigns; a page past the end is empty.')),
    include_archived: optional(includeArchived),
    sort_direction: optional(sortDirection),
    'last_edit.time[gt]': optional(lastEditTimeGt),
  },
  response: Type.Object({
    campaigns: Type.Array(Type.Object({
      id: Type.String(),
      name: Type.String(),
      is_api_campaign: Type.Boolean(),
      tags: Type.Array(Type.String()),
      last_edited: Type.String({ description: 'ISO 8601 with a +00:00 offset.' }),
    })),
    message: Success,
  }),
  example: { page: '0' },
  handle ({ query, workspace }) {
    return { campaigns: listPage(workspace.campaigns, query, workspace).map(item), message: 'success' }
  },
})

function item (campaign: Campaign) {
  return {
    id: campaign.id,
    name: campaign.name,
    is_api_campaign: campaign.isApiCampaign,
    tags: campaign.tags as string[],
    last_edited: brazeTime(campaign.lastEdited),
  }
}
