/**
 * Days and months as the service calendar counts them (its zone comes with the user, `Me.zone`),
 * whatever zone the browser runs in: between midnight in Rome and midnight UTC the two disagree.
 */
export function calendarDate(zone: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The month (YYYY-MM) of a moment on the service calendar. */
export function calendarMonth(zone: string, at: Date = new Date()): string {
  return calendarDate(zone, at).slice(0, 7);
}

/** A moment shown as date and time on the service calendar, in the user's language. */
export function calendarDateTime(zone: string, value: string, language: string): string {
  return new Date(value).toLocaleString(language, { timeZone: zone, dateStyle: 'short', timeStyle: 'short' });
}
