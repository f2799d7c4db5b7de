import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { securityReadinessPermissions } from './permissions';

describe('securityReadinessPermissions', () => {
  it('names every permission security-readiness.…, once, with its action', () => {
    expect(
      securityReadinessPermissions.map(p => [p.name, p.attributes.action]),
    ).toEqual([
      ['security-readiness.scorecard.read', 'read'],
      ['security-readiness.summary.read', 'read'],
      ['security-readiness.evaluate', undefined],
      ['security-readiness.fact.create', 'create'],
      ['security-readiness.attestation.create', 'create'],
      ['security-readiness.waiver.request', 'create'],
      ['security-readiness.waiver.decide', undefined],
      ['security-readiness.signoff.create', 'create'],
    ]);
  });

  it('include every permission the role policy grants by name', () => {
    // The role policy's grants name our permissions; a typo on either side
    // would silently deny them.
    const grants = readFileSync(
      resolve(
        __dirname,
        '../../permission-backend-module-qaztech-policy/src/grants.ts',
      ),
      'utf8',
    );
    const granted = [
      ...grants.matchAll(/'(security-readiness\.[a-z.-]+)'/g),
    ].map(m => m[1]);
    expect(granted.length).toBeGreaterThan(0);
    const names = securityReadinessPermissions.map(p => p.name);
    for (const name of granted) {
      expect(names).toContain(name);
    }
  });
});
