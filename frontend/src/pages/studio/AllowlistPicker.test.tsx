import { fireEvent, render, screen } from '@testing-library/react';
import i18n from '../../i18n';
import { AllowlistPicker, type AllowedBean } from './AllowlistPicker';

const beans: AllowedBean[] = [
  { name: 'applyClassificationDelegate', uses: ['DELEGATE'], type: 'ApplyClassificationDelegate' },
  { name: 'ticketTaskListener', uses: ['TASK_LISTENER'], type: 'TicketTaskListener' },
  { name: 'kbDeadlines', uses: ['HELPER'], type: 'KbDeadlines' },
];

describe('AllowlistPicker', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('it');
  });

  it("offers a service task only the allowlist's delegates and writes the chosen one", () => {
    const picked: string[] = [];
    render(
      <AllowlistPicker
        element={{ id: 'serviceTask_x', type: 'bpmn:ServiceTask', delegateExpression: '${unknownBean}' }}
        beans={beans}
        onDelegate={(bean) => picked.push(bean)}
        onListener={() => undefined}
      />,
    );
    const select = screen.getByLabelText('Delegato (camunda:delegateExpression)');
    expect([...select.querySelectorAll('option')].map((o) => o.value)).toEqual(['', 'applyClassificationDelegate']);
    fireEvent.change(select, { target: { value: 'applyClassificationDelegate' } });
    expect(picked).toEqual(['applyClassificationDelegate']);
  });

  it('adds a task listener to a user task with the event chosen', () => {
    const added: unknown[] = [];
    render(
      <AllowlistPicker
        element={{ id: 'userTask_x', type: 'bpmn:UserTask' }}
        beans={beans}
        onDelegate={() => undefined}
        onListener={(...args) => added.push(args)}
      />,
    );
    expect(screen.queryByLabelText('Delegato (camunda:delegateExpression)')).toBeNull();
    const add = screen.getByRole('button', { name: 'Aggiungi il listener' });
    expect(add).toBeDisabled();
    fireEvent.change(screen.getByLabelText("Aggiungi un listener dell'attività"), {
      target: { value: 'ticketTaskListener' },
    });
    fireEvent.change(screen.getByLabelText('Quando'), { target: { value: 'complete' } });
    fireEvent.click(add);
    expect(added).toEqual([['ticketTaskListener', 'complete', true]]);
  });

  it('asks to select an element when none is', () => {
    render(<AllowlistPicker beans={beans} onDelegate={() => undefined} onListener={() => undefined} />);
    expect(screen.getByText(/Seleziona un'attività/)).toBeInTheDocument();
  });
});
