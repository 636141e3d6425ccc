import i18n from '../i18n';
import { displayName, notificationText } from './notifications';

describe('who did it, by name', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('it');
  });

  it('writes "Name (user id)", or the user id alone when the directory has no other name', () => {
    expect(displayName('operator1', 'Mario Rossi')).toBe('Mario Rossi (operator1)');
    expect(displayName('operator1', 'operator1 (demo)')).toBe('operator1 (demo)');
    expect(displayName('operator1', null)).toBe('operator1');
    expect(displayName('operator1', ' ')).toBe('operator1');
  });

  it('names the colleague who assigned a task', () => {
    const text = notificationText(
      i18n.t,
      {
        id: 1,
        kind: 'ASSIGNED' as const,
        ticketNumber: 'RS-2026-000042',
        params: { by: 'supervisor', byName: 'Giulia Verdi', taskKey: 'nope' },
        createdAt: '2026-12-06T09:00:00Z',
        read: false,
        taskId: 'task-1',
      },
      'Europe/Rome',
      'it',
    );
    expect(text).toContain('Giulia Verdi (supervisor) ti ha assegnato');
  });
});
