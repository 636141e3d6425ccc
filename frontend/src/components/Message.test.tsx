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
});
