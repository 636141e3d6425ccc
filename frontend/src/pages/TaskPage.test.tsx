import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../i18n';
import type { Me } from '../api';
import { TaskPage } from './TaskPage';
import { json } from '../test-support';

const manager = {
  userId: 'manager1',
  name: 'Dirigente',
  roles: ['MANAGER'],
  groups: ['manager'],
  zone: 'Europe/Rome',
} as unknown as Me;

const work = (processKey: string, businessKey: string, subjectKind?: string) => ({
  id: 't-1',
  name: 'Approve or reject with comments',
  taskKey: 'userTask_decideApproval',
  processKey,
  processInstanceId: 'p-1',
  businessKey,
  assignee: 'manager1',
  createdAt: '2026-12-01T09:00:00+01:00',
  dueAt: '2026-12-04T09:00:00+01:00',
  priority: 50,
  subjectKind,
});

/** Four requests in a row on a busy two-core machine: more than findBy's default second. */
const SLOW = { timeout: 10_000 };
const caseFile = { documents: [], approvals: [], timeline: [] };

function show(paths: Record<string, unknown>) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      return url in paths ? json(paths[url]) : new Response(null, { status: 404 });
    }),
  );
  render(
    <MemoryRouter initialEntries={['/tasks/t-1']}>
      <Routes>
        <Route path="/tasks/:taskId" element={<TaskPage user={manager} />} />
      </Routes>
    </MemoryRouter>,
  );
  return calls;
}

describe('TaskPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("opens a complaint's task beside its case file by the task's process, not by its number", async () => {
    await i18n.changeLanguage('en');
    const calls = show({
      '/api/tasks/t-1': work('complaint', 'X-2026-000007'),
      '/api/complaints/X-2026-000007': {
        ...caseFile,
        complaint: { supplierName: 'Acqua Spa', contract: 'C-1', description: 'Late' },
      },
    });
    expect(await screen.findByRole('link', { name: /Acqua Spa/ }, SLOW)).toHaveAttribute(
      'href',
      '/complaints/X-2026-000007',
    );
    expect(calls).not.toContain('/api/tickets/X-2026-000007');
  });

  it("opens an approval's task beside the letter it approves, by the task's subject kind", async () => {
    await i18n.changeLanguage('en');
    show({
      '/api/tasks/t-1': work('approval', 'Y-2026-000001', 'LETTER'),
      '/api/correspondence/Y-2026-000001': { ...caseFile, letter: { subject: 'Richiesta accesso atti' } },
    });
    expect(await screen.findByRole('link', { name: /Richiesta accesso atti/ }, SLOW)).toHaveAttribute(
      'href',
      '/correspondence/Y-2026-000001',
    );
  });

  it("opens an approval's task beside the complaint it approves, whatever its number looks like", async () => {
    await i18n.changeLanguage('en');
    const calls = show({
      '/api/tasks/t-1': work('approval', 'PROT-2026-000002', 'COMPLAINT'),
      '/api/complaints/PROT-2026-000002': {
        ...caseFile,
        complaint: { supplierName: 'Gas Srl', contract: 'C-2', description: 'Wrong bill' },
      },
    });
    expect(await screen.findByRole('link', { name: /Gas Srl/ }, SLOW)).toHaveAttribute(
      'href',
      '/complaints/PROT-2026-000002',
    );
    expect(calls).not.toContain('/api/correspondence/PROT-2026-000002');
  });

  it('says the task does not exist when the API does not know it', async () => {
    await i18n.changeLanguage('en');
    show({});
    expect(await screen.findByText(i18n.t('task.notFound'), {}, SLOW)).toBeInTheDocument();
  });
});
