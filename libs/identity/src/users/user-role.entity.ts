import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../authz/permissions';

@Entity('user_roles')
export class UserRoleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ name: 'opd_id', type: 'uuid', nullable: true })
  opdId: string | null;

  @Column({ name: 'cop_id', type: 'uuid', nullable: true })
  copId: string | null;

  @Column({ name: 'granted_at', type: 'timestamptz', default: () => 'now()' })
  grantedAt: Date;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy: string | null;
}
