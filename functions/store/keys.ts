/**
 * Key layout. Every key starts with the item type and carries the person, so one table can hold
 * several people's journals. An item and its revisions share a partition (`pk`), so one Query
 * reads an entry's history.
 */
export const keys = {
  entry: (person: string, id: string) => ({ pk: `ENTRY#${person}#${id}`, sk: 'ENTRY' }),
  post: (person: string, slug: string) => ({ pk: `POST#${person}#${slug}`, sk: 'POST' }),
  revision: (itemPk: string, version: number) => ({ pk: itemPk, sk: `REV#${String(version).padStart(8, '0')}` }),
  profile: (person: string) => ({ pk: `PROFILE#${person}`, sk: 'PROFILE' }),
  token: (digest: string) => ({ pk: `TOKEN#${digest}`, sk: 'TOKEN' }),
  idempotency: (person: string, key: string) => ({ pk: `IDEMPOTENCY#${person}#${key}`, sk: 'IDEMPOTENCY' }),
  digest: (person: string, week: string) => ({ pk: `DIGEST#${person}#${week}`, sk: 'DIGEST' }),
  session: (person: string, sid: string) => ({ pk: `SESSION#${person}#${sid}`, sk: 'SESSION' }),
  /** GSI1 partitions: one timeline per person and item type. */
  timeline: (person: string, type: 'ENTRIES' | 'POSTS' | 'DIGESTS' | 'TOKENS' | 'SESSIONS') => `PERSON#${person}#${type}`,
  /** GSI2 partition: the person's change log. */
  changes: (person: string) => `PERSON#${person}#CHANGES`,
}
