import {
  Alert,
  Button,
  Checkbox,
  CloseButton,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { AnchorLink } from '@/components/links';
import { MarkdownEditor } from '@/components/markdown-editor/markdown-editor';
import { toApiError } from '@/lib/api/errors';
import { fieldErrors } from '@/lib/api/field-errors';
import type { Attendee } from '../attendee';
import { parseDay, parseTime, wibInstant } from '../meeting-time';
import {
  useCopAssetsQuery,
  useCreateMeeting,
  useMyAssetsQuery,
  useRefreshCop,
} from '../queries/community-queries';
import { uploadEvidence } from '../services/meeting-files';
import { AttendanceImport } from './attendance-import';
import { EvidenceDrop } from './evidence-drop';
import { type Person, PersonLookup, personOptionLabel } from './person-lookup';
import classes from './meeting-form.module.css';

const MODES = ['luring', 'daring', 'hibrida'] as const;
const SECI = ['sosialisasi', 'eksternalisasi', 'kombinasi', 'internalisasi'] as const;

type Errors = Partial<
  Record<
    | 'date'
    | 'time'
    | 'topic'
    | 'duration'
    | 'attendees'
    | 'outputs'
    | 'mode'
    | 'agenda'
    | 'minutes',
    string
  >
>;

/**
 * Catat pertemuan: when (typed dd/mm/yyyy and hh:mm, WIB), how, what about, the minutes in the
 * portal's editor, who attended (found by name or NIP, pasted as a NIP list or imported from an
 * attendance sheet, each with a report before saving), guests, SECI mode, output assets and
 * evidence files. The API's refusals appear beside their fields; a duplicate links to the
 * meeting already logged.
 */
export function MeetingForm({ copId }: { copId: string }) {
  const { t } = useTranslation('communities');
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const refresh = useRefreshCop();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [topic, setTopic] = useState('');
  const [mode, setMode] = useState<(typeof MODES)[number]>('luring');
  const [agenda, setAgenda] = useState('');
  const [minutes, setMinutes] = useState('');
  const [duration, setDuration] = useState<number | string>(60);
  const [guests, setGuests] = useState<number | string>(0);
  const [seci, setSeci] = useState('');
  const [publicMinutes, setPublicMinutes] = useState(false);
  const [attendees, setAttendees] = useState<Attendee[]>([]);
  const [outputs, setOutputs] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [duplicateId, setDuplicateId] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [uploadFailure, setUploadFailure] = useState<{ id: string; error: unknown }>();
  const [saving, setSaving] = useState(false);

  const mine = useMyAssetsQuery();
  const copAssets = useCopAssetsQuery(copId);
  const assetOptions = new Map<string, string>();
  for (const a of [...(copAssets.data?.items ?? []), ...(mine.data?.items ?? [])])
    assetOptions.set(a.id, a.title);

  const addPeople = (people: Attendee[]) =>
    setAttendees((current) => {
      const ids = new Set(current.map((a) => a.id));
      return [...current, ...people.filter((p) => !ids.has(p.id))];
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    setDuplicateId(undefined);
    const day = parseDay(date);
    const clock = parseTime(time);
    const local: Errors = {};
    if (!day) local.date = t('form.dateInvalid');
    if (!clock) local.time = t('form.timeInvalid');
    if (topic.trim().length < 3) local.topic = t('form.topicShort');
    if (typeof duration !== 'number' || duration < 1 || duration > 720)
      local.duration = t('form.durationRange');
    setErrors(local);
    if (Object.keys(local).length > 0 || !day || !clock) return;
    setSaving(true);
    try {
      const meeting = await create.mutateAsync({
        params: { path: { id: copId } },
        body: {
          heldAt: wibInstant(day, clock),
          mode,
          topic: topic.trim(),
          ...(agenda.trim() ? { agenda } : {}),
          ...(minutes.trim() ? { minutes } : {}),
          durationMinutes: Number(duration),
          guestCount: typeof guests === 'number' ? guests : 0,
          ...(seci ? { seciMode: seci as (typeof SECI)[number] } : {}),
          minutesVisibility: publicMinutes ? 'internal' : 'cop',
          attendeeIds: attendees.map((a) => a.id),
          outputAssetIds: outputs,
        },
      });
      for (const file of files) {
        try {
          await uploadEvidence(meeting.id, file);
        } catch (error) {
          setUploadFailure({ id: meeting.id, error });
          await refresh();
          return;
        }
      }
      await refresh();
      await navigate({ to: '/komunitas/pertemuan/$id', params: { id: meeting.id } });
    } catch (error) {
      showRefusal(error);
    } finally {
      setSaving(false);
    }
  };

  /** The API's refusal beside the field it is about; anything else above the button. */
  const showRefusal = (error: unknown) => {
    const e = toApiError(error);
    const byField = fieldErrors(e);
    const next: Errors = {
      date: byField.heldAt,
      topic: byField.topic,
      duration: byField.durationMinutes,
      mode: byField.mode,
      agenda: byField.agenda,
      minutes: byField.minutes,
      attendees: byField.attendeeIds ?? byField.attendeeNips,
      outputs: byField.outputAssetIds,
    };
    if (e.code === 'MEETING_IN_FUTURE' || e.code === 'AWARD_YEAR_FINALIZED') next.date = e.message;
    if (e.code === 'DUPLICATE_MEETING') {
      next.topic = e.message;
      const existing = (e.details as { existingId?: unknown } | undefined)?.existingId;
      if (typeof existing === 'string') setDuplicateId(existing);
    }
    if (e.code === 'UNKNOWN_USERS') {
      const unknown = e.fieldProblems[0]?.details?.unknown;
      const names = Array.isArray(unknown)
        ? unknown.map((u) => attendees.find((a) => a.id === u)?.nip ?? String(u))
        : [];
      next.attendees = `${e.message} ${names.join(', ')}`.trim();
    }
    if (e.code === 'UNKNOWN_OUTPUT_ASSETS') next.outputs = e.message;
    const shown = Object.values(next).some(Boolean);
    setErrors(Object.fromEntries(Object.entries(next).filter(([, v]) => v)));
    if (!shown) setFailure(error);
  };

  const excluded = new Set(attendees.map((a) => a.id));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className={classes.form}>
      <Paper withBorder p="md" component="fieldset" className={classes.fieldset}>
        <Title order={2} size="h4" component="legend" className={classes.legend}>
          {t('form.when')}
        </Title>
        <div className={classes.pair}>
          <TextInput
            label={t('form.date')}
            description={t('form.dateHint')}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            autoComplete="off"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.date}
          />
          <TextInput
            label={t('form.time')}
            description={t('form.timeHint')}
            placeholder="hh:mm"
            inputMode="numeric"
            autoComplete="off"
            required
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            error={errors.time}
          />
        </div>
        <div className={classes.pair}>
          <NativeSelect
            label={t('form.mode')}
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value as (typeof MODES)[number])}
            data={MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
            error={errors.mode}
          />
          <NumberInput
            label={t('form.duration')}
            min={1}
            max={720}
            required
            allowDecimal={false}
            value={duration}
            onChange={setDuration}
            error={errors.duration}
          />
        </div>
      </Paper>

      <Paper withBorder p="md" component="fieldset" className={classes.fieldset}>
        <Title order={2} size="h4" component="legend" className={classes.legend}>
          {t('form.what')}
        </Title>
        <Stack gap="sm">
          <div>
            <TextInput
              label={t('form.topic')}
              required
              maxLength={300}
              value={topic}
              onChange={(e) => setTopic(e.currentTarget.value)}
              error={errors.topic}
            />
            {duplicateId && (
              <AnchorLink
                to="/komunitas/pertemuan/$id"
                params={{ id: duplicateId }}
                size="sm"
                mt={4}
                display="inline-block"
              >
                {t('form.duplicateLink')}
              </AnchorLink>
            )}
          </div>
          <Textarea
            label={t('form.agenda')}
            autosize
            minRows={2}
            maxLength={5000}
            value={agenda}
            onChange={(e) => setAgenda(e.currentTarget.value)}
            error={errors.agenda}
          />
          <MarkdownEditor
            id="meeting-minutes"
            label={t('form.minutes')}
            description={t('form.minutesHint')}
            initialValue=""
            onChange={setMinutes}
            error={errors.minutes}
          />
          <Checkbox
            label={t('form.publicMinutes')}
            checked={publicMinutes}
            onChange={(e) => setPublicMinutes(e.currentTarget.checked)}
          />
          <NativeSelect
            label={t('form.seci')}
            value={seci}
            onChange={(e) => setSeci(e.currentTarget.value)}
            data={[
              { value: '', label: t('form.seciNone') },
              ...SECI.map((s) => ({ value: s, label: t(`seci.${s}`) })),
            ]}
          />
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="fieldset" className={classes.fieldset}>
        <Title order={2} size="h4" component="legend" className={classes.legend}>
          {t('form.who')}
        </Title>
        <Stack gap="sm">
          <PersonLookup
            copId={copId}
            label={t('form.attendees')}
            exclude={excluded}
            error={errors.attendees}
            onPick={(p: Person) => addPeople([p])}
          />
          {attendees.length > 0 ? (
            <ul
              className={classes.chips}
              aria-label={t('form.chosen', { count: attendees.length })}
            >
              {attendees.map((a) => (
                <li key={a.id} className={classes.chip}>
                  <Text size="sm">
                    {personOptionLabel(a)}
                    {a.opdCode ? ` · ${a.opdCode}` : ''}
                  </Text>
                  <CloseButton
                    size="sm"
                    aria-label={t('form.removeAttendee', { name: a.name })}
                    onClick={() => setAttendees((c) => c.filter((x) => x.id !== a.id))}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <Text size="sm" c="dimmed">
              {t('form.noAttendees')}
            </Text>
          )}
          <AttendanceImport copId={copId} onAdd={addPeople} />
          <NumberInput
            label={t('form.guests')}
            description={t('form.guestsHint')}
            min={0}
            max={10000}
            allowDecimal={false}
            value={guests}
            onChange={setGuests}
          />
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="fieldset" className={classes.fieldset}>
        <Title order={2} size="h4" component="legend" className={classes.legend}>
          {t('form.results')}
        </Title>
        <Stack gap="sm">
          <MultiSelect
            label={t('form.outputs')}
            description={t('form.outputsHint')}
            data={[...assetOptions].map(([value, label]) => ({ value, label }))}
            value={outputs}
            onChange={setOutputs}
            searchable
            nothingFoundMessage={t('form.outputsNone')}
            error={errors.outputs}
            comboboxProps={{ withinPortal: true }}
          />
          <EvidenceDrop files={files} onChange={setFiles} />
        </Stack>
      </Paper>

      {failure !== undefined && <ApiErrorAlert error={failure} />}
      {uploadFailure && (
        <Alert color="orange" role="alert" title={t('form.savedUploadFailed')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{toApiError(uploadFailure.error).message}</Text>
            <AnchorLink to="/komunitas/pertemuan/$id" params={{ id: uploadFailure.id }}>
              {t('form.openSaved')}
            </AnchorLink>
          </Stack>
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={saving} disabled={!!uploadFailure}>
          {t('form.save')}
        </Button>
      </Group>
    </form>
  );
}
