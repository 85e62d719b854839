import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { FactList } from '@/components/fact-list';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { downloadFile } from '@/lib/api/download';
import { toApiError } from '@/lib/api/errors';
import { hasPermission, useCurrentUser } from '@/lib/auth/use-session';
import { ASPECT_KEYS } from '../award-search';
import { AspectRadar } from '../components/aspect-radar';
import { AspectSection } from '../components/aspect-section';
import { EvidenceSection } from '../components/evidence-section';
import { ScrollRegion } from '../components/scroll-region';
import { ProvisionalMark, WinnerMark, YearState } from '../components/marks';
import { formatScore } from '../format';
import { useDrillDown, useRanking } from '../queries/award-queries';
import classes from './opd-page.module.css';

const route = getRouteApi('/penghargaan/$tahun/opd/$kode');

/**
 * One OPD's award year: rank and total, each aspect with its inputs (raw, normalised, weight,
 * formula), the Triwulan data scores, the assessor history and form, and the evidence. The API
 * decides who may read it (another OPD's page is simply not found).
 */
export function AwardOpdPage() {
  const { t } = useTranslation('award');
  const lang = currentLanguage();
  const { tahun: year, kode } = route.useParams();
  const user = useCurrentUser();
  const drill = useDrillDown(year, kode);
  const seesAll = hasPermission(user, 'metrics:read_all');
  // The median needs every OPD: only where the caller may see the ranking (else no radar).
  const ranking = useRanking(year, seesAll || !!drill.data?.frozen);
  const [downloadError, setDownloadError] = useState<unknown>();
  const [downloading, setDownloading] = useState(false);
  const d = drill.data;
  const canAssess = hasPermission(user, 'award:assess') && !!d && !d.frozen;

  const downloadPack = async () => {
    setDownloading(true);
    setDownloadError(undefined);
    try {
      await downloadFile(
        `/api/v1/awards/${year}/export?format=xlsx&opd=${encodeURIComponent(kode)}`,
        `kma-${year}-bukti-${kode}.xlsx`,
      );
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };

  const back = (
    <AnchorLink to="/penghargaan" search={{ tahun: year }} size="sm">
      {t('opd.back', { year })}
    </AnchorLink>
  );
  if (drill.isPending)
    return (
      <>
        <PageHeader title={t('opd.loadingTitle', { code: kode, year })} />
        <PageState kind="loading" />
      </>
    );
  if (drill.isError)
    return (
      <>
        <PageHeader title={t('opd.loadingTitle', { code: kode, year })} />
        {back}
        {toApiError(drill.error).status === 404 ? (
          <PageState kind="empty" title={t('opd.notFound.title')}>
            {t('opd.notFound.body', { year })}
          </PageState>
        ) : (
          <PageState kind="error" error={drill.error} onRetry={() => void drill.refetch()} />
        )}
      </>
    );
  const data = drill.data;
  return (
    <>
      <PageHeader
        title={t('opd.title', { name: data.opdName, year })}
        description={back}
        actions={
          seesAll && (
            <Button variant="default" onClick={() => void downloadPack()} loading={downloading}>
              {t('opd.downloadPack')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {downloadError !== undefined && (
          <ApiErrorAlert error={downloadError} title={t('downloadFailed')} />
        )}
        <Paper withBorder p="md" component="section" aria-labelledby="award-summary">
          <Title order={2} size="h4" id="award-summary" mb="xs">
            {t('opd.summary')}
          </Title>
          <Group gap="xs" mb="sm">
            {data.winner && <WinnerMark />}
            {data.provisional && <ProvisionalMark />}
            <YearState final={data.frozen}>
              {data.frozen ? t('opd.frozen') : t('opd.live')}
            </YearState>
          </Group>
          <FactList
            facts={[
              [t('ranking.rank'), data.rank],
              [t('ranking.total'), formatScore(data.total, lang)],
              [t('opd.rubric'), data.rubricVersion],
              ...ASPECT_KEYS.map((key): [string, string] => [
                t(`aspect.${key}`),
                `${formatScore(data.aspects[key].score, lang)}${data.aspects[key].provisional ? ` (${t('ranking.provisionalShort')})` : ''}`,
              ]),
            ]}
          />
        </Paper>
        {ranking.data && ranking.data.length > 0 && (
          <Paper withBorder p="md">
            <AspectRadar opdName={data.opdName} scores={data.aspects} ranking={ranking.data} />
          </Paper>
        )}
        <div className={classes.aspects}>
          {ASPECT_KEYS.map((key) => (
            <AspectSection
              key={key}
              year={year}
              opdCode={data.opdCode}
              aspect={key}
              detail={data.aspects[key]}
              canAssess={canAssess}
            />
          ))}
        </div>
        <Paper withBorder p="md" component="section" aria-labelledby="award-quarters">
          <Title order={2} size="h3" id="award-quarters" mb="xs">
            {t('opd.quarters')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('opd.quartersHelp')}
          </Text>
          <ScrollRegion label={t('opd.quarters')}>
            <Table verticalSpacing={4} striped miw={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('opd.quarter')}</Table.Th>
                  {ASPECT_KEYS.map((key) => (
                    <Table.Th key={key} scope="col" className={classes.number}>
                      {t(`aspectShort.${key}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.quarters.map((q) => (
                  <Table.Tr key={q.quarter}>
                    <Table.Th scope="row">{t('evidence.quarter', { quarter: q.quarter })}</Table.Th>
                    {ASPECT_KEYS.map((key) => (
                      <Table.Td key={key} className={classes.number}>
                        {formatScore(q.data[key], lang)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </Paper>
        <EvidenceSection evidence={data.evidence} />
      </Stack>
    </>
  );
}
