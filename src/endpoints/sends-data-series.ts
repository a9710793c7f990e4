// GET /sends/data_series: one send of an API campaign, per day (BRAZE-EXPORT.md sections 0 "Campaigns and sends",
// 1 row 19, 3.6, rule 16). The send's share of the campaign's messages, conversions and revenue; a day more
// than 14 days before now reads 0, as Braze keeps send analytics for 14 days. A send id the campaign does not
// have (every id, for a campaign that is not an API campaign) is a 400 naming send_id.
import { Type } from '@sinclair/typebox'
import { InvalidParameter } from '../emulator/errors.js'
import { sendDays } from '../world/series/campaign-stats.js'
import { dayWindow } from '../world/series/window.js'
import { campaignPoint, CampaignSeriesResponse } from './campaign-series.js'
import { defineEndpoint } from './define.js'
import { campaignId, endingAt, length, optional, parameter } from './parameters.js'
import { campaignOf, endingAtOf, lengthOf } from './resolve.js'

const sendId = parameter(
  Type.String({ minLength: 1, description: 'Send API identifier, returned when an API campaign sends.' }),
  'send_id must be a string of the Send api identifier')

export const sendsDataSeries = defineEndpoint({
  path: '/sends/data_series',
  permission: 'sends.data_series',
  pool: 'default',
  summary: 'Export send analytics: one send of an API campaign per day, kept 14 days',
  parameters: { campaign_id: campaignId, send_id: sendId, length, ending_at: optional(endingAt) },
  response: CampaignSeriesResponse,
  example: {
    campaign_id: '58921843-1e0b-4ee5-a7be-99ae5052aa32',
    send_id: 'fcb627af-bf97-4520-9c76-df528de1c743',
    length: '14',
    ending_at: '2026-11-20',
  },
  handle ({ query, workspace, series }) {
    const campaign = campaignOf(workspace, query.campaign_id)
    if (!campaign.sendIds.includes(query.send_id)) throw new InvalidParameter(sendId.rule)
    const days = dayWindow(workspace.calendar, endingAtOf(query.ending_at, workspace, series.now), lengthOf(query.length))
    return {
      message: 'success',
      data: sendDays(series, workspace, campaign, query.send_id, days).map(day => campaignPoint(campaign, day)),
    }
  },
})
