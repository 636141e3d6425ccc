import i18n from './i18n';
import { me } from './api';

describe('api', () => {
  it('sends the reader language with every API call, for the messages the API writes', async () => {
    await i18n.changeLanguage('en');
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    await expect(me()).resolves.toBeNull();
    expect(fetch).toHaveBeenCalledWith(
      '/api/session',
      expect.objectContaining({ headers: expect.objectContaining({ 'Accept-Language': 'en' }) }),
    );
    vi.unstubAllGlobals();
  });

  it('says a visitor has no session without an error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(me()).resolves.toBeNull();
    vi.unstubAllGlobals();
  });
});
