import { Button, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { downloadAttachment } from '../services/download-attachment';
import classes from './attachment-list.module.css';

type Attachment = Schemas['AttachmentSummaryDto'];

/** File size in words a person reads: "1,2 MB", "830 KB". */
export function fileSize(bytes: number, lang: 'id' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}

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
                    {file.mime} · {fileSize(file.size, lang)}
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
