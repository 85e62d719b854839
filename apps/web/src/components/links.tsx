import { Anchor, type AnchorProps, Button, type ButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef } from 'react';

/**
 * Mantine's Anchor and Button as type-checked router links:
 *   <AnchorLink to="/aset/$id" params={{ id }}>…</AnchorLink>
 *   <ButtonLink to="/tulis">…</ButtonLink>
 */
const AnchorA = forwardRef<HTMLAnchorElement, AnchorProps & React.ComponentPropsWithoutRef<'a'>>(
  (props, ref) => <Anchor ref={ref} {...props} />,
);
AnchorA.displayName = 'AnchorA';

const ButtonA = forwardRef<HTMLAnchorElement, ButtonProps & React.ComponentPropsWithoutRef<'a'>>(
  (props, ref) => <Button component="a" ref={ref} {...props} />,
);
ButtonA.displayName = 'ButtonA';

export const AnchorLink = createLink(AnchorA);
export const ButtonLink = createLink(ButtonA);
