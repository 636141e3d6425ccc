import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { Layout } from './Layout';

const operator = { userId: 'operator1', groups: ['level1'], roles: ['LEVEL1'], zone: 'Europe/Rome' };

describe('Layout', () => {
  beforeEach(() => i18n.changeLanguage('it'));

  const renderLayout = (roles: string[]) =>
    render(
      <MemoryRouter>
        <Layout user={{ ...operator, roles }}>
          <p>contenuto</p>
        </Layout>
      </MemoryRouter>,
    );

  it('shows only the tabs of the roles: an auditor gets no inbox', () => {
    renderLayout(['AUDITOR']);
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    const links = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual(['Livelli di servizio', 'Andamento', 'Registro accessi', 'Campioni di registrazioni']);
  });

  it('folds the tabs into a menu button on small screens', () => {
    renderLayout(['LEVEL1']);
    const button = screen.getByRole('button', { name: 'Menu' });
    const list = document.getElementById('main-navigation')!;
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveAttribute('aria-controls', 'main-navigation');
    expect(list.className).toContain('d-none');
    expect(list.className).toContain('d-md-flex');
    fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(list.className).not.toContain('d-none');
    expect(within(list).getByRole('link', { name: 'Nuovo contatto' })).toBeInTheDocument();
  });

  it('names the tabs in English', async () => {
    await i18n.changeLanguage('en');
    renderLayout(['ANALYST']);
    expect(screen.getByRole('link', { name: 'Procedures' })).toHaveAttribute('href', '/procedures');
  });
});
