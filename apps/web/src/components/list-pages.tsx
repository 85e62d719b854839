import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ListPagesProps {
  total: number;
  pageSize: number;
  page: number;
  onPage: (page: number) => void;
}

/** Page numbers under a list, in a named navigation landmark; nothing when it fits one page. */
export function ListPages({ total, pageSize, page, onPage }: ListPagesProps) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pages.label')}>
      <Pagination
        size="sm"
        total={pages}
        value={page}
        onChange={onPage}
        getControlProps={(control) =>
          control === 'previous'
            ? { 'aria-label': t('pages.previous') }
            : control === 'next'
              ? { 'aria-label': t('pages.next') }
              : {}
        }
      />
    </nav>
  );
}
