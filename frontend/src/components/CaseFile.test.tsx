import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from '../i18n';
import type { ApprovalRecord, CaseDocument, TimelineEntry } from '../api';
import { CaseFile } from './CaseFile';

const reply = {
  role: 'REPLY',
  version: 2,
  documentId: 12,
  sha256: 'ab'.repeat(32),
  fileName: 'risposta-v2.txt',
  mediaType: 'text/plain',
  size: 40,
  addedBy: 'office1',
  addedAt: '2026-11-30T09:00:00Z',
  current: true,
} as CaseDocument;
const approval = {
  id: 3,
  subjectKind: 'LETTER',
  subjectNumber: 'PROT-2026-000001',
  step: 'SIGNATURE',
  approverGroup: 'manager',
  documentRole: 'REPLY',
  documentId: 12,
  documentVersion: 2,
  sha256: 'ab'.repeat(32),
  submittedBy: 'office1',
  requestedAt: '2026-11-30T09:05:00Z',
  decision: 'APPROVE',
  decidedBy: 'manager1',
  decidedAt: '2026-11-30T10:00:00Z',
  comments: 'Firmata',
  pending: false,
  approved: true,
} as unknown as ApprovalRecord;

describe('CaseFile', () => {
  const posts: { url: string; body: FormData }[] = [];

  beforeEach(async () => {
    posts.length = 0;
    await i18n.changeLanguage('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        posts.push({ url, body: init?.body as FormData });
        return new Response(JSON.stringify({ ...reply, version: 3 }), {
          status: 201,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('shows which bytes were approved by whom, the timeline, and adds a new version', async () => {
    const changed = vi.fn();
    render(
      <CaseFile
        basePath="/api/correspondence/PROT-2026-000001"
        documents={[reply]}
        approvals={[approval]}
        timeline={[
          {
            id: 1,
            occurredAt: '2026-11-30T10:00:00Z',
            kind: 'APPROVED',
            actor: 'manager1',
            detail: 'SIGNATURE: REPLY v2',
            documentId: 12,
          } as TimelineEntry,
        ]}
        uploadRoles={['REPLY']}
        onChanged={changed}
      />,
    );

    expect(screen.getByRole('link', { name: 'risposta-v2.txt' })).toHaveAttribute(
      'href',
      '/api/correspondence/PROT-2026-000001/documents/12',
    );
    const row = screen.getByRole('cell', { name: "Manager's signature" }).closest('tr')!;
    expect(row).toHaveTextContent('ab'.repeat(32));
    expect(row).toHaveTextContent('manager1');
    expect(row).toHaveTextContent('Approved');
    expect(screen.getByRole('heading', { name: 'Timeline' })).toBeInTheDocument();
    expect(screen.getByText('Approved', { selector: 'strong' })).toBeInTheDocument();

    const file = new File(['nuova risposta'], 'risposta-v3.txt', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the document' }));

    await waitFor(() => expect(changed).toHaveBeenCalled());
    expect(posts[0].url).toBe('/api/correspondence/PROT-2026-000001/documents');
    expect(posts[0].body.get('role')).toBe('REPLY');
  });
});
