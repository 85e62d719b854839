import { Group, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { takePageFocus } from '@/lib/route-focus';
import classes from './page-header.module.css';

interface PageHeaderProps {
  /** The page's h1; also the document title ("<title> · Lumbung"). */
  title: string;
  /** A document title when it should differ from the h1. */
  documentTitle?: string;
  description?: ReactNode;
  /** Buttons or links beside the title. */
  actions?: ReactNode;
}

/** Every page starts with this: one h1, the document title, and focus after navigation. */
export function PageHeader({ title, documentTitle, description, actions }: PageHeaderProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(documentTitle ?? title, t('documentTitle', { title: documentTitle ?? title }));
  useEffect(() => takePageFocus(heading.current), []);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
      <div>
        <Title order={1} ref={heading} tabIndex={-1} className={classes.title}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" mt={4}>
            {description}
          </Text>
        )}
      </div>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

function useDocumentTitle(title: string, full: string): void {
  useEffect(() => {
    document.title = title ? full : 'Lumbung';
  }, [title, full]);
}
