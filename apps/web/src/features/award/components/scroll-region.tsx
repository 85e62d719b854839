import type { ReactNode } from 'react';
import classes from '../pages/opd-page.module.css';

/**
 * A wide table that scrolls sideways on a phone: focusable and named, so a keyboard reaches what
 * lies to the right even when the table holds no link.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.scroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
