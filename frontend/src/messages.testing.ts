import { screen, waitFor } from '@testing-library/react';

/**
 * The page's live region of this role (alert or status) that says something: the regions of the
 * shared Message are there, empty, before they speak, so a page may hold several.
 */
export function message(role: 'alert' | 'status'): HTMLElement {
  const speaking = screen.getAllByRole(role).filter((region) => region.textContent?.trim());
  if (speaking.length !== 1) throw new Error(`expected one ${role} with text, found ${speaking.length}`);
  return speaking[0];
}

/** Waits for the live region of this role that says something (see {@link message}). */
export const findMessage = (role: 'alert' | 'status') => waitFor(() => message(role));
