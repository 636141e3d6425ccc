import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import i18n from '../../i18n';
import type { EditorHandle } from './ModelEditor';
import { StudioRunPanel } from './StudioRunPanel';

const versions = [
  { definitionId: 'ticket:3:c', key: 'ticket', version: 3, instances: 0, activities: [] },
  {
    definitionId: 'ticket:2:b',
    key: 'ticket',
    version: 2,
    instances: 4,
    activities: [{ activityId: 'userTask_handleLevel1', instances: 4, incidents: 0 }],
  },
];
const refused = {
  sourceDefinitionId: 'ticket:2:b',
  sourceVersion: 2,
  targetDefinitionId: 'ticket:3:c',
  targetVersion: 3,
  valid: false,
  mappings: [],
  problems: [
    {
      activityId: 'userTask_handleLevel1',
      message: "4 instance(s) wait in 'userTask_handleLevel1', which version 3 does not have",
    },
  ],
  instances: [{ processInstanceId: 'p1', businessKey: 'T-1', activityIds: ['userTask_handleLevel1'] }],
};

describe('StudioRunPanel', () => {
  const calls: { method: string; url: string; body?: unknown }[] = [];
  const overlays: { id: string; text: string }[] = [];
  const editor = createRef<EditorHandle>() as { current: EditorHandle | null };

  beforeEach(async () => {
    calls.length = 0;
    overlays.length = 0;
    await i18n.changeLanguage('en');
    const diagram = {
      get: (name: string) =>
        ({
          overlays: {
            add: (id: string, _type: string, overlay: { html: HTMLElement }) =>
              overlays.push({ id, text: overlay.html.textContent ?? '' }),
            remove: () => undefined,
          },
          elementRegistry: { get: (id: string) => ({ id }) },
          eventBus: { on: () => undefined, off: () => undefined },
          toggleMode: { toggleMode: () => undefined },
        })[name],
    };
    editor.current = {
      content: async () => '',
      lint: async () => [],
      mark: () => undefined,
      focus: () => undefined,
      diagram: () => diagram as never,
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
        let body: unknown = {};
        if (url === '/api/studio/running/ticket') body = versions;
        else if (url.startsWith('/api/studio/migrations/preview')) body = refused;
        else if (url === '/api/studio/drafts/5/dry-run')
          body = {
            ended: true,
            path: ['startEvent_received', 'userTask_check', 'endEvent_done'],
            waitingAt: [],
            calls: ['ticketTaskListener @ userTask_check (complete)'],
            error: null,
          };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('shows the instances per version, puts their counts on the diagram and refuses an invalid plan', async () => {
    render(<StudioRunPanel editor={editor} modelKey="ticket" draftId={5} onRestored={() => undefined} />);

    const row = await screen.findByRole('rowheader', { name: 'version 2' });
    expect(row.closest('tr')?.querySelector('[data-instances="4"]')).not.toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: 'Show on the diagram' })[1]);
    expect(overlays).toEqual([{ id: 'userTask_handleLevel1', text: '4' }]);

    await waitFor(() => expect(screen.getByLabelText('From version')).toHaveValue('ticket:2:b'));
    fireEvent.click(screen.getByRole('button', { name: 'Preview the plan' }));
    expect(await screen.findByText(/which version 3 does not have/)).toBeInTheDocument();
    expect(calls.at(-1)?.url).toBe('/api/studio/migrations/preview?source=ticket%3A2%3Ab&target=ticket%3A3%3Ac');
    expect(screen.getByRole('button', { name: 'Migrate' })).toBeDisabled();
  });

  it('runs the saved draft with the sample variables and numbers its path on the diagram', async () => {
    render(<StudioRunPanel editor={editor} modelKey="ticket" draftId={5} onRestored={() => undefined} />);

    fireEvent.change(screen.getByLabelText('Sample variables (JSON)'), { target: { value: '{"decision": "SOLVE"}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));

    expect(await screen.findByText('Dry run finished: the instance reached its end.')).toBeInTheDocument();
    expect(calls.find((c) => c.url === '/api/studio/drafts/5/dry-run')?.body).toEqual({
      variables: { decision: 'SOLVE' },
    });
    expect(overlays.map((o) => `${o.text}:${o.id}`)).toEqual([
      '1:startEvent_received',
      '2:userTask_check',
      '3:endEvent_done',
    ]);
    expect(screen.getByText('ticketTaskListener @ userTask_check (complete)')).toBeInTheDocument();
  });

  it('refuses sample variables that are not a JSON object', async () => {
    render(<StudioRunPanel editor={editor} modelKey="ticket" draftId={5} onRestored={() => undefined} />);

    fireEvent.change(screen.getByLabelText('Sample variables (JSON)'), { target: { value: '[1, 2]' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));

    expect(await screen.findByText('The sample variables must be a JSON object.')).toBeInTheDocument();
    expect(calls.some((c) => c.url.endsWith('/dry-run'))).toBe(false);
  });
});
