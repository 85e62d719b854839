import { Paper, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { PageState } from './page-state';

/** What a section needs to know about its query (a TanStack Query result fits). */
export interface SectionQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: T;
  refetch: () => Promise<unknown>;
}

interface QuerySectionProps<T> {
  title: ReactNode;
  /** A quiet line under the title (e.g. the period it covers). */
  subtitle?: ReactNode;
  /** h2 drawn as h3 (page sections) or h4 (cards on Beranda). */
  size?: 'h3' | 'h4';
  query: SectionQuery<T>;
  isEmpty: (data: T) => boolean;
  /** What to do when there is nothing yet. */
  empty: string;
  children: (data: T) => ReactNode;
}

/**
 * A titled card whose content comes from one query, with its own loading, error (the API's
 * message and a retry) and empty states, so a failing section never takes the page down.
 */
export function QuerySection<T>({
  title,
  subtitle,
  size = 'h4',
  query,
  isEmpty,
  empty,
  children,
}: QuerySectionProps<T>) {
  const headingId = useId();
  return (
    <Paper
      withBorder
      p={size === 'h3' ? 'lg' : 'md'}
      component="section"
      aria-labelledby={headingId}
    >
      <Title order={2} size={size} id={headingId} mb={subtitle ? 0 : 'sm'}>
        {title}
      </Title>
      {subtitle && (
        <Text size="xs" c="dimmed" mb="sm">
          {subtitle}
        </Text>
      )}
      {query.isPending ? (
        <PageState kind="loading" />
      ) : query.isError || query.data === undefined ? (
        <PageState kind="error" error={query.error} onRetry={() => void query.refetch()} />
      ) : isEmpty(query.data) ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        children(query.data)
      )}
    </Paper>
  );
}
