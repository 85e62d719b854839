import type { UserResponseDto } from './dto/user-response.dto';
import type { UserRow } from './users.repository';

export function presentUser(u: UserRow): UserResponseDto {
  return {
    id: u.id,
    nip: u.nip,
    name: u.name,
    email: u.email,
    opdCode: u.opdCode,
    jabatan: u.jabatan,
    jabatanKategori: u.jabatanKategori,
    birthDate: u.birthDate,
    sex: u.sex,
    plannedDeparture: u.plannedDepartureOn
      ? {
          date: u.plannedDepartureOn,
          reason: u.plannedDepartureReason!,
          note: u.plannedDepartureNote,
        }
      : null,
    active: u.active,
    hasPassword: u.hasPassword,
    roles: [...new Set(u.grants.map((g) => g.role))],
    grants: u.grants,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
