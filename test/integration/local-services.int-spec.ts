import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMeili } from '../../apps/cli/src/local/meili';

describe('local Meilisearch', () => {
  it('starts with a generated master key that begins with a dash (base64url can)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lumbung-meili-key-'));
    chmodSync(dir, 0o755);
    const key = '-AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    const meili = await startMeili({ dir, masterKey: key });
    try {
      const keys = await fetch(`${meili.host}/keys`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(keys.status).toBe(200);
    } finally {
      await meili.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
