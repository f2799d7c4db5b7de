/**
 * What other backend plugins use of the register: the extension point through
 * which exemption sources (the moratorium's decisions) are plugged into the
 * registry catalog module, the names of the fields that module writes on
 * state information systems, and notifications sent in each reader's
 * language.
 *
 * @packageDocumentation
 */

export { registryExemptionSourceExtensionPoint } from './extensions';
export type { RegistryExemptionSourceExtensionPoint } from './extensions';
export {
  LocalizedNotificationSender,
  localizedNotificationServiceRef,
} from './LocalizedNotificationSender';
export type {
  LocalizedNotification,
  LocalizedNotificationResult,
  LocalizedNotificationService,
} from './LocalizedNotificationSender';
export {
  RegistryUserLanguageClient,
  userLanguageReaderServiceRef,
} from './userLanguages';
export type { UserLanguageReader } from './userLanguages';

export {
  PLATFORM_STATUS_DETAIL_ANNOTATION,
  PLATFORM_STATUS_LABEL,
  PLATFORM_STATUS_REASON_ANNOTATION,
} from '@qaztech/plugin-registry-common';
export type {
  Exemption,
  ExemptionSource,
  MoratoriumReasonDetail,
  UserLanguage,
} from '@qaztech/plugin-registry-common';
