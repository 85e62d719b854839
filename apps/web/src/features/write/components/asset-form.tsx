import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { AnchorLink, ButtonLink } from '@/components/links';
import { currentLanguage } from '@/i18n';
import { api } from '@/lib/api/client';
import { toApiError } from '@/lib/api/errors';
import { formatWibTime } from '@/lib/format/wib';
import {
  type AssetResponse,
  type AssetTypeTemplate,
  type Attachment,
  type DraftForm,
  fieldIdOf,
  missingInNewDraft,
  missingLabel,
  type MissingPart,
  type PersonRef,
  SECI_MODES,
  sectionFieldId,
  type SeciMode,
  TITLE_MAX,
  VISIBILITIES,
  type Visibility,
} from '../model/draft';
import { useMyCopsQuery } from '../queries/write-queries';
import { AttachmentsField } from './attachments-field';
import { ChoiceCards } from './choice-cards';
import { CompletenessMeter, type MissingItem } from './completeness-meter';
import { MarkdownEditor } from '@/components/markdown-editor/markdown-editor';
import { PeoplePicker } from './people-picker';
import { TagsField } from './tags-field';
import { type SaveStatus, useDraftSaver } from './use-draft-saver';
import classes from './asset-form.module.css';

interface AssetFormProps {
  template: AssetTypeTemplate;
  writer: PersonRef;
  /** The asset as loaded; undefined for a new draft. */
  asset?: AssetResponse;
  initialForm: DraftForm;
  initialSaved: DraftForm;
  baseVersion?: number;
  /** The form came back from this tab's copy (a save had not reached the server). */
  restored: boolean;
  onCreated: (id: string) => void;
  /** Back to the type cards (only before the draft exists). */
  onChangeType?: () => void;
  /** A new draft starts in its title. */
  autoFocusTitle?: boolean;
}

const FIELD = {
  title: 'tulis-judul',
  summary: 'tulis-ringkasan',
  tags: 'tulis-tag',
  seci: 'tulis-seci',
  visibility: 'tulis-visibilitas',
  cop: 'tulis-komunitas',
  coAuthors: 'tulis-penulis',
  attachments: 'tulis-lampiran',
} as const;
/** The hint above the sections (Word paste, Tab in tables), which every editor refers to. */
const CONTENT_HINT = 'tulis-isi-petunjuk';

/**
 * The write form: title, summary, one field per template section (its label, its guidance), the
 * attachments, tags, SECI mode, visibility (and CoP), co-authors. Drafts save themselves; the
 * completeness meter names what is missing; "Ajukan" submits, and what the API still misses is
 * shown beside its field.
 */
export function AssetForm(props: AssetFormProps) {
  const { template, writer, asset } = props;
  const { t } = useTranslation('write');
  const lang = currentLanguage();
  const status = asset?.status ?? 'draft';
  const published = status === 'published';
  const saver = useDraftSaver({
    type: template.type,
    writerId: writer.id,
    asset,
    initialForm: props.initialForm,
    initialSaved: props.initialSaved,
    baseVersion: props.baseVersion,
    mode: published ? 'manual' : 'auto',
    onCreated: props.onCreated,
  });
  const { form, setForm, server } = saver;
  const [restoredNotice, setRestoredNotice] = useState(props.restored);
  const [submitting, setSubmitting] = useState(false);
  const [submitMissing, setSubmitMissing] = useState<MissingPart[]>([]);
  const [submitError, setSubmitError] = useState<unknown>();
  const [submitted, setSubmitted] = useState(false);
  const [savedByHand, setSavedByHand] = useState(false);
  const missingAlert = useRef<HTMLDivElement>(null);
  const cops = useMyCopsQuery(form.visibility === 'cop' || !!form.copId);

  const set = <K extends keyof DraftForm>(key: K, value: DraftForm[K]) => {
    setSavedByHand(false);
    setForm((current) => ({ ...current, [key]: value }));
  };
  const setSection = useCallback(
    (key: string, markdown: string) => {
      setSavedByHand(false);
      setForm((current) => ({ ...current, sections: { ...current.sections, [key]: markdown } }));
    },
    [setForm],
  );

  const missingParts = server
    ? server.missing.map((part) => ({ key: part.key, label: missingLabel(part, lang) }))
    : missingInNewDraft(template, lang, {
        summary: t('completeness.parts.summary'),
        tags: t('completeness.parts.tags'),
        seciMode: t('completeness.parts.seciMode'),
        attachment: t('completeness.parts.attachment'),
      });
  const missing: MissingItem[] = missingParts.map((part) => ({
    ...part,
    fieldId: fieldIdOf(part.key),
  }));

  /** Whether something the API said was missing at submit time is still missing now. */
  const stillMissing = (missingKey: string): boolean => {
    if (!submitMissing.some((part) => part.key === missingKey)) return false;
    if (missingKey === 'attachment') return (server?.attachments.length ?? 0) === 0;
    if (missingKey === 'section:narasumber') return !form.narasumber;
    if (missingKey.startsWith('section:'))
      return !form.sections[missingKey.slice('section:'.length)]?.trim();
    return true;
  };
  /** A field the API refused, or one still missing since "Ajukan". */
  const errorOf = (field: string, missingKey?: string): string | undefined =>
    saver.errors[field] ??
    (missingKey && stillMissing(missingKey) ? t('submit.requiredHere') : undefined);

  const ensureDraft = useCallback(async (): Promise<string | undefined> => {
    await saver.saveNow();
    return saver.getAssetId();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saveNow and getAssetId read refs
  }, []);

  const onUploaded = useCallback(
    (attachment: Attachment) => {
      saver.setServer((current) =>
        current ? { ...current, attachments: [...current.attachments, attachment] } : current,
      );
      void saver.refreshServer().catch(() => undefined);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- stable setters of the saver
    [],
  );
  const onRemoved = useCallback(
    (id: string) => {
      saver.setServer((current) =>
        current
          ? { ...current, attachments: current.attachments.filter((a) => a.id !== id) }
          : current,
      );
      void saver.refreshServer().catch(() => undefined);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- stable setters of the saver
    [],
  );

  const saveByHand = async () => {
    setSubmitError(undefined);
    const ok = await saver.saveNow();
    setSavedByHand(ok);
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    setSubmitMissing([]);
    try {
      const ok = await saver.saveNow();
      const id = saver.getAssetId();
      if (!ok || !id) {
        setSubmitError(new Error('not saved'));
        return;
      }
      await api.POST('/api/v1/assets/{id}/submit', { params: { path: { id } }, body: {} });
      saver.forget();
      setSubmitted(true);
    } catch (failure) {
      const error = toApiError(failure);
      const details = error.details as { missing?: unknown } | undefined;
      if (error.code === 'ASSET_INCOMPLETE' && Array.isArray(details?.missing)) {
        setSubmitMissing(details.missing.filter(isMissingPart));
        setSubmitError(error);
        requestAnimationFrame(() => missingAlert.current?.focus());
      } else {
        setSubmitError(error);
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (submitted && saver.assetId) {
    return (
      <Paper withBorder p="lg" role="status">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h3">
            {t('submit.doneTitle')}
          </Title>
          <Text>{t('submit.doneBody', { title: form.title })}</Text>
          <Group gap="sm">
            <ButtonLink to="/aset/$id" params={{ id: saver.assetId }}>
              {t('submit.viewAsset')}
            </ButtonLink>
            <ButtonLink to="/tulis" variant="default" reloadDocument>
              {t('submit.writeAnother')}
            </ButtonLink>
          </Group>
        </Stack>
      </Paper>
    );
  }

  const seciChoices = SECI_MODES.map((mode) => ({
    value: mode,
    label: t(`seci.${mode}.label`),
    description: t(`seci.${mode}.description`),
  }));
  const visibilityChoices = VISIBILITIES.map((v) => ({
    value: v,
    label: t(`visibility.${v}.label`),
    description: t(`visibility.${v}.description`),
  }));
  const copOptions = (cops.data?.items ?? []).map((cop) => ({ value: cop.id, label: cop.name }));
  const titleHeld = saver.status.kind === 'held' && saver.status.reason === 'title';

  return (
    <form noValidate onSubmit={(event) => event.preventDefault()} className={classes.layout}>
      <div className={classes.main}>
        {restoredNotice && (
          <Alert
            variant="light"
            color="blue"
            title={t('restored.title')}
            withCloseButton
            closeButtonLabel={t('restored.close')}
            onClose={() => setRestoredNotice(false)}
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('restored.body')}</Text>
              {saver.assetId && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    setRestoredNotice(false);
                    void saver.takeServers();
                  }}
                >
                  {t('restored.discard')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}

        <Paper withBorder p="md" component="section" aria-labelledby="tulis-tentang">
          <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
            <Title order={2} size="h4" id="tulis-tentang">
              {t('sections.about')}
            </Title>
            <Badge variant="light" size="lg">
              {template.label[lang]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" mb="md">
            {template.description[lang]}{' '}
            {props.onChangeType && !saver.assetId && (
              <AnchorLinkButton onClick={props.onChangeType}>{t('type.change')}</AnchorLinkButton>
            )}
          </Text>
          <Stack gap="md">
            <TextInput
              id={FIELD.title}
              label={t('fields.title')}
              description={t('fields.titleHint')}
              required
              autoFocus={props.autoFocusTitle}
              maxLength={TITLE_MAX}
              value={form.title}
              onChange={(event) => set('title', event.currentTarget.value)}
              error={
                saver.errors.title ??
                (titleHeld && form.title.trim().length > 0 ? t('fields.titleTooShort') : undefined)
              }
            />
            <Textarea
              id={FIELD.summary}
              label={t('fields.summary')}
              description={t('fields.summaryHint')}
              autosize
              minRows={3}
              maxLength={2000}
              value={form.summary}
              onChange={(event) => set('summary', event.currentTarget.value)}
              error={saver.errors.summary}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="tulis-isi">
          <Title order={2} size="h4" id="tulis-isi" mb={4}>
            {t('sections.content', { type: template.label[lang] })}
          </Title>
          <Text size="sm" c="dimmed" mb="md" id={CONTENT_HINT}>
            {t('sections.contentHint')}
          </Text>
          <Stack gap="lg">
            {template.sections.map((section) => {
              // The field's name is the label alone (the contract); "optional" is said below it.
              const guidance = section.required
                ? section.guidance[lang]
                : `${t('fields.optional')} ${section.guidance[lang]}`;
              if (section.kind === 'user') {
                return (
                  <PeoplePicker
                    key={section.key}
                    id={sectionFieldId(section.key)}
                    label={section.label[lang]}
                    description={guidance}
                    required={section.required}
                    value={form.narasumber}
                    onChange={(person) => set('narasumber', person)}
                    error={errorOf('narasumberId', `section:${section.key}`)}
                  />
                );
              }
              return (
                <MarkdownEditor
                  key={`${section.key}:${saver.generation}`}
                  id={sectionFieldId(section.key)}
                  label={section.label[lang]}
                  description={guidance}
                  required={section.required}
                  initialValue={form.sections[section.key] ?? ''}
                  onChange={(markdown) => setSection(section.key, markdown)}
                  helpId={CONTENT_HINT}
                  error={errorOf(`sections.${section.key}`, `section:${section.key}`)}
                />
              );
            })}
          </Stack>
        </Paper>

        {/* Not a named region: "Lampiran" names the file input alone (the contract). */}
        <Paper withBorder p="md" component="section">
          <Title order={2} size="h4" mb={4}>
            {t('attachments.label')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {template.requiresAttachment ? t('attachments.required') : t('attachments.optional')}
          </Text>
          <AttachmentsField
            id={FIELD.attachments}
            assetId={saver.assetId}
            attachments={server?.attachments ?? []}
            ensureDraft={ensureDraft}
            onUploaded={onUploaded}
            onRemoved={onRemoved}
            required={template.requiresAttachment}
            error={errorOf('files', 'attachment')}
          />
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="tulis-akses">
          <Title order={2} size="h4" id="tulis-akses" mb="md">
            {t('sections.access')}
          </Title>
          <Stack gap="lg">
            <TagsField
              id={FIELD.tags}
              value={form.tags}
              onChange={(tags) => set('tags', tags)}
              error={saver.errors.tags}
            />
            <ChoiceCards<SeciMode>
              id={FIELD.seci}
              label={t('fields.seciMode')}
              description={t('fields.seciHint')}
              choices={seciChoices}
              value={form.seciMode}
              onChange={(mode) => set('seciMode', mode)}
              error={saver.errors.seciMode}
            />
            <ChoiceCards<Visibility>
              id={FIELD.visibility}
              label={t('fields.visibility')}
              description={t('fields.visibilityHint')}
              choices={visibilityChoices}
              value={form.visibility}
              onChange={(visibility) => set('visibility', visibility)}
              error={saver.errors.visibility}
            />
            {(form.visibility === 'cop' || form.copId) && (
              <Select
                id={FIELD.cop}
                label={t('fields.cop')}
                description={
                  cops.data && copOptions.length === 0 ? t('fields.copNone') : t('fields.copHint')
                }
                required={form.visibility === 'cop'}
                data={copOptions}
                value={form.copId}
                allowDeselect={false}
                placeholder={cops.isPending ? t('fields.copLoading') : t('fields.copPlaceholder')}
                onChange={(copId) => copId && set('copId', copId)}
                error={
                  saver.errors.copId ??
                  (saver.status.kind === 'held' && saver.status.reason === 'copId'
                    ? t('fields.copRequired')
                    : undefined)
                }
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {form.authors.some((a) => a.id === writer.id) && (
              <PeoplePicker
                multiple
                id={FIELD.coAuthors}
                label={t('fields.coAuthors')}
                description={t('fields.coAuthorsHint', { name: writer.name })}
                exclude={[writer.id]}
                value={form.authors.filter((a) => a.id !== writer.id)}
                onChange={(people) =>
                  set('authors', [
                    ...form.authors.filter((a) => a.id === writer.id),
                    ...people.filter((p) => p.id !== writer.id),
                  ])
                }
                error={saver.errors.coAuthorIds ?? saver.errors.authorIds}
              />
            )}
          </Stack>
        </Paper>
      </div>

      <aside className={classes.aside} aria-label={t('panel.label')}>
        <Paper withBorder p="md" className={classes.panel}>
          <Stack gap="md">
            <CompletenessMeter
              value={server?.completeness ?? 0}
              missing={missing}
              onGoTo={focusField}
            />
            <SaveState status={saver.status} published={published} savedByHand={savedByHand} />
            {saver.status.kind === 'conflict' && (
              <Alert color="orange" variant="light" role="alert" title={t('conflict.title')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{saver.status.error.message}</Text>
                  <Button size="xs" onClick={saver.keepMine}>
                    {t('conflict.keepMine')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => void saver.takeServers()}>
                    {t('conflict.takeTheirs')}
                  </Button>
                </Stack>
              </Alert>
            )}
            {submitMissing.length > 0 ? (
              <Alert
                ref={missingAlert}
                tabIndex={-1}
                color="red"
                variant="light"
                role="alert"
                title={t('submit.incompleteTitle')}
              >
                <Text size="sm">{toApiError(submitError).message}</Text>
                <ul className={classes.missingList}>
                  {submitMissing.map((part) => (
                    <li key={part.key}>
                      {fieldIdOf(part.key) ? (
                        <AnchorLinkButton onClick={() => focusField(fieldIdOf(part.key)!)}>
                          {missingLabel(part, lang)}
                        </AnchorLinkButton>
                      ) : (
                        missingLabel(part, lang)
                      )}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : submitError instanceof Error && submitError.message === 'not saved' ? (
              <Alert color="red" variant="light" role="alert">
                {t('submit.saveFirst')}
              </Alert>
            ) : submitError ? (
              <ApiErrorAlert error={submitError} />
            ) : null}
            <div className={classes.actions}>
              <Button
                variant="default"
                onClick={() => void saveByHand()}
                loading={saver.status.kind === 'saving' && !submitting}
              >
                {published || status === 'submitted'
                  ? t('actions.saveChanges')
                  : t('actions.saveDraft')}
              </Button>
              {status === 'draft' && (
                <Button onClick={() => void submit()} loading={submitting}>
                  {t('actions.submit')}
                </Button>
              )}
            </div>
            {status !== 'draft' && (
              <Text size="xs" c="dimmed">
                {published ? t('panel.publishedNote') : t('panel.submittedNote')}
              </Text>
            )}
            {saver.assetId && status !== 'draft' && (
              <AnchorLink to="/aset/$id" params={{ id: saver.assetId }} size="sm">
                {t('panel.viewAsset')}
              </AnchorLink>
            )}
          </Stack>
        </Paper>
      </aside>
    </form>
  );
}

/** "Tersimpan 16.07", "Menyimpan…", or why the draft is not saved yet. */
function SaveState({
  status,
  published,
  savedByHand,
}: {
  status: SaveStatus;
  published: boolean;
  savedByHand: boolean;
}) {
  const { t } = useTranslation('write');
  const lang = currentLanguage();
  let text: string;
  let tone: 'dimmed' | 'red.9' | 'teal.9' = 'dimmed';
  switch (status.kind) {
    case 'idle':
      text = published ? t('save.publishedIdle') : t('save.idle');
      break;
    case 'pending':
      text = t('save.pending');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'saved':
      text = t('save.saved', { time: formatWibTime(status.at, lang) });
      tone = 'teal.9';
      break;
    case 'held':
      text = status.reason === 'title' ? t('save.needsTitle') : t('save.needsCop');
      break;
    case 'invalid':
      text = t('save.invalid');
      tone = 'red.9';
      break;
    case 'failed':
      text = t('save.failed', { message: status.error.message });
      tone = 'red.9';
      break;
    case 'conflict':
      text = t('save.conflict');
      tone = 'red.9';
      break;
  }
  return (
    <Text size="sm" c={tone} role="status" data-save-state={status.kind}>
      {text}
      {savedByHand && status.kind === 'saved' ? ` ${t('save.byHand')}` : ''}
    </Text>
  );
}

/** A part of ASSET_INCOMPLETE's `details.missing`: `{ key, label, labelEn }`. */
function isMissingPart(value: unknown): value is MissingPart {
  const part = value as Partial<MissingPart> | null;
  return (
    typeof part === 'object' &&
    part !== null &&
    typeof part.key === 'string' &&
    typeof part.label === 'string' &&
    typeof part.labelEn === 'string'
  );
}

/** A link-looking button (for actions inside sentences and lists). */
function AnchorLinkButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className={classes.linkButton} onClick={onClick}>
      {children}
    </button>
  );
}

/** Moves to a field: the input itself, or a group's checked (or first) choice. */
function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const focusable = element.matches('input, textarea, [contenteditable="true"]')
    ? element
    : (element.querySelector<HTMLElement>('input:checked') ??
      element.querySelector<HTMLElement>('input, textarea, [contenteditable="true"], button'));
  focusable?.scrollIntoView({ block: 'center' });
  focusable?.focus();
}
