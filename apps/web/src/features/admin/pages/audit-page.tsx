import { Autocomplete, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPages } from '@/components/list-pages';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { fieldErrors } from '@/lib/api/field-errors';
import { formatWib } from '@/lib/format/wib';
import { type AuditSearch, validateAuditSearch } from '../admin-search';
import { AdminFrame } from '../components/admin-frame';
import table from '../components/data-table.module.css';
import { AUDIT_PAGE_SIZE, useAuditQuery } from '../queries/admin-queries';
import classes from './admin-pages.module.css';

const route = getRouteApi('/admin/audit');

/** Log audit: who did what to which data and when, filtered in the URL, newest first. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const lang = currentLanguage();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const audit = useAuditQuery(search);
  const problems = fieldErrors(audit.error);
  return (
    <AdminFrame section="audit" description={t('audit.intro')}>
      <Stack gap="md">
        <Filters
          key={JSON.stringify(search)}
          search={search}
          problems={problems}
          onApply={(next) => void navigate({ search: next })}
        />
        {audit.isPending ? (
          <PageState kind="loading" />
        ) : audit.isError ? (
          Object.keys(problems).length ? null : (
            <PageState kind="error" error={audit.error} onRetry={() => void audit.refetch()} />
          )
        ) : (
          <section aria-labelledby="audit-count">
            <Text id="audit-count" fw={700} mb="xs" role="status">
              {t('audit.count', { count: audit.data.total })}
            </Text>
            {audit.data.items.length === 0 ? (
              <PageState kind="empty">{t('audit.empty')}</PageState>
            ) : (
              <Table className={table.table} verticalSpacing="xs" striped>
                <Table.Caption>{t('audit.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('audit.at')}</Table.Th>
                    <Table.Th scope="col">{t('audit.who')}</Table.Th>
                    <Table.Th scope="col">{t('audit.what')}</Table.Th>
                    <Table.Th scope="col">{t('audit.target')}</Table.Th>
                    <Table.Th scope="col">{t('audit.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {audit.data.items.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td data-label={t('audit.at')} className={table.nowrap}>
                        {formatWib(e.at, lang)}
                      </Table.Td>
                      <Table.Td data-label={t('audit.who')} className={classes.auditWho}>
                        {e.actor ? (
                          <>
                            <Text size="sm" fw={600}>
                              {e.actor.name ?? t('audit.unknownActor')}
                            </Text>
                            {e.actor.opdCode && (
                              <Text size="xs" c="dimmed">
                                {e.actor.opdCode}
                              </Text>
                            )}
                          </>
                        ) : (
                          t('audit.system')
                        )}
                      </Table.Td>
                      <Table.Td data-label={t('audit.what')} className={classes.auditWhat}>
                        <Text size="sm">
                          {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                        </Text>
                        <Text size="xs" c="dimmed">
                          <code>{e.action}</code>
                        </Text>
                      </Table.Td>
                      <Table.Td data-label={t('audit.target')} className={classes.auditTarget}>
                        <Text size="sm">
                          {e.entity
                            ? t(`audit.entities.${e.entity}`, { defaultValue: e.entity })
                            : '—'}
                        </Text>
                        {e.entityId && (
                          <Text size="xs" c="dimmed" className={classes.pre} component="div">
                            {e.entityId}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td data-label={t('audit.details')}>
                        <pre className={classes.pre}>{detailsText(e.details)}</pre>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <ListPages
              total={audit.data.total}
              pageSize={AUDIT_PAGE_SIZE}
              page={search.hal ?? 1}
              onPage={(page) =>
                void navigate({ search: (prev) => ({ ...prev, hal: page > 1 ? page : undefined }) })
              }
            />
          </section>
        )}
      </Stack>
    </AdminFrame>
  );
}

/** `{ fields: ['jabatan'] }` → `fields: jabatan`, one key a line (shown as text, never HTML). */
function detailsText(details: Record<string, unknown>): string {
  const show = (v: unknown): string =>
    Array.isArray(v)
      ? v.map(show).join(', ')
      : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : JSON.stringify(v);
  const lines = Object.entries(details).map(([k, v]) => `${k}: ${show(v)}`);
  return lines.length ? lines.join('\n') : '—';
}

/**
 * Suggestions for the action and entity filters: what the API records today (others may be typed).
 * Each has a label in `audit.actions` / `audit.entities`; the table shows the label and the code.
 */
const ACTIONS = [
  'authn_login_success',
  'authn_login_fail',
  'authn_logout',
  'authn_password_change',
  'authn_password_reset_start',
  'authn_password_reset_complete',
  'session_refresh_reuse',
  'user_created',
  'user_updated',
  'users_imported',
  'privilege_permissions_changed',
  'opd_updated',
  'asset_read_restricted',
  'asset_revised_by_verifier',
  'assets_imported',
  'cop_created',
  'cop_updated',
  'cop_members_added',
  'cop_member_removed',
  'cop_join_requested',
  'cop_join_accepted',
  'cop_join_declined',
  'meeting_logged',
  'meeting_updated',
  'meeting_deleted',
  'award_year_created',
  'award_rubric_changed',
  'award_assessment_recorded',
  'award_year_finalized',
  'criticality_overridden',
  'knowledge_risk_read',
  'expertise_declared',
  'retention_plan_created',
  'retention_plan_updated',
];
const ENTITIES = [
  'user',
  'opd',
  'asset',
  'cop',
  'meeting',
  'award_year',
  'award_opd',
  'retention_plan',
];

const FIELDS = [
  ['pelaku', 'actor', 'numeric', undefined],
  ['tindakan', 'action', 'text', ACTIONS],
  ['jenis', 'entity', 'text', ENTITIES],
  ['id', 'entityId', 'text', undefined],
] as const;

function Filters({
  search,
  problems,
  onApply,
}: {
  search: AuditSearch;
  problems: Record<string, string>;
  onApply: (next: AuditSearch) => void;
}) {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState<Record<string, string>>({
    pelaku: search.pelaku ?? '',
    tindakan: search.tindakan ?? '',
    jenis: search.jenis ?? '',
    id: search.id ?? '',
    dari: search.dari ?? '',
    sampai: search.sampai ?? '',
  });
  const [invalid, setInvalid] = useState<string[]>([]);
  const set = (key: string, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = validateAuditSearch(draft);
    // A value the URL would drop (a NIP that is not 18 digits…) is said, not silently ignored.
    const dropped = Object.keys(draft).filter(
      (k) => draft[k]?.trim() && next[k as keyof AuditSearch] === undefined,
    );
    setInvalid(dropped);
    if (dropped.length === 0) onApply(next);
  };
  const errorOf = (key: string, apiField: string) =>
    invalid.includes(key) ? t('audit.invalid') : problems[apiField];
  return (
    <form
      role="search"
      aria-label={t('audit.filters')}
      className={classes.auditFilters}
      onSubmit={submit}
      noValidate
    >
      {FIELDS.map(([key, apiField, mode, suggestions]) =>
        suggestions ? (
          <Autocomplete
            key={key}
            label={t(`audit.${apiField}`)}
            data={suggestions}
            limit={12}
            value={draft[key]}
            onChange={(value) => set(key, value)}
            error={errorOf(key, apiField)}
          />
        ) : (
          <TextInput
            key={key}
            label={t(`audit.${apiField}`)}
            inputMode={mode}
            description={key === 'pelaku' ? t('audit.actorHint') : undefined}
            value={draft[key]}
            onChange={(e) => set(key, e.currentTarget.value)}
            error={errorOf(key, apiField)}
          />
        ),
      )}
      <TextInput
        type="date"
        label={t('audit.from')}
        value={draft.dari}
        onChange={(e) => set('dari', e.currentTarget.value)}
        error={errorOf('dari', 'from')}
      />
      <TextInput
        type="date"
        label={t('audit.to')}
        value={draft.sampai}
        onChange={(e) => set('sampai', e.currentTarget.value)}
        error={errorOf('sampai', 'to')}
      />
      <Group>
        <Button type="submit">{t('audit.apply')}</Button>
        <Button variant="default" onClick={() => onApply({})}>
          {t('audit.reset')}
        </Button>
      </Group>
    </form>
  );
}
