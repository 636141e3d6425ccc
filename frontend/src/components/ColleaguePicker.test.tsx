import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from '../i18n';
import { ColleaguePicker } from './ColleaguePicker';
import { stubFetch } from '../test-support';

describe('ColleaguePicker', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('it');
    stubFetch(() => [
      { userId: 'operator1', name: 'operator1 (demo)' },
      { userId: 'operator3', name: 'Giulia Verdi' },
      { userId: 'operator2', name: 'operator2 (demo)' },
    ]);
  });

  afterEach(() => vi.unstubAllGlobals());

  it('offers only the candidates other than the holder and hands the task to the chosen one', async () => {
    const picked: string[] = [];
    render(
      <ColleaguePicker
        taskId="t-1"
        number="RS-2026-000042"
        holder="operator1"
        action="Passa a un collega"
        onPick={async (userId) => {
          picked.push(userId);
        }}
      />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Passa a un collega: richiesta RS-2026-000042' }));
    const select = await screen.findByLabelText('Collega a cui affidare la richiesta RS-2026-000042');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Scegli un collega',
      'Giulia Verdi (operator3)',
      // the user id once, not "operator2 (demo) (operator2)"
      'operator2 (demo)',
    ]);
    expect(screen.getByRole('button', { name: 'Conferma' })).toBeDisabled();

    fireEvent.change(select, { target: { value: 'operator3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conferma' }));

    await waitFor(() => expect(picked).toEqual(['operator3']));
    expect(
      await screen.findByRole('button', { name: 'Passa a un collega: richiesta RS-2026-000042' }),
    ).toBeInTheDocument();
  });
});
