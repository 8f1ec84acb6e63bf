/**
 * Answers remembered by key, up to `limit` of them (then it starts over, so a long-running
 * process does not grow without end). For pure questions asked again and again — the same days
 * and wall times, formatted or converted through `Intl`, which is slow to ask.
 */
export function rememberedAnswers<V>(limit: number): (key: string, compute: () => V) => V {
  const answers = new Map<string, V>()
  return (key, compute) => {
    let answer = answers.get(key)
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear()
      answers.set(key, (answer = compute()))
    }
    return answer
  }
}
