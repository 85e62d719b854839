import { useTranslation } from 'react-i18next';
import { AssetLine } from '@/components/asset-line';
import lists from '@/components/plain-list.module.css';
import { QuerySection } from '@/components/query-section';
import { useRelatedQuery } from '../queries/asset-queries';

/** "Aset terkait": published assets sharing tags, type or OPD, as the API ranks them. */
export function RelatedAssets({
  assetId,
  typeLabel,
}: {
  assetId: string;
  typeLabel: (type: string) => string;
}) {
  const { t } = useTranslation('assets');
  const related = useRelatedQuery(assetId, true);
  return (
    <QuerySection
      title={t('related.heading')}
      size="h3"
      query={related}
      isEmpty={(list) => list.length === 0}
      empty={t('related.empty')}
    >
      {(list) => (
        <ul className={lists.list}>
          {list.map((a) => (
            <li key={a.id} className={lists.item}>
              <AssetLine id={a.id} title={a.title} typeLabel={typeLabel(a.type)} meta={a.opdCode} />
            </li>
          ))}
        </ul>
      )}
    </QuerySection>
  );
}
