import { Alert, Button, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import {
  getDocument,
  GlobalWorkerOptions,
  type PDFDocumentProxy,
  type RenderTask,
  RenderingCancelledException,
  VerbosityLevel,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
// The worker is a file of the portal's own build, served from its origin like every script.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { PageState } from '@/components/page-state';
import { isApiError } from '@/lib/api/errors';
import { fetchAttachment } from '../services/attachment-files';
import classes from './pdf-preview.module.css';

GlobalWorkerOptions.workerSrc = workerUrl;

interface PdfPreviewProps {
  attachmentId: string;
  name: string;
}

/**
 * A PDF drawn page by page on a canvas with pdf.js (the legacy build: it carries what older
 * browsers lack). Loaded only when a reader opens a preview: this module and pdf.js are their
 * own chunk. pdf.js runs without eval (the CSP forbids it), fonts come from the file or the
 * system, and nothing is fetched but the file itself.
 */
export function PdfPreview({ attachmentId, name }: PdfPreviewProps) {
  const { t } = useTranslation('assets');
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [error, setError] = useState<unknown>();
  const [page, setPage] = useState(1);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { ref: frame, width } = useElementSize();
  const statusId = useId();

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | undefined;
    fetchAttachment(attachmentId)
      .then((blob) => blob.arrayBuffer())
      .then(
        (data) =>
          getDocument({
            data: new Uint8Array(data),
            isEvalSupported: false,
            enableXfa: false,
            verbosity: VerbosityLevel.ERRORS,
          }).promise,
      )
      .then((pdf) => {
        loaded = pdf;
        if (cancelled) void pdf.destroy();
        else setDoc(pdf);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e);
      });
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
  }, [attachmentId]);

  const drawWidth = Math.floor(width);
  useEffect(() => {
    const target = canvas.current;
    if (!doc || !target || drawWidth <= 0) return;
    let task: RenderTask | undefined;
    let cancelled = false;
    doc
      .getPage(page)
      .then((pdfPage) => {
        if (cancelled) return;
        const natural = pdfPage.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const viewport = pdfPage.getViewport({ scale: (drawWidth / natural.width) * ratio });
        target.width = Math.floor(viewport.width);
        target.height = Math.floor(viewport.height);
        task = pdfPage.render({ canvas: target, viewport });
        return task.promise;
      })
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof RenderingCancelledException)) setError(e);
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, drawWidth]);

  if (error !== undefined) {
    return isApiError(error) ? (
      <ApiErrorAlert error={error} />
    ) : (
      <Alert color="red" variant="light" role="alert">
        {t('preview.failed')}
      </Alert>
    );
  }

  const count = doc?.numPages ?? 0;
  const turn = (to: number) => setPage(Math.min(Math.max(1, to), count));
  // Arrow keys while a page button has focus; the buttons stay focusable at either end.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft') turn(page - 1);
    else if (event.key === 'ArrowRight') turn(page + 1);
    else return;
    event.preventDefault();
  };

  return (
    <section aria-label={t('preview.label', { name })} className={classes.preview}>
      {!doc ? (
        <PageState kind="loading" label={t('preview.loading')} />
      ) : (
        <Stack gap="xs">
          <div className={classes.pager} onKeyDown={onKeyDown}>
            <Button
              variant="default"
              size="xs"
              onClick={() => turn(page - 1)}
              aria-disabled={page <= 1}
              data-disabled={page <= 1 || undefined}
              aria-describedby={statusId}
              aria-label={t('preview.previous')}
            >
              {t('preview.previousShort')}
            </Button>
            <Text size="sm" id={statusId} aria-live="polite" ta="center">
              {t('preview.page', { page, count })}
            </Text>
            <Button
              variant="default"
              size="xs"
              onClick={() => turn(page + 1)}
              aria-disabled={page >= count}
              data-disabled={page >= count || undefined}
              aria-describedby={statusId}
              aria-label={t('preview.next')}
            >
              {t('preview.nextShort')}
            </Button>
          </div>
          <Text size="xs" c="dimmed">
            {t('preview.keys')}
          </Text>
        </Stack>
      )}
      <div ref={frame} className={classes.frame}>
        <canvas
          ref={canvas}
          className={classes.canvas}
          role="img"
          aria-label={t('preview.pageImage', { name, page, count })}
          hidden={!doc}
        />
      </div>
    </section>
  );
}
