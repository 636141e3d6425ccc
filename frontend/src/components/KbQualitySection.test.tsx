import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { KbQualitySection } from './KbQualitySection';

describe('KbQualitySection', () => {
  beforeEach(() => i18n.changeLanguage('it'));

  it('lists the gaps and the weak articles of the period', async () => {
    const loadGaps = vi.fn().mockResolvedValue({
      gaps: [
        {
          query: 'passo carrabile',
          searches: 4,
          withoutResults: 3,
          tickets: 2,
          publicSearches: 2,
          lastSearchedAt: '2026-12-01T10:00:00Z',
        },
      ],
    });
    const loadWeak = vi.fn().mockResolvedValue({
      articles: [
        {
          id: 9,
          title: 'Stato di famiglia',
          categoryCode: 'certificati',
          views: 30,
          helpful: 1,
          notHelpful: 2,
          unhelpfulPercent: 66.7,
        },
      ],
    });
    render(
      <MemoryRouter>
        <KbQualitySection from="2026-11-07" to="2026-12-06" loadGaps={loadGaps} loadWeak={loadWeak} />
      </MemoryRouter>,
    );
    const gaps = await screen.findByRole('table', { name: /Lacune/ });
    expect(within(gaps).getByRole('rowheader', { name: 'passo carrabile' })).toBeInTheDocument();
    const weak = screen.getByRole('table', { name: /Articoli deboli/ });
    expect(within(weak).getByRole('link', { name: 'Stato di famiglia' })).toHaveAttribute('href', '/kb/edit/9');
    expect(within(weak).getByText('66,7% (2/3)')).toBeInTheDocument();
    expect(loadGaps).toHaveBeenCalledWith('2026-11-07', '2026-12-06');
  });
});
