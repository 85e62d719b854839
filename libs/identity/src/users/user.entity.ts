import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const JABATAN_CATEGORIES = [
  'administrasi',
  'pimpinan_tinggi',
  'fungsional_ahli_madya',
  'fungsional_ahli_utama',
  'fungsional_lain',
] as const;
export type JabatanCategory = (typeof JABATAN_CATEGORIES)[number];
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
