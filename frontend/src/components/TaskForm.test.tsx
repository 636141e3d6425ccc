import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from '../i18n';
import { TaskForm, type FormHandle } from './TaskForm';

const schema = () => ({
  type: 'default',
  components: [{ key: 'answerText', label: 'Testo della risposta', type: 'textarea', id: 'Field_answer' }],
});

describe('TaskForm', () => {
  beforeEach(() => i18n.changeLanguage('it'));

  it('keeps what the user typed when the form is rendered again (a document uploaded, the language switched)', async () => {
    let handle: FormHandle | undefined;
    const onReady = (form: FormHandle) => {
      handle = form;
    };
    const { rerender } = render(<TaskForm schema={schema()} onReady={onReady} />);
    const field = await screen.findByLabelText('Testo della risposta');
    fireEvent.input(field, { target: { value: 'Si trasmette la delibera.' } });
    fireEvent.blur(field);
    await waitFor(() => expect(handle?.submit().data.answerText).toBe('Si trasmette la delibera.'));

    // the page fetched the schema again: a new object, the same form
    rerender(<TaskForm schema={schema()} onReady={onReady} />);
    await waitFor(() => expect(screen.getByLabelText('Testo della risposta')).toHaveValue('Si trasmette la delibera.'));
    expect(handle?.submit().data.answerText).toBe('Si trasmette la delibera.');
  });
});
