import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { formatValue } from '@/components/chart/chart-data';
import { AnchorLink } from '@/components/links';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { definitionOf, type OpdDetail } from '../dashboard-data';
import { useCoverageQuery } from '../queries/dashboard-queries';
import classes from './key-numbers.module.css';

/**
 * Knowledge-at-risk coverage of the year (issue 17): the same number the award's keberlanjutan
 * aspect reads, from the register's coverage route (only for people with risk:read).
 */
export function RiskCoverage({ detail, code }: { detail: OpdDetail; code: string }) {
  const year = detail.year;
  const { label, text } = definitionOf(detail, 'atRiskCoverage', currentLanguage());
  const { t } = useTranslation('dashboard');
  const lang = currentLanguage();
  const coverage = useCoverageQuery(code, year, true);
  if (coverage.isPending) return <PageState kind="loading" />;
  if (coverage.isError) return <ApiErrorAlert error={coverage.error} />;
  const c = coverage.data;
  return (
    <dl className={classes.grid}>
      <div className={`${classes.stat} ${classes.wide}`} data-metric="atRiskCoverage">
        <dt className={classes.label}>
          {label} {year}
        </dt>
        <dd className={classes.value}>
          {c.coverage === null ? (
            <Text>{t('risk.none', { year })}</Text>
          ) : (
            <>
              <span className={classes.number}>
                {formatValue(c.coverage * 100, 'percent', lang)}
              </span>
              <Text size="sm">{t('risk.value', { covered: c.covered, highRisk: c.highRisk })}</Text>
            </>
          )}
          <Text size="xs" c="dimmed" mt={6}>
            {text}
          </Text>
          <AnchorLink to="/berisiko" search={{ opd: code }} size="sm" mt={6}>
            {t('risk.open')}
          </AnchorLink>
        </dd>
      </div>
    </dl>
  );
}
