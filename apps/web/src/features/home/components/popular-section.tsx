import { useTranslation } from 'react-i18next';
import { AssetLine } from '@/components/asset-line';
import { QuerySection } from '@/components/query-section';
import type { usePopularQuery } from '../queries/home-queries';
import classes from './popular-section.module.css';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Paling banyak dipakai Triwulan ini": a ranked list of readable assets, most used first. */
export function PopularSection({ query }: { query: ReturnType<typeof usePopularQuery> }) {
  const { t } = useTranslation(['home', 'assets']);
  return (
    <QuerySection
      title={t('sections.mostUsed')}
      subtitle={
        query.data &&
        t('sections.quarter', { quarter: ROMAN[query.data.quarter - 1], year: query.data.year })
      }
      query={query}
      isEmpty={(data) => data.items.length === 0}
      empty={t('sections.mostUsedEmpty')}
    >
      {(data) => (
        <ol className={classes.list}>
          {data.items.map((asset) => (
            <li key={asset.id} className={classes.item}>
              <AssetLine
                id={asset.id}
                title={asset.title}
                typeLabel={t(`assets:types.${asset.type as 'pelajaran'}`)}
                meta={asset.opdCode}
              />
            </li>
          ))}
        </ol>
      )}
    </QuerySection>
  );
}
