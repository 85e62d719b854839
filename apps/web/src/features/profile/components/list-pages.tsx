import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROFILE_PAGE_SIZE } from '../queries/profile-queries';

/** Page numbers under a list, shown only when it has more than one page. */
export function ListPages({
  total,
  page,
  onPage,
}: {
  total: number;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation('profile');
  const pages = Math.ceil(total / PROFILE_PAGE_SIZE);
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pagination')}>
      <Pagination
        size="sm"
        total={pages}
        value={page}
        onChange={onPage}
        getControlProps={(control) =>
          control === 'previous'
            ? { 'aria-label': t('previousPage') }
            : control === 'next'
              ? { 'aria-label': t('nextPage') }
              : {}
        }
      />
    </nav>
  );
}
