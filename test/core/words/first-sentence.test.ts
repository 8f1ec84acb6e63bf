import { describe, expect, it } from 'vitest'
import { firstSentence } from '../../../functions/core/words/index.js'

describe('the first sentence of a summary, as a digest item shows it', () => {
  it.each([
    ['Gesprek met o.a. de gemeente over zelfsturing. Daarna lunch.', 'Gesprek met o.a. de gemeente over zelfsturing.'],
    ['Over versie 2.0 van de wet. Verder niets.', 'Over versie 2.0 van de wet.'],
    ['Advies gegeven! Goed gesprek.', 'Advies gegeven!'],
    ['Wat nu? Dat zien we.', 'Wat nu?'],
    ['  Eén zin zonder punt  ', 'Eén zin zonder punt'],
    ['', ''],
  ])('reads %j as %j', (text, sentence) => {
    expect(firstSentence(text)).toBe(sentence)
  })
})
