import { describe, expect, it } from 'vitest'
import { parseWith, profileInputSchema, ValidationError } from '../../../functions/core/model/index.js'
import { contactHref, contactKind } from '../../../functions/core/publishing/index.js'

const card = { name: 'Wouter Lindeveld', role: 'Adviseur', organisation: 'Ministerie van BZK' }
const contactOf = (contact: string) => parseWith(profileInputSchema, { ...card, contact }).contact
const MESSAGE =
  'must be an e-mail address (name@example.nl) or the https:// address of a web form; leave it out to show no contact'

describe('the profile contact', () => {
  it.each([
    ['an e-mail address', 'wouter.lindeveld@example.org', 'wouter.lindeveld@example.org'],
    ['an address with plus and apostrophe', "o'brien+agenda@mail.example.org", "o'brien+agenda@mail.example.org"],
    [
      'a web form',
      'https://www.example.nl/contact?onderwerp=agenda',
      'https://www.example.nl/contact?onderwerp=agenda',
    ],
    ['spaces around it', '  wouter@example.org ', 'wouter@example.org'],
  ])('accepts %s', (_, input, stored) => expect(contactOf(input)).toBe(stored))

  it.each([
    ['a mailto: link', 'mailto:wouter@example.org'],
    ['a plain http form', 'http://www.example.nl/contact'],
    ['a display name', 'Wouter <wouter@example.org>'],
    ['an address without domain', 'wouter@localhost'],
    ['two addresses', 'wouter@example.org, anna@example.org'],
    ['a form address with a user name', 'https://wouter@example.org'],
    ['a telephone number', '+31 70 123 45 67'],
    ['nothing', ''],
  ])('refuses %s, saying what a contact may be', (_, input) => {
    const error = (() => {
      try {
        contactOf(input)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).errors).toEqual([{ field: 'contact', reason: MESSAGE }])
  })

  it('is optional', () => expect(parseWith(profileInputSchema, card)).not.toHaveProperty('contact'))
})

describe('the link to respond', () => {
  const about = {
    subject: 'Lezing “Ambtenaar 2.0” & debat: 50% open?',
    url: 'https://agenda.example.nl/agenda/entry/01A/',
  }

  it('mails with the item’s title as subject and its address in the body, encoded for a mailto: link', () => {
    expect(contactHref('wouter@example.org', about)).toBe(
      'mailto:wouter@example.org' +
        '?subject=Lezing%20%E2%80%9CAmbtenaar%202.0%E2%80%9D%20%26%20debat%3A%2050%25%20open%3F' +
        '&body=https%3A%2F%2Fagenda.example.nl%2Fagenda%2Fentry%2F01A%2F%0D%0A%0D%0A',
    )
  })

  it('round-trips the subject through a URL parser', () => {
    const href = new URL(contactHref('wouter@example.org', about))
    expect(href.protocol).toBe('mailto:')
    expect(href.searchParams.get('subject')).toBe(about.subject)
  })

  it('links a web form as it is, and mails without subject when there is no item', () => {
    expect(contactHref('https://www.example.nl/contact', about)).toBe('https://www.example.nl/contact')
    expect(contactHref('wouter@example.org')).toBe('mailto:wouter@example.org')
    expect([contactKind('wouter@example.org'), contactKind('https://www.example.nl/contact')]).toEqual([
      'email',
      'form',
    ])
  })
})
