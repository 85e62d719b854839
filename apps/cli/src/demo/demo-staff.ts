// The demo year's people: generated staff for each OPD and a CoP per active OPD with its members.
import type { EntityManager } from 'typeorm';
import {
  addDemoPerson,
  demoActiveStaffOf,
  demoCopLeadOf,
  grantDemoCopLead,
  isNipInfo,
  makeName,
  makeNip,
  parseNip,
  pick,
  positionsFor,
} from '@lumbung/identity';
import { DEMO_COP_FOUNDED, addDemoCop, addDemoMembers, demoFirstCopOf } from '@lumbung/community';
import { THEMES, lower } from './demo-text';
import { PROFILE_SHAPE, type Opd } from './demo-year-model';

export async function addStaff(m: EntityManager, rand: () => number, opds: Opd[]): Promise<void> {
  let seq = 1000;
  for (const opd of opds) {
    opd.staff = await demoActiveStaffOf(m, opd.id);
    const extra = Math.max(0, PROFILE_SHAPE[opd.profile].staff - opd.staff.length);
    for (let i = 0; i < extra; i++) {
      const name = makeName(rand);
      const position = pick(rand, positionsFor(opd.name, opd.code));
      seq += 1;
      const nip = makeNip(rand, seq);
      const info = parseNip(nip);
      if (!isNipInfo(info)) throw new Error(`demo NIP ${nip} is invalid: ${info}`);
      // The birth date and sex are the NIP's. They once came from draws of their own: those
      // draws still happen, so everything seeded after them stays as it was.
      for (let draw = 0; draw < 4; draw++) rand();
      const id = await addDemoPerson(m, {
        nip,
        name,
        email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${seq}@demo.lumbung.test`,
        opdId: opd.id,
        jabatan: position.jabatan,
        kategori: position.kategori,
        birthDate: info.birthDate,
        sex: info.sex,
      });
      if (id) opd.staff.push(id);
    }
  }
}

/** Who signs an OPD's decrees: the head's title follows the agency type. */
function signatoryOf(name: string): string {
  if (name.startsWith('Kota Administrasi ')) return `Wali Kota ${name.slice(18)}`;
  if (name.startsWith('Kabupaten Administrasi ')) return `Bupati ${name.slice(23)}`;
  if (name === 'Inspektorat') return 'Inspektur';
  if (name === 'Sekretariat Daerah') return 'Sekretaris Daerah';
  if (name.startsWith('Sekretariat ')) return `Sekretaris ${name.slice(12)}`;
  return `Kepala ${name}`;
}

export async function ensureCops(m: EntityManager, rand: () => number, opds: Opd[]): Promise<void> {
  for (const opd of opds) {
    const copId = await demoFirstCopOf(m, opd.id);
    if (copId) {
      opd.copId = copId;
      opd.leadId = (await demoCopLeadOf(m, copId)) ?? opd.staff[0];
    } else if (opd.profile !== 'pasif') {
      const theme = THEMES[opd.code];
      const lead = opd.staff[0];
      opd.copId = await addDemoCop(m, {
        name: `Komunitas Praktik ${theme.name}`,
        theme: theme.name,
        opdId: opd.id,
        description: `Pegawai ${theme.unit} dan bidang terkait di ${opd.name} berbagi pengalaman tentang ${lower(theme.name)}: ${theme.tags.slice(0, 3).join(', ')}.`,
        skReference: `Keputusan ${signatoryOf(opd.name)} Nomor ${10 + Math.floor(rand() * 80)} Tahun 2024`,
        createdBy: lead,
        createdAt: DEMO_COP_FOUNDED,
      });
      opd.leadId = lead;
      await grantDemoCopLead(m, lead, opd.copId);
    }
    if (!opd.copId) continue;
    const members = opd.staff.filter(() => rand() < 0.8);
    await addDemoMembers(
      m,
      opd.copId,
      [...new Set([opd.leadId as string, ...members])],
      DEMO_COP_FOUNDED,
    );
  }
}
