import { render, screen, within } from '@testing-library/react';
import i18n from '../i18n';
import { DiffView, sideBySide } from './DiffView';

const lines = [
  '--- versione 1',
  '+++ versione 2',
  '@@ -3,3 +3,4 @@',
  ' Tag: tari',
  '-[it] Titolo: Come pagare la TARI',
  '+[it] Titolo: Come pagare la tassa rifiuti',
  ' [it] Sommario: In breve',
  '+Riga nuova',
];

describe('DiffView', () => {
  beforeEach(() => i18n.changeLanguage('it'));

  it('puts removed lines beside the added ones, numbered as in each version', () => {
    const rows = sideBySide(lines);
    expect(rows.map((row) => row.kind)).toEqual(['hunk', 'same', 'changed', 'same', 'changed']);
    expect(rows[2].left).toEqual({ number: 4, text: '[it] Titolo: Come pagare la TARI' });
    expect(rows[2].right).toEqual({ number: 4, text: '[it] Titolo: Come pagare la tassa rifiuti' });
    expect(rows[4].left).toEqual({});
    expect(rows[4].right).toEqual({ number: 6, text: 'Riga nuova' });
  });

  it('shows the two versions side by side, marking only the changed words', () => {
    render(<DiffView lines={lines} from={1} to={2} />);
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Versione 1' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Versione 2' })).toBeInTheDocument();
    const removed = Array.from(table.querySelectorAll('del')).map((node) => node.textContent);
    const added = Array.from(table.querySelectorAll('ins')).map((node) => node.textContent);
    expect(removed).toEqual(['TARI']);
    expect(added).toEqual(['tassa rifiuti', 'Riga nuova']);
    expect(screen.getAllByText('Tag: tari')).toHaveLength(2);
  });

  it('says when nothing changed', () => {
    render(<DiffView lines={[]} from={1} to={2} />);
    expect(screen.getByText('Nessuna differenza tra le due versioni.')).toBeInTheDocument();
  });
});
