import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { forwardRef, useEffect, useImperativeHandle } from 'react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../../i18n';
import { StudioPage } from './StudioPage';

const focused: string[] = [];
const marked: unknown[] = [];

// the bpmn.io editors do not run in jsdom: a stand-in with the same handle
vi.mock('./ModelEditor', () => ({
  ModelEditor: forwardRef(function FakeEditor(
    { kind, content, onLoaded }: { kind: string; content: string; onLoaded?: (ms: number) => void },
    ref,
  ) {
    useImperativeHandle(ref, () => ({
      content: async () => content.replace('Check', 'Check again'),
      lint: async () => [
        { elementId: 'userTask_check', message: 'Element is missing label/name (label-required)', source: 'LINT' },
      ],
      mark: (problems: unknown) => marked.push(problems),
      focus: (id: string) => focused.push(id),
    }));
    useEffect(() => onLoaded?.(42), [onLoaded]);
    return <div data-testid="fake-editor" data-kind={kind} />;
  }),
}));

// the diagrams of a diff need bpmn-js's viewer: a stand-in that lists what it would mark
vi.mock('./DiffDiagrams', () => ({
  DiffDiagrams: ({ changes }: { changes: { elementId: string }[] }) => (
    <div data-testid="fake-diagrams">{changes.map((c) => c.elementId).join(' ')}</div>
  ),
}));

const diff = {
  kind: 'BPMN',
  key: 'ticket',
  fromVersion: 2,
  toVersion: null,
  draftId: 3,
  before: '<definitions/>',
  after: '<definitions/>',
  changes: [
    {
      elementId: 'userTask_check',
      type: 'userTask',
      name: 'Check again',
      scope: 'ticket',
      change: 'CHANGED',
      properties: [{ property: 'name', before: 'Check', after: 'Check again' }],
    },
  ],
};

const analyst = { userId: 'analyst2', groups: ['analyst'], roles: ['ANALYST'], zone: 'Europe/Rome' };

const models = [
  { kind: 'BPMN', key: 'ticket', name: 'Ticket', version: 2, id: 'ticket:2:b', deployedAt: '2026-12-01T09:00:00Z' },
  { kind: 'BPMN', key: 'ticket', name: 'Ticket', version: 1, id: 'ticket:1:a', deployedAt: '2026-11-01T09:00:00Z' },
  { kind: 'FORM', key: 'ticket-level1', name: 'ticket-level1', version: 0, id: 'ticket-level1', deployedAt: null },
];
const requests = [
  {
    id: 7,
    draftId: 3,
    kind: 'BPMN',
    key: 'ticket',
    sha256: 'x',
    resources: ['ticket.bpmn', 'ticket-level1.form'],
    diffSummary: 'changed: userTask_check',
    requestedBy: 'analyst',
    requestedAt: '2026-12-06T10:00:00Z',
    decision: null,
    decidedBy: null,
    decidedAt: null,
    comments: null,
    deploymentId: null,
  },
];

describe('StudioPage', () => {
  const calls: { method: string; url: string; body?: unknown }[] = [];

  beforeEach(async () => {
    calls.length = 0;
    focused.length = 0;
    marked.length = 0;
    await i18n.changeLanguage('it');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
        let body: unknown = [];
        if (url === '/api/studio/models') body = models;
        else if (url === '/api/studio/deploy-requests') body = requests;
        else if (url.startsWith('/api/studio/models/BPMN/')) body = { content: '<definitions>Check</definitions>' };
        else if (url === '/api/studio/drafts' && method === 'POST')
          body = {
            draft: { id: 11, kind: 'BPMN', key: 'ticket', content: '', changeNote: 'x', author: 'analyst2' },
            problems: [{ elementId: 'serviceTask_x', message: 'bean not allowed', source: 'ENGINE' }],
          };
        else if (url === '/api/studio/drafts/3/diff') body = diff;
        else if (url.endsWith('/decision')) body = { ...requests[0], decision: 'APPROVE', decidedBy: 'analyst2' };
        return new Response(JSON.stringify(body), {
          status: method === 'POST' && url === '/api/studio/drafts' ? 201 : 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  const renderPage = () =>
    render(
      <MemoryRouter>
        <StudioPage user={analyst} />
      </MemoryRouter>,
    );

  it('lists the deployed models with their versions, opens the chosen one and saves it with its problems', async () => {
    renderPage();
    const row = (await screen.findByRole('rowheader', { name: /Ticket/ })).closest('tr')!;
    const version = within(row).getByRole('combobox', { name: /Versione di Ticket/ });
    expect(within(version).getAllByRole('option')).toHaveLength(2);
    fireEvent.change(version, { target: { value: 'ticket:1:a' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Apri' }));

    expect(await screen.findByTestId('fake-editor')).toHaveAttribute('data-kind', 'BPMN');
    expect(calls.some((c) => c.url === '/api/studio/models/BPMN/ticket%3A1%3Aa')).toBe(true);
    expect(screen.getByText('Editor caricato in 42 ms')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Nota della modifica'), { target: { value: 'Nuova etichetta' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva e controlla' }));

    const saved = await waitFor(() => {
      const call = calls.find((c) => c.method === 'POST' && c.url === '/api/studio/drafts');
      expect(call).toBeDefined();
      return call!;
    });
    expect(saved.body).toEqual({
      kind: 'BPMN',
      content: '<definitions>Check again</definitions>',
      baseVersion: 1,
      changeNote: 'Nuova etichetta',
    });
    expect(await screen.findByText('bean not allowed')).toBeInTheDocument();
    expect(screen.getByText(/label-required/)).toBeInTheDocument();
    expect(marked).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'serviceTask_x' }));
    expect(focused).toEqual(['serviceTask_x']);
  });

  it("lets a second analyst approve another analyst's request with a comment", async () => {
    renderPage();
    const row = (await screen.findByText('changed: userTask_check')).closest('tr')!;
    fireEvent.change(within(row).getByLabelText('Commento'), { target: { value: 'Verificato' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Approva e pubblica' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url === '/api/studio/deploy-requests/7/decision')?.body).toEqual({
        decision: 'APPROVE',
        comments: 'Verificato',
      }),
    );
    expect(await screen.findByText('Approvata e pubblicata.')).toBeInTheDocument();
  });

  it('shows the requester that a second analyst must decide', async () => {
    render(
      <MemoryRouter>
        <StudioPage user={{ ...analyst, userId: 'analyst' }} />
      </MemoryRouter>,
    );
    const row = (await screen.findByText('changed: userTask_check')).closest('tr')!;
    expect(within(row).getByText('In attesa di un secondo analista')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: 'Approva e pubblica' })).toBeNull();
  });

  it('shows the reviewer the change of a request: the elements on the diagram and their properties', async () => {
    renderPage();
    const row = (await screen.findByText('changed: userTask_check')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Mostra le modifiche' }));

    const heading = await screen.findByRole('heading', { name: 'Modifiche: richiesta 7 (ticket)' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByTestId('fake-diagrams')).toHaveTextContent('userTask_check');
    const change = screen.getByRole('heading', { name: 'Processo ticket' }).closest('section')!;
    expect(within(change).getByText('modificato')).toBeInTheDocument();
    const property = within(change).getByRole('rowheader', { name: 'name' }).closest('tr')!;
    expect(within(property).getByText('Check')).toBeInTheDocument();
    expect(within(property).getByText('Check again')).toBeInTheDocument();
  });
});
