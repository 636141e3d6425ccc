import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { Article, KbSuggestions as Suggestions } from '../api';
import i18n from '../i18n';
import { KbSuggestions } from './KbSuggestions';

const suggestions: Suggestions = {
  ticket: 'T-2026-000123',
  searchId: 42,
  query: 'Come pago la TARI',
  hits: [
    {
      sourceId: 7,
      language: 'it',
      title: 'Come pagare la TARI',
      summary: 'Con F24 o PagoPA.',
      snippet: '## Pagamento\n**Paga** la <mark>TARI</mark> con F24',
      audience: 'PUBLIC',
      category: '',
      score: 1,
    },
  ],
};
const article = {
  id: 7,
  status: 'PUBLISHED',
  audience: 'PUBLIC',
  roles: [],
  tags: [],
  version: 1,
  createdBy: 'kbeditor',
  updatedAt: '2026-12-01T10:00:00Z',
  variants: [
    { language: 'it', title: 'Come pagare la TARI', summary: '', body: 'Paga con **F24**:\n\n- online\n- in banca' },
  ],
} as unknown as Article;

function renderPanel(onInsert = vi.fn(), record = vi.fn().mockResolvedValue(undefined)) {
  render(
    <MemoryRouter>
      <KbSuggestions
        ticket="T-2026-000123"
        onInsert={onInsert}
        load={vi.fn().mockResolvedValue(suggestions)}
        loadArticle={vi.fn().mockResolvedValue(article)}
        record={record}
      />
    </MemoryRouter>,
  );
  return { onInsert, record };
}

describe('KbSuggestions', () => {
  beforeEach(() => i18n.changeLanguage('it'));

  it('suggests articles for the ticket with snippets without markup', async () => {
    renderPanel();
    const link = await screen.findByRole('link', { name: 'Come pagare la TARI' });
    expect(link).toHaveAttribute('href', '/kb/articles/7?search=42');
    expect(screen.getByText('TARI', { selector: 'mark' })).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('**');
    expect(document.body.textContent).not.toContain('##');
  });

  it('inserts the answer as plain text into the reply and records the use', async () => {
    const { onInsert, record } = renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Inserisci la risposta di «Come pagare la TARI»' }));
    expect(await screen.findByText('Testo di «Come pagare la TARI» inserito nella risposta.')).toBeInTheDocument();
    expect(onInsert).toHaveBeenCalledWith('Paga con F24:\n- online\n- in banca');
    expect(record).toHaveBeenCalledWith(7, 'T-2026-000123', 'INSERTED', 42);
  });

  it('links a public article with its citizens address and records the use', async () => {
    const { onInsert, record } = renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Collega «Come pagare la TARI» nella risposta' }));
    expect(await screen.findByText('«Come pagare la TARI» collegato nella risposta.')).toBeInTheDocument();
    expect(onInsert).toHaveBeenCalledWith(`Come pagare la TARI ${window.location.origin}/self-service/kb/7`);
    expect(record).toHaveBeenCalledWith(7, 'T-2026-000123', 'LINKED', 42);
  });

  it('marks an article as the answer without touching the reply', async () => {
    const { onInsert, record } = renderPanel();
    fireEvent.click(
      await screen.findByRole('button', { name: "Ha risposto: «Come pagare la TARI» è l'articolo che ha risposto" }),
    );
    expect(await screen.findByText('«Come pagare la TARI» segnato come risposta.')).toBeInTheDocument();
    expect(onInsert).not.toHaveBeenCalled();
    expect(record).toHaveBeenCalledWith(7, 'T-2026-000123', 'ANSWERED', 42);
  });
});
