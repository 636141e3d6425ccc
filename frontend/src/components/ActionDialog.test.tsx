import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import i18n from '../i18n';
import { ActionDialog } from './ActionDialog';

vi.setConfig({ testTimeout: 15_000 });

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button">Prima</button>
      <button type="button" onClick={() => setOpen(true)}>
        Apri
      </button>
      {open && (
        <ActionDialog title="Unisci" onClose={() => setOpen(false)}>
          <label htmlFor="why">Motivo</label>
          <input id="why" />
          <button type="submit">Conferma</button>
        </ActionDialog>
      )}
    </>
  );
}

describe('ActionDialog', () => {
  beforeEach(() => void i18n.changeLanguage('it'));

  it('is a labelled modal dialog that takes the focus', () => {
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Apri' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Unisci' });
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog).toHaveAttribute('open');
    expect(screen.getByLabelText('Motivo')).toHaveFocus();
  });

  it('keeps Tab and Shift+Tab inside', () => {
    render(<Opener />);
    fireEvent.click(screen.getByRole('button', { name: 'Apri' }));
    const dialog = screen.getByRole('dialog');
    const close = screen.getByRole('button', { name: i18n.t('ticketActions.close') });
    const confirm = screen.getByRole('button', { name: 'Conferma' });
    confirm.focus();
    fireEvent.keyDown(confirm, { key: 'Tab' });
    expect(close).toHaveFocus();
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(confirm).toHaveFocus();
    // focus that escaped somehow is brought back in
    screen.getByRole('button', { name: 'Prima', hidden: true }).focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(close).toHaveFocus();
  });

  it('closes on Escape and gives the focus back to the opener', () => {
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Apri' });
    opener.focus();
    fireEvent.click(opener);
    fireEvent.keyDown(screen.getByLabelText('Motivo'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('closes on the native cancel event too', () => {
    render(<Opener />);
    fireEvent.click(screen.getByRole('button', { name: 'Apri' }));
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
