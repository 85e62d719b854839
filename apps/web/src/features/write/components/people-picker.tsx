import {
  type ComboboxItem,
  MultiSelect,
  type OptionsFilter,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../model/draft';
import { usePeopleQuery } from '../queries/write-queries';

interface Common {
  id: string;
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
  /** People who may not be picked here (the writer, already an author). */
  exclude?: readonly string[];
}

type PeoplePickerProps = Common &
  (
    | { multiple: true; value: PersonRef[]; onChange: (people: PersonRef[]) => void }
    | { multiple?: false; value: PersonRef | null; onChange: (person: PersonRef) => void }
  );

interface PersonOption extends ComboboxItem {
  jabatan?: string;
}

/**
 * Chooses ASN from the staff directory by name or by their whole 18-digit NIP (GET
 * /search/people, signed in; NIP is matched by the API and never shown). One person (the
 * interviewed expert) or several (co-authors).
 */
export function PeoplePicker(props: PeoplePickerProps) {
  const { t } = useTranslation('write');
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const found = usePeopleQuery(typed);
  const [known, setKnown] = useState<Map<string, PersonRef>>(new Map());
  const selected = props.multiple ? props.value : props.value ? [props.value] : [];
  const exclude = new Set(props.exclude ?? []);

  const data: PersonOption[] = selected.map((p) => ({ value: p.id, label: personLabel(p) }));
  if (typed.trim().length >= 2) {
    for (const p of found.data ?? []) {
      if (exclude.has(p.id) || data.some((o) => o.value === p.id)) continue;
      data.push({ value: p.id, label: personLabel(p), jabatan: p.jabatan });
    }
  }
  const people = new Map(known);
  for (const p of selected) people.set(p.id, p);
  for (const p of found.data ?? [])
    people.set(p.id, { id: p.id, name: p.name, opdCode: p.opdCode });

  const remember = (ids: string[]) => {
    const next = new Map(known);
    for (const id of ids) {
      const person = people.get(id);
      if (person) next.set(id, person);
    }
    setKnown(next);
    return ids.map((id) => next.get(id)).filter((p): p is PersonRef => !!p);
  };

  const nothingFound =
    search.trim().length < 2
      ? t('people.typeMore')
      : found.isFetching || typed !== search
        ? t('people.searching')
        : t('people.none');

  const shared = {
    id: props.id,
    label: props.label,
    description: props.description ?? t('people.hint'),
    error: props.error,
    withAsterisk: props.required,
    data,
    searchable: true,
    searchValue: search,
    onSearchChange: setSearch,
    // The API already matched names and NIPs: show every answer as it is.
    filter: showEveryAnswer,
    nothingFoundMessage: nothingFound,
    renderOption: ({ option }: { option: ComboboxItem }) => {
      const jabatan = (option as PersonOption).jabatan;
      return (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {jabatan && (
            <Text size="xs" c="dimmed">
              {jabatan}
            </Text>
          )}
        </Stack>
      );
    },
    comboboxProps: { withinPortal: true },
  };

  if (props.multiple) {
    const { onChange } = props;
    return (
      <MultiSelect
        {...shared}
        value={props.value.map((p) => p.id)}
        hidePickedOptions
        onChange={(ids) => {
          onChange(remember(ids));
          setSearch('');
        }}
      />
    );
  }
  const { onChange } = props;
  return (
    <Select
      {...shared}
      value={props.value?.id ?? null}
      allowDeselect={false}
      onChange={(id) => {
        if (!id) return;
        const [person] = remember([id]);
        if (person) onChange(person);
      }}
    />
  );
}

const showEveryAnswer: OptionsFilter = ({ options }) => options;

function personLabel(p: { name: string; opdCode: string }): string {
  return `${p.name} (${p.opdCode})`;
}
