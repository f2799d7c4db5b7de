import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  SECURITY_READINESS_SYSTEM_RESOURCE_TYPE,
  securityReadinessConditions,
  securityReadinessEvidenceReadPermission,
  securityReadinessPermissions,
} from './permissions';

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
      // No read action: a blanket grant of reads must not cover raw facts.
      ['security-readiness.evidence.read', undefined],
    ]);
  });

  it('builds IS_OWNER_BODY conditions on the system resource type, lower case', () => {
    expect(
      securityReadinessConditions.isOwnerBody([
        'group:default/MCRIAP',
        'user:default/a',
      ]),
    ).toEqual({
      rule: 'IS_OWNER_BODY',
      resourceType: 'security-readiness-system',
      params: { ownerRefs: ['group:default/mcriap', 'user:default/a'] },
    });
    expect(securityReadinessEvidenceReadPermission).toMatchObject({
      type: 'resource',
      resourceType: SECURITY_READINESS_SYSTEM_RESOURCE_TYPE,
    });
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
