import { fireEvent, render, screen, within } from '@testing-library/react';
import i18n from '../../i18n';
import { DecisionTestsPanel } from './DecisionTestsPanel';

describe('DecisionTestsPanel', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('it');
  });

  it('edits the tests and shows which failed and why', () => {
    const changed: string[] = [];
    render(
      <DecisionTestsPanel
        tests='{"cases": []}'
        results={[
          { name: 'PEC', passed: true, message: '' },
          { name: 'technical topic', passed: false, message: 'queue = general (expected "technical")' },
        ]}
        onChange={(value) => changed.push(value)}
      />,
    );
    fireEvent.change(screen.getByLabelText('Test della tabella (JSON)'), { target: { value: '{}' } });
    expect(changed).toEqual(['{}']);
    expect(screen.getByRole('heading', { name: 'Test: 1 superati, 1 falliti' })).toBeInTheDocument();
    const failed = screen.getByRole('rowheader', { name: 'technical topic' }).closest('tr')!;
    expect(within(failed).getByText('fallito')).toBeInTheDocument();
    expect(within(failed).getByText(/expected "technical"/)).toBeInTheDocument();
  });
});
