import { createTheme, type CSSVariablesResolver, Drawer, Modal } from '@mantine/core';

/**
 * The portal's theme. `primaryShade: 8` keeps white text on primary buttons and primary links on
 * white above WCAG AA (4.5:1); Mantine's default shade 6 is 3.55:1.
 *
 * Modals and drawers do not lock page scroll through react-remove-scroll, which injects a
 * `<style>` element that the portal's CSP refuses; app.css locks scroll with `:has()` instead.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  components: {
    Modal: Modal.extend({ defaultProps: { lockScroll: false } }),
    Drawer: Drawer.extend({ defaultProps: { lockScroll: false } }),
  },
});

/**
 * Overrides of Mantine's CSS variables, compiled into the static theme CSS (theme-css.ts).
 * Dimmed text (hints, descriptions, dates) is gray.7, not gray.6: 3.3:1 on white fails WCAG AA;
 * error text is red.9 for the same reason.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors ("Wajib diisi.") in red.9: Mantine's red.6 is 3.3:1 on white.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
