import * as z from 'zod/mini'
import { describe, expect, it } from 'vitest'
import { builtOnFirstUse, parseWith, type ValidationError } from '../../../functions/core/model/index.js'

const person = () => z.strictObject({ name: z.string().check(z.minLength(1)), age: z.optional(z.number()) })

describe('a schema built on first use', () => {
  it('is not built until something uses it, and then once', () => {
    let builds = 0
    const schema = builtOnFirstUse(() => {
      builds++
      return person()
    })
    expect(builds).toBe(0)
    expect(parseWith(schema, { name: 'Wouter' })).toEqual({ name: 'Wouter' })
    expect(schema.safeParse({ name: 'Anna', age: 40 }).success).toBe(true)
    expect(builds).toBe(1)
  })

  it('refuses what the schema itself refuses, with the same field and reason', () => {
    const reasons = (schema: z.ZodMiniType) => {
      try {
        parseWith(schema, { name: '', extra: 1 })
      } catch (error) {
        return (error as ValidationError).errors
      }
    }
    expect(reasons(builtOnFirstUse(person))).toEqual(reasons(person()))
    expect(reasons(person())!.length).toBeGreaterThan(0)
  })

  it('works nested in other schemas, extended, made partial and spread as fields', () => {
    const lazyPerson = builtOnFirstUse(person)
    const fields = builtOnFirstUse(() => ({ id: z.string() }))
    const team = z.strictObject({ lead: lazyPerson, members: z.array(lazyPerson), ...fields })
    expect(team.safeParse({ id: 't', lead: { name: 'A' }, members: [{ name: 'B' }] }).success).toBe(true)
    expect(team.safeParse({ id: 't', lead: { name: '' }, members: [] }).success).toBe(false)
    expect(z.partial(lazyPerson).safeParse({}).success).toBe(true)
    expect(z.extend(lazyPerson, { role: z.string() }).safeParse({ name: 'A' }).success).toBe(false)
    expect(Object.keys(fields)).toEqual(['id'])
  })

  it('describes itself in JSON Schema as the schema built at once does', () => {
    const nested = () => z.strictObject({ who: builtOnFirstUse(person) })
    expect(z.toJSONSchema(builtOnFirstUse(nested))).toEqual(z.toJSONSchema(z.strictObject({ who: person() })))
  })
})
