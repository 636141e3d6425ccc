/** The knowledge base's language for the page's: articles are in Italian, English, German or French. */
export function articleLanguage(language: string): string {
  const code = language.slice(0, 2);
  return ['it', 'en', 'de', 'fr'].includes(code) ? code : 'it';
}
