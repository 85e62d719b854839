import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { queryClient } from '@/lib/query/query-client';
import { router } from './router';
import { theme } from './theme';

/**
 * Providers around the router. Mantine's CSS variables and global classes come from the static
 * stylesheet built from the theme (build/mantine-static-css.ts), never from an injected <style>:
 * the portal's CSP allows styles from 'self' only.
 */
export function App() {
  return (
    <MantineProvider
      theme={theme}
      forceColorScheme="light"
      withCssVariables={false}
      withGlobalClasses={false}
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
