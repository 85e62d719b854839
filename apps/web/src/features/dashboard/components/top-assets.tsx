import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatValue } from '@/components/chart/chart-data';
import { AnchorLink } from '@/components/links';
import { currentLanguage } from '@/i18n';
import type { OpdDetail } from '../dashboard-data';
import classes from './top-assets.module.css';

/**
 * The year's ten most viewed assets, linked to their pages (never by title when restricted). A
 * plain table with a CSS module, like the charts' tables.
 */
export function TopAssets({ detail }: { detail: OpdDetail }) {
  const { t } = useTranslation('dashboard');
  const lang = currentLanguage();
  const n = (v: number) => formatValue(v, 'integer', lang);
  if (detail.topAssets.length === 0)
    return <Text size="sm">{t('top.empty', { year: detail.year })}</Text>;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs" id="top-assets-caption">
        {t('top.caption', { year: detail.year })}
      </Text>
      {/* Focusable, so a keyboard can scroll the table on a narrow screen. */}
      <div
        className={classes.scroll}
        tabIndex={0}
        role="group"
        aria-labelledby="top-assets-caption"
      >
        <table className={classes.table}>
          <caption className={classes.hidden}>{t('top.caption', { year: detail.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('top.asset')}</th>
              <th scope="col" className={classes.number}>
                {t('top.views')}
              </th>
              <th scope="col" className={classes.number}>
                {t('top.readers')}
              </th>
              <th scope="col" className={classes.number}>
                {t('top.downloads')}
              </th>
              <th scope="col" className={classes.number}>
                {t('top.endorsements')}
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.topAssets.map((a, i) => (
              <tr key={a.id ?? `restricted-${i}`}>
                <th scope="row" className={classes.title}>
                  {a.id && a.title ? (
                    <AnchorLink to="/aset/$id" params={{ id: a.id }}>
                      {a.title}
                    </AnchorLink>
                  ) : (
                    <Text span c="dimmed" fs="italic" size="sm">
                      {t('top.restricted')}
                    </Text>
                  )}
                </th>
                <td className={classes.number}>{n(a.views)}</td>
                <td className={classes.number}>{n(a.uniqueReaders)}</td>
                <td className={classes.number}>{n(a.downloads)}</td>
                <td className={classes.number}>{n(a.endorsements)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
