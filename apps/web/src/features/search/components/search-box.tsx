import { Button, Group, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/types';
import { useSuggestQuery } from '../queries/search-queries';
import classes from './search-box.module.css';

export type Suggestion = Schemas['SuggestionItemDto'];

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Enter or the button: search now. */
  onSubmit: () => void;
  /** A completion was chosen (by click, or Enter on the highlighted one). */
  onPick: (item: Suggestion) => void;
}

/**
 * The search box: a `searchbox` named "Cari pengetahuan" whose completions (from
 * /search/suggest) open below it as a listbox. The box keeps its searchbox role (the portal's
 * accessible-name contract) and points at the listbox with aria-controls and at the highlighted
 * option with aria-activedescendant; arrows move, Enter picks, Escape closes.
 */
export function SearchBox({ value, onChange, onSubmit, onPick }: SearchBoxProps) {
  const { t } = useTranslation('search');
  const listId = useId();
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useSuggestQuery(value, focused && !dismissed);
  const items = value.trim().length >= 2 ? (suggestions.data?.items ?? []) : [];
  const open = focused && !dismissed && items.length > 0;
  const optionId = (i: number) => `${listId}-${i}`;

  const change = (next: string) => {
    setDismissed(false);
    setActive(-1);
    onChange(next);
  };
  const pick = (item: Suggestion) => {
    setDismissed(true);
    setActive(-1);
    onPick(item);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (open && active >= 0 && items[active]) return pick(items[active]);
    setDismissed(true);
    onSubmit();
  };
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) {
        setDismissed(false);
        return;
      }
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // From the box (-1) through the options and back to the box.
      setActive((i) => {
        const next = i + step;
        if (next < -1) return items.length - 1;
        return next >= items.length ? -1 : next;
      });
    } else if (event.key === 'Escape' && open) {
      // Close the list; the text stays (a second Escape clears the box as usual).
      event.preventDefault();
      setDismissed(true);
      setActive(-1);
    }
  };

  return (
    <form role="search" onSubmit={submit} className={classes.form}>
      <Group gap="sm" wrap="nowrap" align="flex-end">
        <div className={classes.field}>
          <TextInput
            type="search"
            size="md"
            label={t('box.label')}
            placeholder={t('box.placeholder')}
            value={value}
            onChange={(e) => change(e.currentTarget.value)}
            onKeyDown={keyDown}
            onFocus={() => setFocused(true)}
            onBlur={() => {
              setFocused(false);
              setActive(-1);
            }}
            enterKeyHint="search"
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          />
          {open && (
            <ul
              id={listId}
              role="listbox"
              aria-label={t('box.suggestions')}
              className={classes.list}
            >
              {items.map((item, i) => (
                <li
                  key={`${item.kind}-${item.id ?? item.label}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={classes.option}
                  data-active={i === active || undefined}
                  // Keep focus in the box: the list closes on blur.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(item)}
                >
                  <span className={classes.label}>{item.label}</span>
                  <Text span size="xs" c="dimmed" className={classes.kind}>
                    {t(`kinds.${item.kind}`)}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          <VisuallyHidden role="status" aria-live="polite">
            {open ? t('box.available', { count: items.length }) : ''}
          </VisuallyHidden>
        </div>
        <Button type="submit" size="md">
          {t('box.submit')}
        </Button>
      </Group>
    </form>
  );
}
