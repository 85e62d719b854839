import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatMonth } from '../format-month';
import classes from './departure-timeline.module.css';

type Month = Schemas['TimelineMonthDto'];

/**
 * Departures over the next 24 months as a table (the numbers a screen reader reads) with a bar
 * per month (high-risk part in red): months with nobody leaving are left out.
 */
export function DepartureTimeline({ months }: { months: Month[] }) {
  const { t } = useTranslation('risk');
  const lang = currentLanguage();
  const shown = months.filter((m) => m.departures > 0);
  if (shown.length === 0) return <Text c="dimmed">{t('timeline.none')}</Text>;
  const most = Math.max(...shown.map((m) => m.departures));
  return (
    <div className={classes.scroll}>
      <table className={classes.table}>
        <caption>
          <VisuallyHidden>{t('timeline.caption')}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('timeline.month')}</th>
            <th scope="col">{t('timeline.departures')}</th>
            <th scope="col">{t('timeline.high')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.month}>
              <th scope="row">{formatMonth(m.month, lang)}</th>
              <td className={classes.wide}>
                <div className={classes.barCell}>
                  <span className={classes.count}>{m.departures}</span>
                  <span className={classes.bar} aria-hidden>
                    <span className={classes.high} style={{ width: `${(m.high / most) * 100}%` }} />
                    <span
                      className={classes.other}
                      style={{ width: `${((m.departures - m.high) / most) * 100}%` }}
                    />
                  </span>
                </div>
              </td>
              <td>{m.high}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
