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
  EXEMPTIONS_CHANGED_TOPIC,
  ExemptionSource,
  ExemptionsChangedEvent,
  SYSTEM_PROCESSED_TOPIC,
  isCalendarDate,
} from '@qaztech/plugin-registry-common';
import { registryExemptionSourceExtensionPoint } from '@qaztech/plugin-registry-node';
import { InputError } from '@backstage/errors';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { RegistryEntityProcessor } from './processor/RegistryEntityProcessor';
import { RegistryImportProvider } from './provider/RegistryImportProvider';
import { readRegistryImportConfigs } from './provider/readRegistryImportConfigs';
import {
  DEFAULT_MAX_IMPORT_BYTES,
  exportLocation,
} from './provider/readExport';
import { DatabaseRegistryEvidenceStore } from './evidence/DatabaseRegistryEvidenceStore';
import { EvidenceLookup } from './evidence/EvidenceLookup';
import { PlatformInventoryImport } from './inventory/PlatformInventoryImport';
import { readPlatformInventoryConfigs } from './inventory/readPlatformInventoryConfigs';

/**
 * The catalog module of the register: the {@link RegistryEntityProcessor},
 * one {@link RegistryImportProvider} per entry of `registry.imports`, one
 * {@link PlatformInventoryImport} per entry of
 * `registry.platformInventories`, the evidence store (first sights and the
 * platform inventory, in the catalog's database), and the
 * `registry.exemption-source` extension point through which other catalog
 * modules add exemption sources. A system's own record is believed only from
 * a trusted location (the imports and `registry.trustedRecordLocations`).
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
        database: coreServices.database,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        processing: catalogProcessingExtensionPoint,
        events: eventsServiceRef,
      },
      async init({
        config,
        logger,
        scheduler,
        auth,
        discovery,
        database,
        urlReader,
        catalog,
        processing,
        events,
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
        const inventories = readPlatformInventoryConfigs(config);
        const maxBytes =
          config.getOptionalNumber('registry.maxImportBytes') ??
          DEFAULT_MAX_IMPORT_BYTES;
        if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
          throw new InputError(
            `registry.maxImportBytes must be a positive whole number of bytes, got ${maxBytes}`,
          );
        }
        // First sights and the platform inventory live in the catalog's own
        // database, beside the entities they judge.
        const evidenceStore = await DatabaseRegistryEvidenceStore.create({
          database,
        });
        const evidence = new EvidenceLookup({ store: evidenceStore });
        const processor = new RegistryEntityProcessor({
          onExpectedProcessed: event => {
            events
              .publish({ topic: SYSTEM_PROCESSED_TOPIC, eventPayload: event })
              .catch(error =>
                logger.warn('Could not announce a processed system', {
                  entityRef: event.systemRef,
                  error: String(error),
                }),
              );
          },
          exemptionSources,
          moratoriumStart,
          evidence,
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
        });
        processing.addProcessor(processor);

        // A decision, revocation or expiry: forget the cached exemptions of
        // that one system, watch for its processing and ask the catalog to
        // process it now, instead of waiting for its next pass.
        await events.subscribe({
          id: 'catalog-registry-exemptions',
          topics: [EXEMPTIONS_CHANGED_TOPIC],
          onEvent: async params => {
            const { systemRef } =
              params.eventPayload as Partial<ExemptionsChangedEvent>;
            if (typeof systemRef !== 'string') {
              return;
            }
            for (const source of exemptionSources) {
              source.forget?.(systemRef);
            }
            processor.expect(systemRef);
            try {
              await catalog.refreshEntity(systemRef, {
                credentials: await auth.getOwnServiceCredentials(),
              });
            } catch (error) {
              logger.warn(
                'Could not refresh a system whose exemptions changed',
                {
                  entityRef: systemRef,
                  error: String(error),
                },
              );
            }
          },
        });

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
                reader: urlReader,
                maxBytes,
              }),
          ),
        );

        for (const inventoryConfig of inventories) {
          await new PlatformInventoryImport({
            config: inventoryConfig,
            store: evidenceStore,
            lookup: evidence,
            catalog,
            auth,
            logger: logger.child({ platformInventory: inventoryConfig.id }),
            taskRunner: scheduler.createScheduledTaskRunner(
              inventoryConfig.schedule,
            ),
            reader: urlReader,
            maxBytes,
          }).start();
        }
      },
    });
  },
});
