import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { ApiError } from '@/lib/api/errors';
import { fieldErrors } from '@/lib/api/field-errors';
import type { Schemas } from '@/lib/api/types';
import { formatMonth } from '../format-month';
import {
  useCancelPlan,
  useCreatePlan,
  useMarkInterviewed,
  usePeopleSearch,
  usePlanQuery,
  useUpdatePlan,
} from '../queries/risk-queries';
import type { RegisterItem } from './register-table';

type Plan = Schemas['RetentionPlanDetailDto'];

/** The plan rules the API checks beyond the form (their codes, in words). */
const PLAN_PROBLEMS = [
  'in_past',
  'in_future',
  'not_before_departure',
  'is_the_person',
  'unknown_user',
] as const;

/** fieldErrors(), with the plan rules' own codes said plainly instead of "not valid". */
function usePlanFieldErrors(error: unknown): Record<string, string> {
  const { t } = useTranslation('risk');
  const out = fieldErrors(error);
  if (error instanceof ApiError)
    for (const { field, problems } of error.fieldProblems) {
      const known = problems.filter((p): p is (typeof PLAN_PROBLEMS)[number] =>
        (PLAN_PROBLEMS as readonly string[]).includes(p),
      );
      if (known.length) out[field] = known.map((p) => t(`problems.${p}`)).join(' ');
    }
  return out;
}

/** Today as a WIB calendar day (`YYYY-MM-DD`), the earliest target and interview date. */
function wibToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

interface PlanDialogProps {
  item: RegisterItem;
  onClose: () => void;
}

/**
 * The retention interview plan of one person: create it (interviewer from a people search,
 * target date, notes), edit an open one, record the interview, or cancel with a reason. A
 * cancelled plan can be replaced by a new one. The API's refusals show beside their fields.
 */
export function PlanDialog({ item, onClose }: PlanDialogProps) {
  const { t } = useTranslation('risk');
  const lang = currentLanguage();
  const openPlanId = item.plan && item.plan.state !== 'dibatalkan' ? item.plan.id : undefined;
  const plan = usePlanQuery(openPlanId);
  const [notice, setNotice] = useState<string>();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(openPlanId ? 'form.editTitle' : 'form.createTitle', { name: item.name })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('form.close') }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('form.leaves', {
            month: formatMonth(item.departureMonth, lang),
            kind: t(`kind.${item.departureKind as 'bup'}`),
          })}
        </Text>
        {notice && (
          <Alert color="green" variant="light" role="status">
            {notice}
          </Alert>
        )}
        {!openPlanId ? (
          <PlanForm item={item} onSaved={() => setNotice(t('form.saved'))} />
        ) : plan.isPending ? (
          <PageState kind="loading" />
        ) : plan.isError ? (
          <PageState kind="error" error={plan.error} onRetry={() => void plan.refetch()} />
        ) : (
          <OpenPlan item={item} plan={plan.data} onNotice={setNotice} />
        )}
      </Stack>
    </Modal>
  );
}

function OpenPlan({
  item,
  plan,
  onNotice,
}: {
  item: RegisterItem;
  plan: Plan;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation('risk');
  return (
    <Stack gap="md">
      <Text>
        <strong>{t(`plan.${plan.state as 'direncanakan'}`)}</strong>
        {plan.overdue && ` · ${t('plan.overdue')}`}
      </Text>
      {plan.state === 'direncanakan' && (
        <>
          <PlanForm item={item} plan={plan} onSaved={() => onNotice(t('form.saved'))} />
          <Divider />
          <InterviewedForm plan={plan} onDone={() => onNotice(t('form.interviewedDone'))} />
        </>
      )}
      {(plan.state === 'direncanakan' || plan.state === 'diwawancarai') && (
        <>
          <Divider />
          <CancelForm plan={plan} onDone={() => onNotice(t('form.cancelled'))} />
        </>
      )}
    </Stack>
  );
}

function PlanForm({
  item,
  plan,
  onSaved,
}: {
  item: RegisterItem;
  plan?: Plan;
  onSaved: () => void;
}) {
  const { t } = useTranslation('risk');
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const [interviewer, setInterviewer] = useState<{ id: string; name: string } | undefined>(
    plan?.interviewer,
  );
  const [targetDate, setTargetDate] = useState(plan?.targetDate ?? '');
  const [notes, setNotes] = useState(plan?.notes ?? '');
  const [missing, setMissing] = useState<{ interviewerId?: string; targetDate?: string }>({});
  const mutation = plan ? update : create;
  const errors = usePlanFieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const gaps = {
      ...(interviewer ? {} : { interviewerId: t('form.required') }),
      ...(targetDate ? {} : { targetDate: t('form.required') }),
    };
    setMissing(gaps);
    if (!interviewer || !targetDate) return;
    const body = { interviewerId: interviewer.id, targetDate, notes };
    // Awaited, not onSuccess of mutate(): the refresh may replace this form before that runs.
    const saved = plan
      ? update.mutateAsync({
          params: { path: { id: plan.id } },
          body: { ...body, expectedVersion: plan.version },
        })
      : create.mutateAsync({ body: { ...body, userId: item.userId } });
    saved.then(onSaved, () => undefined);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <InterviewerPicker
          value={interviewer}
          onChange={setInterviewer}
          error={missing.interviewerId ?? errors.interviewerId}
          exclude={item.userId}
        />
        <TextInput
          type="date"
          label={t('form.targetDate')}
          description={t('form.targetHelp')}
          value={targetDate}
          min={wibToday()}
          onChange={(e) => setTargetDate(e.currentTarget.value)}
          error={missing.targetDate ?? errors.targetDate}
          required
        />
        <Textarea
          label={t('form.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          error={errors.notes}
        />
        {mutation.isError && Object.keys(errors).length === 0 && (
          <ApiErrorAlert error={mutation.error} />
        )}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A people search by name or whole NIP, its hits as radio options (keyboard and screen reader). */
function InterviewerPicker({
  value,
  onChange,
  error,
  exclude,
}: {
  value?: { id: string; name: string };
  onChange: (person: { id: string; name: string }) => void;
  error?: string;
  exclude: string;
}) {
  const { t } = useTranslation('risk');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 250);
  const people = usePeopleSearch(q);
  const hits = (people.data ?? []).filter((p) => p.id !== exclude).slice(0, 8);
  const options: { id: string; name: string; jabatan?: string; opdCode?: string }[] =
    value && !hits.some((h) => h.id === value.id) ? [value, ...hits] : hits;
  return (
    <Stack gap={4}>
      <TextInput
        label={t('form.interviewerSearch')}
        description={t('form.interviewerHelp')}
        type="search"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error}
      />
      {q.trim().length >= 2 && people.isSuccess && hits.length === 0 && (
        <Text size="sm" c="dimmed" role="status">
          {t('form.noPeople')}
        </Text>
      )}
      {options.length > 0 && (
        <Radio.Group
          label={t('form.interviewer')}
          value={value?.id ?? null}
          onChange={(id) => {
            const person = options.find((p) => p.id === id);
            if (person) onChange({ id: person.id, name: person.name });
          }}
        >
          <Stack gap={4} mt={4}>
            {options.map((p) => (
              <Radio
                key={p.id}
                value={p.id}
                label={p.jabatan ? `${p.name} · ${p.jabatan} · ${p.opdCode}` : p.name}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}

function InterviewedForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const { t } = useTranslation('risk');
  const mark = useMarkInterviewed();
  const [day, setDay] = useState(wibToday());
  const errors = usePlanFieldErrors(mark.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        mark
          .mutateAsync({ params: { path: { id: plan.id } }, body: { interviewedOn: day } })
          .then(onDone, () => undefined);
      }}
      noValidate
    >
      <Stack gap="sm">
        <TextInput
          type="date"
          label={t('form.interviewedOn')}
          value={day}
          max={wibToday()}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={errors.interviewedOn}
        />
        {mark.isError && !errors.interviewedOn && <ApiErrorAlert error={mark.error} />}
        <Group>
          <Button type="submit" variant="light" loading={mark.isPending}>
            {t('form.interviewed')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CancelForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const { t } = useTranslation('risk');
  const cancel = useCancelPlan();
  const [reason, setReason] = useState('');
  const [short, setShort] = useState(false);
  const errors = usePlanFieldErrors(cancel.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const tooShort = reason.trim().length < 10;
        setShort(tooShort);
        if (tooShort) return;
        cancel
          .mutateAsync({ params: { path: { id: plan.id } }, body: { reason } })
          .then(onDone, () => undefined);
      }}
      noValidate
    >
      <Stack gap="sm">
        <Textarea
          label={t('form.cancelReason')}
          description={t('form.cancelHelp')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          error={short ? t('form.cancelHelp') : errors.reason}
        />
        {cancel.isError && !errors.reason && <ApiErrorAlert error={cancel.error} />}
        <Group>
          <Button type="submit" color="red.8" variant="outline" loading={cancel.isPending}>
            {t('form.cancelConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
