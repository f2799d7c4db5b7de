/**
 * The scaffolder actions of the QazTech platform: register a state
 * information system, check the moratorium before anything is created, file
 * an exemption request draft, and publish to a local git repository and
 * register it for a machine without a git server.
 *
 * @packageDocumentation
 */

export { scaffolderModuleQaztech as default } from './module';
export { catalogModuleLocalFileLocations } from './catalogModule';
export { createRegisterSystemAction } from './actions/registerSystem';
export { createCheckMoratoriumAction } from './actions/checkMoratorium';
export { createRequestExemptionAction } from './actions/requestExemption';
export { createPublishLocalAction } from './actions/publishLocal';
export { createRegisterLocalAction } from './actions/registerLocal';
export { MoratoriumClient } from './service/MoratoriumClient';
export type {
  CreatedExemptionRequest,
  ExemptionRequestContent,
} from './service/MoratoriumClient';
export { readScaffolderModuleConfig } from './service/readScaffolderModuleConfig';
export type { ScaffolderModuleConfig } from './service/readScaffolderModuleConfig';
