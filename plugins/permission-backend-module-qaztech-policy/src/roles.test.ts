import { ConfigReader } from '@backstage/config';
import { readRoleMembership, rolesOf } from './roles';

describe('readRoleMembership', () => {
  it('maps the default groups to their roles', () => {
    const membership = readRoleMembership(new ConfigReader({}));
    expect(
      rolesOf(
        ['user:default/a', 'group:default/qaztech-commission-secretaries'],
        membership,
      ),
    ).toEqual(new Set(['secretary']));
  });

  it('accepts short group refs and one group for several roles', () => {
    const membership = readRoleMembership(
      new ConfigReader({
        qaztech: { roles: { auditor: ['ops'], admin: ['group:default/ops'] } },
      }),
    );
    expect(rolesOf(['group:default/ops'], membership)).toEqual(
      new Set(['auditor', 'admin']),
    );
  });

  it('stops on a role that does not exist, naming it', () => {
    expect(() =>
      readRoleMembership(
        new ConfigReader({ qaztech: { roles: { secretery: ['x'] } } }),
      ),
    ).toThrow(/qaztech\.roles\.secretery is not a QazTech role/);
  });

  it('stops on a reference that is not a Group', () => {
    expect(() =>
      readRoleMembership(
        new ConfigReader({ qaztech: { roles: { admin: ['user:default/x'] } } }),
      ),
    ).toThrow(/qaztech\.roles\.admin: "user:default\/x" is not a Group/);
  });
});
