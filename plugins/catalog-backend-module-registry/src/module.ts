import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  DEFAULT_MORATORIUM_START,
  ExemptionSource,
  isCalendarDate,
} from '@qaztech/plugin-registry-common';
import { registryExemptionSourceExtensionPoint } from '@qaztech/plugin-registry-node';
import { InputError } from '@backstage/errors';
import { RegistryEntityProcessor } from './processor/RegistryEntityProcessor';
import { RegistryImportProvider } from './provider/RegistryImportProvider';
import { readRegistryImportConfigs } from './provider/readRegistryImportConfigs';
import { exportLocation } from './provider/readExport';

/**
 * The catalog module of the register: the {@link RegistryEntityProcessor},
 * one {@link RegistryImportProvider} per entry of `registry.imports`, and the
 * `registry.exemption-source` extension point through which other catalog
 * modules add exemption sources. The exemption written in a system's own
 * record always counts.
 *
 * @public
 */
export const catalogModuleRegistry = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'registry',
  register(reg) {
    const exemptionSources: ExemptionSource[] = [];
    reg.registerExtensionPoint(registryExemptionSourceExtensionPoint, {
      addExemptionSource(source) {
        exemptionSources.push(source);
      },
    });

    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
        processing: catalogProcessingExtensionPoint,
      },
      async init({
        config,
        logger,
        scheduler,
        auth,
        discovery,
        catalog,
        processing,
      }) {
        const moratoriumStart =
          config.getOptionalString('registry.moratoriumStart') ??
          DEFAULT_MORATORIUM_START;
        if (!isCalendarDate(moratoriumStart)) {
          throw new InputError(
            `registry.moratoriumStart must be a date written YYYY-MM-DD, got ${JSON.stringify(
              moratoriumStart,
            )}`,
          );
        }
        const imports = readRegistryImportConfigs(config);
        processing.addProcessor(
          new RegistryEntityProcessor({
            exemptionSources,
            moratoriumStart,
            // A record's own exemption is believed from the national
            // register imports, and from locations the operator names.
            trustedRecordLocations: [
              ...imports.map(i => exportLocation(i.source).locationRef),
              ...(
                config.getOptionalStringArray(
                  'registry.trustedRecordLocations',
                ) ?? []
              ).map(source => exportLocation(source).locationRef),
            ],
          }),
        );

        processing.addEntityProvider(
          imports.map(
            importConfig =>
              new RegistryImportProvider({
                config: importConfig,
                logger: logger.child({ registryImport: importConfig.id }),
                taskRunner: scheduler.createScheduledTaskRunner(
                  importConfig.schedule,
                ),
                catalog,
                auth,
                discovery,
              }),
          ),
        );
      },
    });
  },
});
