import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from './links';

interface AssetLineProps {
  id: string;
  title: string;
  /** Where the title leads: the asset, its editor (drafts) or its review (submissions). */
  to?: '/aset/$id' | '/aset/$id/ubah' | '/tinjauan/$id';
  /** The type's label (`assets:types.<type>`). */
  typeLabel: string;
  /** A quiet line after the type: OPD, authors, dates. */
  meta?: ReactNode;
}

/** An asset in a list: a link named by its title, then its type and a line of facts. */
export function AssetLine({ id, title, to = '/aset/$id', typeLabel, meta }: AssetLineProps) {
  return (
    <>
      <AnchorLink to={to} params={{ id }} fw={600}>
        {title}
      </AnchorLink>
      <Group gap="xs" mt={4}>
        <Badge variant="light" size="sm">
          {typeLabel}
        </Badge>
        {meta !== undefined && (
          <Text size="xs" c="dimmed">
            {meta}
          </Text>
        )}
      </Group>
    </>
  );
}
