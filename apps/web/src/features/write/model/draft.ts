import type { Schemas } from '@/lib/api/types';

export type AssetResponse = Schemas['AssetResponseDto'];
export type AssetTypeTemplate = Schemas['AssetTypeDto'];
export type SectionTemplate = Schemas['SectionTemplateDto'];
export type AssetType = AssetTypeTemplate['type'];
export type Visibility = AssetResponse['visibility'];
export type SeciMode = NonNullable<AssetResponse['seciMode']>;
export type Attachment = Schemas['AttachmentSummaryDto'];
/** A required part still empty, as the API names it: `{ key, label, labelEn }`. */
export type MissingPart = Schemas['MissingPartDto'];
type UpdateBody = Schemas['UpdateAssetDto'];

export const VISIBILITIES: readonly Visibility[] = ['publik', 'internal', 'opd', 'cop'];
export const SECI_MODES: readonly SeciMode[] = [
  'sosialisasi',
  'eksternalisasi',
  'kombinasi',
  'internalisasi',
];

/** A person as the form shows them (an author, the interviewed expert). */
export interface PersonRef {
  id: string;
  name: string;
  opdCode: string;
}

/** Everything the author edits on the form (the asset's type is fixed once the draft exists). */
export interface DraftForm {
  title: string;
  summary: string;
  /** Markdown by section key; '' is an empty section. */
  sections: Record<string, string>;
  tags: string[];
  visibility: Visibility;
  seciMode: SeciMode | null;
  copId: string | null;
  /** Every author, the writer first. */
  authors: PersonRef[];
  narasumber: PersonRef | null;
}

/** The API's title rule (3–300 characters once trimmed): a draft needs a title to exist. */
export const TITLE_MIN = 3;
export const TITLE_MAX = 300;

export function titleIsValid(title: string): boolean {
  const length = title.trim().length;
  return length >= TITLE_MIN && length <= TITLE_MAX;
}

export function emptyForm(writer: PersonRef): DraftForm {
  return {
    title: '',
    summary: '',
    sections: {},
    tags: [],
    visibility: 'internal',
    seciMode: null,
    copId: null,
    authors: [writer],
    narasumber: null,
  };
}

/** What the server holds, as the form. */
export function formFromAsset(asset: AssetResponse): DraftForm {
  return {
    title: asset.title,
    summary: asset.summary,
    sections: { ...asset.sections },
    tags: [...asset.tags],
    visibility: asset.visibility,
    seciMode: asset.seciMode,
    copId: asset.copId,
    authors: asset.authors.map(personRef),
    narasumber: asset.narasumber ? personRef(asset.narasumber) : null,
  };
}

function personRef(p: PersonRef): PersonRef {
  return { id: p.id, name: p.name, opdCode: p.opdCode };
}

export const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const section = (form: DraftForm, key: string): string => form.sections[key] ?? '';

/** The fields of the form, each compared on its own. */
export type DraftField = Exclude<keyof DraftForm, 'sections'> | `sections.${string}`;

/** Which fields differ between two versions of the form. */
export function changedFields(form: DraftForm, saved: DraftForm): DraftField[] {
  const out: DraftField[] = [];
  if (form.title !== saved.title) out.push('title');
  if (form.summary !== saved.summary) out.push('summary');
  const keys = new Set([...Object.keys(form.sections), ...Object.keys(saved.sections)]);
  for (const key of keys)
    if (section(form, key) !== section(saved, key)) out.push(`sections.${key}`);
  if (!sameList(form.tags, saved.tags)) out.push('tags');
  if (form.visibility !== saved.visibility) out.push('visibility');
  if (form.seciMode !== saved.seciMode) out.push('seciMode');
  if (form.copId !== saved.copId) out.push('copId');
  const ids = (people: PersonRef[]) => people.map((p) => p.id);
  if (!sameList(ids(form.authors), ids(saved.authors))) out.push('authors');
  if (form.narasumber?.id !== saved.narasumber?.id) out.push('narasumber');
  return out;
}

export function isSaved(form: DraftForm, saved: DraftForm): boolean {
  return changedFields(form, saved).length === 0;
}

/** Why a changed field cannot be sent yet (the API would refuse it), if it cannot. */
export type HeldBack = 'title' | 'copId';

/**
 * The content changes the API can take now, as the body of PATCH /assets/:id (without
 * expectedVersion), plus the changed fields it has to wait for: a title under 3 characters, the
 * `cop` visibility before a CoP is chosen. A value that cannot be cleared through the API (SECI
 * mode, CoP, narasumber) is only ever set. Authors change through their own route.
 */
export function contentChanges(
  form: DraftForm,
  saved: DraftForm,
): { body: Omit<UpdateBody, 'expectedVersion'>; sent: DraftField[]; held: HeldBack[] } {
  const body: Omit<UpdateBody, 'expectedVersion'> = {};
  const sent: DraftField[] = [];
  const held: HeldBack[] = [];
  for (const field of changedFields(form, saved)) {
    if (field === 'title') {
      if (titleIsValid(form.title)) body.title = form.title;
      else {
        held.push('title');
        continue;
      }
    } else if (field === 'summary') body.summary = form.summary;
    else if (field.startsWith('sections.')) {
      const key = field.slice('sections.'.length);
      body.sections = { ...body.sections, [key]: section(form, key) };
    } else if (field === 'tags') body.tags = form.tags;
    else if (field === 'seciMode') {
      if (!form.seciMode) continue;
      body.seciMode = form.seciMode;
    } else if (field === 'copId') {
      if (!form.copId) continue;
      body.copId = form.copId;
    } else if (field === 'visibility') {
      if (form.visibility === 'cop' && !form.copId) {
        held.push('copId');
        continue;
      }
      body.visibility = form.visibility;
    } else if (field === 'narasumber') {
      if (!form.narasumber) continue;
      body.narasumberId = form.narasumber.id;
    } else continue;
    sent.push(field);
  }
  return { body, sent, held };
}

/** `saved` with the given fields taken from `form` (what the server now holds). */
export function withFields(saved: DraftForm, form: DraftForm, fields: DraftField[]): DraftForm {
  const next: DraftForm = { ...saved, sections: { ...saved.sections } };
  for (const field of fields) {
    if (field.startsWith('sections.')) {
      const key = field.slice('sections.'.length);
      next.sections[key] = section(form, key);
    } else {
      const name = field as Exclude<DraftField, `sections.${string}`>;
      (next as unknown as Record<string, unknown>)[name] = form[name];
    }
  }
  return next;
}

/** Where each thing the completeness meter can name lives on the form. */
export function fieldIdOf(missingKey: string): string | undefined {
  if (missingKey === 'summary') return 'tulis-ringkasan';
  if (missingKey === 'tags') return 'tulis-tag';
  if (missingKey === 'seciMode') return 'tulis-seci';
  if (missingKey === 'attachment') return 'tulis-lampiran';
  if (missingKey.startsWith('section:')) return sectionFieldId(missingKey.slice('section:'.length));
  return undefined;
}

export function sectionFieldId(key: string): string {
  return `tulis-bagian-${key}`;
}

/** A missing part by the label the API gives it, in the form's language. */
export function missingLabel(part: MissingPart, lang: 'id' | 'en'): string {
  return lang === 'en' ? part.labelEn : part.label;
}

/**
 * What a brand-new draft misses (nothing is on the server yet): every requirement of the type,
 * the sections by their labels, the other parts by the words the API uses for them.
 */
export function missingInNewDraft(
  template: AssetTypeTemplate,
  lang: 'id' | 'en',
  partLabels: Record<'summary' | 'tags' | 'seciMode' | 'attachment', string>,
): { key: string; label: string }[] {
  return [
    ...template.sections
      .filter((s) => s.required)
      .map((s) => ({ key: `section:${s.key}`, label: s.label[lang] })),
    { key: 'summary', label: partLabels.summary },
    { key: 'tags', label: partLabels.tags },
    { key: 'seciMode', label: partLabels.seciMode },
    ...(template.requiresAttachment ? [{ key: 'attachment', label: partLabels.attachment }] : []),
  ];
}
