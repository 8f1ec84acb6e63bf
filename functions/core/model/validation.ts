import type * as z from 'zod/mini'

/** One reason an input was refused, in words the person who sent it can act on. */
export interface FieldError {
  field: string
  reason: string
}

export class ValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.reason}`).join('; '))
    this.name = 'ValidationError'
  }
}

type Issue = z.core.$ZodIssue

function describe(issue: Issue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `is required (a ${issue.expected})`
        : `must be a ${issue.expected}, not ${typeName(issue.input)}`
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${issue.minimum} character(s) long`
        : issue.origin === 'array'
          ? `needs at least ${issue.minimum} item(s)`
          : `must be at least ${issue.minimum}`
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters long`
        : issue.origin === 'array'
          ? `may hold at most ${issue.maximum} items`
          : `must be at most ${issue.maximum}`
    case 'invalid_value':
      return `must be one of: ${issue.values.join(', ')}`
    case 'invalid_format':
      return `must be ${issue.format === 'regex' ? 'in the expected format' : `a valid ${issue.format}`}`
    default:
      return 'is not valid'
  }
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
}

/** Flattens zod issues to `{ field, reason }`, one per unknown key so each can be named. */
export function toFieldErrors(issues: readonly Issue[], prefix = ''): FieldError[] {
  return issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: path ? `${path}.${key}` : key,
        reason: 'is not a known field: remove it or check its spelling',
      }))
    }
    if (issue.code === 'invalid_union')
      return [{ field: path || '(body)', reason: 'does not match any accepted shape' }]
    return [{ field: path || '(body)', reason: describe(issue) }]
  })
}

/** Parses `input` with `schema` or throws a ValidationError naming every bad field. */
export function parseWith<T extends z.ZodMiniType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input)
  if (!result.success) throw new ValidationError(toFieldErrors(result.error.issues))
  return result.data
}
