import { Alert, Button, Checkbox, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { PageState } from '@/components/page-state';
import type { Schemas } from '@/lib/api/types';
import { usePreferencesQuery, useSavePreferencesMutation } from '../queries/notification-queries';
import classes from './preferences-form.module.css';

type Preference = Schemas['PreferenceDto'];
const EMAIL_MODES: Preference['email'][] = ['off', 'instant', 'digest'];

/** Per type: in the portal on/off, email off / at once / in the daily digest. */
export function PreferencesForm() {
  const { t } = useTranslation('notifications');
  const prefs = usePreferencesQuery();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="notification-preferences">
      <Title order={2} size="h3" id="notification-preferences" mb="xs">
        {t('preferences.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('preferences.intro')}
      </Text>
      {prefs.isPending ? (
        <PageState kind="loading" />
      ) : prefs.isError ? (
        <PageState kind="error" error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <PreferenceFields initial={prefs.data.items} mailEnabled={prefs.data.mailEnabled} />
      )}
    </Paper>
  );
}

/** The choices, edited locally from what the API holds and saved together. */
function PreferenceFields({
  initial,
  mailEnabled,
}: {
  initial: Preference[];
  mailEnabled: boolean;
}) {
  const { t } = useTranslation('notifications');
  const save = useSavePreferencesMutation();
  const [items, setItems] = useState<Preference[]>(initial);
  const change = (type: Preference['type'], patch: Partial<Preference>) => {
    save.reset();
    setItems((current) => current.map((p) => (p.type === type ? { ...p, ...patch } : p)));
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ body: { items } });
      }}
    >
      <Stack gap="md">
        {!mailEnabled && (
          <Alert variant="light" color="gray">
            {t('preferences.mailOff')}
          </Alert>
        )}
        {items.map((p) => (
          <fieldset key={p.type} className={classes.type}>
            <legend className={classes.legend}>{t(`preferences.types.${p.type}`)}</legend>
            <Checkbox
              label={t('preferences.inApp')}
              checked={p.inApp}
              onChange={(event) => change(p.type, { inApp: event.currentTarget.checked })}
            />
            <NativeSelect
              label={t('preferences.email')}
              value={p.email}
              onChange={(event) =>
                change(p.type, { email: event.currentTarget.value as Preference['email'] })
              }
              data={EMAIL_MODES.map((mode) => ({
                value: mode,
                label: t(`preferences.emailModes.${mode}`),
              }))}
            />
          </fieldset>
        ))}
        {save.isError && <ApiErrorAlert error={save.error} />}
        {save.isSuccess && (
          <Alert variant="light" color="green" role="status">
            {t('preferences.saved')}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={save.isPending}>
            {t('preferences.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
