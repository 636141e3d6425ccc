import { render, screen } from '@testing-library/react';
import i18n from '../i18n';
import { forgetReference, useLabels } from './labels';

const reference = {
  queues: [
    { code: 'general', nameIt: 'Informazioni generali', nameEn: 'General information', backOfficeGroup: 'level2' },
  ],
  offices: [{ code: 'TRIB', name: 'Ufficio Tributi' }],
  categories: [
    { code: 'anagrafe', name: 'Anagrafe', parentCode: null, depth: 1 },
    { code: 'residenza', name: 'Cambio di residenza', parentCode: 'anagrafe', depth: 2 },
  ],
};

function Row({ codes }: { codes: Record<string, string> }) {
  const labels = useLabels();
  return (
    <ul>
      <li>{labels.queue(codes.queue)}</li>
      <li>{labels.office(codes.office)}</li>
      <li>{labels.category(codes.category)}</li>
      <li>{labels.channel(codes.channel)}</li>
      <li>{labels.type(codes.type)}</li>
      <li>{labels.status(codes.status)}</li>
    </ul>
  );
}

describe('useLabels', () => {
  beforeEach(() => forgetReference());
  afterEach(() => vi.unstubAllGlobals());

  it('names queues, offices, categories, channels, types and statuses in the reader language', async () => {
    await i18n.changeLanguage('it');
    const fetch = vi.fn(async () => Response.json(reference));
    vi.stubGlobal('fetch', fetch);
    render(
      <Row
        codes={{
          queue: 'general',
          office: 'TRIB',
          category: 'residenza',
          channel: 'EMAIL',
          type: 'Q',
          status: 'WAITING_FOR_OFFICE',
        }}
      />,
    );

    expect(await screen.findByText('Informazioni generali')).toBeInTheDocument();
    expect(screen.getByText('Ufficio Tributi')).toBeInTheDocument();
    expect(screen.getByText('Cambio di residenza')).toBeInTheDocument();
    expect(screen.getByText('E-mail')).toBeInTheDocument();
    expect(screen.getByText('Richiesta di informazioni')).toBeInTheDocument();
    expect(screen.getByText("In attesa dell'ufficio")).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('uses the English names for an English reader', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json(reference)),
    );
    render(<Row codes={{ queue: 'general', type: 'PI', channel: 'WEB' }} />);

    expect(await screen.findByText('General information')).toBeInTheDocument();
    expect(screen.getByText('Privacy issue')).toBeInTheDocument();
    expect(screen.getByText('Web form')).toBeInTheDocument();
    await i18n.changeLanguage('it');
  });

  it('uses the German and French names of queues and offices, Italian where the server has none', async () => {
    const translated = {
      ...reference,
      queues: [{ ...reference.queues[0], nameDe: 'Allgemeine Informationen', nameFr: null }],
      offices: [
        {
          code: 'TRIB',
          name: 'Ufficio Tributi',
          nameEn: 'Tax Office',
          nameDe: 'Steueramt',
          nameFr: 'Service des impôts',
        },
      ],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json(translated)),
    );
    await i18n.changeLanguage('de');
    const german = render(<Row codes={{ queue: 'general', office: 'TRIB' }} />);
    expect(await screen.findByText('Allgemeine Informationen')).toBeInTheDocument();
    expect(screen.getByText('Steueramt')).toBeInTheDocument();
    german.unmount();

    await i18n.changeLanguage('fr');
    render(<Row codes={{ queue: 'general', office: 'TRIB' }} />);
    expect(await screen.findByText('Informazioni generali')).toBeInTheDocument();
    expect(screen.getByText('Service des impôts')).toBeInTheDocument();
    await i18n.changeLanguage('it');
  });

  it('shows an unknown code as it is, and codes when the reference cannot be read', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 500 })),
    );
    render(<Row codes={{ queue: 'tributi', office: 'XYZ', type: 'Z9' }} />);

    expect(await screen.findByText('tributi')).toBeInTheDocument();
    expect(screen.getByText('XYZ')).toBeInTheDocument();
    expect(screen.getByText('Z9')).toBeInTheDocument();
  });
});
