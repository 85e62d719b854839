import type { EntityManager } from 'typeorm';

const MARKER = 'demo_seed_cops';

const DEMO_COPS: Record<string, { name: string; theme: string }> = {
  BPSDM: {
    name: 'Komunitas Pengelola Pengetahuan ASN',
    theme: 'Manajemen pengetahuan dan pembelajaran ASN',
  },
  DINKES: { name: 'Komunitas Praktik Layanan Puskesmas', theme: 'Mutu layanan kesehatan primer' },
};

/** Each demo `lead.<opd>@lumbung.test` leads a demo CoP in their OPD (once; marked in app_meta). */
export async function seedDemoCops(m: EntityManager): Promise<boolean> {
  const done = await m.query<unknown[]>(`SELECT 1 FROM app_meta WHERE key = $1`, [MARKER]);
  if (done.length > 0) return false;
  for (const [code, cop] of Object.entries(DEMO_COPS)) {
    const [lead] = await m.query<{ id: string; opd_id: string }[]>(
      `SELECT id, opd_id FROM users WHERE email = $1`,
      [`lead.${code.toLowerCase()}@lumbung.test`],
    );
    if (!lead) continue;
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO cops (name, theme, opd_id, description, created_by)
       VALUES ($1, $2, $3, 'Komunitas contoh untuk demo Lumbung.', $4) RETURNING id`,
      [cop.name, cop.theme, lead.opd_id, lead.id],
    );
    await m.query(`INSERT INTO user_roles (user_id, role, cop_id) VALUES ($1, 'cop_lead', $2)`, [
      lead.id,
      row.id,
    ]);
    await m.query(
      `INSERT INTO cop_memberships (cop_id, user_id, added_by)
       SELECT $1, u.id, $2 FROM users u WHERE u.opd_id = $3 AND u.email LIKE '%lumbung.test'`,
      [row.id, lead.id, lead.opd_id],
    );
  }
  await m.query(`INSERT INTO app_meta (key, value) VALUES ($1, '{"version":1}')`, [MARKER]);
  return true;
}
