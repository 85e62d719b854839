import { Button, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { type EndorsementState, useEndorseMutation } from '../queries/asset-queries';

interface EndorseButtonProps {
  assetId: string;
  state: EndorsementState | undefined;
  /** False for people who may only see the count (anonymous, the asset's own people, assessors). */
  canEndorse: boolean;
}

/**
 * "Bermanfaat": a toggle (aria-pressed) whose accessible name stays exactly "Bermanfaat"; the
 * count beside it describes it and is announced when it changes.
 */
export function EndorseButton({ assetId, state, canEndorse }: EndorseButtonProps) {
  const { t } = useTranslation('assets');
  const countId = useId();
  const { endorse, withdraw } = useEndorseMutation(assetId);
  const busy = endorse.isPending || withdraw.isPending;
  const error = endorse.error ?? withdraw.error;
  const endorsed = state?.endorsed ?? false;
  const count = state?.endorsements ?? 0;
  const toggle = () => {
    if (busy) return;
    const params = { params: { path: { id: assetId } } };
    endorse.reset();
    withdraw.reset();
    if (endorsed) withdraw.mutate(params);
    else endorse.mutate(params);
  };
  return (
    <div>
      <Group gap="sm" wrap="wrap">
        {canEndorse && (
          <Button
            variant={endorsed ? 'filled' : 'outline'}
            aria-pressed={endorsed}
            aria-describedby={countId}
            // Not `loading`: a disabled button would drop the keyboard focus.
            aria-busy={busy}
            onClick={toggle}
          >
            {t('endorse.button')}
          </Button>
        )}
        <Text size="sm" id={countId} aria-live="polite">
          {count > 0 ? t('endorse.count', { count }) : t('endorse.none')}
          {endorsed && <> · {t('endorse.mine')}</>}
        </Text>
      </Group>
      {error && <ApiErrorAlert error={error} />}
    </div>
  );
}
