import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Category } from '../api';
import i18n from '../i18n';
import { CategoryPicker } from './CategoryPicker';

const tree: Record<string, Category[]> = {
  root: [
    { id: 1, parentId: null, code: 'tributi', name: 'Tributi', depth: 1 },
    { id: 2, parentId: null, code: 'anagrafe', name: 'Anagrafe', depth: 1 },
  ],
  1: [
    { id: 11, parentId: 1, code: 'tari', name: 'TARI', depth: 2 },
    { id: 12, parentId: 1, code: 'imu', name: 'IMU', depth: 2 },
  ],
  2: [{ id: 21, parentId: 2, code: 'residenza', name: 'Residenza', depth: 2 }],
  11: [],
  12: [],
  21: [],
};
const load = (parent?: number) => Promise.resolve(tree[parent === undefined ? 'root' : String(parent)] ?? []);

describe('CategoryPicker', () => {
  beforeEach(() => i18n.changeLanguage('it'));

  it('picks a reason from the tree: topic first, then its reasons', async () => {
    const onChange = vi.fn();
    render(<CategoryPicker value="" onChange={onChange} load={load} />);
    const topic = await screen.findByLabelText('Argomento');
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.change(topic, { target: { value: '1' } });
    const reason = await screen.findByLabelText('Causale');
    expect(onChange).toHaveBeenLastCalledWith('tributi');
    expect(Array.from((reason as HTMLSelectElement).options).map((o) => o.text)).toEqual([
      'Tutta la voce sopra',
      'TARI',
      'IMU',
    ]);
    fireEvent.change(reason, { target: { value: '12' } });
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('imu'));
  });

  it('shows the saved classification with its path', async () => {
    render(<CategoryPicker value="residenza" onChange={vi.fn()} load={load} />);
    await waitFor(() => expect(screen.getByLabelText('Causale')).toHaveDisplayValue('Residenza'));
    expect(screen.getByLabelText('Argomento')).toHaveDisplayValue('Anagrafe');
  });
});
