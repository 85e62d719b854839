import { useTranslation } from 'react-i18next';
import { Chart } from '@/components/chart';
import { currentLanguage } from '@/i18n';
import { ASPECT_KEYS, type AspectKey } from '../award-search';
import { formatScore } from '../format';
import { aspectMedians } from '../median';

interface AspectRadarProps {
  opdName: string;
  scores: Record<AspectKey, { score: number }>;
  /** Every OPD's row of the same year (for the median). */
  ranking: readonly { aspects: Record<AspectKey, { score: number }> }[];
}

/** The six aspects of one OPD against the median of all OPD, as a radar with its table. */
export function AspectRadar({ opdName, scores, ranking }: AspectRadarProps) {
  const { t } = useTranslation('award');
  const lang = currentLanguage();
  const medians = aspectMedians(ranking);
  if (!medians) return null;
  const above = ASPECT_KEYS.filter((k) => scores[k].score > medians[k]).map((k) =>
    t(`aspectShort.${k}`),
  );
  return (
    <Chart
      kind="radar"
      order={2}
      title={t('radar.title')}
      description={t('radar.description', {
        name: opdName,
        count: ranking.length,
        above: above.length ? above.join(', ') : t('radar.none'),
        total: formatScore(
          ASPECT_KEYS.reduce((sum, k) => sum + scores[k].score, 0) / ASPECT_KEYS.length,
          lang,
        ),
      })}
      max={100}
      columns={[
        { label: t('radar.aspect') },
        { label: opdName, format: 'decimal' },
        { label: t('radar.median'), format: 'decimal' },
      ]}
      rows={ASPECT_KEYS.map((k) => [t(`aspectShort.${k}`), scores[k].score, medians[k]] as const)}
      fileName={`kma-aspek-${opdName}`}
    />
  );
}
