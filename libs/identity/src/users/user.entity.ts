import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * Position categories, which decide the retirement age (BUP, computed in libs/risk): 58 for
 * `administrasi`, `fungsional_ahli_pertama`, `fungsional_ahli_muda`, `fungsional_keterampilan`
 * and `fungsional_lain` (other functional posts at those levels); 60 for `pimpinan_tinggi` (JPT)
 * and `fungsional_ahli_madya`; 65 for `fungsional_ahli_utama`.
 */
export const JABATAN_CATEGORIES = [
  'administrasi',
  'pimpinan_tinggi',
  'fungsional_ahli_pertama',
  'fungsional_ahli_muda',
  'fungsional_ahli_madya',
  'fungsional_ahli_utama',
  'fungsional_keterampilan',
  'fungsional_lain',
] as const;
export type JabatanCategory = (typeof JABATAN_CATEGORIES)[number];

/**
 * Why someone leaves before their BUP: rotation (mutasi), transfer to another agency, early
 * retirement, or the end of a PPPK contract.
 */
export const DEPARTURE_REASONS = [
  'mutasi',
  'pindah_instansi',
  'pensiun_dini',
  'akhir_kontrak_pppk',
] as const;
export type DepartureReason = (typeof DEPARTURE_REASONS)[number];
export type Sex = 'male' | 'female';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 18, unique: true })
  nip: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'opd_id', type: 'uuid' })
  opdId: string;

  @Column({ type: 'varchar', length: 200 })
  jabatan: string;

  @Column({ name: 'jabatan_kategori', type: 'varchar', length: 32 })
  jabatanKategori: JabatanCategory;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ type: 'varchar', length: 6 })
  sex: Sex;

  /** A planned departure an OPD admin recorded (personal data: never shown outside user admin). */
  @Column({ name: 'planned_departure_on', type: 'date', nullable: true })
  plannedDepartureOn: string | null;

  @Column({ name: 'planned_departure_reason', type: 'varchar', length: 24, nullable: true })
  plannedDepartureReason: DepartureReason | null;

  @Column({ name: 'planned_departure_note', type: 'varchar', length: 500, nullable: true })
  plannedDepartureNote: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'service_account', type: 'boolean', default: false })
  serviceAccount: boolean;

  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
