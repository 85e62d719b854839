import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { fieldErrors } from '@/lib/api/field-errors';
import { useReportReuseMutation } from '../queries/asset-queries';

interface ReuseDialogProps {
  assetId: string;
  opened: boolean;
  onClose: () => void;
  onReported: () => void;
}

/**
 * "Saya terapkan": the reader tells how they applied the asset. The API decides what is enough
 * (at least 30 characters, once per person, after reading it) and its answer shows here: the
 * message above, the field's problem beside the field.
 */
export function ReuseDialog({ assetId, opened, onClose, onReported }: ReuseDialogProps) {
  const { t } = useTranslation('assets');
  const [story, setStory] = useState('');
  const report = useReportReuseMutation(assetId);
  const problems = fieldErrors(report.error);

  const close = () => {
    report.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (report.isPending) return;
    report.mutate(
      { params: { path: { id: assetId } }, body: { story } },
      {
        onSuccess: () => {
          setStory('');
          report.reset();
          onReported();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('reuse.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('reuse.cancel') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('reuse.intro')}</Text>
          {report.error && <ApiErrorAlert error={report.error} />}
          <Textarea
            label={t('reuse.story')}
            description={`${t('reuse.storyHint')} ${t('reuse.length', { count: story.trim().length })}`}
            value={story}
            onChange={(e) => setStory(e.currentTarget.value)}
            error={problems.story}
            autosize
            minRows={4}
            maxRows={12}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('reuse.cancel')}
            </Button>
            <Button type="submit" aria-busy={report.isPending}>
              {t('reuse.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
