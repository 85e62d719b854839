// Runs every benchmark in this folder (npm run bench builds first). Benchmarks print their own
// numbers and ratios measured side by side in one run; nothing here asserts on wall-clock time.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  process.stdout.write(`\n=== ${file}\n`);
  const mod = await import(pathToFileURL(join(here, file)).href);
  await mod.default();
}
