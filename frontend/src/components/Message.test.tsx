import { render, screen } from '@testing-library/react';
import i18n from '../i18n';
import { Message } from './Message';

describe('Message', () => {
  it('names the fields by their labels in the reader language, not by the API paths', async () => {
    await i18n.changeLanguage('it');
    const errors = [
      { field: 'requester.fiscalCode', message: 'deve essere un codice fiscale valido' },
      { field: 'description', message: 'non deve essere vuoto' },
      { field: 'requester', message: 'indica almeno un recapito' },
      { field: 'somethingNew', message: 'non valido' },
    ];
    render(<Message text="Controlla i campi" errors={errors} />);

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Codice fiscale del richiedente: deve essere un codice fiscale valido');
    expect(alert).toHaveTextContent('Descrizione: non deve essere vuoto');
    expect(alert).toHaveTextContent('requester: indica almeno un recapito');
    expect(alert).toHaveTextContent('somethingNew: non valido');
    expect(alert).not.toHaveTextContent('requester.fiscalCode');
  });

  it('keeps its live region before the text comes, and puts the text into that same region', async () => {
    await i18n.changeLanguage('en');
    const { rerender } = render(<Message kind="success" />);
    const region = screen.getByRole('status');
    expect(region).toBeEmptyDOMElement();

    rerender(<Message kind="success" text="Saved" />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('Saved');
    expect(region).toHaveClass('alert', 'alert-success');
  });
});
