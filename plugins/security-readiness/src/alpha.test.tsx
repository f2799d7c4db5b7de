import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { securityReadinessEntityContent, securityReadinessPage } from './alpha';

describe('security readiness alpha extensions', () => {
  it('mounts the page at /security-readiness', () => {
    const tester = createExtensionTester(securityReadinessPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/security-readiness');
  });

  it('puts the scorecard tab on state information systems only', () => {
    const tester = createExtensionTester(securityReadinessEntityContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    const system = (type: string, kind = 'System') => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'tax' },
      spec: { type },
    });

    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Security');
    expect(tester.get(coreExtensionData.routePath)).toBe('security-readiness');
    expect(filter(system('state-information-system'))).toBe(true);
    expect(filter(system('service'))).toBe(false);
    expect(filter(system('state-information-system', 'Component'))).toBe(false);
  });
});
