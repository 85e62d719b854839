import { Alert, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '@/lib/api/errors';

interface ApiErrorAlertProps {
  error: unknown;
  /** e.g. a retry button */
  action?: ReactNode;
  title?: string;
}

/**
 * Shows a failed API call in words: the API's own `message` (already in the portal's language),
 * plus how long to wait when it is a 429. Field problems belong beside their fields: map them
 * with fieldErrors() (lib/api/field-errors.ts) and show this alert for the rest.
 */
export function ApiErrorAlert({ error, action, title }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  const apiError = toApiError(error);
  const wait = apiError.retryAfterSeconds;
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t('errors.title')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{apiError.message}</Text>
        {wait !== undefined && (
          <Text size="sm">
            {wait >= 120
              ? t('errors.retryAfterMinutes', { count: Math.ceil(wait / 60) })
              : t('errors.retryAfterSeconds', { count: wait })}
          </Text>
        )}
        {action}
      </Stack>
    </Alert>
  );
}
