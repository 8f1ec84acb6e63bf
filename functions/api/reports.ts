import { Hono } from 'hono'
import { localDaysToInstants } from '../core/time/index.js'
import { draftAnnualReport, parseReportPeriod, reportStats } from '../core/report/index.js'
import { listAllEntries } from '../store/index.js'
import type { AppEnv } from './context.js'
import { journalSettingsOf } from './journal-settings.js'
import { jsonBody, requireOwner } from './middleware.js'
import { ownerHeaders } from './views.js'

/**
 * Annual reports: the owner asks for a Markdown draft of a period (`{ from, to }`, e.g. July to
 * June) and gets it with the figures behind it (`stats`, each with the ids of its entries). The
 * draft is written in the profile's language; nothing is stored until the owner posts it.
 */
export const reports = new Hono<AppEnv>().post('/draft', requireOwner, jsonBody, async (c) => {
  const { db, person, now } = c.get('deps')
  const period = parseReportPeriod(c.get('body'))
  const settings = await journalSettingsOf(c)
  const entries = await listAllEntries(db, person, {
    end: localDaysToInstants(period.from, period.to, settings.timeZone).end,
  })
  const stats = reportStats(entries, period, now(), settings)
  return c.json({ markdown: draftAnnualReport(stats, { locale: settings.locale }), stats }, 200, ownerHeaders)
})
