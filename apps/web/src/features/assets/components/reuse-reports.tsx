import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import lists from '@/components/plain-list.module.css';
import { QuerySection } from '@/components/query-section';
import { formatWibDate } from '@/lib/format/wib';
import { currentLanguage } from '@/i18n';
import { useReuseReportsQuery } from '../queries/asset-queries';
import classes from './reuse-reports.module.css';

/** "Cerita penerapan": how readers applied the asset, newest first. */
export function ReuseReports({ assetId }: { assetId: string }) {
  const { t } = useTranslation('assets');
  const reports = useReuseReportsQuery(assetId, true);
  const lang = currentLanguage();
  return (
    <QuerySection
      title={t('reuse.heading')}
      size="h3"
      query={reports}
      isEmpty={(list) => list.length === 0}
      empty={t('reuse.empty')}
    >
      {(list) => (
        <ul className={lists.list}>
          {list.map((r) => (
            <li key={r.id} className={classes.report}>
              <Text className={classes.story}>{r.story}</Text>
              <Text size="sm" c="dimmed" mt={4}>
                {t('reuse.by', {
                  name: r.reporter.name,
                  opd: r.reporter.opdCode,
                  when: formatWibDate(r.createdAt, lang),
                })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </QuerySection>
  );
}
