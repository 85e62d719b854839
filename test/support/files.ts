import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (recursively, absolute paths); none when it does not exist. */
export function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}
