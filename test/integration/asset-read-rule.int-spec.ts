import { DataSource } from 'typeorm';
import { dataSourceOptions, eq } from '@lumbung/platform';
import { Principal, type RoleGrant } from '@lumbung/identity';
import { readableFilter, readablePredicate, readerOf } from '@lumbung/knowledge';
import { AssetIndex, SearchClient } from '@lumbung/search';
import { AssetProjection } from '../../libs/search/src/assets/asset-projection';
import { givenCop, givenMember, givenUser, opdIdOf } from '../support/factories';
import { createTestDatabase, type TestDatabase, testConfig } from '../support/test-app';

const STATUSES = ['draft', 'submitted', 'published', 'archived'] as const;
const VISIBILITIES = ['publik', 'internal', 'opd', 'cop'] as const;

interface Caller {
  name: string;
  principal: Principal | undefined;
}

/**
 * The asset read rule's two forms (libs/knowledge/src/assets/asset-read.rule.ts) agree: over a
 * matrix of assets (every status × visibility × OPD × CoP × authorship) and callers (every role,
 * other OPDs, CoP members and leads, authors and co-authors, anonymous), the published assets
 * the SQL predicate admits are exactly the documents a real Meilisearch search admits with the
 * filter form, the documents coming from the real projection.
 */
describe('the asset read rule in SQL and in Meilisearch', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let client: SearchClient;
  let index: AssetIndex;
  const callers: Caller[] = [];
  let assetCount = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    client = new SearchClient(testConfig(db.url));
    index = new AssetIndex(client);

    const opdA = await opdIdOf(ds, 'BPSDM');
    const opdB = await opdIdOf(ds, 'DINKES');
    const author = await givenUser(ds, { opd: 'BPSDM' });
    const coAuthor = await givenUser(ds, { opd: 'DINKES' });
    const authorB = await givenUser(ds, { opd: 'DINKES' });
    const leadA = await givenUser(ds, { opd: 'BPSDM' });
    const leadB = await givenUser(ds, { opd: 'DINKES' });
    const copA = await givenCop(ds, leadA);
    const copB = await givenCop(ds, leadB);
    const memberOfA = await givenUser(ds, { opd: 'DINKES' });
    await givenMember(ds, copA, memberOfA);

    // Every status × visibility × OPD × authorship; `cop` assets once per CoP.
    const authorships = [[author.id], [author.id, coAuthor.id], [authorB.id]];
    for (const status of STATUSES)
      for (const visibility of VISIBILITIES)
        for (const opdId of [opdA, opdB])
          for (const authorIds of authorships)
            for (const copId of visibility === 'cop' ? [copA, copB] : [null]) {
              const live = status === 'published' || status === 'archived';
              await ds.query(
                `INSERT INTO assets (type, title, summary, body, tags, opd_id, cop_id, author_ids,
                                     visibility, status, created_by, published_at, verified_at, archived_at)
                 VALUES ('pelajaran', $1, 'Ringkasan', 'Isi', '{uji}', $2, $3, $4, $5, $6, $7,
                         $8, $8, $9)`,
                [
                  `Aset ${status} ${visibility} ${assetCount}`,
                  opdId,
                  copId,
                  authorIds,
                  visibility,
                  status,
                  authorIds[0],
                  live ? new Date() : null,
                  status === 'archived' ? new Date() : null,
                ],
              );
              assetCount += 1;
            }

    // What each caller's principal holds, as the principal loader builds it.
    const principal = (
      user: { id: string },
      opdId: string,
      grants: RoleGrant[],
      memberCopIds: string[] = [],
    ): Principal => new Principal(user.id, 'session', opdId, grants, memberCopIds);
    const asn: RoleGrant = { role: 'asn' };
    const fresh = async (opd: string): Promise<{ id: string }> => givenUser(ds, { opd });
    callers.push(
      { name: 'anonymous', principal: undefined },
      { name: 'ASN of OPD A', principal: principal(await fresh('BPSDM'), opdA, [asn]) },
      { name: 'ASN of OPD B', principal: principal(await fresh('DINKES'), opdB, [asn]) },
      { name: 'author (OPD A)', principal: principal(author, opdA, [asn]) },
      { name: 'co-author (OPD B)', principal: principal(coAuthor, opdB, [asn]) },
      { name: 'author (OPD B)', principal: principal(authorB, opdB, [asn]) },
      {
        name: 'member of CoP A from OPD B',
        principal: principal(memberOfA, opdB, [asn], [copA]),
      },
      {
        name: 'lead of CoP B',
        principal: principal(leadB, opdB, [asn, { role: 'cop_lead', copId: copB }], [copB]),
      },
      {
        name: 'verifier of OPD A',
        principal: principal(await fresh('BPSDM'), opdA, [asn, { role: 'verifier', opdId: opdA }]),
      },
      {
        name: 'verifier of OPD B working in OPD A',
        principal: principal(await fresh('BPSDM'), opdA, [asn, { role: 'verifier', opdId: opdB }]),
      },
      {
        name: 'OPD admin of OPD A',
        principal: principal(await fresh('BPSDM'), opdA, [asn, { role: 'opd_admin', opdId: opdA }]),
      },
      {
        name: 'assessor',
        principal: principal(await fresh('BPSDM'), opdA, [{ role: 'assessor' }]),
      },
      { name: 'admin', principal: principal(await fresh('BPSDM'), opdA, [asn, { role: 'admin' }]) },
    );

    // The search index as the worker fills it: the projection's documents, the index's settings.
    await index.ensure([]);
    const ids = (await ds.query<{ id: string }[]>(`SELECT id FROM assets`)).map((r) => r.id);
    await index.upsert([...(await new AssetProjection(ds).documents(ids)).values()]);
  });

  afterAll(async () => {
    await client.client.deleteIndex(index.uid).catch(() => undefined);
    client.onModuleDestroy();
    await ds.destroy();
    await db.drop();
  });

  /** Published assets the SQL form admits (the index holds published assets only). */
  async function bySql(caller: Caller): Promise<string[]> {
    const pred = readablePredicate('a', readerOf(caller.principal));
    const [sql, values] = ds.driver.escapeQueryWithParameters(
      `SELECT a.id FROM assets a WHERE a.status = 'published' AND ${pred.sql} ORDER BY a.id`,
      pred.params,
      {},
    );
    return (await ds.query<{ id: string }[]>(sql, values)).map((r) => r.id);
  }

  /** Asset documents a Meilisearch search with the filter form admits. */
  async function byMeilisearch(caller: Caller): Promise<string[]> {
    const rule = readableFilter(readerOf(caller.principal));
    const res = await client.client.index(index.uid).search('', {
      filter: [eq('kind', 'asset'), ...(rule ? [rule] : [])],
      limit: 1000,
      attributesToRetrieve: ['id'],
    });
    return res.hits.map((h) => String(h.id)).sort();
  }

  it('indexes the published assets of the matrix, and only those', async () => {
    const published = (
      await ds.query<{ id: string }[]>(
        `SELECT id FROM assets WHERE status = 'published' ORDER BY id`,
      )
    ).map((r) => r.id);
    expect(published.length).toBe(assetCount / STATUSES.length);
    expect([...(await index.stamps()).keys()].sort()).toEqual(published);
  });

  it('admits the same assets for every caller in both forms', async () => {
    const seen: Record<string, number> = {};
    for (const caller of callers) {
      const [sql, meili] = await Promise.all([bySql(caller), byMeilisearch(caller)]);
      expect({ caller: caller.name, ids: meili }).toEqual({ caller: caller.name, ids: sql });
      seen[caller.name] = sql.length;
    }
    // The matrix tells the callers apart: each sees some but (assessors aside) not all.
    const total = assetCount / STATUSES.length;
    expect(seen['anonymous']).toBeGreaterThan(0);
    expect(seen['anonymous']).toBeLessThan(seen['ASN of OPD A']);
    expect(seen['ASN of OPD A']).toBeLessThan(total);
    expect(seen['assessor']).toBe(total);
    expect(seen['author (OPD A)']).toBeGreaterThan(seen['ASN of OPD A']);
    expect(seen['verifier of OPD A']).toBeGreaterThan(seen['ASN of OPD A']);
    expect(seen['member of CoP A from OPD B']).toBeGreaterThan(seen['ASN of OPD B']);
  });
});
