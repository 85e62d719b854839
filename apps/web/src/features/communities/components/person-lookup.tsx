import { type ComboboxItem, type OptionsFilter, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/types';
import { usePeopleLookup } from '../queries/community-queries';

export type Person = Schemas['PersonLookupDto'];

/** "<name> (<NIP>)": how a person is named in the picker and the attendee list. */
export function personOptionLabel(p: { name: string; nip: string }): string {
  return `${p.name} (${p.nip})`;
}

interface PersonLookupProps {
  copId: string;
  label: string;
  description?: string;
  error?: string;
  /** Already chosen: not offered again. */
  exclude: ReadonlySet<string>;
  onPick: (person: Person) => void;
}

/**
 * A combobox over the CoP's attendee lookup: typing a name or a NIP offers options named
 * "<name> (<NIP>)" with the OPD below; choosing one hands the person over and clears the box for
 * the next. Only those who log the CoP's meetings (and admins) get answers from the API.
 */
export function PersonLookup({
  copId,
  label,
  description,
  error,
  exclude,
  onPick,
}: PersonLookupProps) {
  const { t } = useTranslation('communities');
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 200);
  const found = usePeopleLookup(copId, typed);
  const people = (typed.trim().length >= 2 ? (found.data ?? []) : []).filter(
    (p) => !exclude.has(p.id),
  );
  const data: (ComboboxItem & { opd: string })[] = people.map((p) => ({
    value: p.id,
    label: personOptionLabel(p),
    opd: `${p.opdName} (${p.opdCode})`,
  }));
  const nothingFound =
    search.trim().length < 2
      ? t('people.typeMore')
      : found.isFetching || typed !== search
        ? t('people.searching')
        : found.isError
          ? t('people.failed')
          : t('people.none');

  return (
    <Select
      label={label}
      description={description ?? t('people.hint')}
      error={error}
      data={data}
      value={null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={showEveryAnswer}
      nothingFoundMessage={nothingFound}
      onChange={(id) => {
        const person = people.find((p) => p.id === id);
        if (person) onPick(person);
        setSearch('');
      }}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {(option as ComboboxItem & { opd: string }).opd}
          </Text>
        </Stack>
      )}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

const showEveryAnswer: OptionsFilter = ({ options }) => options;
