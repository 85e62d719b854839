import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FactList } from '@/components/fact-list';
import { AnchorLink } from '@/components/links';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWibDate } from '@/lib/format/wib';
import { formatNumber } from '../format';
import classes from './ranking-table.module.css';

export type AnomalyFlag = Schemas['AnomalyFlagDto'];

const KNOWN_KINDS = ['spike', 'concentration', 'burst'];
const SEVERITIES = ['high', 'medium', 'low'];

/**
 * Anomaly flags as the API gives them: its own message (in the chosen language), the kind, OPD
 * and period, then every evidence field it sends. Fields this page does not know yet are shown by
 * name, so a new rule on the API side is never hidden.
 */
export function AnomalyList({
  flags,
  headingLevel = 3,
}: {
  flags: AnomalyFlag[];
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation('award');
  const lang = currentLanguage();
  return (
    <Stack gap="sm">
      {flags.map((flag, i) => (
        <Paper
          key={`${flag.kind}-${flag.opdCode}-${flag.period}-${i}`}
          withBorder
          p="sm"
          component="article"
        >
          <Group gap="xs" mb={4}>
            <span className={`${classes.tag} ${classes.provisionalTag}`}>
              {KNOWN_KINDS.includes(flag.kind)
                ? t(`anomalies.kind.${flag.kind as 'spike'}`)
                : flag.kind}
            </span>
            <Text size="sm" fw={700}>
              {SEVERITIES.includes(flag.severity)
                ? t(`anomalies.severity.${flag.severity as 'high'}`)
                : flag.severity}
            </Text>
            <Text size="sm" c="dimmed">
              {flag.opdCode} · {formatPeriod(flag.period, lang)}
            </Text>
          </Group>
          <Title order={headingLevel} size="h5" mb="xs">
            {lang === 'id' ? flag.message.id : flag.message.en}
          </Title>
          <Evidence evidence={flag.evidence as unknown as Record<string, unknown>} />
        </Paper>
      ))}
    </Stack>
  );
}

/** "2025-Q2" → "Triwulan II 2025"; a day → its WIB date; anything else as sent. */
export function formatPeriod(period: string, lang: 'id' | 'en'): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${lang === 'id' ? 'Triwulan' : 'Quarter'} ${quarter[2]} ${quarter[1]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return formatWibDate(`${period}T12:00:00+07:00`, lang);
  if (/^\d{4}-\d{2}$/.test(period))
    return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'Asia/Jakarta',
    }).format(new Date(`${period}-15T12:00:00+07:00`));
  return period;
}

function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  const { t } = useTranslation('award');
  const lang = currentLanguage();
  const label = (key: string) => t(`anomalies.field.${key as 'views'}`, { defaultValue: key });
  const show = (key: string, value: unknown): ReactNode => {
    if (value === null || value === undefined) return t('anomalies.none');
    if (typeof value === 'boolean') return value ? t('yes') : t('no');
    if (typeof value === 'number') return formatNumber(value, lang);
    if (typeof value === 'string') return formatPeriod(value, lang);
    if (Array.isArray(value)) return <HistoryTable rows={value as Record<string, unknown>[]} />;
    const asset = value as { id?: string | null; title?: string | null; restricted?: boolean };
    if ('restricted' in asset)
      return asset.restricted || !asset.id ? (
        t('anomalies.restrictedAsset')
      ) : (
        <AnchorLink to="/aset/$id" params={{ id: asset.id }}>
          {asset.title}
        </AnchorLink>
      );
    return JSON.stringify(value);
  };
  return (
    <FactList
      facts={Object.entries(evidence).map(([key, value]) => [label(key), show(key, value)])}
    />
  );
}

/** A spike's history: views per Triwulan before the flagged one. */
function HistoryTable({ rows }: { rows: Record<string, unknown>[] }) {
  const { t } = useTranslation('award');
  const lang = currentLanguage();
  const keys = rows.length > 0 ? Object.keys(rows[0] ?? {}) : [];
  if (keys.length === 0) return t('anomalies.none');
  return (
    <Table withTableBorder verticalSpacing={4} maw={360}>
      <Table.Thead>
        <Table.Tr>
          {keys.map((key) => (
            <Table.Th key={key} scope="col">
              {t(`anomalies.field.${key as 'views'}`, { defaultValue: key })}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, i) => (
          <Table.Tr key={i}>
            {keys.map((key) => (
              <Table.Td key={key}>
                {typeof row[key] === 'number' && key !== 'y'
                  ? formatNumber(row[key], lang)
                  : typeof row[key] === 'string'
                    ? formatPeriod(row[key], lang)
                    : String(row[key])}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
