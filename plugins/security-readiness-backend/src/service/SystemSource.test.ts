import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogSystemSource } from './SystemSource';
import { makeSystem } from '../collectors/__fixtures__/systems';

describe('CatalogSystemSource', () => {
  const systems = Array.from({ length: 7 }, (_, i) => makeSystem(`sys-${i}`));
  const other = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'plain', namespace: 'default' },
    spec: { type: 'product', owner: 'group:default/x' },
  };
  const source = new CatalogSystemSource({
    catalog: catalogServiceMock({ entities: [...systems, other] }),
    auth: mockServices.auth(),
    pageSize: 3,
  });

  it('pages through the registry systems only', async () => {
    const pages: string[][] = [];
    for await (const page of source.pages()) {
      pages.push(page.map(s => s.metadata.name));
    }
    expect(pages.map(p => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat().sort()).toEqual(systems.map(s => s.metadata.name));
    expect(await source.count()).toBe(7);
  });

  it('finds one registry system by ref, and nothing for other entities', async () => {
    expect(
      (await source.getSystem('system:default/sys-3'))?.metadata.name,
    ).toBe('sys-3');
    expect(await source.getSystem('system:default/plain')).toBeUndefined();
    expect(await source.getSystem('system:default/none')).toBeUndefined();
  });
});
