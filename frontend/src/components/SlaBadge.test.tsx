import { render, screen } from '@testing-library/react';
import i18n from '../i18n';
import { SlaBadge, formatDuration } from './SlaBadge';

describe('SlaBadge', () => {
  beforeEach(() => i18n.changeLanguage('it'));

  it('counts down to the deadline in words and colour', () => {
    const dueAt = new Date(Date.now() + 90 * 60_000 + 20_000).toISOString();
    render(<SlaBadge state="AT_RISK" dueAt={dueAt} />);

    const badge = screen.getByText(/a rischio/);
    expect(badge).toHaveTextContent('a rischio · scade tra 1 h 30 min');
    expect(badge).toHaveClass('bg-warning');
  });

  it('says how long ago a breached deadline passed, in English too', async () => {
    await i18n.changeLanguage('en');
    const dueAt = new Date(Date.now() - 3 * 24 * 3_600_000 - 2 * 3_600_000 - 1000).toISOString();
    render(<SlaBadge state="BREACHED" dueAt={dueAt} />);

    expect(screen.getByText(/breached/)).toHaveTextContent('breached · overdue by 3 d 2 h');
  });

  it('shows no countdown once the target is met', () => {
    render(<SlaBadge state="MET" dueAt={new Date().toISOString()} />);

    expect(screen.getByText('rispettato')).toHaveClass('bg-success');
  });

  it('formats short durations in minutes', () => {
    expect(formatDuration(59 * 60_000, i18n.t)).toBe('59 min');
  });
});
