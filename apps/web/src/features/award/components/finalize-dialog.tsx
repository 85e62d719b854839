import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { useFinalize } from '../queries/award-queries';

interface FinalizeDialogProps {
  year: number;
  rubricVersion: number | undefined;
  opdCount: number;
  onClose: () => void;
}

/** Asks before freezing a year, saying exactly what is frozen and what changes for whom. */
export function FinalizeDialog({ year, rubricVersion, opdCount, onClose }: FinalizeDialogProps) {
  const { t } = useTranslation('award');
  const finalize = useFinalize();
  const confirm = () =>
    finalize.mutate({ params: { path: { year } } }, { onSuccess: () => onClose() });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('finalize.title', { year })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('finalize.cancel') }}
    >
      <Stack gap="sm">
        <Text>{t('finalize.intro', { year })}</Text>
        <List spacing={4}>
          <List.Item>{t('finalize.freezesScores', { count: opdCount })}</List.Item>
          <List.Item>
            {rubricVersion === undefined
              ? t('finalize.freezesRubricUnknown')
              : t('finalize.freezesRubric', { version: rubricVersion })}
          </List.Item>
          <List.Item>{t('finalize.refusesAssessments')}</List.Item>
          <List.Item>{t('finalize.refusesMeetings', { year })}</List.Item>
          <List.Item>{t('finalize.publishes')}</List.Item>
          <List.Item>{t('finalize.restatement')}</List.Item>
        </List>
        <Text fw={700}>{t('finalize.irreversible')}</Text>
        {finalize.isError && <ApiErrorAlert error={finalize.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('finalize.cancel')}
          </Button>
          <Button color="red.9" onClick={confirm} loading={finalize.isPending}>
            {t('finalize.confirm', { year })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
