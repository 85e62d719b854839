import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { PageState } from '@/components/page-state';
import { AdminFrame } from '../components/admin-frame';
import { useSaveSynonyms, useSynonymsQuery } from '../queries/admin-queries';
import { MAX_SETS, setProblem, wordsOf } from '../synonym-sets';
import classes from './admin-pages.module.css';

/** Sinonim: the sets of words search treats as one; each checked as it is typed. */
export function SynonymsPage() {
  const { t } = useTranslation('admin');
  const synonyms = useSynonymsQuery();
  return (
    <AdminFrame section="synonyms" description={t('synonyms.intro')}>
      {synonyms.isPending ? (
        <PageState kind="loading" />
      ) : synonyms.isError ? (
        <PageState kind="error" error={synonyms.error} onRetry={() => void synonyms.refetch()} />
      ) : (
        <SynonymsForm initial={synonyms.data.sets} />
      )}
    </AdminFrame>
  );
}

function SynonymsForm({ initial }: { initial: string[][] }) {
  const { t } = useTranslation('admin');
  const save = useSaveSynonyms();
  const [lines, setLines] = useState(() => initial.map((s) => s.join(', ')));
  const [checked, setChecked] = useState(false);
  const problems = lines.map(setProblem);
  const invalid = problems.some(Boolean);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (invalid) {
      document.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    save.mutate({ body: { sets: lines.map(wordsOf) } });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Paper withBorder p="md">
        <Stack gap="sm">
          {save.isError && <ApiErrorAlert error={save.error} />}
          {lines.length === 0 && <PageState kind="empty">{t('synonyms.empty')}</PageState>}
          {lines.map((line, i) => (
            <div key={i} className={classes.setRow}>
              <TextInput
                label={t('synonyms.set', { n: i + 1 })}
                value={line}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  save.reset();
                  setLines((all) => all.map((l, j) => (j === i ? value : l)));
                }}
                error={checked && problems[i] ? t(`synonyms.${problems[i]}`) : undefined}
              />
              <Button
                variant="subtle"
                color="red.8"
                size="sm"
                aria-label={t('synonyms.remove', { n: i + 1 })}
                onClick={() => setLines((all) => all.filter((_, j) => j !== i))}
              >
                ✕
              </Button>
            </div>
          ))}
          <Group justify="space-between" mt="sm">
            <Button
              variant="default"
              disabled={lines.length >= MAX_SETS}
              onClick={() => setLines((all) => [...all, ''])}
            >
              {t('synonyms.add')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('synonyms.save')}
            </Button>
          </Group>
          {save.isSuccess && (
            <Text role="status" c="teal.9">
              {t('synonyms.saved')}
            </Text>
          )}
        </Stack>
      </Paper>
    </form>
  );
}
