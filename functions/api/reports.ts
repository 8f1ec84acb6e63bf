import { Hono } from 'hono'
import { parseReportPeriod } from '../core/report/index.js'
import { draftReport } from '../journal/index.js'
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
  const { db, now } = c.get('deps')
  const person = c.get('person')
  const period = parseReportPeriod(c.get('body'))
  const draft = await draftReport(db, person, period, now(), await journalSettingsOf(c))
  return c.json(draft, 200, ownerHeaders)
})
