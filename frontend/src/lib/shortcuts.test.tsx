import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import i18n from '../i18n';
import { ShortcutHelp } from '../components/ShortcutHelp';
import { isTyping, useShortcuts } from './shortcuts';

function Harness({ calls }: { calls: string[] }) {
  const [help, setHelp] = useState(false);
  useShortcuts({
    j: () => calls.push('j'),
    enter: () => calls.push('enter'),
    'ctrl+enter': () => calls.push('ctrl+enter'),
    '?': () => setHelp(true),
  });
  return (
    <>
      <input aria-label="Campo" />
      <textarea aria-label="Testo" />
      <div contentEditable aria-label="Editor" suppressContentEditableWarning>
        x
      </div>
      <input type="checkbox" aria-label="Scelta" />
      <button type="button">Bottone</button>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </>
  );
}

describe('useShortcuts', () => {
  beforeEach(() => i18n.changeLanguage('it'));

  it('fires single keys on the page, never while the user types in a field', () => {
    const calls: string[] = [];
    render(<Harness calls={calls} />);

    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(screen.getByLabelText('Campo'), { key: 'j' });
    fireEvent.keyDown(screen.getByLabelText('Testo'), { key: 'j' });
    fireEvent.keyDown(screen.getByLabelText('Editor'), { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'J', shiftKey: true });
    fireEvent.keyDown(document.body, { key: 'j', altKey: true });
    // a checkbox takes no text: the shortcut works there
    fireEvent.keyDown(screen.getByLabelText('Scelta'), { key: 'j' });

    expect(calls).toEqual(['j', 'j']);
  });

  it('leaves Enter to links and buttons, and lets Ctrl+Enter through even in a text field', () => {
    const calls: string[] = [];
    render(<Harness calls={calls} />);

    fireEvent.keyDown(screen.getByRole('button', { name: 'Bottone' }), { key: 'Enter' });
    fireEvent.keyDown(document.body, { key: 'Enter' });
    fireEvent.keyDown(screen.getByLabelText('Testo'), { key: 'Enter' });
    fireEvent.keyDown(screen.getByLabelText('Testo'), { key: 'Enter', ctrlKey: true });

    expect(calls).toEqual(['enter', 'ctrl+enter']);
  });

  it('opens the help with "?" as a dialog that takes the focus and closes with Esc', () => {
    const calls: string[] = [];
    render(<Harness calls={calls} />);
    const before = screen.getByRole('button', { name: 'Bottone' });
    before.focus();

    fireEvent.keyDown(before, { key: '?', shiftKey: true });

    const dialog = screen.getByRole('dialog', { name: 'Scorciatoie da tastiera' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('button', { name: 'Chiudi' })).toHaveFocus();
    expect(screen.getAllByText('Prendi in carico')).toHaveLength(2);
    expect(screen.getByText('Ctrl + Enter')).toBeInTheDocument();
    // the page's shortcuts wait while the dialog is open
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(calls).toEqual([]);

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(before).toHaveFocus();
  });

  it('lists the shortcuts in English too', async () => {
    await i18n.changeLanguage('en');
    render(<ShortcutHelp onClose={() => undefined} />);
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    expect(screen.getByText('Write to the requester')).toBeInTheDocument();
  });

  it('knows which elements take typed text', () => {
    const select = document.createElement('select');
    const radio = Object.assign(document.createElement('input'), { type: 'radio' });
    const search = Object.assign(document.createElement('input'), { type: 'search' });
    expect([isTyping(select), isTyping(radio), isTyping(search), isTyping(document.body)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});
