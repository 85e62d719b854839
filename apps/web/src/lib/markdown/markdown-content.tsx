import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import { type MarkdownOptions, markdownToSafeHtml } from './safe-html';
import classes from './markdown-content.module.css';

interface MarkdownContentProps extends MarkdownOptions {
  /** Markdown as people wrote it (from the API). */
  markdown: string;
  className?: string;
}

/**
 * Markdown written by people, shown as formatted text. The only component in the portal that
 * inserts HTML, and only what markdownToSafeHtml() returned (the lint rule refuses
 * dangerouslySetInnerHTML anywhere else).
 */
export function MarkdownContent({ markdown, headingOffset, className }: MarkdownContentProps) {
  const html = useMemo(
    () => markdownToSafeHtml(markdown, { headingOffset }),
    [markdown, headingOffset],
  );
  return (
    <Typography className={className}>
      <div className={classes.content} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
