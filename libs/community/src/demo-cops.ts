import type { EntityManager } from 'typeorm';
import { demoPersonByEmail, demoStaffOf, grantDemoCopLead } from '@lumbung/identity';
import { insertAppMeta, readAppMeta } from '@lumbung/platform';

const MARKER = 'demo_seed_cops';

const DEMO_COPS: Record<string, { name: string; theme: string; description: string }> = {
  BPSDM: {
    name: 'Komunitas Pengelola Pengetahuan ASN',
    theme: 'Manajemen pengetahuan dan pembelajaran ASN',
    description:
      'Wadah pengelola pengetahuan dan widyaiswara untuk berbagi cara merancang pelatihan, coaching dan mentoring, serta menjaga pengetahuan pegawai yang akan pensiun.',
  },
  DINKES: {
    name: 'Komunitas Praktik Layanan Puskesmas',
    theme: 'Mutu layanan kesehatan primer',
    description:
      'Kepala puskesmas, dokter, perawat, dan petugas data berbagi cara memangkas antrean, menangani lonjakan kasus, dan memperbaiki rujukan.',
  },
};

/** When the demo CoPs were founded and their first members joined: before any demo meeting. */
export const DEMO_COP_FOUNDED = '2024-11-04T09:00:00+07:00';

/** Each demo `lead.<opd>@lumbung.test` leads a demo CoP in their OPD (once; marked in app_meta). */
export async function seedDemoCops(m: EntityManager): Promise<boolean> {
  if ((await readAppMeta(m, MARKER)) !== undefined) return false;
  for (const [code, cop] of Object.entries(DEMO_COPS)) {
    const lead = await demoPersonByEmail(m, `lead.${code.toLowerCase()}@lumbung.test`);
    if (!lead) continue;
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO cops (name, theme, opd_id, description, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [cop.name, cop.theme, lead.opdId, cop.description, lead.id, DEMO_COP_FOUNDED],
    );
    await grantDemoCopLead(m, lead.id, row.id);
    await m.query(
      `INSERT INTO cop_memberships (cop_id, user_id, added_by, joined_at)
       SELECT $1, u, $2, $4 FROM unnest($3::uuid[]) AS u`,
      [row.id, lead.id, await demoStaffOf(m, lead.opdId), DEMO_COP_FOUNDED],
    );
  }
  await insertAppMeta(m, MARKER, { version: 1 });
  return true;
}
