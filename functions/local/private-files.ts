import { chmodSync, closeSync, fchmodSync, mkdirSync, openSync, readdirSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Writes a file only its owner can read (0600), also when it existed with a wider mode: the mode
 * is narrowed before the first byte of the new content is written.
 */
export function writePrivateFile(file: string, text: string): void {
  const fd = openSync(file, 'w', 0o600)
  try {
    fchmodSync(fd, 0o600)
    writeSync(fd, text)
  } finally {
    closeSync(fd)
  }
}

/**
 * Makes `dir` (the journal's `.journal/`) a folder only its owner can enter: 0700 for it and the
 * folders in it, 0600 for every file, including those an older version left readable to others.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    if (item.isDirectory()) ensurePrivateDir(join(dir, item.name))
    else if (item.isFile()) chmodSync(join(dir, item.name), 0o600)
  }
}
