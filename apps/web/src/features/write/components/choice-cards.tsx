import { Radio } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './choice-cards.module.css';

export interface Choice<T extends string> {
  value: T;
  label: string;
  description: ReactNode;
}

interface ChoiceCardsProps<T extends string> {
  /** The group's DOM id (the completeness meter focuses its checked or first radio). */
  id: string;
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  /** Two columns from this width up (cards with long descriptions read better in one). */
  columns?: 1 | 2 | 3;
}

/**
 * A radio group shown as cards: each radio is named by its label and described by a sentence in
 * plain words. Native radios, so arrow keys move between them and the group has one tab stop.
 */
export function ChoiceCards<T extends string>({
  id,
  label,
  description,
  error,
  required,
  choices,
  value,
  onChange,
  columns = 2,
}: ChoiceCardsProps<T>) {
  return (
    <Radio.Group
      id={id}
      label={label}
      description={description}
      error={error}
      withAsterisk={required}
      value={value ?? ''}
      onChange={(next) => onChange(next as T)}
    >
      <div className={classes.grid} data-columns={columns}>
        {choices.map((choice) => (
          <Radio
            key={choice.value}
            value={choice.value}
            label={choice.label}
            description={choice.description}
            classNames={{
              root: classes.card,
              body: classes.body,
              inner: classes.radio,
              label: classes.label,
              description: classes.description,
            }}
          />
        ))}
      </div>
    </Radio.Group>
  );
}
