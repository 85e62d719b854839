import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import type { SessionUser } from '@/lib/api/types';
import { useCurrentUser } from '@/lib/auth/use-session';
import { AssetForm } from '../components/asset-form';
import { TypePicker } from '../components/type-picker';
import {
  type AssetResponse,
  type AssetType,
  type AssetTypeTemplate,
  emptyForm,
  formFromAsset,
  isSaved,
  type PersonRef,
} from '../model/draft';
import { useAssetForEditQuery, useAssetTypesQuery } from '../queries/write-queries';
import { NEW_DRAFT, readLocalCopy, removeLocalCopy } from '../services/local-copy';

const writeApi = getRouteApi('/tulis');
const editApi = getRouteApi('/aset/$id/ubah');

/** "Tulis pengetahuan": choose a type, then write; the draft's id joins the URL once it exists. */
export function WritePage() {
  const { t } = useTranslation('write');
  const { aset, judul } = writeApi.useSearch();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const types = useAssetTypesQuery();
  // Text typed here before the draft existed (a reload, an expired session) comes back.
  const [restored] = useState(() => (aset ? undefined : readLocalCopy(NEW_DRAFT)));
  const [type, setType] = useState<AssetType | undefined>(restored?.type);
  const [createdId, setCreatedId] = useState<string>();

  let content;
  if (!user) content = <PageState kind="loading" />;
  else if (aset && aset !== createdId) content = <ExistingAsset id={aset} user={user} />;
  else if (types.isPending) content = <PageState kind="loading" />;
  else if (types.isError)
    content = <PageState kind="error" error={types.error} onRetry={() => void types.refetch()} />;
  else {
    const template = types.data.find((x) => x.type === type);
    content = !template ? (
      <TypePicker types={types.data} initial={type} onChoose={setType} />
    ) : (
      <AssetForm
        key="new"
        template={template}
        writer={writerOf(user)}
        initialForm={restored?.form ?? { ...emptyForm(writerOf(user)), title: judul ?? '' }}
        initialSaved={emptyForm(writerOf(user))}
        restored={!!restored}
        autoFocusTitle={!restored}
        onCreated={(id) => {
          setCreatedId(id);
          void navigate({ to: '/tulis', search: { aset: id }, replace: true });
        }}
        onChangeType={() => setType(undefined)}
      />
    );
  }
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {content}
    </>
  );
}

/** "Ubah aset": the same form for an asset that exists (a draft, or a published asset). */
export function EditAssetPage() {
  const { t } = useTranslation('write');
  const { id } = editApi.useParams();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('editTitle')} />
      {user ? <ExistingAsset id={id} user={user} /> : <PageState kind="loading" />}
    </>
  );
}

/** Loads the asset and its template, then the form (with this tab's unsaved copy, if any). */
function ExistingAsset({ id, user }: { id: string; user: SessionUser }) {
  const { t } = useTranslation('write');
  const asset = useAssetForEditQuery(id);
  const types = useAssetTypesQuery();
  if (asset.isPending || types.isPending) return <PageState kind="loading" />;
  if (asset.isError)
    return <PageState kind="error" error={asset.error} onRetry={() => void asset.refetch()} />;
  if (types.isError)
    return <PageState kind="error" error={types.error} onRetry={() => void types.refetch()} />;
  const template = types.data.find((x) => x.type === asset.data.type);
  if (!template) return <PageState kind="empty">{t('edit.unknownType')}</PageState>;
  if (asset.data.status === 'archived' || !mayEdit(asset.data, user)) {
    return (
      <PageState
        kind="empty"
        title={asset.data.title}
        action={
          <ButtonLink to="/aset/$id" params={{ id }} variant="default">
            {t('edit.viewAsset')}
          </ButtonLink>
        }
      >
        {asset.data.status === 'archived' ? t('edit.archived') : t('edit.notYours')}
      </PageState>
    );
  }
  return <LoadedForm key={asset.data.id} asset={asset.data} template={template} user={user} />;
}

function LoadedForm({
  asset,
  template,
  user,
}: {
  asset: AssetResponse;
  template: AssetTypeTemplate;
  user: SessionUser;
}) {
  const [start] = useState(() => {
    const onServer = formFromAsset(asset);
    const copy = readLocalCopy(asset.id);
    if (copy && copy.type === asset.type && !isSaved(copy.form, onServer)) {
      return { form: copy.form, version: copy.version ?? asset.version, restored: true };
    }
    if (copy) removeLocalCopy(asset.id);
    return { form: onServer, version: asset.version, restored: false };
  });
  return (
    <AssetForm
      template={template}
      writer={writerOf(user)}
      asset={asset}
      initialForm={start.form}
      initialSaved={formFromAsset(asset)}
      baseVersion={start.version}
      restored={start.restored}
      onCreated={() => undefined}
    />
  );
}

function writerOf(user: SessionUser): PersonRef {
  return { id: user.id, name: user.name, opdCode: user.opdCode };
}

/** The API's edit rule, to say so before anyone types: authors; the OPD's verifiers once published. */
function mayEdit(asset: AssetResponse, user: SessionUser): boolean {
  if (asset.authors.some((a) => a.id === user.id)) return true;
  return (
    asset.status === 'published' &&
    user.grants.some((g) => g.role === 'verifier' && g.opdCode === asset.opdCode)
  );
}
