import { Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { ASPECT_KEYS, type RankingSort, sortRows } from '../award-search';
import { formatScore } from '../format';
import { ProvisionalMark, WinnerMark } from './marks';
import classes from './ranking-table.module.css';

export type ScoreRow = Schemas['ScoreRowDto'];

interface RankingTableProps {
  year: number;
  rows: ScoreRow[];
  sort: RankingSort;
  order: 'asc' | 'desc';
  onSort: (sort: RankingSort) => void;
}

/**
 * The ranking as a table named "Peringkat KMA <year>": one row per OPD, the six aspects (a mark
 * where an aspect is still the data score alone), the total, winners and provisional rows.
 * Headers are buttons that sort and say how (aria-sort).
 */
export function RankingTable({ year, rows, sort, order, onSort }: RankingTableProps) {
  const { t } = useTranslation('award');
  const lang = currentLanguage();
  const sorted = sortRows(rows, sort, order);
  const header = (key: RankingSort, label: string, title?: string, numeric = true) => {
    const active = sort === key;
    return (
      <Table.Th
        key={key}
        scope="col"
        className={numeric ? classes.number : classes.opdCol}
        aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button type="button" className={classes.sort} onClick={() => onSort(key)} title={title}>
          {label}
          <span aria-hidden>{active ? (order === 'asc' ? '▲' : '▼') : '↕'}</span>
          <VisuallyHidden>
            {active ? '' : t('ranking.sortBy', { column: title ?? label })}
          </VisuallyHidden>
        </button>
      </Table.Th>
    );
  };
  return (
    <div className={classes.scroll}>
      <Table className={classes.table} verticalSpacing="xs" striped highlightOnHover>
        <caption className={classes.caption}>{t('ranking.caption', { year })}</caption>
        <Table.Thead>
          <Table.Tr>
            {header('rank', t('ranking.rank'))}
            {header('opd', t('ranking.opd'), undefined, false)}
            {ASPECT_KEYS.map((key) => header(key, t(`aspectShort.${key}`), t(`aspect.${key}`)))}
            {header('total', t('ranking.total'))}
            <Table.Th scope="col">{t('ranking.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.opdCode} className={row.winner ? classes.winnerRow : undefined}>
              <Table.Td className={classes.number}>
                <Text fw={700} span>
                  {row.rank}
                </Text>
              </Table.Td>
              <Table.Th scope="row" fw={400}>
                <AnchorLink
                  to="/penghargaan/$tahun/opd/$kode"
                  params={{ tahun: year, kode: row.opdCode }}
                  fw={600}
                >
                  {row.opdName}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {row.opdCode}
                </Text>
              </Table.Th>
              {ASPECT_KEYS.map((key) => (
                <Table.Td key={key} className={classes.number}>
                  {formatScore(row.aspects[key].score, lang)}
                  {row.aspects[key].provisional && (
                    <>
                      <span className={classes.mark} aria-hidden>
                        *
                      </span>
                      <VisuallyHidden>{t('ranking.provisionalAspect')}</VisuallyHidden>
                    </>
                  )}
                </Table.Td>
              ))}
              <Table.Td className={classes.number}>
                <Text fw={700} span>
                  {formatScore(row.total, lang)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {row.winner && <WinnerMark />}
                  {row.provisional && <ProvisionalMark />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
