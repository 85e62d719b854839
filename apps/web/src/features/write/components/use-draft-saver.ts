import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '@/lib/api/client';
import { ApiError, toApiError } from '@/lib/api/errors';
import { fieldErrors } from '@/lib/api/field-errors';
import {
  type AssetResponse,
  type AssetType,
  type Attachment,
  changedFields,
  contentChanges,
  type DraftField,
  type DraftForm,
  formFromAsset,
  type HeldBack,
  isSaved,
  type MissingPart,
  sameList,
  titleIsValid,
  withFields,
} from '../model/draft';
import { NEW_DRAFT, removeLocalCopy, writeLocalCopy } from '../services/local-copy';

/** What the server says about the asset after the last answer. */
export interface ServerState {
  completeness: number;
  missing: MissingPart[];
  status: AssetResponse['status'];
  attachments: Attachment[];
}

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'held'; reason: HeldBack }
  | { kind: 'invalid'; error: ApiError }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'conflict'; error: ApiError; currentVersion?: number };

interface SaverOptions {
  type: AssetType;
  writerId: string;
  /** The asset as loaded (undefined: a new draft, not on the server yet). */
  asset?: AssetResponse;
  /** What the form starts with: the asset, or a copy restored from this tab. */
  initialForm: DraftForm;
  /** What the server holds (for a new draft: the empty form). */
  initialSaved: DraftForm;
  /** The version the form was edited from. */
  baseVersion?: number;
  /** `auto`: saves a moment after each change. `manual` (published assets, where every save is a revision): only on request. */
  mode: 'auto' | 'manual';
  onCreated: (id: string) => void;
}

const AUTOSAVE_DELAY_MS = 1500;
const LOCAL_COPY_DELAY_MS = 300;
const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000];

/**
 * The draft's form state and its saving: a moment after each change the changed fields go to the
 * API (the draft is created by the first save that has a title), guarded by the version it was
 * edited from; until the server has them a copy waits in sessionStorage. A failed save keeps
 * everything and tries again; a version conflict stops and lets the person choose; field
 * problems wait for the person to fix them.
 */
export function useDraftSaver(options: SaverOptions) {
  const { type, writerId, mode } = options;
  const [form, setFormState] = useState(options.initialForm);
  const [assetId, setAssetId] = useState(options.asset?.id);
  const [server, setServer] = useState<ServerState | undefined>(
    options.asset && serverState(options.asset),
  );
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** Bumps when the form is replaced from outside (editors then start again from it). */
  const [generation, setGeneration] = useState(0);

  const formRef = useRef(form);
  const savedRef = useRef(options.initialSaved);
  const assetIdRef = useRef(options.asset?.id);
  const versionRef = useRef(options.baseVersion ?? options.asset?.version);
  const conflictRef = useRef(false);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const failures = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onCreatedRef = useRef(options.onCreated);
  useEffect(() => {
    onCreatedRef.current = options.onCreated;
  }, [options.onCreated]);

  const copyKey = () => assetIdRef.current ?? NEW_DRAFT;

  const setForm = useCallback((change: (form: DraftForm) => DraftForm) => {
    setFormState((current) => {
      const next = change(current);
      formRef.current = next;
      return next;
    });
  }, []);

  const applyServer = (asset: AssetResponse) => setServer(serverState(asset));

  /**
   * The API stores tags as slugs ("Layanan Publik" → "layanan-publik"): once sent, the form
   * shows them as stored (unless they were changed meanwhile, which the next save sends).
   */
  const storedTags = (
    saved: DraftForm,
    snapshot: DraftForm,
    data: AssetResponse,
    sent: DraftField[],
  ): DraftForm => {
    if (!sent.includes('tags')) return saved;
    setForm((current) =>
      sameList(current.tags, snapshot.tags) ? { ...current, tags: data.tags } : current,
    );
    return { ...saved, tags: data.tags };
  };

  const doSave = async (): Promise<boolean> => {
    clearTimeout(retryTimer.current);
    if (conflictRef.current) return false;
    const snapshot = formRef.current;
    let saved = savedRef.current;
    if (assetIdRef.current && isSaved(snapshot, saved)) {
      setStatus((s) => (s.kind === 'saved' ? s : { kind: 'idle' }));
      return true;
    }
    setStatus({ kind: 'saving' });
    try {
      let held: HeldBack[] = [];
      if (!assetIdRef.current) {
        if (!titleIsValid(snapshot.title)) {
          setStatus({ kind: 'held', reason: 'title' });
          return false;
        }
        const changes = contentChanges(snapshot, saved);
        held = changes.held;
        const coAuthorIds = snapshot.authors.filter((a) => a.id !== writerId).map((a) => a.id);
        const data = answer(
          await api.POST('/api/v1/assets', {
            body: {
              type,
              title: snapshot.title,
              ...changes.body,
              ...(coAuthorIds.length > 0 ? { coAuthorIds } : {}),
            },
          }),
        );
        saved = withFields(saved, snapshot, [...changes.sent, 'title', 'authors']);
        saved = storedTags(saved, snapshot, data, changes.sent);
        assetIdRef.current = data.id;
        versionRef.current = data.version;
        setAssetId(data.id);
        applyServer(data);
        removeLocalCopy(NEW_DRAFT);
        onCreatedRef.current(data.id);
      } else {
        const id = assetIdRef.current;
        if (changedFields(snapshot, saved).includes('authors')) {
          const data = answer(
            await api.PUT('/api/v1/assets/{id}/authors', {
              params: { path: { id } },
              body: { authorIds: snapshot.authors.map((a) => a.id) },
            }),
          );
          versionRef.current = data.version;
          saved = withFields(saved, snapshot, ['authors']);
          savedRef.current = saved;
          applyServer(data);
        }
        const changes = contentChanges(snapshot, saved);
        held = changes.held;
        if (changes.sent.length > 0) {
          const data = answer(
            await api.PATCH('/api/v1/assets/{id}', {
              params: { path: { id } },
              body: { ...changes.body, expectedVersion: versionRef.current },
            }),
          );
          versionRef.current = data.version;
          saved = withFields(saved, snapshot, changes.sent);
          saved = storedTags(saved, snapshot, data, changes.sent);
          applyServer(data);
        }
      }
      savedRef.current = saved;
      failures.current = 0;
      setErrors({});
      if (isSaved(formRef.current, saved)) removeLocalCopy(copyKey());
      setStatus(held[0] ? { kind: 'held', reason: held[0] } : { kind: 'saved', at: new Date() });
      return held.length === 0 && isSaved(snapshot, saved);
    } catch (failure) {
      savedRef.current = saved;
      const error = toApiError(failure);
      writeLocalCopy(copyKey(), {
        type,
        form: formRef.current,
        version: versionRef.current,
      });
      if (error.code === 'VERSION_CONFLICT') {
        conflictRef.current = true;
        const current = (error.details as { currentVersion?: unknown } | undefined)?.currentVersion;
        setStatus({
          kind: 'conflict',
          error,
          currentVersion: typeof current === 'number' ? current : undefined,
        });
      } else if (error.status === 400 && error.fieldProblems.length > 0) {
        setErrors(fieldErrors(error));
        setStatus({ kind: 'invalid', error });
      } else {
        setStatus({ kind: 'failed', error });
        if (mode === 'auto' && error.status !== 403 && error.status !== 404) {
          const delay = RETRY_DELAYS_MS[Math.min(failures.current, RETRY_DELAYS_MS.length - 1)];
          failures.current += 1;
          retryTimer.current = setTimeout(() => void saveNow(), delay);
        }
      }
      return false;
    }
  };

  /** Saves now (after any save in flight); true when the server then has everything. */
  const saveNow = (): Promise<boolean> => {
    const run = chain.current.then(doSave, doSave);
    chain.current = run.catch(() => undefined);
    return run;
  };
  const saveNowRef = useRef(saveNow);
  useEffect(() => {
    saveNowRef.current = saveNow;
  });

  // Autosave a moment after the last change; the local copy even sooner.
  useEffect(() => {
    if (isSaved(form, savedRef.current)) {
      if (assetIdRef.current) removeLocalCopy(assetIdRef.current);
      return;
    }
    const copy = setTimeout(
      () => writeLocalCopy(copyKey(), { type, form, version: versionRef.current }),
      LOCAL_COPY_DELAY_MS,
    );
    if (mode !== 'auto' || conflictRef.current) return () => clearTimeout(copy);
    setStatus((s) => (s.kind === 'invalid' || s.kind === 'saving' ? s : { kind: 'pending' }));
    const save = setTimeout(() => void saveNowRef.current(), AUTOSAVE_DELAY_MS);
    return () => {
      clearTimeout(copy);
      clearTimeout(save);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saves follow form changes only
  }, [form]);

  // Leaving the page (or the tab going to the background) writes the copy at once.
  useEffect(() => {
    const flush = () => {
      if (!isSaved(formRef.current, savedRef.current)) {
        writeLocalCopy(copyKey(), { type, form: formRef.current, version: versionRef.current });
      }
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(retryTimer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refs only
  }, []);

  /** After a conflict: keep what this form has, over the newer version on the server. */
  const keepMine = () => {
    if (status.kind !== 'conflict') return;
    if (status.currentVersion !== undefined) versionRef.current = status.currentVersion;
    conflictRef.current = false;
    void saveNow();
  };

  /** After a conflict (or to drop a restored copy): take the server's version, drop this form's. */
  const takeServers = async (): Promise<void> => {
    const id = assetIdRef.current;
    if (!id) return;
    const data = answer(await api.GET('/api/v1/assets/{id}', { params: { path: { id } } }));
    const fresh = formFromAsset(data);
    savedRef.current = fresh;
    versionRef.current = data.version;
    conflictRef.current = false;
    removeLocalCopy(id);
    setForm(() => fresh);
    applyServer(data);
    setErrors({});
    setStatus({ kind: 'idle' });
    setGeneration((g) => g + 1);
  };

  /** The server's completeness and files again (after an upload or a removal). */
  const refreshServer = async (): Promise<void> => {
    const id = assetIdRef.current;
    if (!id) return;
    const data = answer(await api.GET('/api/v1/assets/{id}', { params: { path: { id } } }));
    applyServer(data);
  };

  /** Drops the local copy (after the asset was submitted). */
  const forget = () => removeLocalCopy(copyKey());

  return {
    form,
    setForm,
    assetId,
    server,
    setServer,
    status,
    errors,
    generation,
    saveNow,
    keepMine,
    takeServers,
    refreshServer,
    forget,
    getAssetId: () => assetIdRef.current,
    hasUnsaved: () => !isSaved(formRef.current, savedRef.current),
  };
}

/** The body of a successful answer (failed ones are thrown by the client as ApiError). */
function answer<T>(result: { data?: T }): T {
  if (result.data === undefined) throw new ApiError(0, 'UNEXPECTED_RESPONSE', 'empty answer');
  return result.data;
}

function serverState(asset: AssetResponse): ServerState {
  return {
    completeness: asset.completeness,
    missing: asset.missing,
    status: asset.status,
    attachments: asset.attachments,
  };
}
