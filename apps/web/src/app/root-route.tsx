import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { NotFoundPage } from './not-found-page';
import { RootLayout } from './root-layout';

export interface RouterContext {
  queryClient: QueryClient;
}

/** The shell every route renders in; feature routes hang under it (features/<f>/routes.ts). */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});
