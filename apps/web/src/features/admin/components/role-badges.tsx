import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A user's roles as words ("Verifikator", "Admin OPD"); plain ASN reads as one badge. */
export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation('admin');
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant={role === 'asn' ? 'outline' : 'light'} color="blue.9" tt="none">
          {t(`roles.${role as 'asn'}`)}
        </Badge>
      ))}
    </Group>
  );
}
