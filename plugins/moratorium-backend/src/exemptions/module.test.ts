import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { ExemptionSource } from '@qaztech/plugin-registry-common';
import { registryExemptionSourceExtensionPoint } from '@qaztech/plugin-registry-node';
import { moratoriumPlugin } from '../plugin';
import { catalogModuleMoratoriumExemptions } from './module';

/**
 * A stand-in for the catalog with the registry module, which offers the
 * extension point (that module lives in another package): it keeps the
 * sources added to it.
 */
function catalogWithRegistryExtensionPoint(sources: ExemptionSource[]) {
  return createBackendPlugin({
    pluginId: 'catalog',
    register(env) {
      env.registerExtensionPoint(registryExemptionSourceExtensionPoint, {
        addExemptionSource(source) {
          sources.push(source);
        },
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('catalogModuleMoratoriumExemptions', () => {
  it('adds a source that reads the moratorium backend with a service token', async () => {
    const sources: ExemptionSource[] = [];
    const backend = await startTestBackend({
      features: [
        catalogWithRegistryExtensionPoint(sources),
        catalogModuleMoratoriumExemptions,
        moratoriumPlugin,
      ],
    });
    try {
      expect(sources).toHaveLength(1);
      // No decision yet: none, rather than an error.
      await expect(
        sources[0].getExemptions('system:default/e-licensing'),
      ).resolves.toEqual([]);
    } finally {
      await backend.stop();
    }
  });
});
