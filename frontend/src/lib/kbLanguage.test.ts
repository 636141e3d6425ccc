import type { SearchResult } from '../api';
import { searchInReadersLanguage } from './kbLanguage';

const result = (total: number) => ({ total, hits: [] }) as unknown as SearchResult;

describe('a knowledge-base search in the reader’s language', () => {
  it('asks in the reader’s language and keeps what it finds', async () => {
    const search = vi.fn().mockResolvedValue(result(2));
    expect((await searchInReadersLanguage(search, 'TARI', 'de-IT')).total).toBe(2);
    expect(search.mock.calls).toEqual([['TARI', 'de']]);
  });

  it('falls back to the Italian articles when none is written in that language', async () => {
    const search = vi.fn(async (_q: string, lang: string) => result(lang === 'it' ? 3 : 0));
    expect((await searchInReadersLanguage(search, 'TARI', 'de')).total).toBe(3);
    expect(search.mock.calls.map((call) => call[1])).toEqual(['de', 'it']);
  });

  it('asks once in Italian, and in Italian for a language the application does not have', async () => {
    const search = vi.fn().mockResolvedValue(result(0));
    await searchInReadersLanguage(search, 'TARI', 'es');
    expect(search.mock.calls).toEqual([['TARI', 'it']]);
  });
});
