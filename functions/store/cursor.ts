import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { cursorKey } from './cursor-key.js'
import { S, type Db, type Item } from './db.js'

/**
 * Cursor ↔ position in one listing. A cursor is the key of the item to start after and a
 * fingerprint of the query that gave it out, sealed with AES-256-GCM under the table's cursor key
 * (cursor-key.ts). Sealed, because that key may be an item a public listing filtered out: a
 * private entry's id, start and servant must not be readable from a public answer. Authenticated,
 * so a cursor that was edited, forged or made up is refused with 400 before anything reaches
 * DynamoDB; the fingerprint refuses one taken from another listing, range or order.
 */
export interface CursorScope {
  /** What the listing queries; a cursor is valid only for the same query. */
  query: unknown
  /** The key attributes a position has, e.g. pk, sk, gsi1pk, gsi1sk. */
  keyAttributes: readonly string[]
  /** Key attributes whose value is fixed by the query, e.g. `{ gsi1pk: 'PERSON#x#ENTRIES' }`. */
  mustMatch: Record<string, string>
}

export const BAD_CURSOR =
  'This cursor is not one this listing gave out (it belongs to another query, or was changed): ' +
  'start again without cursor.'

export class BadCursorError extends Error {
  override name = 'BadCursorError'
  constructor() {
    super(BAD_CURSOR)
  }
}

/** DynamoDB refuses longer sort keys (and partition keys over 2048 bytes); no position of ours comes near. */
const MAX_KEY_BYTES = 1024
/** GCM's nonce: 96 random bits, as NIST SP 800-38D recommends; the tag is GCM's full 128 bits. */
const IV_BYTES = 12
const TAG_BYTES = 16
const CIPHER = 'aes-256-gcm'

const fingerprint = (query: unknown) =>
  createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16)

export async function encodeCursor(db: Db, key: Item, scope: CursorScope): Promise<string> {
  const position = Object.fromEntries(scope.keyAttributes.map((name) => [name, key[name]!.S!]))
  const plain = Buffer.from(JSON.stringify({ q: fingerprint(scope.query), k: position }))
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(CIPHER, await cursorKey(db), iv, { authTagLength: TAG_BYTES })
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString('base64url')
}

export async function decodeCursor(db: Db, cursor: string, scope: CursorScope): Promise<Item> {
  const parsed = (await opened(db, cursor)) as { q?: unknown; k?: Record<string, unknown> } | undefined
  const position = parsed?.k
  const names = position && typeof position === 'object' ? Object.keys(position) : []
  const fine =
    parsed?.q === fingerprint(scope.query) &&
    names.length === scope.keyAttributes.length &&
    scope.keyAttributes.every((name) => {
      const value = position![name]
      return typeof value === 'string' && value !== '' && Buffer.byteLength(value) <= MAX_KEY_BYTES
    }) &&
    Object.entries(scope.mustMatch).every(([name, value]) => position![name] === value)
  if (!fine) throw new BadCursorError()
  return Object.fromEntries(names.map((name) => [name, S(position![name] as string)]))
}

/** The cursor's payload, or undefined when this table's key did not seal exactly these bytes. */
async function opened(db: Db, cursor: string): Promise<unknown> {
  const sealed = Buffer.from(cursor, 'base64url')
  // Decoding skips characters that are not base64url: only the exact text given out is that cursor.
  if (sealed.length <= IV_BYTES + TAG_BYTES || sealed.toString('base64url') !== cursor) return undefined
  const key = await cursorKey(db) // outside the try: a database that fails is a 503, not a bad cursor
  try {
    const decipher = createDecipheriv(CIPHER, key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
    decipher.setAuthTag(sealed.subarray(-TAG_BYTES))
    const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, -TAG_BYTES)), decipher.final()])
    return JSON.parse(plain.toString('utf8'))
  } catch {
    return undefined
  }
}
