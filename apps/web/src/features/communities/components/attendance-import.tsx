import { Badge, Button, FileInput, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import type { Attendee } from '../attendee';
import { nipListCsv } from '../nip-list';
import { type AttendancePreview, previewAttendance } from '../services/meeting-files';
import classes from './meeting-form.module.css';

const STATUS_COLOR = { found: 'green', unknown: 'orange', duplicate: 'gray', invalid: 'red' };

/**
 * Attendees from a pasted list of NIPs or an attendance sheet (CSV or XLSX from Forms, Zoom or
 * Teams): the API reads it row by row, the report says what each row is, and only then are the
 * people found added to the meeting.
 */
export function AttendanceImport({
  copId,
  onAdd,
}: {
  copId: string;
  onAdd: (people: Attendee[]) => void;
}) {
  const { t } = useTranslation('communities');
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string>();
  const [sheet, setSheet] = useState<File | null>(null);
  const [report, setReport] = useState<AttendancePreview>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const read = async (file: Blob, name: string) => {
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      setReport(await previewAttendance(copId, file, name));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const found = (report?.rows ?? []).filter((r) => r.status === 'found' && r.userId);

  return (
    <Stack gap="sm" className={classes.import}>
      <div className={classes.pair}>
        <Stack gap={4} align="flex-start">
          <Textarea
            label={t('import.paste')}
            description={t('import.pasteHint')}
            autosize
            minRows={2}
            maxRows={8}
            value={pasted}
            onChange={(e) => setPasted(e.currentTarget.value)}
            error={pasteError}
          />
          <Button
            variant="default"
            size="sm"
            loading={busy}
            onClick={() => {
              const csv = nipListCsv(pasted);
              setPasteError(csv ? undefined : t('import.pasteEmpty'));
              if (csv) void read(new Blob([csv], { type: 'text/csv' }), 'nip.csv');
            }}
          >
            {t('import.checkPasted')}
          </Button>
        </Stack>
        <Stack gap={4} align="flex-start">
          <FileInput
            label={t('import.sheet')}
            description={t('import.sheetHint')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={sheet}
            onChange={setSheet}
            clearable
          />
          <Button
            variant="default"
            size="sm"
            loading={busy}
            disabled={!sheet}
            onClick={() => sheet && void read(sheet, sheet.name)}
          >
            {t('import.checkSheet')}
          </Button>
        </Stack>
      </div>
      {error !== undefined && <ApiErrorAlert error={error} title={t('import.failed')} />}
      {report && (
        <Stack gap="xs">
          <Text size="sm" role="status">
            {t('import.summary', {
              found: report.found,
              unknown: report.unknown,
              duplicate: report.duplicate,
              invalid: report.invalid,
            })}
          </Text>
          <div className={classes.tableScroll}>
            <Table striped withTableBorder>
              <caption className={classes.caption}>{t('import.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('import.row')}</Table.Th>
                  <Table.Th scope="col">NIP</Table.Th>
                  <Table.Th scope="col">{t('import.name')}</Table.Th>
                  <Table.Th scope="col">{t('import.status')}</Table.Th>
                  <Table.Th scope="col">{t('import.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.nip}</Table.Td>
                    <Table.Td>{r.name ?? ''}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[r.status]} variant="light">
                        {t(`import.statuses.${r.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{r.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Group>
            <Button
              size="sm"
              disabled={found.length === 0}
              onClick={() => {
                onAdd(
                  found.map((r) => ({
                    id: r.userId as string,
                    name: r.name ?? r.nip,
                    nip: r.nip,
                    opdCode: r.opdCode,
                  })),
                );
                setReport(undefined);
                setPasted('');
                setSheet(null);
              }}
            >
              {t('import.add', { count: found.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
