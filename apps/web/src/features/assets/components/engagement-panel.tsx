import { Alert, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { hasPermission, useCurrentUser } from '@/lib/auth/use-session';
import { isOwnAsset } from '../asset-roles';
import { type Asset, useEndorsementQuery } from '../queries/asset-queries';
import { EndorseButton } from './endorse-button';
import { ReuseDialog } from './reuse-dialog';
import { ShareButton } from './share-button';

/**
 * What a reader does with a published asset: "Bermanfaat", "Saya terapkan", "Bagikan". Anonymous
 * visitors see the count and share the link; the asset's own people and assessors see the count.
 */
export function EngagementPanel({ asset }: { asset: Asset }) {
  const { t } = useTranslation('assets');
  const headingId = useId();
  const user = useCurrentUser();
  const endorsement = useEndorsementQuery(asset.id, true);
  const [reuseOpen, setReuseOpen] = useState(false);
  const [reported, setReported] = useState(false);
  const own = isOwnAsset(asset, user);
  const canEngage = hasPermission(user, 'asset:engage') && !own;

  return (
    <section aria-labelledby={headingId}>
      <VisuallyHidden component="h2" id={headingId}>
        {t('engage.label')}
      </VisuallyHidden>
      <Stack gap="sm">
        <EndorseButton assetId={asset.id} state={endorsement.data} canEndorse={canEngage} />
        <Group gap="sm" align="flex-start">
          {canEngage && (
            <Button variant="default" onClick={() => setReuseOpen(true)}>
              {t('reuse.button')}
            </Button>
          )}
          <ShareButton assetId={asset.id} report={!!user && hasPermission(user, 'asset:engage')} />
        </Group>
        {reported && (
          <Alert color="teal" variant="light" role="status">
            {t('reuse.done')}
          </Alert>
        )}
        {!user && (
          <AnchorLink to="/masuk" search={{ kembali: `/aset/${asset.id}` }} fw={600}>
            {t('engage.signIn')}
          </AnchorLink>
        )}
        {own && (
          <Text size="sm" c="dimmed">
            {t('engage.ownAsset')}
          </Text>
        )}
      </Stack>
      {canEngage && (
        <ReuseDialog
          assetId={asset.id}
          opened={reuseOpen}
          onClose={() => setReuseOpen(false)}
          onReported={() => {
            setReuseOpen(false);
            setReported(true);
          }}
        />
      )}
    </section>
  );
}
