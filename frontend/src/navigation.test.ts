import type { Me } from './api';
import { NO_WORKSPACE, landingFor, mayOpen, mayReadContacts, tabsFor } from './navigation';

const as = (...roles: string[]): Me => ({ userId: 'someone', groups: [], roles, zone: 'Europe/Rome' });
const paths = (user: Me) => tabsFor(user).map((tab) => tab.path);

describe('navigation by role', () => {
  it.each([
    [['LEVEL1'], '/inbox'],
    [['LEVEL2'], '/inbox'],
    [['OFFICE'], '/inbox'],
    [['SECRETARIAT'], '/inbox'],
    [['HEAD_OFFICE'], '/inbox'],
    [['SUPERVISOR'], '/supervisor'],
    [['MANAGER'], '/service-levels'],
    [['AUDITOR'], '/service-levels'],
    [['ADMIN'], '/service-levels'],
    [['KB_EDITOR'], '/kb'],
    [['KB_REVIEWER'], '/kb'],
    [['ANALYST'], '/procedures'],
    [['API_CLIENT'], NO_WORKSPACE],
    [[], NO_WORKSPACE],
    [['LEVEL1', 'SUPERVISOR'], '/supervisor'],
  ])('%j lands on %s, a page it may open', (roles, landing) => {
    const user = as(...roles);
    expect(landingFor(user)).toBe(landing);
    if (landing !== NO_WORKSPACE) {
      expect(mayOpen(user, landing)).toBe(true);
      expect(paths(user)).toContain(landing);
    }
  });

  it('shows the auditor and the analyst no inbox, whose API refuses them', () => {
    expect(paths(as('AUDITOR'))).toEqual(['/service-levels', '/activity', '/audit', '/recording-samples']);
    expect(paths(as('ANALYST'))).toEqual(['/procedures', '/studio']);
    expect(paths(as('MANAGER'))).toContain('/staffing');
    expect(mayOpen(as('LEVEL1'), '/staffing')).toBe(false);
    expect(mayOpen(as('MANAGER'), '/recording-samples')).toBe(false);
    expect(mayOpen(as('AUDITOR'), '/inbox')).toBe(false);
  });

  it('lands the data protection officer on the audit trail; it also opens the retention report', () => {
    expect(landingFor(as('DPO'))).toBe('/audit');
    expect(paths(as('DPO'))).toEqual(['/inbox', '/audit', '/data-subjects', '/retention']);
    expect(landingFor(as('COMMUNICATIONS'))).toBe('/notices');
    expect(paths(as('COMMUNICATIONS'))).toEqual(['/notices']);
    expect(mayOpen(as('SUPERVISOR'), '/notices')).toBe(true);
    expect(mayOpen(as('LEVEL1'), '/notices')).toBe(false);
    expect(mayOpen(as('SUPERVISOR'), '/audit')).toBe(false);
  });

  it('gives the secretariat and the manager the knowledge base they may now search', () => {
    expect(paths(as('SECRETARIAT'))).toEqual(['/inbox', '/correspondence', '/complaints', '/kb']);
    expect(paths(as('MANAGER'))).toContain('/kb');
  });

  it('shows the requester history only to the roles the contacts API lets in', () => {
    expect(mayReadContacts(as('LEVEL2'))).toBe(true);
    expect(mayReadContacts(as('SUPERVISOR'))).toBe(true);
    expect(mayReadContacts(as('OFFICE'))).toBe(false);
    expect(mayReadContacts(as('HEAD_OFFICE'))).toBe(false);
  });

  it('offers ticket search to the roles that work tickets, not to managers, auditors or the secretariat', () => {
    for (const role of ['LEVEL1', 'LEVEL2', 'LEVEL3', 'SUPERVISOR', 'OFFICE']) {
      expect(paths(as(role))).toContain('/tickets');
    }
    for (const role of ['MANAGER', 'AUDITOR', 'SECRETARIAT', 'HEAD_OFFICE', 'ANALYST', 'ADMIN', 'KB_EDITOR']) {
      expect(mayOpen(as(role), '/tickets')).toBe(false);
    }
  });

  it('offers the canned replies to who replies and who manages the shared ones', () => {
    for (const role of ['LEVEL1', 'LEVEL2', 'SUPERVISOR', 'KB_EDITOR', 'ADMIN']) {
      expect(paths(as(role)), role).toContain('/canned-replies');
    }
    for (const role of ['OFFICE', 'AUDITOR', 'MANAGER', 'ANALYST']) {
      expect(mayOpen(as(role), '/canned-replies'), role).toBe(false);
    }
  });

  it('offers nothing but the landing to an external system', () => {
    expect(paths(as('API_CLIENT'))).toEqual([]);
    expect(mayOpen(as('API_CLIENT'), '/inbox')).toBe(false);
  });

  it('opens users and rights to administrators only', () => {
    expect(paths(as('ADMIN'))).toContain('/users');
    expect(paths(as('ADMIN'))).toContain('/retention');
    expect(mayOpen(as('DPO'), '/users')).toBe(false);
    expect(mayOpen(as('SUPERVISOR'), '/users')).toBe(false);
  });
});
