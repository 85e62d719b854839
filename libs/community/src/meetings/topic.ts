/** Topic compared for duplicates: lower case, no punctuation, single spaces. */
export function normalizeTopic(topic: string): string {
  return topic
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
