import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api/errors';

/**
 * The portal's one QueryClient (the provider gets it from here, never from the entry file).
 * Client errors (4xx) are answers, not glitches: they are not retried.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failures, error) =>
        failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});
