import { Blockquote, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatWib } from '@/lib/format/wib';
import classes from './rejection-note.module.css';

/** A verifier's comment on a draft they sent back, as its authors see it in their lists. */
export function RejectionNote({ rejection }: { rejection: Schemas['RejectionDto'] }) {
  const { t } = useTranslation();
  return (
    <Blockquote color="orange.8" p="xs" mt={6} className={classes.note}>
      <Text size="xs" fw={600}>
        {t('rejection.by', {
          name: rejection.by.name,
          when: formatWib(rejection.at, currentLanguage()),
        })}
      </Text>
      <Text size="sm" className={classes.comment}>
        {rejection.comment}
      </Text>
    </Blockquote>
  );
}
