/**
 * The catalog module of the register: validates state information systems,
 * writes their moratorium status and relations, and imports the national
 * register export.
 *
 * @packageDocumentation
 */

export { catalogModuleRegistry as default } from './module';
export { RegistryEntityProcessor } from './processor/RegistryEntityProcessor';
export type { RegistryEntityProcessorOptions } from './processor/RegistryEntityProcessor';
export { RegistryImportProvider } from './provider/RegistryImportProvider';
export type { RegistryImportProviderOptions } from './provider/RegistryImportProvider';
export {
  DEFAULT_IMPORT_SCHEDULE,
  readRegistryImportConfigs,
} from './provider/readRegistryImportConfigs';
export type {
  RegisterExportFormat,
  RegistryImportConfig,
} from './provider/readRegistryImportConfigs';
export type { ImportReport, ImportStatus } from './provider/ImportReport';
export type { RejectedRow } from './provider/parseRegisterExport';
export { DatabaseRegistryEvidenceStore } from './evidence/DatabaseRegistryEvidenceStore';
export { EvidenceLookup } from './evidence/EvidenceLookup';
export type { SystemEvidence } from './evidence/EvidenceLookup';
export type {
  FirstSight,
  InventoryChange,
  InventoryDeployment,
  RegistryEvidenceStore,
} from './evidence/RegistryEvidenceStore';
export { PlatformInventoryImport } from './inventory/PlatformInventoryImport';
export type { PlatformInventoryRun } from './inventory/PlatformInventoryImport';
export {
  DEFAULT_INVENTORY_SCHEDULE,
  readPlatformInventoryConfigs,
} from './inventory/readPlatformInventoryConfigs';
export type { PlatformInventoryConfig } from './inventory/readPlatformInventoryConfigs';
