/**
 * `list` cut into consecutive pieces of `size` items (the last one may be shorter), for the AWS
 * calls that take at most so many items at once: DynamoDB's BatchWriteItem 25, BatchGetItem 100,
 * SQS's SendMessageBatch 10. To run async work a few at a time, use `mapAtMost`.
 *
 * @example
 * chunks([1, 2, 3, 4, 5], 2) // [[1, 2], [3, 4], [5]]
 */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A chunk holds at least one item, not ${size}`)
  const pieces: T[][] = []
  for (let start = 0; start < list.length; start += size) pieces.push(list.slice(start, start + size))
  return pieces
}
