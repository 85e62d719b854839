import { Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { fieldErrors } from '@/lib/api/field-errors';
import type { AspectKey } from '../award-search';
import { useAssess } from '../queries/award-queries';

export const MIN_JUSTIFICATION = 20;

interface AssessmentFormProps {
  year: number;
  opdCode: string;
  aspect: AspectKey;
  /** The score in force, to start from. */
  current: number | null;
}

/**
 * The assessor's score of one aspect: "Nilai" 0–100 and "Justifikasi" of at least 20 characters
 * (counted as the API counts, spaces around it not counted). The API's refusals show beside the
 * fields; a saved score refreshes the drill-down and the ranking.
 */
export function AssessmentForm({ year, opdCode, aspect, current }: AssessmentFormProps) {
  const { t } = useTranslation('award');
  const assess = useAssess();
  const [score, setScore] = useState<number | ''>(current ?? '');
  const [justification, setJustification] = useState('');
  const [local, setLocal] = useState<{ score?: string; justification?: string }>({});
  const [saved, setSaved] = useState(false);
  const length = justification.trim().length;
  const apiFields = fieldErrors(assess.error);
  const fieldLevel = Object.keys(apiFields).some((f) => f === 'score' || f === 'justification');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problems: typeof local = {};
    if (score === '' || score < 0 || score > 100) problems.score = t('form.scoreRange');
    if (length < MIN_JUSTIFICATION)
      problems.justification = t('form.justificationShort', { min: MIN_JUSTIFICATION });
    setLocal(problems);
    if (problems.score || problems.justification) return;
    assess.mutate(
      {
        params: { path: { year, opdCode, aspect } },
        body: { score: Number(score), justification: justification.trim() },
      },
      {
        onSuccess: () => {
          setJustification('');
          setSaved(true);
        },
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('form.label', { aspect: t(`aspect.${aspect}`) })}
    >
      <Stack gap="sm">
        <NumberInput
          label={t('form.score')}
          description={t('form.scoreHelp')}
          min={0}
          max={100}
          decimalScale={2}
          decimalSeparator=","
          value={score}
          onChange={(value) =>
            setScore(typeof value === 'number' ? value : value === '' ? '' : Number(value))
          }
          error={local.score ?? apiFields.score}
          maw={200}
        />
        <Textarea
          label={t('form.justification')}
          description={
            <>
              {t('form.justificationHelp', { min: MIN_JUSTIFICATION })}{' '}
              <span aria-live="polite">
                {t('form.counter', { count: length, min: MIN_JUSTIFICATION })}
              </span>
            </>
          }
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          error={local.justification ?? apiFields.justification}
          autosize
          minRows={3}
          maxRows={10}
        />
        {assess.isError && !fieldLevel && <ApiErrorAlert error={assess.error} />}
        <Group>
          <Button type="submit" loading={assess.isPending}>
            {t('form.save')}
          </Button>
          {saved && (
            <Text size="sm" c="green.9" role="status">
              {t('form.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
