import { fireEvent, render, screen } from '@testing-library/react';
import i18n from '../i18n';
import { fromZoned, toZoned } from '../pages/NoticesPage';
import { NoticeBoard } from './NoticeBoard';
import { json } from '../test-support';

const outage = {
  id: 1,
  kind: 'OUTAGE',
  audience: 'ALL',
  topic: 'tributi',
  title: 'Portale TARI fermo',
  body: 'Manutenzione fino alle 12.',
  language: 'it',
  validFrom: '2026-12-01T08:00:00Z',
};
const deadline = {
  id: 2,
  kind: 'DEADLINE',
  audience: 'CITIZENS',
  title: 'TARI deadline',
  body: 'Pay by 16 December.',
  language: 'en',
  validFrom: '2026-12-01T08:00:00Z',
  deadline: '2026-12-16',
};

describe('NoticeBoard', () => {
  const urls: string[] = [];
  beforeEach(async () => {
    urls.length = 0;
    await i18n.changeLanguage('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        return json([outage, deadline]);
      }),
    );
  });

  it('shows the current notices in the reader language with the deadline and a remind-me button', async () => {
    const remind = vi.fn();
    render(<NoticeBoard onRemind={remind} remindable={() => 'subscribe'} />);
    expect(await screen.findByText('TARI deadline')).toBeInTheDocument();
    expect(screen.getByText('Portale TARI fermo').closest('li')).toHaveAttribute('lang', 'it');
    expect(screen.getByText(/^Deadline: (16 December|December 16,) 2026$/)).toBeInTheDocument();
    expect(urls[0]).toBe('/api/public/notices?language=en&audience=CITIZENS');
    fireEvent.click(screen.getByRole('button', { name: 'Remind me: TARI deadline' }));
    expect(remind).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));
  });

  it('shows only the kinds asked for, of the topic chosen (the request form: outages)', async () => {
    render(<NoticeBoard topic="tributi" kinds={['OUTAGE']} />);
    expect(await screen.findByText('Portale TARI fermo')).toBeInTheDocument();
    expect(screen.queryByText('TARI deadline')).not.toBeInTheDocument();
    expect(urls[0]).toContain('topic=tributi');
  });
});

describe('notice times on the service calendar', () => {
  it('turns wall-clock times in Rome into instants and back, summer and winter', () => {
    expect(fromZoned('2026-12-16T09:30', 'Europe/Rome')).toBe('2026-12-16T08:30:00.000Z');
    expect(fromZoned('2026-07-01T09:30', 'Europe/Rome')).toBe('2026-07-01T07:30:00.000Z');
    expect(toZoned('2026-12-16T08:30:00Z', 'Europe/Rome')).toBe('2026-12-16T09:30');
    expect(fromZoned('', 'Europe/Rome')).toBeUndefined();
  });
});
