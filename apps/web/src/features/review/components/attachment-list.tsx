import { Button, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatFileSize } from '@/lib/format/size';
import { downloadAttachment } from '../services/download-attachment';
import classes from './attachment-list.module.css';

type Attachment = Schemas['AttachmentSummaryDto'];

/** The asset's files, each with its type and size and a download the reviewer can open. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation('review');
  const [error, setError] = useState<unknown>();
  const lang = currentLanguage();
  return (
    <div>
      <Title order={3} size="h5">
        {t('view.attachments')}
      </Title>
      {attachments.length === 0 ? (
        <Text c="dimmed" fs="italic" size="sm">
          {t('view.noAttachments')}
        </Text>
      ) : (
        <ul className={classes.list}>
          {attachments.map((file) => (
            <li key={file.id}>
              <Group gap="sm" justify="space-between" wrap="nowrap">
                <div className={classes.name}>
                  <Text size="sm" fw={600}>
                    {file.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {file.mime} · {formatFileSize(file.size, lang)}
                  </Text>
                </div>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t('view.downloadName', { name: file.name })}
                  onClick={() => {
                    setError(undefined);
                    downloadAttachment(file.id, file.name).catch(setError);
                  }}
                >
                  {t('view.download')}
                </Button>
              </Group>
            </li>
          ))}
        </ul>
      )}
      {error !== undefined && <ApiErrorAlert error={error} />}
    </div>
  );
}
