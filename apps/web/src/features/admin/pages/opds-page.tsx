import {
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { fieldErrors } from '@/lib/api/field-errors';
import type { Schemas } from '@/lib/api/types';
import { formatWibDate } from '@/lib/format/wib';
import { AdminFrame } from '../components/admin-frame';
import table from '../components/data-table.module.css';
import { useOpdsQuery, useUpdateOpd } from '../queries/admin-queries';

type Opd = Schemas['OpdResponseDto'];

/** Direktori OPD: every OPD's name and headcount (the base of reach targets), editable. */
export function OpdsPage() {
  const { t } = useTranslation('admin');
  const lang = currentLanguage();
  const opds = useOpdsQuery();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Opd>();
  const [saved, setSaved] = useState<string>();
  const needle = filter.trim().toLowerCase();
  const shown = (opds.data ?? []).filter(
    (o) =>
      !needle || o.code.toLowerCase().includes(needle) || o.name.toLowerCase().includes(needle),
  );
  return (
    <AdminFrame section="opds" description={t('opds.intro')}>
      <Stack gap="md">
        <TextInput
          label={t('opds.filter')}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          maw={400}
        />
        {saved && (
          <Text role="status" c="teal.9">
            {t('opds.saved', { code: saved })}
          </Text>
        )}
        {opds.isPending ? (
          <PageState kind="loading" />
        ) : opds.isError ? (
          <PageState kind="error" error={opds.error} onRetry={() => void opds.refetch()} />
        ) : shown.length === 0 ? (
          <PageState kind="empty">{t('opds.empty')}</PageState>
        ) : (
          <Table className={table.table} verticalSpacing="xs" striped>
            <Table.Caption>{t('opds.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('opds.code')}</Table.Th>
                <Table.Th scope="col">{t('opds.name')}</Table.Th>
                <Table.Th scope="col">{t('opds.headcount')}</Table.Th>
                <Table.Th scope="col">{t('opds.updated')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('opds.edit')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((o) => (
                <Table.Tr key={o.code}>
                  <Table.Td data-label={t('opds.code')} fw={600}>
                    {o.code}
                  </Table.Td>
                  <Table.Td data-label={t('opds.name')}>{o.name}</Table.Td>
                  <Table.Td data-label={t('opds.headcount')}>
                    {new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB').format(o.headcount)}
                  </Table.Td>
                  <Table.Td data-label={t('opds.updated')}>
                    {formatWibDate(o.updatedAt, lang)}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('opds.editLabel', { name: o.name })}
                      onClick={() => {
                        setSaved(undefined);
                        setEditing(o);
                      }}
                    >
                      {t('opds.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {editing && (
        <EditOpdDialog
          opd={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(code) => {
            setEditing(undefined);
            setSaved(code);
          }}
        />
      )}
    </AdminFrame>
  );
}

function EditOpdDialog({
  opd,
  onClose,
  onSaved,
}: {
  opd: Opd;
  onClose: () => void;
  onSaved: (code: string) => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const update = useUpdateOpd();
  const [name, setName] = useState(opd.name);
  const [headcount, setHeadcount] = useState<number | string>(opd.headcount);
  const [missing, setMissing] = useState(false);
  const fields = fieldErrors(update.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(typeof headcount !== 'number');
    if (typeof headcount !== 'number') return;
    update.mutate(
      {
        params: { path: { code: opd.code } },
        body: { name: name.trim(), headcount },
      },
      { onSuccess: () => onSaved(opd.code) },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('opds.editTitle', { code: opd.code })}
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {update.isError && !Object.keys(fields).length && <ApiErrorAlert error={update.error} />}
          <TextInput
            label={t('opds.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fields.name}
          />
          <NumberInput
            label={t('opds.headcount')}
            required
            min={0}
            max={200000}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            value={headcount}
            onChange={setHeadcount}
            error={missing ? t('common:problems.isNotEmpty') : fields.headcount}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('opds.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('opds.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
