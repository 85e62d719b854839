import { Button, Group, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './home-search.module.css';

/** The big search box: a `searchbox` named "Cari pengetahuan" that opens /cari?q=…. */
export function HomeSearch() {
  const { t } = useTranslation('home');
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    void navigate({ to: '/cari', search: q ? { q } : {} });
  };
  return (
    <form role="search" onSubmit={submit} className={classes.form}>
      <Group gap="sm" wrap="nowrap" align="flex-end">
        <TextInput
          type="search"
          size="lg"
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          className={classes.input}
          enterKeyHint="search"
        />
        <Button type="submit" size="lg">
          {t('search.submit')}
        </Button>
      </Group>
    </form>
  );
}
