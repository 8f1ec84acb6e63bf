import { newToken } from '../../../functions/api/tokens.js'
import { addServant, putOrganisation, type Db } from '../../../functions/store/index.js'
import { JournalBuilder } from '../../support/journal-fixtures.js'

/**
 * An organisation with these servants (slug as name, all active), as an administrator sets it up;
 * answers each servant's first token.
 */
export async function seedOrganisation(db: Db, people: readonly string[]): Promise<Record<string, string>> {
  const at = '2015-01-01T08:00:00.000Z'
  await putOrganisation(db, { name: 'Ministerie van Voorbeeldzaken', updatedAt: at, version: 1 }, 0)
  const tokens: Record<string, string> = {}
  for (const person of people) {
    const first = newToken(person, 'first token', new Date(at))
    tokens[person] = first.secret
    const record = { person, name: person, role: 'Adviseur', status: 'active' as const, version: 1 }
    await addServant(db, { ...record, createdAt: at, updatedAt: at }, first.token)
  }
  return tokens
}

/** `seedOrganisation`, each servant's journal holding one public appointment (`Afspraak van <slug>`, 16 March 2015). */
export async function seedOrganisationWithAppointments(db: Db, people: readonly string[]): Promise<void> {
  await seedOrganisation(db, people)
  for (const person of people) {
    const journal = new JournalBuilder(person, `tok-${person}`).withProfile({ name: person })
    journal.entry({ start: '2015-03-16T10:00', title: `Afspraak van ${person}` }, '2015-03-16T18:00:00Z')
    await journal.saveTo(db)
  }
}
