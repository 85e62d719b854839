import { useTranslation } from 'react-i18next';
import classes from './ranking-table.module.css';

/** "Pemenang" and "Sementara" as marks readable on any row. */
export function WinnerMark() {
  const { t } = useTranslation('award');
  return <span className={`${classes.tag} ${classes.winnerTag}`}>{t('ranking.winner')}</span>;
}

export function ProvisionalMark() {
  const { t } = useTranslation('award');
  return (
    <span className={`${classes.tag} ${classes.provisionalTag}`}>{t('ranking.provisional')}</span>
  );
}

/** Whether a year is final or may still change. */
export function YearState({ final, children }: { final: boolean; children: string }) {
  return (
    <span className={`${classes.tag} ${final ? classes.finalTag : classes.openTag}`}>
      {children}
    </span>
  );
}
