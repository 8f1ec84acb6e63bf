import { describe, expect, it } from 'vitest'
import { chunks } from '../../functions/shared/index.js'

describe('chunks', () => {
  it.each([
    { list: [1, 2, 3, 4, 5], size: 2, expected: [[1, 2], [3, 4], [5]] },
    {
      list: [1, 2, 3, 4],
      size: 2,
      expected: [
        [1, 2],
        [3, 4],
      ],
    },
    { list: [1, 2, 3], size: 25, expected: [[1, 2, 3]] },
    { list: [], size: 10, expected: [] },
  ])('cuts $list into pieces of $size', ({ list, size, expected }) => {
    expect(chunks(list, size)).toEqual(expected)
  })

  it.each([0, -1, 2.5])('refuses a size of %s, which would never end or cut oddly', (size) => {
    expect(() => chunks([1, 2], size)).toThrow(RangeError)
  })
})
