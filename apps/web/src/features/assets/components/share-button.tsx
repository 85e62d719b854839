import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShareEventMutation } from '../queries/asset-queries';

interface ShareButtonProps {
  assetId: string;
  /** Signed-in readers of a published asset: the copy is reported as a share event. */
  report: boolean;
}

/**
 * "Bagikan": copies the asset's address to the clipboard and says so; where the browser refuses
 * the clipboard, the address is shown to copy by hand. Each copy is one share event (the
 * Idempotency-Key keeps a retried request one event).
 */
export function ShareButton({ assetId, report }: ShareButtonProps) {
  const { t } = useTranslation('assets');
  const share = useShareEventMutation();
  const [outcome, setOutcome] = useState<'copied' | 'manual'>();
  const link = `${window.location.origin}/aset/${assetId}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setOutcome('copied');
    } catch {
      setOutcome('manual');
      return;
    }
    if (!report) return;
    // A share that cannot be recorded is still a share: the reader sees no error for it.
    share.mutate({
      params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
      body: { type: 'share', assetId },
    });
  };

  return (
    <Stack gap={4}>
      <Button variant="default" onClick={() => void copy()}>
        {t('share.button')}
      </Button>
      <div role="status">
        {outcome === 'copied' && (
          <Text size="sm" c="teal.9">
            {t('share.copied')}
          </Text>
        )}
      </div>
      {outcome === 'manual' && (
        <TextInput
          label={t('share.copyFailed')}
          value={link}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </Stack>
  );
}
