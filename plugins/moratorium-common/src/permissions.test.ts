import { moratoriumPermissions } from './permissions';
import { WORKFLOW } from './workflow';

describe('moratorium permissions', () => {
  it('are unique and named moratorium.<resource>.<verb>', () => {
    const names = moratoriumPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^moratorium\.[a-z-]+\.[a-z-]+$/);
    }
  });

  it('include every permission the workflow checks', () => {
    for (const rule of WORKFLOW) {
      expect(moratoriumPermissions).toContain(rule.permission);
    }
  });
});
