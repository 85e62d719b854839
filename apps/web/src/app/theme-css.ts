import {
  convertCssVariables,
  type ConvertCSSVariablesInput,
  DEFAULT_THEME,
  defaultCssVariablesResolver,
  em,
  mergeMantineTheme,
  px,
} from '@mantine/core';
import { cssVariablesResolver, theme } from './theme';

type Vars = Record<string, string>;

function changed(values: Vars, defaults: Vars): Vars {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => defaults[k] !== v));
}

/**
 * The CSS MantineProvider would inject at run time (theme variables that differ from Mantine's
 * defaults in styles.css, and the hiddenFrom/visibleFrom classes), computed at build time by
 * build/mantine-static-css.ts. Same rules as Mantine's MantineCssVariables and MantineClasses.
 */
export function themeCss(): string {
  const merged = mergeMantineTheme(DEFAULT_THEME, theme);
  const base = defaultCssVariablesResolver(merged);
  const own = cssVariablesResolver(merged);
  const vars = {
    variables: { ...base.variables, ...own.variables },
    light: { ...base.light, ...own.light },
    dark: { ...base.dark, ...own.dark },
  };
  const defaults = defaultCssVariablesResolver(DEFAULT_THEME);
  const input: ConvertCSSVariablesInput = {
    variables: changed(vars.variables, defaults.variables),
    light: changed(vars.light, defaults.light),
    dark: changed(vars.dark, defaults.dark),
  };
  const variables = convertCssVariables(input, ':root');
  const classes = Object.entries(merged.breakpoints)
    .map(([name, value]) => {
      const size = Number(px(value));
      const isPx = value.includes('px');
      const below = isPx ? `${size - 0.1}px` : em(size - 0.1);
      const above = isPx ? `${size}px` : em(size);
      return (
        `@media (max-width: ${below}) {.mantine-visible-from-${name} {display: none !important;}}` +
        `@media (min-width: ${above}) {.mantine-hidden-from-${name} {display: none !important;}}`
      );
    })
    .join('');
  return `${variables}\n${classes}\n`;
}
