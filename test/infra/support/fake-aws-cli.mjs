#!/usr/bin/env node
// A stand-in for the `aws` CLI the publish buildspec calls (infra/publish/*), on a folder per
// bucket under FAKE_AWS_DIR: s3 cp, s3 sync, s3api list-objects-v2 (the query list-online.ts asks),
// s3api delete-objects, cloudfront create-invalidation and wait. Each call is logged to
// FAKE_AWS_DIR/calls.log with the content type and Cache-Control a sync would set.
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { dirname, join } from 'node:path'

const root = process.env.FAKE_AWS_DIR
const args = process.argv.slice(2)
appendFileSync(join(root, 'calls.log'), `${JSON.stringify(args)}\n`)
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const s3Url = (url) => {
  const [bucket, ...key] = url.replace(/^s3:\/\//, '').split('/')
  return { bucket: join(root, 'buckets', bucket), key: key.join('/') }
}
const filesUnder = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))

const [service, command] = args
if (service === 's3' && command === 'cp') {
  const { bucket, key } = s3Url(args[2])
  mkdirSync(dirname(args[3]), { recursive: true })
  copyFileSync(join(bucket, key), args[3])
} else if (service === 's3' && command === 'sync') {
  const { bucket, key: prefix } = s3Url(args[3])
  for (const file of filesUnder(args[2])) {
    const to = join(bucket, prefix, file)
    mkdirSync(dirname(to), { recursive: true })
    copyFileSync(join(args[2], file), to)
  }
} else if (service === 's3api' && command === 'list-objects-v2') {
  const bucket = join(root, 'buckets', option('--bucket'))
  const prefix = option('--prefix') ?? ''
  const keys = filesUnder(bucket).filter((key) => key.startsWith(prefix))
  const etag = (key) => `"${createHash('md5').update(readFileSync(join(bucket, key))).digest('hex')}"`
  if (option('--delimiter') === '/') {
    const files = keys.filter((key) => !key.slice(prefix.length).includes('/'))
    const folders = [...new Set(keys.filter((k) => !files.includes(k)).map((k) => `${k.split('/')[0]}/`))]
    process.stdout.write(JSON.stringify({ files: files.map((k) => [k, etag(k)]), folders }))
  } else process.stdout.write(JSON.stringify({ files: keys.map((k) => [k, etag(k)]), folders: null }))
} else if (service === 's3api' && command === 'delete-objects') {
  const bucket = join(root, 'buckets', option('--bucket'))
  for (const { Key } of JSON.parse(option('--delete')).Objects) rmSync(join(bucket, Key), { force: true })
} else if (service === 'cloudfront' && command === 'create-invalidation') {
  process.stdout.write('I2J0I21PCUYOIK\n')
} else if (service === 'cloudfront' && command === 'wait') {
  // completed at once
} else {
  process.stderr.write(`fake aws: no stand-in for ${args.join(' ')}\n`)
  process.exit(2)
}
