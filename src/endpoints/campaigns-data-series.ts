// GET /campaigns/data_series: a campaign's daily sends, funnel, recipients, conversions and revenue
// (BRAZE-EXPORT.md sections 1 row 18, 2.1, 3.6, 5), in its own pool of 50,000 a minute (section 4). Zero-filled,
// exactly `length` days; days before first_sent and after last_sent read 0 (rule 13).
import { campaignDays, CAMPAIGN_SENDS } from '../world/series/campaign-stats.js'
import { dayWindow } from '../world/series/window.js'
import { campaignPoint, campaignSeriesParameters, CampaignSeriesResponse } from './campaign-series.js'
import { defineEndpoint } from './define.js'
import { campaignOf, endingAtOf, lengthOf } from './resolve.js'

export const campaignsDataSeries = defineEndpoint({
  path: '/campaigns/data_series',
  permission: 'campaigns.data_series',
  pool: 'campaign-analytics',
  summary: 'Export campaign analytics: sends, funnel, recipients, conversions and revenue per day',
  parameters: campaignSeriesParameters,
  response: CampaignSeriesResponse,
  metrics: [CAMPAIGN_SENDS],
  example: { campaign_id: '5f0c3a8e-2b7d-4c61-9e4a-8d1f6b2c7a90', length: '14', ending_at: '2026-11-20' },
  handle ({ query, workspace, series }) {
    const campaign = campaignOf(workspace, query.campaign_id)
    const days = dayWindow(workspace.calendar, endingAtOf(query.ending_at, workspace, series.now), lengthOf(query.length))
    return { message: 'success', data: campaignDays(series, workspace, campaign, days).map(day => campaignPoint(campaign, day)) }
  },
})
