/** Builds Meilisearch filter expressions from validated values only; strings are always quoted. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function inList(attribute: string, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quote).join(', ')}]`;
}

export function eq(attribute: string, value: string): string {
  return `${attribute} = ${quote(value)}`;
}
