import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { ApiError, type SearchResult } from '../api';
import { KbSearch } from './KbSearch';

const result: SearchResult = {
  total: 1,
  topics: { anagrafe: 1 },
  hits: [
    {
      sourceId: 7,
      language: 'it',
      title: 'Richiesta del certificato di residenza',
      summary: 'Si scarica online.',
      snippet: 'Il <mark>certificato</mark> di &lt;residenza&gt;',
      audience: 'PUBLIC',
      category: '',
      score: 1,
    },
  ],
};

describe('KbSearch', () => {
  beforeEach(() => i18n.changeLanguage('it'));

  it('searches in the reader language and links each result, highlighting the matched words', async () => {
    const search = vi.fn().mockResolvedValue(result);
    render(
      <MemoryRouter>
        <KbSearch search={search} linkBase="/self-service/kb" />
      </MemoryRouter>,
    );

    fireEvent.change(screen.getByLabelText('Che cosa cerchi?'), { target: { value: 'certificati residenti' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cerca' }));

    const link = await screen.findByRole('link', { name: 'Richiesta del certificato di residenza' });
    expect(link).toHaveAttribute('href', '/self-service/kb/7');
    expect(search).toHaveBeenCalledWith('certificati residenti', 'it');
    expect(screen.getByText('1 articolo trovato')).toBeInTheDocument();
    expect(screen.getByText('certificato').tagName).toBe('MARK');
  });

  it('says when search is unavailable', async () => {
    await i18n.changeLanguage('en');
    const search = vi.fn().mockRejectedValue(new ApiError(503, 'down'));
    render(
      <MemoryRouter>
        <KbSearch search={search} linkBase="/kb/articles" />
      </MemoryRouter>,
    );

    fireEvent.change(screen.getByLabelText('What are you looking for?'), { target: { value: 'tari' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Search is not available right now');
  });
});
