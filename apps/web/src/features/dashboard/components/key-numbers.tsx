import { Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatValue } from '@/components/chart/chart-data';
import { currentLanguage } from '@/i18n';
import {
  definitionOf,
  type OpdDetail,
  type OpdMetrics,
  REACH_TARGET_PERCENT,
} from '../dashboard-data';
import classes from './key-numbers.module.css';

interface KeyNumbersProps {
  detail: OpdDetail;
  metrics: OpdMetrics;
}

/**
 * The period's headline numbers, each under its name and above its definition (both from the API,
 * the same text the award shows): assets, readers, internal reach against the 50 % target,
 * cross-OPD reach, meetings and attendance.
 */
export function KeyNumbers({ detail, metrics }: KeyNumbersProps) {
  const { t } = useTranslation('dashboard');
  const lang = currentLanguage();
  const count = (n: number) => formatValue(n, 'integer', lang);
  const percent = (n: number) => formatValue(n, 'percent', lang);
  const reach = metrics.internalReachPercent;
  const gap = Math.max(0, REACH_TARGET_PERCENT - reach);
  return (
    <dl className={classes.grid}>
      <Stat detail={detail} metric="publishedAssets" value={count(metrics.publishedAssets)} />
      <Stat detail={detail} metric="uniqueReaders" value={count(metrics.uniqueReaders)} />
      <Stat detail={detail} metric="internalReachPercent" value={percent(reach)} wide>
        <Progress
          value={Math.min(100, (reach / REACH_TARGET_PERCENT) * 100)}
          color={gap === 0 ? 'teal.8' : 'blue.8'}
          size="lg"
          mt={6}
          aria-label={t('numbers.reachBar', { target: REACH_TARGET_PERCENT })}
        />
        <Text size="sm" mt={4}>
          {t('numbers.reachOf', {
            readers: count(metrics.internalReaders),
            headcount: count(metrics.headcount),
            target: REACH_TARGET_PERCENT,
          })}
        </Text>
        <Text size="sm" fw={600} c={gap === 0 ? 'teal.9' : undefined}>
          {gap === 0
            ? t('numbers.targetMet')
            : t('numbers.targetMissing', { gap: formatValue(gap, 'decimal', lang) })}
        </Text>
      </Stat>
      <Stat detail={detail} metric="otherOpdsReached" value={count(metrics.otherOpdsReached)} />
      <Stat detail={detail} metric="meetings" value={count(metrics.meetings)} />
      <Stat detail={detail} metric="distinctAttendees" value={count(metrics.distinctAttendees)} />
      <Stat
        detail={detail}
        metric="meanAttendanceRatio"
        value={percent(metrics.meanAttendanceRatio * 100)}
      />
    </dl>
  );
}

function Stat({
  detail,
  metric,
  value,
  wide,
  children,
}: {
  detail: OpdDetail;
  metric: keyof OpdMetrics;
  value: string;
  wide?: boolean;
  children?: React.ReactNode;
}) {
  const { label, text } = definitionOf(detail, metric, currentLanguage());
  return (
    <div className={wide ? `${classes.stat} ${classes.wide}` : classes.stat} data-metric={metric}>
      <dt className={classes.label}>{label}</dt>
      <dd className={classes.value}>
        <span className={classes.number}>{value}</span>
        {children}
        <Text size="xs" c="dimmed" mt={6} className={classes.definition}>
          {text}
        </Text>
      </dd>
    </div>
  );
}
