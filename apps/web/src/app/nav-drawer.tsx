import { Drawer } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The phone navigation's drawer, in its own chunk: Mantine's Drawer brings its focus trap,
 * scroll area and positioning code, which the first page of a desktop visitor never needs.
 */
export function NavDrawer(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  children: ReactNode;
}) {
  return (
    <Drawer
      id="nav-drawer"
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      size="xs"
      closeButtonProps={{ 'aria-label': props.closeLabel }}
      hiddenFrom="md"
    >
      {props.children}
    </Drawer>
  );
}
