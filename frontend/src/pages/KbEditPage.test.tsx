import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import * as api from '../api';
import i18n from '../i18n';
import { KbEditPage } from './KbEditPage';

vi.mock('../api', async (original) => ({
  ...(await original<typeof import('../api')>()),
  kbArticle: vi.fn(),
  articleVersions: vi.fn(),
  articleDiff: vi.fn(),
  kbCategories: vi.fn(),
  updateArticle: vi.fn(),
}));

const user = { username: 'kbeditor', displayName: 'Redattore', roles: ['KB_EDITOR'] } as unknown as api.Me;

function renderEditor() {
  render(
    <MemoryRouter initialEntries={['/kb/edit/7']}>
      <Routes>
        <Route path="/kb/edit/:id" element={<KbEditPage user={user} />} />
      </Routes>
    </MemoryRouter>,
  );
}

// the whole page renders: give a loaded machine time
vi.setConfig({ testTimeout: 30_000 });
const slow = { timeout: 10_000 };

describe('KbEditPage', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('it');
    vi.mocked(api.kbArticle).mockResolvedValue({
      id: 7,
      categoryCode: 'tari',
      status: 'DRAFT',
      audience: 'PUBLIC',
      roles: [],
      tags: ['tari'],
      version: 2,
      createdBy: 'kbeditor',
      updatedAt: '2026-12-01T10:00:00Z',
      variants: [
        { language: 'it', title: 'Come pagare la TARI', summary: 'In breve', body: '## Dove\n\nAllo **sportello**.' },
      ],
    } as unknown as api.Article);
    vi.mocked(api.articleVersions).mockResolvedValue([
      { version: 1, author: 'kbeditor', createdAt: '2026-11-30T10:00:00Z', changeNote: '', content: '' },
      { version: 2, author: 'kbeditor', createdAt: '2026-12-01T10:00:00Z', changeNote: 'titolo', content: '' },
    ]);
    vi.mocked(api.articleDiff).mockResolvedValue({
      from: 1,
      to: 2,
      lines: [
        '--- versione 1',
        '+++ versione 2',
        '@@ -1,1 +1,1 @@',
        '-[it] Titolo: Pagare la TARI',
        '+[it] Titolo: Come pagare la TARI',
      ],
    });
    vi.mocked(api.kbCategories).mockImplementation((parent?: number) =>
      Promise.resolve(
        parent === undefined
          ? [{ id: 1, parentId: null, code: 'tributi', name: 'Tributi', depth: 1 }]
          : parent === 1
            ? [{ id: 11, parentId: 1, code: 'tari', name: 'TARI', depth: 2 }]
            : [],
      ),
    );
  });

  it('previews the body as it will be read, while it is written, and names the page after the article', async () => {
    renderEditor();
    const preview = await screen.findByTestId('kb-preview');
    await waitFor(() => expect(within(preview).getByRole('heading', { name: 'Dove' })).toBeInTheDocument(), slow);
    expect(within(preview).getByText('sportello').tagName).toBe('STRONG');
    await waitFor(() => expect(document.title).toBe('Come pagare la TARI · Sportello'), slow);

    fireEvent.change(screen.getByLabelText('Testo'), {
      target: { value: 'Nuovo *testo* <img src=x onerror="window.bad=1">' },
    });
    expect(within(preview).getByText('testo').tagName).toBe('EM');
    expect(preview.innerHTML).not.toContain('onerror');
    expect(within(preview).queryByRole('heading')).toBeNull();
  });

  it('picks the classification from the tree and shows a version diff side by side', async () => {
    renderEditor();
    await waitFor(() => expect(screen.getByLabelText('Causale')).toHaveDisplayValue('TARI'), slow);
    expect(screen.getByLabelText('Argomento')).toHaveDisplayValue('Tributi');
    fireEvent.click(await screen.findByRole('button', { name: 'Differenze della versione 2' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Pagare', { selector: 'del' })).toBeInTheDocument();
    expect(within(table).getByText('Come pagare', { selector: 'ins' })).toBeInTheDocument();
  });
});
