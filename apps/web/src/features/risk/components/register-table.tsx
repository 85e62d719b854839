import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { formatDay, formatMonth } from '../format-month';
import type { RegisterSort } from '../register-search';
import classes from './register-table.module.css';

export type RegisterItem = Schemas['RegisterItemDto'];

interface RegisterTableProps {
  items: RegisterItem[];
  sort: RegisterSort;
  order: 'asc' | 'desc';
  onSort: (sort: RegisterSort) => void;
  /** Present when the caller may plan interviews for this OPD. */
  onPlan?: (item: RegisterItem) => void;
}

/** Columns people sort by; the API's default direction for each (highest risk first). */
const SORTABLE: { key: RegisterSort; label: 'name' | 'departure' | 'risk' }[] = [
  { key: 'name', label: 'name' },
  { key: 'departure', label: 'departure' },
  { key: 'risk', label: 'risk' },
];

export function defaultOrder(sort: RegisterSort): 'asc' | 'desc' {
  return sort === 'name' || sort === 'departure' ? 'asc' : 'desc';
}

/** The register as a table: one row per person, sortable headers that say how they sort. */
export function RegisterTable({ items, sort, order, onSort, onPlan }: RegisterTableProps) {
  const { t } = useTranslation('risk');
  const lang = currentLanguage();
  const header = (key: RegisterSort, label: string) => {
    const active = sort === key;
    return (
      <Table.Th
        key={key}
        scope="col"
        aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button type="button" className={classes.sort} onClick={() => onSort(key)}>
          {label}
          <span aria-hidden>{active ? (order === 'asc' ? '▲' : '▼') : '↕'}</span>
          <VisuallyHidden>{active ? '' : t('table.sortBy', { column: label })}</VisuallyHidden>
        </button>
      </Table.Th>
    );
  };
  return (
    <div className={classes.scroll}>
      <Table className={classes.table} verticalSpacing="sm" striped>
        <Table.Caption>{t('table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {SORTABLE.map((c) => header(c.key, t(`table.${c.label}`)))}
            <Table.Th scope="col">{t('table.topics')}</Table.Th>
            <Table.Th scope="col">{t('table.plan')}</Table.Th>
            {onPlan && <Table.Th scope="col">{t('table.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.userId}>
              <Table.Td>
                <AnchorLink to="/orang/$id" params={{ id: item.userId }} fw={600}>
                  {item.name}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {item.jabatan}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {formatMonth(item.departureMonth, lang)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`kind.${item.departureKind}`)}
                  {item.departureReason && ` · ${t(`reason.${item.departureReason as 'mutasi'}`)}`}
                </Text>
                <Text size="sm" c="dimmed">
                  {item.monthsToDeparture < 0
                    ? t('table.past')
                    : t('table.inMonths', { count: item.monthsToDeparture })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text fw={700}>{item.risk}</Text>
                  {item.high && (
                    <Badge color="red.8" variant="filled">
                      {t('table.highBadge')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {t('table.riskValue', {
                    risk: item.risk,
                    attrition: item.attrition,
                    criticality: item.criticality,
                  })}
                </Text>
              </Table.Td>
              <Table.Td className={classes.topics}>
                {item.topics.length ? (
                  <Group gap={4}>
                    {item.topics.map((topic) => (
                      <Badge key={topic} variant="outline" color="gray.8" tt="none">
                        {topic}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('table.noTopics')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <PlanState plan={item.plan} lang={lang} />
              </Table.Td>
              {onPlan && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant={item.plan ? 'default' : 'filled'}
                    onClick={() => onPlan(item)}
                    aria-label={t(item.plan ? 'table.openPlan' : 'table.createPlan', {
                      name: item.name,
                    })}
                  >
                    {t(item.plan ? 'table.manage' : 'table.create')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

const STATE_COLOR: Record<string, string> = {
  direncanakan: 'blue.9',
  diwawancarai: 'teal.9',
  aset_terbit: 'green.9',
  dibatalkan: 'gray.7',
};

function PlanState({ plan, lang }: { plan: RegisterItem['plan']; lang: 'id' | 'en' }) {
  const { t } = useTranslation('risk');
  if (!plan)
    return (
      <Text size="sm" c="dimmed">
        {t('plan.none')}
      </Text>
    );
  return (
    <Stack gap={2}>
      <Group gap={4}>
        <Badge color={STATE_COLOR[plan.state]} variant="outline">
          {t(`plan.${plan.state as 'direncanakan'}`)}
        </Badge>
        {plan.overdue && (
          <Badge color="red.8" variant="filled">
            {t('plan.overdue')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('plan.target', { date: formatDay(plan.targetDate, lang) })} ·{' '}
        {t('plan.by', { name: plan.interviewer.name })}
      </Text>
    </Stack>
  );
}
