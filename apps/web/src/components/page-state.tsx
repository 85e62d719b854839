import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './api-error';

type PageStateProps =
  | { kind: 'loading'; label?: string }
  | { kind: 'empty'; title?: string; children?: ReactNode; action?: ReactNode }
  | { kind: 'error'; error: unknown; onRetry?: () => void };

/**
 * The three states every page and section has besides its content: loading (announced politely
 * to screen readers), empty (what to do next), and error (the API's message, with a retry).
 */
export function PageState(props: PageStateProps) {
  const { t } = useTranslation();
  switch (props.kind) {
    case 'loading':
      return (
        <Center py="xl" role="status" aria-live="polite">
          <Stack align="center" gap="xs">
            <Loader size="md" aria-hidden />
            <Text c="dimmed">{props.label ?? t('state.loading')}</Text>
          </Stack>
        </Center>
      );
    case 'empty':
      return (
        <Alert variant="light" color="gray" title={props.title} role="status">
          <Stack gap="sm" align="flex-start">
            <Text>{props.children ?? t('state.empty')}</Text>
            {props.action}
          </Stack>
        </Alert>
      );
    case 'error':
      return (
        <ApiErrorAlert
          error={props.error}
          action={
            props.onRetry && (
              <Button variant="default" size="xs" onClick={props.onRetry}>
                {t('state.retry')}
              </Button>
            )
          }
        />
      );
  }
}
