import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWib } from '@/lib/format/wib';
import type { AspectKey } from '../award-search';
import { formatNumber, formatScore } from '../format';
import classes from '../pages/opd-page.module.css';
import { AssessmentForm } from './assessment-form';
import { ProvisionalMark } from './marks';
import { ScrollRegion } from './scroll-region';

type AspectDrillDown = Schemas['AspectDrillDownDto'];

interface AspectSectionProps {
  year: number;
  opdCode: string;
  aspect: AspectKey;
  detail: AspectDrillDown;
  /** The caller scores aspects and the year is open. */
  canAssess: boolean;
}

/**
 * One aspect: how its score is made (w·D + (1−w)·A), each input behind D with its raw and
 * normalised value, weight and formula, the assessor history, and the scoring form.
 */
export function AspectSection({ year, opdCode, aspect, detail, canAssess }: AspectSectionProps) {
  const { t } = useTranslation('award');
  const lang = currentLanguage();
  const id = `aspek-${aspect}`;
  const w = formatNumber(detail.weight, lang);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={2} size="h3" id={id}>
          {lang === 'id' ? detail.label : detail.labelEn}
        </Title>
        <Group gap="xs">
          <Text fw={700} size="xl">
            {formatScore(detail.score, lang)}
          </Text>
          {detail.provisional && <ProvisionalMark />}
        </Group>
      </Group>
      <Text size="sm" mb="sm">
        {detail.assessor === null
          ? t('opd.scoreProvisional', { data: formatScore(detail.data, lang) })
          : t('opd.scoreBlend', {
              w,
              rest: formatNumber(Math.round((1 - detail.weight) * 1000) / 1000, lang),
              data: formatScore(detail.data, lang),
              assessor: formatScore(detail.assessor, lang),
              score: formatScore(detail.score, lang),
            })}
      </Text>
      <ScrollRegion
        label={t('opd.inputsCaption', { aspect: lang === 'id' ? detail.label : detail.labelEn })}
      >
        <Table verticalSpacing="xs" striped miw={680} captionSide="top">
          <caption>
            <Text size="sm" fw={700} ta="left">
              {t('opd.inputsCaption', { aspect: lang === 'id' ? detail.label : detail.labelEn })}
            </Text>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('opd.input')}</Table.Th>
              <Table.Th scope="col" className={classes.number}>
                {t('opd.raw')}
              </Table.Th>
              <Table.Th scope="col" className={classes.number}>
                {t('opd.normalised')}
              </Table.Th>
              <Table.Th scope="col" className={classes.number}>
                {t('opd.weight')}
              </Table.Th>
              <Table.Th scope="col">{t('opd.formula')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.inputs.map((input) => (
              <Table.Tr key={input.key}>
                <Table.Th scope="row" fw={600}>
                  {lang === 'id' ? input.label : input.labelEn}
                </Table.Th>
                <Table.Td className={classes.number}>
                  {input.value === null
                    ? t('opd.notAvailable')
                    : input.unit === 'per100Asn'
                      ? t('opd.perCount', {
                          value: formatNumber(input.value, lang),
                          count: formatNumber(input.count ?? 0, lang),
                        })
                      : input.unit === 'percent'
                        ? `${formatNumber(input.value, lang)} %`
                        : input.unit === 'quarters'
                          ? t('opd.ofFour', { value: input.value })
                          : formatNumber(input.value, lang)}
                </Table.Td>
                <Table.Td className={classes.number}>
                  {input.normalised === null
                    ? t('opd.skipped')
                    : formatScore(input.normalised, lang)}
                </Table.Td>
                <Table.Td className={classes.number}>{formatNumber(input.weight, lang)}</Table.Td>
                <Table.Td className={classes.formula}>
                  {lang === 'id' ? input.formula : input.formulaEn}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <div className={classes.assessment}>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('opd.history')}
          </Title>
          {detail.assessments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('opd.noAssessments')}
            </Text>
          ) : (
            <ul className={classes.history}>
              {detail.assessments.map((entry, i) => (
                <li key={`${entry.at}-${i}`}>
                  <Text size="sm" fw={700}>
                    {formatScore(entry.score, lang)}
                    {i === 0 && ` · ${t('opd.inForce')}`}
                  </Text>
                  <Text size="sm">{entry.justification}</Text>
                  <Text size="xs" c="dimmed">
                    {entry.assessor ?? t('opd.anAssessor')} · {formatWib(entry.at, lang)}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </Stack>
        {canAssess && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('form.title')}
            </Title>
            <AssessmentForm
              year={year}
              opdCode={opdCode}
              aspect={aspect}
              current={detail.assessor}
            />
          </Stack>
        )}
      </div>
    </Paper>
  );
}
