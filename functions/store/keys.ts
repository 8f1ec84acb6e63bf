const REVISION_PREFIX = 'REV#'

/**
 * Key layout: every key and sort position the store writes or queries is built here, and only
 * here. Every key starts with the item type and carries the person, so one table can hold several
 * people's journals. An item and its revisions share a partition (`pk`), so one Query reads an
 * entry's history. Changing a function below changes what is stored: existing tables would need a
 * migration.
 */
export const keys = {
  entry: (person: string, id: string) => ({ pk: `ENTRY#${person}#${id}`, sk: 'ENTRY' }),
  post: (person: string, slug: string) => ({ pk: `POST#${person}#${slug}`, sk: 'POST' }),
  revision: (itemPk: string, version: number) => ({
    pk: itemPk,
    sk: `${REVISION_PREFIX}${String(version).padStart(8, '0')}`,
  }),
  /** The revisions of an item: its partition, sort keys starting with this prefix. */
  revisions: (itemPk: string) => ({ pk: itemPk, skPrefix: REVISION_PREFIX }),
  profile: (person: string) => ({ pk: `PROFILE#${person}`, sk: 'PROFILE' }),
  token: (digest: string) => ({ pk: `TOKEN#${digest}`, sk: 'TOKEN' }),
  idempotency: (person: string, key: string) => ({ pk: `IDEMPOTENCY#${person}#${key}`, sk: 'IDEMPOTENCY' }),
  digest: (person: string, week: string) => ({ pk: `DIGEST#${person}#${week}`, sk: 'DIGEST' }),
  session: (person: string, sid: string) => ({ pk: `SESSION#${person}#${sid}`, sk: 'SESSION' }),
  /** The lookup item tying a calendar UID to the entry imported from it (see import-store.ts). */
  source: (person: string, sourceUid: string) => ({ pk: `SOURCE#${person}#${sourceUid}`, sk: 'SOURCE' }),
  /** The organisation the deployment serves: one item. */
  organisation: () => ({ pk: 'ORGANISATION', sk: 'ORGANISATION' }),
  /** The key sealing listing cursors: a setting of the whole deployment, beside the organisation. */
  cursorKey: () => ({ pk: 'ORGANISATION', sk: 'CURSOR_KEY' }),
  servant: (person: string) => ({ pk: `SERVANT#${person}`, sk: 'SERVANT' }),
  /** Where the AWS publisher keeps what it built of each part of the site (publish-state.ts): one partition. */
  publishState: (part: string) => ({ pk: 'PUBLISH', sk: part }),
  publishStates: () => 'PUBLISH',
  /** GSI1 partition holding every servant of the organisation, by slug. */
  servants: () => 'ORGANISATION#SERVANTS',
  /** GSI1 partitions: one timeline per person and item type. */
  timeline: (person: string, type: 'ENTRIES' | 'POSTS' | 'DIGESTS' | 'TOKENS' | 'SESSIONS') =>
    `PERSON#${person}#${type}`,
  /** GSI2 partition: the person's change log. */
  changes: (person: string) => `PERSON#${person}#CHANGES`,
}

/**
 * Whose public site a changed item (its partition key, from the table's stream) bears on: a
 * person's entry, post, digest or profile bears on their journal; the organisation or a servant's
 * record on every page (names, roles, who left). Anything else (tokens, sessions, the publisher's
 * own state) on none.
 */
export function publishedChangeOf(pk: string): { person: string } | 'everything' | undefined {
  if (pk === 'ORGANISATION' || pk.startsWith('SERVANT#')) return 'everything'
  const [kind, person] = pk.split('#')
  return person && ['ENTRY', 'POST', 'DIGEST', 'PROFILE'].includes(kind!) ? { person } : undefined
}

/**
 * GSI1 sort keys: where an item stands on its timeline. Each starts with what the timeline is
 * ordered by and ends with the item's id, so two items at the same moment still have a place each.
 */
export const timelinePosition = {
  /** An entry by its start instant (UTC, ISO). */
  entry: (startInstant: string, id: string) => `${startInstant}#${id}`,
  /** The sort-key range of entries starting in [start, end]; without a bound, the timeline's own end. */
  entryRange: (start?: Date, end?: Date) => ({
    lower: start ? start.toISOString() : '0',
    upper: end ? end.toISOString() : '\uffff',
  }),
  /** A post by publication; drafts ("~" sorts after every date) by their last change. */
  post: (post: { publishedAt?: string; updatedAt: string; slug: string }) =>
    `${post.publishedAt ?? `~draft#${post.updatedAt}`}#${post.slug}`,
  /** A digest by its ISO week, which sorts as text. */
  digest: (week: string) => week,
  token: (createdAt: string, id: string) => `${createdAt}#${id}`,
  /** Sessions are grouped by the token they were opened with, so that token's sessions can be ended together. */
  session: (tokenId: string, sid: string) => `${tokenId}#${sid}`,
  sessionsOfToken: (tokenId: string) => `${tokenId}#`,
}

/**
 * GSI2 sort keys: where an item stands in its person's change log, by the time of its last write
 * (ISO instant), then its key, so "everything changed since T" is one range query.
 */
export const changeLogPosition = {
  item: (updatedAt: string, itemPk: string) => `${updatedAt}#${itemPk}`,
  /** A revision sits right after the write that made it. */
  revision: (updatedAt: string, itemPk: string) => `${updatedAt}#${itemPk}#REV`,
  profile: (updatedAt: string) => `${updatedAt}#PROFILE`,
  /**
   * A calendar lookup item sorts before every real change ("0000" before any date), so backups,
   * which read the whole log, carry it.
   */
  source: (sourcePk: string) => `0000#${sourcePk}`,
}
