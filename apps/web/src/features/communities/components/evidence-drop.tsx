import { CloseButton, Text } from '@mantine/core';
import { type DragEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { formatFileSize } from '@/lib/format/size';
import classes from './meeting-form.module.css';

/**
 * Evidence files (photos, the attendance sheet) dropped on the zone or chosen with the file
 * button; uploaded once the meeting is saved, through the API's safe upload pipeline.
 */
export function EvidenceDrop({
  files,
  onChange,
}: {
  files: File[];
  onChange: (files: File[]) => void;
}) {
  const { t } = useTranslation('communities');
  const inputId = useId();
  const [over, setOver] = useState(false);
  const add = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    onChange([...files, ...Array.from(list)]);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    add(event.dataTransfer.files);
  };
  return (
    <div>
      <div
        className={over ? `${classes.drop} ${classes.dropOver}` : classes.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="evidence-drop"
      >
        <label htmlFor={inputId} className={classes.dropLabel}>
          {t('evidence.label')}
        </label>
        <Text size="sm" c="dimmed" id={`${inputId}-hint`}>
          {t('evidence.hint')}
        </Text>
        <input
          id={inputId}
          type="file"
          multiple
          aria-describedby={`${inputId}-hint`}
          className={classes.fileInput}
          onChange={(e) => {
            add(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {files.length > 0 && (
        <ul className={classes.chips} aria-label={t('evidence.chosen', { count: files.length })}>
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className={classes.chip}>
              <Text size="sm">
                {f.name} · {formatFileSize(f.size, currentLanguage())}
              </Text>
              <CloseButton
                size="sm"
                aria-label={t('evidence.remove', { name: f.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
