import type { ReactNode } from 'react';
import classes from './fact-list.module.css';

/**
 * Facts as a description list: terms beside their values on wide screens, above them on a phone.
 * Rows with no value (`undefined`) are left out.
 */
export function FactList({ facts }: { facts: [term: string, value: ReactNode | undefined][] }) {
  return (
    <dl className={classes.facts}>
      {facts
        .filter(([, value]) => value !== undefined)
        .map(([term, value]) => (
          <div key={term} className={classes.row}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
