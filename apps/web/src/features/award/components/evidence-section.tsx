import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWib, formatWibDate } from '@/lib/format/wib';
import { formatShare } from '../format';
import classes from '../pages/opd-page.module.css';
import { AnomalyList } from './anomaly-list';
import { ScrollRegion } from './scroll-region';

type Evidence = Schemas['AwardEvidenceDto'];

/** The evidence behind the numbers: assets (linked), meetings, reuse reports and anomaly flags. */
export function EvidenceSection({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation('award');
  const lang = currentLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="award-evidence">
      <Title order={2} size="h3" id="award-evidence" mb="sm">
        {t('evidence.title')}
      </Title>
      <Stack gap="lg">
        <section aria-labelledby="evidence-assets">
          <Title order={3} size="h5" id="evidence-assets" mb="xs">
            {t('evidence.assets', { count: evidence.assets.length })}
          </Title>
          {evidence.restrictedAssets > 0 && (
            <Text size="sm" c="dimmed" mb="xs">
              {t('evidence.restricted', { count: evidence.restrictedAssets })}
            </Text>
          )}
          {evidence.assets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('evidence.noAssets')}
            </Text>
          ) : (
            <ScrollRegion label={t('evidence.assets', { count: evidence.assets.length })}>
              <Table verticalSpacing={4} striped miw={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('evidence.assetTitle')}</Table.Th>
                    <Table.Th scope="col">{t('evidence.type')}</Table.Th>
                    <Table.Th scope="col" className={classes.number}>
                      {t('evidence.completeness')}
                    </Table.Th>
                    <Table.Th scope="col">{t('evidence.published')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {evidence.assets.map((asset) => (
                    <Table.Tr key={asset.id}>
                      <Table.Td>
                        <AnchorLink to="/aset/$id" params={{ id: asset.id }}>
                          {asset.title}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>
                        {t(`assetType.${asset.type as 'pelajaran'}`, { defaultValue: asset.type })}
                      </Table.Td>
                      <Table.Td className={classes.number}>
                        {formatShare(asset.completeness, lang)}
                      </Table.Td>
                      <Table.Td>{formatWibDate(asset.publishedAt, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
        </section>
        <section aria-labelledby="evidence-meetings">
          <Title order={3} size="h5" id="evidence-meetings" mb="xs">
            {t('evidence.meetings', { count: evidence.meetings.length })}
          </Title>
          {evidence.meetings.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('evidence.noMeetings')}
            </Text>
          ) : (
            <ScrollRegion label={t('evidence.meetings', { count: evidence.meetings.length })}>
              <Table verticalSpacing={4} striped miw={620}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('evidence.date')}</Table.Th>
                    <Table.Th scope="col">{t('evidence.topic')}</Table.Th>
                    <Table.Th scope="col">{t('evidence.cop')}</Table.Th>
                    <Table.Th scope="col" className={classes.number}>
                      {t('evidence.attendees')}
                    </Table.Th>
                    <Table.Th scope="col">{t('evidence.documented')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {evidence.meetings.map((meeting) => (
                    <Table.Tr key={meeting.id}>
                      <Table.Td>
                        {formatWibDate(`${meeting.heldDate}T12:00:00+07:00`, lang)}
                        <Text size="xs" c="dimmed">
                          {t('evidence.quarter', { quarter: meeting.quarter })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{meeting.topic}</Table.Td>
                      <Table.Td>{meeting.cop}</Table.Td>
                      <Table.Td className={classes.number}>{meeting.attendees}</Table.Td>
                      <Table.Td>{meeting.documented ? t('yes') : t('no')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
        </section>
        <section aria-labelledby="evidence-reuse">
          <Title order={3} size="h5" id="evidence-reuse" mb="xs">
            {t('evidence.reuse', { count: evidence.reuseReports.length })}
          </Title>
          {evidence.reuseReports.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('evidence.noReuse')}
            </Text>
          ) : (
            <ul className={classes.history}>
              {evidence.reuseReports.map((report, i) => (
                <li key={`${report.at}-${i}`}>
                  {report.assetId ? (
                    <AnchorLink to="/aset/$id" params={{ id: report.assetId }} fw={600}>
                      {report.assetTitle}
                    </AnchorLink>
                  ) : (
                    <Text size="sm" fw={600}>
                      {t('evidence.restrictedAsset')}
                    </Text>
                  )}
                  {report.story && <Text size="sm">{report.story}</Text>}
                  <Text size="xs" c="dimmed">
                    {t('evidence.reporter', { opd: report.reporterOpdCode })} ·{' '}
                    {formatWib(report.at, lang)}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="evidence-anomalies">
          <Title order={3} size="h5" id="evidence-anomalies" mb="xs">
            {t('evidence.anomalies', { count: evidence.anomalies.length })}
          </Title>
          {evidence.anomalies.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('evidence.noAnomalies')}
            </Text>
          ) : (
            <AnomalyList flags={evidence.anomalies} headingLevel={4} />
          )}
        </section>
      </Stack>
    </Paper>
  );
}
