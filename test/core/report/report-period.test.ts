import { describe, expect, it } from 'vitest'
import { draftAsPost, lastFullAccountingYear } from '../../../functions/core/report/index.js'

describe('lastFullAccountingYear', () => {
  it.each([
    ['2016-01-01', undefined, '2015-01-01', '2015-12-31'],
    ['2015-12-31', undefined, '2014-01-01', '2014-12-31'],
    ['2016-01-01', '2014-07-01', '2014-07-01', '2015-06-30'],
    ['2015-07-01', '2014-07-01', '2014-07-01', '2015-06-30'],
    ['2015-06-30', '2014-07-01', '2013-07-01', '2014-06-30'],
    ['2016-04-01', '2012-02-29', '2015-03-01', '2016-02-29'],
  ])('on %s, after a report from %s, offers %s to %s', (today, latest, from, to) => {
    expect(lastFullAccountingYear(today, latest)).toEqual({ from, to })
  })
})

describe('draftAsPost', () => {
  it('takes the first heading as the title and the rest as the body', () => {
    expect(draftAsPost('# Persoonlijk jaarverslag 2015\n\nTekst.\n')).toEqual({
      title: 'Persoonlijk jaarverslag 2015',
      body: 'Tekst.\n',
    })
  })

  it('leaves a text without a first heading whole, with no title', () => {
    expect(draftAsPost('Tekst.\n\n# Later\n')).toEqual({ title: '', body: 'Tekst.\n\n# Later\n' })
  })
})
