/**
 * Meilisearch filter expressions built from validated values only; strings are always quoted.
 * Engine-free text (no client), so the owner of a read rule can state its filter form beside its
 * SQL form without depending on libs/search.
 */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function inList(attribute: string, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quote).join(', ')}]`;
}

export function eq(attribute: string, value: string): string {
  return `${attribute} = ${quote(value)}`;
}
