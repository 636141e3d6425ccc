import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
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

describe('TaskForm validation and pickers', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('it');
    // jsdom does not scroll; form-js's dropdown scrolls to the focused option
    Element.prototype.scrollIntoView = vi.fn();
  });

  it('says that a required field is missing in Italian, not in form-js English', async () => {
    let handle: FormHandle | undefined;
    render(
      <TaskForm
        schema={{
          type: 'default',
          components: [
            {
              key: 'office',
              label: 'Ufficio competente',
              type: 'select',
              id: 'Field_office',
              valuesKey: 'offices',
              validate: { required: true },
            },
          ],
        }}
        options={{ offices: [{ label: 'Ufficio Tributi', value: 'office-tributi' }] }}
        onReady={(form) => {
          handle = form;
        }}
      />,
    );
    // the picker offers the office by its name, its code as the value
    const picker = await screen.findByLabelText(/Ufficio competente/);
    await waitFor(() => expect(picker.closest('.fjs-form-field')).toHaveTextContent('Scegli…'));
    expect(picker.closest('.fjs-form-field')).not.toHaveTextContent('Select');
    fireEvent.focus(picker);
    expect(await screen.findByText('Ufficio Tributi')).toBeInTheDocument();
    fireEvent.blur(picker);
    await waitFor(() => expect(handle).toBeDefined());
    let errors: Record<string, unknown> = {};
    act(() => {
      errors = handle!.submit().errors;
    });
    expect(errors).toEqual({ Field_office: ['Campo obbligatorio.'] });
    expect(await screen.findByText('Campo obbligatorio.')).toBeInTheDocument();
    expect(screen.queryByText('Field is required.')).not.toBeInTheDocument();
  });
});
