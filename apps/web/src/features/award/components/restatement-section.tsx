import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FactList } from '@/components/fact-list';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWib } from '@/lib/format/wib';
import { formatNumber, formatScore } from '../format';
import { useRestatement } from '../queries/award-queries';
import classes from './ranking-table.module.css';
import { ScrollRegion } from './scroll-region';

type Position = Schemas['RankingPositionDto'];

/** What a recompute from today's data would change in a finalised year, as before and after. */
export function RestatementSection({ year }: { year: number }) {
  const { t } = useTranslation('award');
  const lang = currentLanguage();
  const restatement = useRestatement(year, true);
  const position = (p: Position) =>
    [
      t('restatement.rank', { rank: p.rank }),
      t('restatement.total', { total: formatScore(p.total, lang) }),
      p.winner ? t('ranking.winner') : t('restatement.notWinner'),
    ].join(' · ');
  const value = (v: number | null) => (v === null ? t('opd.notAvailable') : formatNumber(v, lang));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="award-restatement">
      <Title order={2} size="h4" id="award-restatement" mb="xs">
        {t('restatement.title')}
      </Title>
      {restatement.isPending ? (
        <PageState kind="loading" />
      ) : restatement.isError ? (
        <PageState
          kind="error"
          error={restatement.error}
          onRetry={() => void restatement.refetch()}
        />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {t('restatement.intro', {
              date: formatWib(restatement.data.finalizedAt, lang),
              version: restatement.data.rubricVersion,
            })}
          </Text>
          <FactList
            facts={[
              [t('restatement.reasons.lateEvents'), restatement.data.reasons.lateEvents],
              [
                t('restatement.reasons.usageDaysRefolded'),
                restatement.data.reasons.usageDaysRefolded,
              ],
              [t('restatement.reasons.assetsChanged'), restatement.data.reasons.assetsChanged],
              [t('restatement.reasons.meetingsChanged'), restatement.data.reasons.meetingsChanged],
              [
                t('restatement.reasons.opdDirectoryChanged'),
                restatement.data.reasons.opdDirectoryChanged,
              ],
            ]}
          />
          {restatement.data.changes.length === 0 ? (
            <PageState kind="empty">{t('restatement.none')}</PageState>
          ) : (
            <ScrollRegion
              label={t('restatement.caption', { year, count: restatement.data.changed })}
            >
              <Table verticalSpacing="xs" striped miw={720}>
                <caption className={classes.caption}>
                  {t('restatement.caption', { year, count: restatement.data.changed })}
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('ranking.opd')}</Table.Th>
                    <Table.Th scope="col">{t('restatement.before')}</Table.Th>
                    <Table.Th scope="col">{t('restatement.after')}</Table.Th>
                    <Table.Th scope="col">{t('restatement.what')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {restatement.data.changes.map((change) => (
                    <Table.Tr key={change.opdCode}>
                      <Table.Th scope="row" fw={600}>
                        {change.opdName}
                      </Table.Th>
                      <Table.Td>{position(change.before)}</Table.Td>
                      <Table.Td>{position(change.after)}</Table.Td>
                      <Table.Td>
                        <ul className={classes.changes}>
                          {change.aspects.map((a) => (
                            <li key={a.aspect}>
                              {t('restatement.change', {
                                what: t(`aspect.${a.aspect}`),
                                before: formatScore(a.before, lang),
                                after: formatScore(a.after, lang),
                              })}
                            </li>
                          ))}
                          {change.inputs.map((i) => (
                            <li key={`${i.aspect}-${i.input}`}>
                              {t('restatement.change', {
                                what: lang === 'id' ? i.label : i.labelEn,
                                before: value(i.before),
                                after: value(i.after),
                              })}
                            </li>
                          ))}
                        </ul>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
        </Stack>
      )}
    </Paper>
  );
}
