import { articleLanguage } from './articleLanguage';

describe('articleLanguage', () => {
  it('searches the articles in the page language when the knowledge base has it, else in Italian', () => {
    expect(articleLanguage('fr')).toBe('fr');
    expect(articleLanguage('de-CH')).toBe('de');
    expect(articleLanguage('en')).toBe('en');
    expect(articleLanguage('es')).toBe('it');
  });
});
