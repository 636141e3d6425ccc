import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import type { SearchResult } from '../api';
import { KbPanel } from './KbPanel';
import { stubFetch } from '../test-support';

vi.setConfig({ testTimeout: 15_000 });

const found = (title: string): SearchResult => ({
  total: 1,
  topics: {},
  hits: [
    {
      sourceId: title.length,
      language: 'it',
      title,
      summary: title,
      snippet: title,
      audience: 'PUBLIC',
      category: '',
      score: 1,
    },
  ],
});

describe('KbPanel', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('it');
    stubFetch(() => ({ hits: [], searchId: null }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the answer to the last search even when an older one answers after it', async () => {
    const answers: ((result: SearchResult) => void)[] = [];
    const search = vi.fn(() => new Promise<SearchResult>((resolve) => answers.push(resolve)));
    render(
      <MemoryRouter>
        <KbPanel ticket="RS-2026-000042" onInsert={vi.fn()} search={search} />
      </MemoryRouter>,
    );
    const box = screen.getByLabelText(i18n.t('kb.query'));
    const submit = screen.getByRole('button', { name: i18n.t('kb.search') });
    fireEvent.change(box, { target: { value: 'tari' } });
    fireEvent.click(submit);
    fireEvent.change(box, { target: { value: 'tari rimborso' } });
    fireEvent.click(submit);
    await waitFor(() => expect(answers).toHaveLength(2));

    answers[1](found('Rimborso della TARI'));
    expect(await screen.findByRole('link', { name: 'Rimborso della TARI' })).toBeInTheDocument();
    answers[0](found('Calendario della TARI'));
    // the older answer arrives last and is dropped
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('link', { name: 'Calendario della TARI' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Rimborso della TARI' })).toBeInTheDocument();
  });
});
