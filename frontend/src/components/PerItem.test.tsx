import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { Link, MemoryRouter, Route, Routes, useParams } from 'react-router-dom';
import { PerItem } from './PerItem';

/** Stands for a ticket page: a draft typed in it, and a link to another ticket. */
function Draft() {
  const { number } = useParams();
  const [text, setText] = useState('');
  return (
    <>
      <label htmlFor="draft">Risposta per {number}</label>
      <textarea id="draft" value={text} onChange={(event) => setText(event.target.value)} />
      <Link to="/tickets/RS-2">altra pratica</Link>
    </>
  );
}

describe('PerItem', () => {
  it("starts another ticket's page afresh: a draft for one citizen never carries over to the next", () => {
    render(
      <MemoryRouter initialEntries={['/tickets/RS-1']}>
        <Routes>
          <Route
            path="/tickets/:number"
            element={
              <PerItem>
                <Draft />
              </PerItem>
            }
          />
        </Routes>
      </MemoryRouter>,
    );
    fireEvent.change(screen.getByLabelText('Risposta per RS-1'), { target: { value: 'Gentile Maria…' } });
    expect(screen.getByLabelText('Risposta per RS-1')).toHaveValue('Gentile Maria…');

    fireEvent.click(screen.getByRole('link', { name: 'altra pratica' }));

    expect(screen.getByLabelText('Risposta per RS-2')).toHaveValue('');
  });
});
