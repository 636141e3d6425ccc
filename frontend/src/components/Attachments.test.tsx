import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from '../i18n';
import { Attachments } from './Attachments';
import { json, stubFetch, type Call } from '../test-support';

const scan = {
  id: 7,
  fileName: 'carta-identita.pdf',
  mediaType: 'application/pdf',
  size: 2048,
  extractionStatus: 'ENCRYPTED',
  extractionMessage: 'password required',
  storedAt: '2026-11-30T08:00:00Z',
};

describe('Attachments', () => {
  let calls: Call[];

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    calls = stubFetch(({ method }) =>
      method === 'POST'
        ? json(
            {
              ...scan,
              id: 8,
              fileName: 'isee.html',
              mediaType: 'text/html',
              extractionStatus: 'OK',
              extractionMessage: undefined,
            },
            201,
          )
        : [scan],
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('links each attachment, says why its text could not be read, and attaches a chosen file', async () => {
    render(<Attachments number="RS-2026-000042" />);

    const link = await screen.findByRole('link', { name: 'carta-identita.pdf' });
    expect(link).toHaveAttribute('href', '/api/tickets/RS-2026-000042/documents/7');
    expect(screen.getByText(/Cifrato \(in tutto o in parte\): testo non leggibile/)).toHaveTextContent(
      'password required',
    );
    expect(screen.getByRole('button', { name: 'Allega' })).toBeDisabled();

    const file = new File(['<p>ISEE</p>'], 'isee.html', { type: 'text/html' });
    fireEvent.change(screen.getByLabelText('Aggiungi un file'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Allega' }));

    expect(await screen.findByRole('link', { name: 'isee.html' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Allegato isee.html aggiunto.'));
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.url).toBe('/api/tickets/RS-2026-000042/documents');
    expect((post?.init?.body as FormData).get('file')).toBeInstanceOf(File);
  });
});
