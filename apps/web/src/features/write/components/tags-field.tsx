import { TagsInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTagSuggestionsQuery } from '../queries/write-queries';

interface TagsFieldProps {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  error?: string;
}

const MAX_TAGS = 20;

/**
 * "Tag": free tags, with the tags already in use as suggestions (GET /tags, most used first), so
 * the same topic gets the same tag. The API stores them as lower-case slugs.
 */
export function TagsField({ id, value, onChange, error }: TagsFieldProps) {
  const { t } = useTranslation('write');
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 200);
  const suggestions = useTagSuggestionsQuery(typed.trim());
  const data = (suggestions.data ?? []).map((s) => s.tag).filter((tag) => !value.includes(tag));
  return (
    <TagsInput
      id={id}
      label={t('fields.tags')}
      description={t('fields.tagsHint')}
      error={error}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      maxTags={MAX_TAGS}
      splitChars={[',']}
      clearable={false}
      acceptValueOnBlur
      comboboxProps={{ withinPortal: true }}
    />
  );
}
