import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { PageState } from '@/components/page-state';
import { formatFileSize } from '@/lib/format/size';
import { currentLanguage } from '@/i18n';
import { attachmentKind } from '../asset-roles';
import type { Asset } from '../queries/asset-queries';
import { downloadAttachment } from '../services/attachment-files';
import classes from './attachment-list.module.css';

// pdf.js is large: it loads when a reader opens a preview, never with the page.
const PdfPreview = lazy(() => import('./pdf-preview').then((m) => ({ default: m.PdfPreview })));

type Attachment = Asset['attachments'][number];

/** The asset's files: name, kind and size, a download, and an in-page preview for PDFs. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation('assets');
  const headingId = useId();
  const [previewing, setPreviewing] = useState<string>();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {t('attachments.heading')}
      </Title>
      {attachments.length === 0 ? (
        <Text c="dimmed">{t('attachments.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" className={classes.list}>
          {attachments.map((file) => (
            <AttachmentItem
              key={file.id}
              file={file}
              previewOpen={previewing === file.id}
              onPreview={(open) => setPreviewing(open ? file.id : undefined)}
            />
          ))}
        </Stack>
      )}
    </section>
  );
}

function AttachmentItem({
  file,
  previewOpen,
  onPreview,
}: {
  file: Attachment;
  previewOpen: boolean;
  onPreview: (open: boolean) => void;
}) {
  const { t } = useTranslation('assets');
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>();
  const previewId = useId();
  const kind = attachmentKind(file.mime);
  const pending = file.scanStatus === 'pending_scan';

  const download = async () => {
    setDownloading(true);
    setError(undefined);
    try {
      await downloadAttachment(file.id, file.name);
    } catch (e) {
      setError(e);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div className={classes.name}>
            <Text fw={600}>{file.name}</Text>
            <Text size="sm" c="dimmed">
              {t(`attachments.kinds.${kind}`)} · {formatFileSize(file.size, currentLanguage())}
            </Text>
            {pending && (
              <Badge color="yellow" variant="light" mt={4}>
                {t('attachments.pendingScan')}
              </Badge>
            )}
          </div>
          <Group gap="xs">
            {kind === 'pdf' && !pending && (
              <Button
                variant="default"
                size="sm"
                aria-expanded={previewOpen}
                aria-controls={previewOpen ? previewId : undefined}
                aria-label={t(
                  previewOpen ? 'attachments.hidePreviewName' : 'attachments.previewName',
                  {
                    name: file.name,
                  },
                )}
                onClick={() => onPreview(!previewOpen)}
              >
                {t(previewOpen ? 'attachments.hidePreview' : 'attachments.preview')}
              </Button>
            )}
            <Button
              size="sm"
              loading={downloading}
              aria-label={t('attachments.downloadName', { name: file.name })}
              onClick={() => void download()}
            >
              {t('attachments.download')}
            </Button>
          </Group>
        </Group>
        {error !== undefined && <ApiErrorAlert error={error} />}
        {previewOpen && (
          <div id={previewId}>
            <Suspense fallback={<PageState kind="loading" label={t('preview.loading')} />}>
              <PdfPreview attachmentId={file.id} name={file.name} />
            </Suspense>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
