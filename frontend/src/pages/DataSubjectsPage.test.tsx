import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { DataSubjectsPage, type Job } from './DataSubjectsPage';
import { lines, stubFetch, type Call } from '../test-support';

const dpo = { userId: 'dpo', groups: ['dpo'], roles: ['DPO'], zone: 'Europe/Rome' };

const erasure: Job = {
  id: 7,
  kind: 'ERASURE',
  subject: 'sha256:ab12',
  state: 'DONE',
  progress: 100,
  requestedBy: 'dpo',
  requestedAt: '2031-06-03T08:00:00Z',
  dueAt: '2031-07-03T21:59:59Z',
  finishedAt: '2031-06-03T08:01:00Z',
  answeredBy: null,
  answeredAt: null,
  reminderAt: null,
  step: null,
  overdue: false,
  outcome: {
    erased: [{ kind: 'tickets (subject, description, answer, context)', count: 3 }],
    kept: [{ kind: 'ticket', ref: 'RS-2031-000017', reason: 'open ticket: its handling is still under way' }],
    residual: [],
  },
  error: null,
  archiveSize: null,
  links: { self: '/api/data-subject-requests/7', archive: null },
};

const exportJob: Job = {
  ...erasure,
  id: 8,
  kind: 'EXPORT',
  subject: 'RSSMRA80A41H501U',
  state: 'RUNNING',
  progress: 40,
  outcome: null,
  links: { self: '/api/data-subject-requests/8', archive: null },
};

describe('DataSubjectsPage', () => {
  let calls: Call[];

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    calls = stubFetch(({ url }) => {
      if (url.startsWith('/api/data-subjects?')) {
        return [
          {
            contactId: 3,
            kind: 'CITIZEN',
            name: 'Mario Rossi',
            fiscalCode: 'RSSMRA80A41H501U',
            email: 'm@example.it',
            phone: null,
            mergedIntoId: null,
            tickets: 2,
          },
        ];
      }
      return url.endsWith('/export') ? exportJob : [erasure];
    });
  });

  afterEach(() => vi.unstubAllGlobals());

  it('shows what an erasure kept and why, without naming the erased person', async () => {
    render(
      <MemoryRouter>
        <DataSubjectsPage user={dpo} />
      </MemoryRouter>,
    );

    expect(await screen.findByText(/open ticket: its handling is still under way/)).toBeTruthy();
    expect(screen.getByText(/persona cancellata/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Registra la risposta alla persona' })).toBeTruthy();
  });

  it('finds the person by e-mail and starts the access export', async () => {
    render(
      <MemoryRouter>
        <DataSubjectsPage user={dpo} />
      </MemoryRouter>,
    );

    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: ' m@example.it ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cerca la persona' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Esporta i dati' }));

    await waitFor(() => expect(lines(calls)).toContain('POST /api/data-subjects/RSSMRA80A41H501U/export'));
    expect(lines(calls)).toContain('GET /api/data-subjects?email=m%40example.it');
    expect(await screen.findByText('Richiesta 8 avviata: il lavoro prosegue in background')).toBeTruthy();
  });
});
