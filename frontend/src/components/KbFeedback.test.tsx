import { fireEvent, render, screen } from '@testing-library/react';
import i18n from '../i18n';
import { ApiError } from '../api';
import { KbFeedback } from './KbFeedback';

describe('KbFeedback', () => {
  beforeEach(() => i18n.changeLanguage('it'));

  it('sends one opinion and thanks the reader', async () => {
    const send = vi.fn().mockResolvedValue(undefined);
    render(<KbFeedback articleId={7} send={send} />);

    expect(screen.getByRole('heading', { name: 'Ti è stato utile?' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'No' }));

    expect(await screen.findByText('Grazie per la tua opinione.')).toBeInTheDocument();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(7, false);
    expect(screen.queryByRole('button', { name: 'Sì' })).not.toBeInTheDocument();
  });

  it('says when the opinion could not be recorded, in English too', async () => {
    await i18n.changeLanguage('en');
    const send = vi.fn().mockRejectedValue(new ApiError(429, 'Too many requests'));
    render(<KbFeedback articleId={3} send={send} />);

    fireEvent.click(screen.getByRole('button', { name: 'Yes' }));

    expect(await screen.findByText('Your feedback could not be recorded. Please try again later.')).toBeInTheDocument();
    expect(send).toHaveBeenCalledWith(3, true);
    expect(screen.getByRole('group', { name: 'Was this helpful?' })).toBeInTheDocument();
  });
});
