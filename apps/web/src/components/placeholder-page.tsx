import { PageHeader } from './page-header';
import { PageState } from './page-state';

/** A page whose feature is still being built: its real h1 and an empty state saying so. */
export function PlaceholderPage({ title, message }: { title: string; message: string }) {
  return (
    <>
      <PageHeader title={title} />
      <PageState kind="empty">{message}</PageState>
    </>
  );
}
