import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { moratoriumEntityContent, moratoriumPage } from './alpha';

describe('moratorium alpha extensions', () => {
  it('mounts the page at /moratorium', () => {
    const tester = createExtensionTester(moratoriumPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/moratorium');
  });

  it('puts the Exemption tab on state information systems only', () => {
    const tester = createExtensionTester(moratoriumEntityContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    const system = (type: string, kind = 'System') => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'tax' },
      spec: { type },
    });

    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Exemption');
    expect(tester.get(coreExtensionData.routePath)).toBe('exemption');
    expect(filter(system('state-information-system'))).toBe(true);
    expect(filter(system('service'))).toBe(false);
    expect(filter(system('state-information-system', 'Component'))).toBe(false);
  });
});
