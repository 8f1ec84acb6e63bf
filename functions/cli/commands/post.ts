import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { postFromMarkdown, slugify, ValidationError } from '../../core/model/index.js'
import { apiClient } from '../client.js'
import { options, printJson, UsageError, type Command } from '../io.js'

interface PostAnswer {
  slug: string
  title: string
  status: string
  version: number
}

export const post: Command = {
  name: 'post',
  summary: 'publish a post written in your own editor (post push FILE.md)',
  help: `journal post push — create or update a post from a Markdown file

Usage:
  journal post push FILE.md [--publish] [--json]

The file starts with front matter between --- lines:

  ---
  slug: jaarverslag-2014-2015        (default: the file name)
  title: Persoonlijk jaarverslag 2014–2015
  kind: annual-report                (or note)
  periodFrom: 2014-07-01             (annual reports: the period covered)
  periodTo: 2015-06-30
  status: draft                      (or published)
  ---

A post that exists is updated (its history keeps the change); a new one is created.
--publish publishes it whatever the front matter says.`,
  async run(args, io) {
    const { values, positionals } = options(args, { publish: { type: 'boolean' } }, 'post', 2)
    const [action, file] = positionals
    if (action !== 'push' || !file) throw new UsageError('Usage: journal post push FILE.md')
    let raw: Record<string, unknown>
    try {
      raw = postFromMarkdown(readFileSync(file, 'utf8'))
    } catch (error) {
      if (error instanceof ValidationError) throw new UsageError(`${file}: ${error.message}`)
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message
      throw new UsageError(`Cannot read ${file}: ${reason}.`)
    }
    const { slug = slugify(basename(file).replace(/\.(md|markdown)$/i, '')), ...content } = raw as {
      slug?: string
    } & Record<string, unknown>
    if (values.publish) content.status = 'published'
    const api = apiClient(io)
    const existing = await api.send(`/api/posts/${encodeURIComponent(slug)}`)
    let answer: PostAnswer
    if (existing.status === 404) {
      answer = (await api.call<PostAnswer>('/api/posts', { method: 'POST', body: { slug, ...content } })).body
    } else if (existing.ok) {
      const current = (await existing.json()) as { publishedAt?: string }
      const body = {
        ...content,
        ...(content.status === 'published' && !content.publishedAt && current.publishedAt
          ? { publishedAt: current.publishedAt }
          : {}),
      }
      answer = (
        await api.call<PostAnswer>(`/api/posts/${encodeURIComponent(slug)}`, {
          method: 'PUT',
          body,
          headers: { 'If-Match': existing.headers.get('etag') ?? '' },
        })
      ).body
    } else {
      throw await api.refusal(existing)
    }
    if (values.json) return printJson(io, answer)
    const verb = answer.version === 1 ? 'Created' : 'Updated'
    io.out(`${verb} post ${answer.slug} (${answer.status}, version ${answer.version}): ${answer.title}`)
  },
}
