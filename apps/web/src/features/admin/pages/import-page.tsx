import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { ApiError } from '@/lib/api/errors';
import { AdminFrame } from '../components/admin-frame';
import table from '../components/data-table.module.css';
import { type ImportReport, importUsers } from '../services/user-import';
import classes from './admin-pages.module.css';

type Row = ImportReport['rows'][number];
const STATUS_COLOR: Record<string, string> = {
  created: 'teal.9',
  updated: 'blue.9',
  unchanged: 'gray.7',
  rejected: 'red.9',
};

/**
 * Impor CSV: the file is first checked without writing (the API's dry run) and shown row by row;
 * "Impor baris yang valid" then sends it for real: the API writes the valid rows and rejects the
 * others, and the final report replaces the preview.
 */
export function ImportPage() {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [file, setFile] = useState<File>();
  const preview = useMutation({ mutationFn: (f: File) => importUsers(f, true) });
  const commit = useMutation({
    mutationFn: (f: File) => importUsers(f, false),
    onSuccess: () => client.invalidateQueries({ queryKey: ['get', '/api/v1/users'] }),
  });

  const choose = (next: File | undefined) => {
    setFile(next);
    preview.reset();
    commit.reset();
    if (next) preview.mutate(next);
  };
  const report = commit.data ?? preview.data;
  const valid = preview.data ? preview.data.summary.created + preview.data.summary.updated : 0;

  return (
    <AdminFrame section="import" description={t('import.intro')}>
      <Stack gap="lg">
        <FilePicker
          file={file}
          onFile={choose}
          error={preview.error ?? commit.error}
          busy={preview.isPending}
        />
        {report && (
          <Paper withBorder p="md" component="section" aria-labelledby="import-report">
            <Title order={2} size="h4" id="import-report" mb="xs">
              {report.dryRun ? t('import.previewTitle') : t('import.resultTitle')}
            </Title>
            <Text role="status" mb="sm">
              {t(report.dryRun ? 'import.willSummary' : 'import.summary', report.summary)}
            </Text>
            {report.summary.rejected > 0 && (
              <Text size="sm" c="dimmed" mb="sm">
                {t('import.rejectedNote')}
              </Text>
            )}
            <ReportTable rows={report.rows} dryRun={report.dryRun} />
            <Group mt="md">
              {report.dryRun && file ? (
                valid > 0 ? (
                  <Button loading={commit.isPending} onClick={() => commit.mutate(file)}>
                    {t('import.importValid')}
                  </Button>
                ) : (
                  <Text size="sm">{t('import.importNone')}</Text>
                )
              ) : (
                <Button variant="default" onClick={() => choose(undefined)}>
                  {t('import.again')}
                </Button>
              )}
            </Group>
          </Paper>
        )}
      </Stack>
    </AdminFrame>
  );
}

function FilePicker({
  file,
  onFile,
  error,
  busy,
}: {
  file: File | undefined;
  onFile: (file: File | undefined) => void;
  error: unknown;
  busy: boolean;
}) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [over, setOver] = useState(false);
  const fileProblem = fileErrorText(error, t);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h4" id={`${id}-title`} mb="xs">
        {t('import.upload')}
      </Title>
      <Text size="sm" mb="sm">
        {t('import.columns')}
      </Text>
      <div
        className={classes.drop}
        data-over={over || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Stack gap={6}>
          <label htmlFor={id}>
            <Text fw={600}>{t('import.file')}</Text>
          </label>
          <input
            id={id}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${id}-hint${fileProblem ? ` ${id}-error` : ''}`}
            aria-invalid={fileProblem ? true : undefined}
            onChange={(e) => onFile(e.currentTarget.files?.[0])}
          />
          <Text size="sm" c="dimmed" id={`${id}-hint`}>
            {t('import.fileHint')}
          </Text>
          {busy && (
            <Text size="sm" role="status">
              {t('import.checking')}
            </Text>
          )}
          {fileProblem && (
            <Text size="sm" c="red.8" id={`${id}-error`} role="alert">
              {fileProblem}
            </Text>
          )}
        </Stack>
      </div>
      {error !== null && error !== undefined && !fileProblem && <ApiErrorAlert error={error} />}
      {file && !busy && !error && (
        <Text size="sm" mt="xs">
          {file.name}
        </Text>
      )}
    </Paper>
  );
}

/** The API's refusal of the file itself (empty, missing columns…), in words, or undefined. */
function fileErrorText(
  error: unknown,
  t: ReturnType<typeof useTranslation<'admin'>>['t'],
): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problem = error.fieldProblems.find((p) => p.field === 'file');
  if (!problem) return undefined;
  const details = (problem as { details?: { missing?: string[] } }).details;
  return problem.problems
    .map((p) =>
      p === 'csv_missing_columns'
        ? t('import.fileProblem.csv_missing_columns', {
            columns: (details?.missing ?? []).join(', '),
          })
        : p === 'csv_empty' || p === 'csv_unparseable' || p === 'csv_too_many_rows'
          ? t(`import.fileProblem.${p}`)
          : p === 'required'
            ? t('import.fileProblem.required')
            : error.message,
    )
    .join(' ');
}

function ReportTable({ rows, dryRun }: { rows: Row[]; dryRun: boolean }) {
  const { t } = useTranslation('admin');
  return (
    <Table className={table.table} verticalSpacing="xs" striped>
      <Table.Caption>{t('import.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('import.line')}</Table.Th>
          <Table.Th scope="col">{t('import.nip')}</Table.Th>
          <Table.Th scope="col">{t('import.status')}</Table.Th>
          <Table.Th scope="col">{t('import.message')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.line}>
            <Table.Td data-label={t('import.line')}>{row.line}</Table.Td>
            <Table.Td data-label={t('import.nip')} className={table.nowrap}>
              {row.nip || '—'}
            </Table.Td>
            <Table.Td data-label={t('import.status')}>
              <Badge color={STATUS_COLOR[row.status]} variant="outline" tt="none">
                {t(`import.${dryRun ? 'willState' : 'state'}.${row.status as 'created'}`)}
              </Badge>
            </Table.Td>
            <Table.Td data-label={t('import.message')}>
              {row.problems?.length ? (
                <ul className={classes.problems}>
                  {row.problems.map((p) => (
                    <li key={`${p.field}-${p.code}`}>
                      <ProblemText code={p.code} field={p.field} />
                    </li>
                  ))}
                </ul>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('import.ok')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const KNOWN_FIELDS = [
  'nip',
  'name',
  'email',
  'opd_code',
  'jabatan',
  'jabatan_kategori',
  'roles',
  'planned_departure',
  'departure_reason',
  'departure_note',
  'birth_date',
  'tanggal_lahir',
] as const;
const KNOWN_CODES = [
  'INVALID_NIP_FORMAT',
  'INVALID_NIP_BIRTH_DATE',
  'INVALID_NIP_APPOINTMENT',
  'INVALID_NIP_SEX',
  'BIRTH_DATE_MISMATCH',
  'INVALID_NAME',
  'INVALID_EMAIL',
  'UNKNOWN_OPD',
  'INVALID_JABATAN',
  'INVALID_JABATAN_KATEGORI',
  'INVALID_ROLE',
  'PLANNED_DEPARTURE_INCOMPLETE',
  'INVALID_PLANNED_DEPARTURE',
  'INVALID_DEPARTURE_REASON',
  'INVALID_DEPARTURE_NOTE',
  'DUPLICATE_NIP_IN_FILE',
  'DUPLICATE_EMAIL_IN_FILE',
  'OPD_NOT_ALLOWED',
  'USER_NOT_MANAGEABLE',
  'EMAIL_TAKEN',
  'ROLE_NOT_ALLOWED',
  'CANNOT_CHANGE_OWN_ACCESS',
] as const;

/** "Kode OPD: Kode OPD tidak dikenal." — the column by its label, the problem in words. */
function ProblemText({ code, field }: { code: string; field?: string }) {
  const { t } = useTranslation('admin');
  const knownField = KNOWN_FIELDS.find((f) => f === field);
  const knownCode = KNOWN_CODES.find((c) => c === code);
  const label = knownField ? t(`import.field.${knownField}`) : (field ?? t('import.field.row'));
  const text = knownCode ? t(`import.problem.${knownCode}`) : t('import.problem.other', { code });
  return (
    <Text size="sm" component="span">
      <strong>{label}</strong>: {text}
    </Text>
  );
}
