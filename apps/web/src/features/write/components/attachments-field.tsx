import { Alert, Button, CloseButton, Group, Progress, Stack, Text } from '@mantine/core';
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api/client';
import { toApiError } from '@/lib/api/errors';
import { currentLanguage } from '@/i18n';
import { formatFileSize } from '@/lib/format/size';
import type { Attachment } from '../model/draft';
import { uploadAttachment } from '../services/upload';
import classes from './attachments-field.module.css';

interface AttachmentsFieldProps {
  /** The file input's id ("Lampiran"). */
  id: string;
  /** The draft's id; undefined until the draft exists. */
  assetId: string | undefined;
  attachments: Attachment[];
  /** Creates the draft when there is none yet; the id, or undefined when it cannot yet. */
  ensureDraft: () => Promise<string | undefined>;
  onUploaded: (attachment: Attachment) => void;
  onRemoved: (id: string) => void;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

interface Upload {
  key: number;
  file: File;
  state: 'waiting' | 'uploading' | 'refused' | 'noDraft';
  progress: number;
  message?: string;
}

/**
 * "Lampiran": files chosen with the file input or dropped on the zone, each uploaded on its own
 * with a progress bar; a refused file says why in the API's words (type, size), the others go on.
 * Stored attachments are listed with their type and size and can be removed.
 */
export function AttachmentsField({
  id,
  assetId,
  attachments,
  ensureDraft,
  onUploaded,
  onRemoved,
  error,
  required,
  disabled,
}: AttachmentsFieldProps) {
  const { t } = useTranslation('write');
  const hintId = useId();
  const errorId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [removing, setRemoving] = useState<string>();
  const [removeError, setRemoveError] = useState<unknown>();
  const nextKey = useRef(1);
  const running = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const [announcement, setAnnouncement] = useState('');

  const update = (key: number, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const addFiles = (files: FileList | File[] | null) => {
    const list = [...(files ?? [])];
    if (list.length === 0) return;
    setUploads((all) => [
      ...all,
      ...list.map((file) => ({
        key: nextKey.current++,
        file,
        state: 'waiting' as const,
        progress: 0,
      })),
    ]);
  };

  // One upload at a time, in the order the files came; the draft is created first if needed.
  useEffect(() => {
    if (running.current) return;
    // Files that waited for a draft go once it exists (the title was filled in meanwhile).
    const next = uploads.find(
      (u) => u.state === 'waiting' || (assetId !== undefined && u.state === 'noDraft'),
    );
    if (!next) return;
    running.current = true;
    void (async () => {
      try {
        const draftId = assetId ?? (await ensureDraft());
        if (!draftId) {
          setUploads((all) =>
            all.map((u) => (u.state === 'waiting' ? { ...u, state: 'noDraft' } : u)),
          );
          return;
        }
        update(next.key, { state: 'uploading', progress: 0 });
        try {
          const stored = await uploadAttachment(draftId, next.file, (progress) =>
            update(next.key, { progress }),
          );
          setUploads((all) => all.filter((u) => u.key !== next.key));
          setAnnouncement(t('attachments.uploaded', { name: stored.name }));
          onUploaded(stored);
        } catch (failure) {
          const message = toApiError(failure).message;
          update(next.key, { state: 'refused', message });
          setAnnouncement(t('attachments.refused', { name: next.file.name, message }));
        }
      } finally {
        running.current = false;
        // Look again for files that came meanwhile.
        setUploads((all) => [...all]);
      }
    })();
  }, [uploads, assetId, ensureDraft, onUploaded, t]);

  const remove = async (attachment: Attachment) => {
    setRemoving(attachment.id);
    setRemoveError(undefined);
    try {
      await api.DELETE('/api/v1/attachments/{id}', { params: { path: { id: attachment.id } } });
      onRemoved(attachment.id);
      setAnnouncement(t('attachments.removed', { name: attachment.name }));
      input.current?.focus();
    } catch (failure) {
      setRemoveError(failure);
    } finally {
      setRemoving(undefined);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled) addFiles(event.dataTransfer.files);
  };

  const lang = currentLanguage();
  return (
    <div className={classes.field}>
      <div
        className={classes.zone}
        data-dragging={dragging || undefined}
        data-invalid={error ? true : undefined}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <svg className={classes.icon} viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
        </svg>
        <Text fw={600}>{t('attachments.drop')}</Text>
        <input
          ref={input}
          id={id}
          type="file"
          multiple
          className={classes.input}
          aria-label={t('attachments.label')}
          aria-describedby={[hintId, error ? errorId : undefined].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          disabled={disabled}
          onChange={(event) => {
            addFiles(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
        <label htmlFor={id} className={classes.button} data-disabled={disabled || undefined}>
          {t('attachments.choose')}
        </label>
        <Text size="sm" c="dimmed" id={hintId} ta="center">
          {t('attachments.hint')}
        </Text>
      </div>
      {error && (
        <Text size="sm" c="red.9" id={errorId} mt={4}>
          {error}
        </Text>
      )}

      <div aria-live="polite" className={classes.visuallyHidden}>
        {announcement}
      </div>

      {uploads.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          className={classes.list}
          aria-label={t('attachments.uploads')}
        >
          {uploads.map((upload) => (
            <li key={upload.key} className={classes.item} data-state={upload.state}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={600} className={classes.name}>
                  {upload.file.name}
                </Text>
                {(upload.state === 'refused' || upload.state === 'noDraft') && (
                  <CloseButton
                    size="sm"
                    aria-label={t('attachments.dismiss', { name: upload.file.name })}
                    onClick={() => setUploads((all) => all.filter((u) => u.key !== upload.key))}
                  />
                )}
              </Group>
              {upload.state === 'uploading' || upload.state === 'waiting' ? (
                <>
                  <Progress.Root size="md" mt={6}>
                    <Progress.Section
                      value={Math.round(upload.progress * 100)}
                      aria-label={t('attachments.progress', { name: upload.file.name })}
                    />
                  </Progress.Root>
                  <Text size="xs" c="dimmed" mt={2}>
                    {upload.state === 'waiting'
                      ? t('attachments.waiting')
                      : t('attachments.percent', { percent: Math.round(upload.progress * 100) })}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="red.9" mt={4} role="alert">
                  {upload.state === 'noDraft'
                    ? t('attachments.needsTitle')
                    : t('attachments.refusedShort', { message: upload.message })}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}

      {removeError !== undefined && (
        <Alert color="red" variant="light" mt="sm" role="alert">
          {toApiError(removeError).message}
        </Alert>
      )}

      {attachments.length > 0 ? (
        <Stack
          component="ul"
          gap="xs"
          className={classes.list}
          aria-label={t('attachments.stored')}
        >
          {attachments.map((attachment) => (
            <li key={attachment.id} className={classes.item}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <div className={classes.name}>
                  <Text size="sm" fw={600}>
                    {attachment.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {fileKind(attachment)} · {formatFileSize(attachment.size, lang)}
                    {attachment.scanStatus === 'pending_scan' && ` · ${t('attachments.scanning')}`}
                  </Text>
                </div>
                <Button
                  variant="default"
                  size="xs"
                  loading={removing === attachment.id}
                  disabled={disabled}
                  aria-label={t('attachments.remove', { name: attachment.name })}
                  onClick={() => void remove(attachment)}
                >
                  {t('attachments.removeShort')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          {t('attachments.none')}
        </Text>
      )}
    </div>
  );
}

const KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
  'text/plain': 'TXT',
  'text/markdown': 'MD',
  'text/csv': 'CSV',
  'video/mp4': 'MP4',
};

/** "PDF", "DOCX"…: the type the API decided from the content. */
function fileKind(attachment: Attachment): string {
  const mime = attachment.mime.split(';')[0]?.trim() ?? '';
  return KINDS[mime] ?? (attachment.name.split('.').pop() ?? mime).toUpperCase();
}
