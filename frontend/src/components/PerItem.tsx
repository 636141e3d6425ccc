import { Fragment, type ReactElement } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * A page of one item (a task, a ticket, a contact…) made anew when the address names another item:
 * React Router keeps the page's state across a change of parameter, and a reply typed for one
 * citizen must never be sent to the next.
 */
export function PerItem({ children }: { children: ReactElement }) {
  const { pathname } = useLocation();
  return <Fragment key={pathname}>{children}</Fragment>;
}
