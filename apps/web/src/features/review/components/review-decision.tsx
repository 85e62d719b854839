import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { AnchorLink } from '@/components/links';
import { fieldErrors } from '@/lib/api/field-errors';
import type { Schemas } from '@/lib/api/types';
import { useApproveMutation, useRejectMutation } from '../queries/review-queries';

type Asset = Schemas['AssetResponseDto'];

/**
 * "Setujui" or "Tolak" with the field "Catatan" (required to reject: refused here before the
 * API is asked, and the API's own answer shown beside the field when it refuses it). The API
 * decides who may review; its refusal (e.g. a verifier's own asset) is shown as it says it.
 */
/**
 * The panel is replaced by the outcome: focus moves there when it is in the page, so it is
 * announced. A frame after the decision was too early under load (the outcome not yet rendered),
 * and the focus stayed behind.
 */
const focusWhenShown = (el: HTMLDivElement | null) => el?.focus();

export function ReviewDecision({ asset, byCaller }: { asset: Asset; byCaller: boolean }) {
  const { t } = useTranslation('review');
  const headingId = useId();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string>();
  const [done, setDone] = useState<'approved' | 'rejected'>();
  const approve = useApproveMutation();
  const reject = useRejectMutation();
  const failed = approve.error ?? reject.error;
  const busy = approve.isPending || reject.isPending;
  const apiFieldError = fieldErrors(reject.error).comment ?? fieldErrors(approve.error).comment;
  const params = { path: { id: asset.id } };

  const finished = (outcome: 'approved' | 'rejected') => setDone(outcome);

  const onApprove = () => {
    reject.reset();
    setCommentError(undefined);
    const text = comment.trim();
    approve.mutate(
      { params, body: text ? { comment: text } : {} },
      { onSuccess: () => finished('approved') },
    );
  };

  const onReject = () => {
    approve.reset();
    const text = comment.trim();
    if (!text) {
      setCommentError(t('decision.commentRequired'));
      commentRef.current?.focus();
      return;
    }
    setCommentError(undefined);
    reject.mutate(
      { params, body: { comment: text } },
      {
        onSuccess: () => finished('rejected'),
        onError: (error) => {
          if (fieldErrors(error).comment) commentRef.current?.focus();
        },
      },
    );
  };

  if (done) {
    return (
      <Alert
        ref={focusWhenShown}
        tabIndex={-1}
        role="status"
        color={done === 'approved' ? 'teal' : 'blue'}
        title={done === 'approved' ? t('decision.approved') : t('decision.rejected')}
      >
        <Group gap="md" mt={4}>
          {done === 'approved' && (
            <AnchorLink to="/aset/$id" params={{ id: asset.id }}>
              {t('decision.viewAsset')}
            </AnchorLink>
          )}
          <AnchorLink to="/tinjauan">{t('view.back')}</AnchorLink>
        </Group>
      </Alert>
    );
  }

  if (asset.status !== 'submitted') {
    return (
      <Alert color="gray" role="status">
        {t('decision.notSubmitted', { status: t(`status.${asset.status as 'draft'}`) })}
      </Alert>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('decision.title')}
      </Title>
      <Stack gap="sm">
        {byCaller && (
          <Alert color="blue" variant="light">
            <Text size="sm">{t('decision.yours')}</Text>
          </Alert>
        )}
        {failed && !apiFieldError && <ApiErrorAlert error={failed} title={t('decision.failed')} />}
        <Textarea
          ref={commentRef}
          label={t('decision.comment')}
          description={t('decision.commentHint')}
          autosize
          minRows={4}
          maxRows={12}
          maxLength={2000}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            if (commentError) setCommentError(undefined);
          }}
          error={commentError ?? (apiFieldError && `${toMessage(failed)} ${apiFieldError}`)}
        />
        <Group gap="sm" grow>
          <Button color="teal.9" onClick={onApprove} loading={approve.isPending} disabled={busy}>
            {t('decision.approve')}
          </Button>
          <Button color="red.9" onClick={onReject} loading={reject.isPending} disabled={busy}>
            {t('decision.reject')}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}

function toMessage(error: unknown): string {
  return error instanceof Error ? error.message : '';
}
