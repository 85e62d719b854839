import {
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { ListPages } from '@/components/list-pages';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { downloadFile } from '@/lib/api/download';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatDay } from '../format-month';
import { DepartureTimeline } from '../components/departure-timeline';
import { PlanDialog } from '../components/plan-dialog';
import { defaultOrder, type RegisterItem, RegisterTable } from '../components/register-table';
import {
  REGISTER_PAGE_SIZE,
  registerQuery,
  useOpdsQuery,
  useRegisterQuery,
} from '../queries/risk-queries';
import {
  PLAN_FILTERS,
  type RegisterSearch,
  type RegisterSort,
  WITHIN_CHOICES,
} from '../register-search';
import classes from './register-page.module.css';

const route = getRouteApi('/berisiko');

/**
 * Pengetahuan berisiko: who leaves the OPD in the next years with what only they know, how
 * critical that is, and where each retention interview stands. OPD admins plan interviews here;
 * assessors and admins choose the OPD.
 */
export function RegisterPage() {
  const { t } = useTranslation('risk');
  const lang = currentLanguage();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const choosesOpd = !!user && (user.roles.includes('admin') || user.roles.includes('assessor'));
  const code = (choosesOpd && search.opd) || user?.opdCode || '';
  const register = useRegisterQuery(code, search);
  const opds = useOpdsQuery(choosesOpd);
  const canPlan =
    !!user &&
    user.permissions.includes('risk:manage') &&
    (user.roles.includes('admin') || user.opdCode === code);
  const [planFor, setPlanFor] = useState<RegisterItem>();
  const [exportError, setExportError] = useState<unknown>();
  const [exporting, setExporting] = useState(false);

  /** Changes filters (back to page 1) and keeps them in the URL. */
  const change = (next: Partial<RegisterSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next, hal: undefined }) });
  const sort = search.urut ?? 'risk';
  const order = search.arah ?? defaultOrder(sort);
  const onSort = (key: RegisterSort) =>
    change({
      urut: key === 'risk' ? undefined : key,
      arah: key === sort ? (order === 'asc' ? 'desc' : 'asc') : undefined,
    });

  const exportXlsx = async () => {
    setExporting(true);
    setExportError(undefined);
    const params = new URLSearchParams(
      Object.entries(registerQuery(search)).map(([k, v]) => [k, String(v)]),
    );
    try {
      await downloadFile(
        `/api/v1/opds/${encodeURIComponent(code)}/knowledge-risk/export?${params.toString()}`,
        `pengetahuan-berisiko-${code}.xlsx`,
      );
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const data = register.data;
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <Button variant="default" onClick={() => void exportXlsx()} loading={exporting}>
            {t('export')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t('personalData')}
        </Text>
        {exportError !== undefined && (
          <ApiErrorAlert error={exportError} title={t('exportFailed')} />
        )}
        {choosesOpd && (
          <NativeSelect
            label={t('opd')}
            value={code}
            onChange={(e) => change({ opd: e.currentTarget.value })}
            data={(opds.data ?? [{ code, name: code }]).map((o) => ({
              value: o.code,
              label: `${o.name} (${o.code})`,
            }))}
            maw={480}
          />
        )}
        {register.isPending ? (
          <PageState kind="loading" />
        ) : register.isError ? (
          <PageState kind="error" error={register.error} onRetry={() => void register.refetch()} />
        ) : (
          data && (
            <>
              <Paper withBorder p="md" component="section" aria-labelledby="risk-summary">
                <Title order={2} size="h4" id="risk-summary" mb="xs">
                  {t('summary.label')} · {data.opdName}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('asOf', { date: formatDay(data.asOf, lang) })}
                </Text>
                <dl className={classes.summary}>
                  <Stat label={t('summary.people')} value={data.summary.people} />
                  <Stat label={t('summary.high')} value={data.summary.high} />
                  <Stat label={t('summary.highWithoutPlan')} value={data.summary.highWithoutPlan} />
                  <Stat label={t('summary.overdue')} value={data.summary.overdue} />
                  <Stat
                    label={t('summary.coverage', { year: data.coverage.year })}
                    value={
                      data.coverage.coverage === null
                        ? t('summary.coverageNone')
                        : t('summary.coverageValue', {
                            covered: data.coverage.covered,
                            highRisk: data.coverage.highRisk,
                            percent: new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
                              style: 'percent',
                            }).format(data.coverage.coverage),
                          })
                    }
                  />
                </dl>
              </Paper>
              <Paper withBorder p="md" component="section" aria-labelledby="risk-timeline">
                <Title order={2} size="h4" id="risk-timeline" mb="sm">
                  {t('timeline.title')}
                </Title>
                <DepartureTimeline months={data.timeline} />
              </Paper>
              <section aria-labelledby="risk-list">
                <Title order={2} size="h4" id="risk-list" mb="sm">
                  {t('table.count', { count: data.total })}
                </Title>
                <Filters search={search} onChange={change} />
                {data.items.length === 0 ? (
                  <PageState kind="empty">{t('table.empty')}</PageState>
                ) : (
                  <RegisterTable
                    items={data.items}
                    sort={sort}
                    order={order}
                    onSort={onSort}
                    onPlan={canPlan ? setPlanFor : undefined}
                  />
                )}
                <ListPages
                  total={data.total}
                  pageSize={REGISTER_PAGE_SIZE}
                  page={search.hal ?? 1}
                  onPage={(page) =>
                    void navigate({
                      search: (prev) => ({ ...prev, hal: page > 1 ? page : undefined }),
                    })
                  }
                />
              </section>
            </>
          )
        )}
      </Stack>
      {planFor && <PlanDialog item={planFor} onClose={() => setPlanFor(undefined)} />}
    </>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className={classes.stat}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Filters({
  search,
  onChange,
}: {
  search: RegisterSearch;
  onChange: (next: Partial<RegisterSearch>) => void;
}) {
  const { t } = useTranslation('risk');
  const [q, setQ] = useState(search.q ?? '');
  const applyQ = useDebouncedCallback(
    (value: string) => onChange({ q: value.trim() || undefined }),
    300,
  );
  const any = { value: '', label: t('filters.any') };
  return (
    <form
      role="search"
      aria-label={t('filters.label')}
      className={classes.filters}
      onSubmit={(e) => e.preventDefault()}
    >
      <TextInput
        label={t('filters.q')}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          applyQ(e.currentTarget.value);
        }}
      />
      <NativeSelect
        label={t('filters.kind')}
        value={search.jenis ?? ''}
        onChange={(e) =>
          onChange({ jenis: (e.currentTarget.value || undefined) as RegisterSearch['jenis'] })
        }
        data={[
          any,
          { value: 'bup', label: t('kind.bup') },
          { value: 'rencana', label: t('kind.rencana') },
        ]}
      />
      <NativeSelect
        label={t('filters.plan')}
        value={search.rencana ?? ''}
        onChange={(e) =>
          onChange({ rencana: (e.currentTarget.value || undefined) as RegisterSearch['rencana'] })
        }
        data={[any, ...PLAN_FILTERS.map((p) => ({ value: p, label: t(`plan.${p}`) }))]}
      />
      <NativeSelect
        label={t('filters.within')}
        value={search.dalam ? String(search.dalam) : ''}
        onChange={(e) =>
          onChange({ dalam: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })
        }
        data={[
          any,
          ...WITHIN_CHOICES.map((m) => ({
            value: String(m),
            label: t('filters.months', { count: m }),
          })),
        ]}
      />
      <Checkbox
        label={t('filters.high')}
        checked={!!search.tinggi}
        onChange={(e) => onChange({ tinggi: e.currentTarget.checked || undefined })}
        mb={8}
      />
    </form>
  );
}
