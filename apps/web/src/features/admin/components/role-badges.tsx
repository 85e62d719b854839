import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A user's roles as words ("Verifikator", "Admin OPD"); plain ASN reads as one badge. */
export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation('admin');
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge
          key={role}
          variant={role === 'asn' ? 'outline' : 'filled'}
          color={role === 'asn' ? 'blue.9' : 'blue.8'}
          tt="none"
        >
          {t(`roles.${role as 'asn'}`)}
        </Badge>
      ))}
    </Group>
  );
}
