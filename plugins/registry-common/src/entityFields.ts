/**
 * The label the registry catalog module writes on every valid state
 * information system: its moratorium status, one of `on-platform`,
 * `legacy-migrating`, `exempted` or `violation`. Catalog filters use it, e.g.
 * `metadata.labels.qaztech.kz/platform-status=violation`.
 *
 * @public
 */
export const PLATFORM_STATUS_LABEL = 'qaztech.kz/platform-status';

/**
 * The annotation the registry catalog module writes next to
 * {@link PLATFORM_STATUS_LABEL}: the sentence that explains the status.
 *
 * @public
 */
export const PLATFORM_STATUS_REASON_ANNOTATION =
  'qaztech.kz/platform-status-reason';

/**
 * The annotation the registry catalog module writes next to
 * {@link PLATFORM_STATUS_REASON_ANNOTATION}: the reason as JSON
 * (`MoratoriumReasonDetail`), so user interfaces can say it in the reader's
 * language.
 *
 * @public
 */
export const PLATFORM_STATUS_DETAIL_ANNOTATION =
  'qaztech.kz/platform-status-detail';

/**
 * The label the registry catalog module writes on a state information system
 * whose record claims more than the evidence shows (`true`); absent
 * otherwise. Catalog filters use it, e.g.
 * `metadata.labels.qaztech.kz/unverified-claims=true`.
 *
 * @public
 */
export const UNVERIFIED_CLAIMS_LABEL = 'qaztech.kz/unverified-claims';

/**
 * The annotation the registry catalog module writes next to
 * {@link UNVERIFIED_CLAIMS_LABEL}: the unverified claims as JSON
 * (`UnverifiedClaim[]`), each naming what was claimed and what the evidence
 * says.
 *
 * @public
 */
export const UNVERIFIED_CLAIMS_ANNOTATION = 'qaztech.kz/unverified-claims';

/**
 * The annotation the registry catalog module writes on every valid state
 * information system: where each input of its moratorium status came from,
 * as JSON (`{ createdAt, onPlatform, createdAtValue }`).
 *
 * @public
 */
export const STATUS_SOURCES_ANNOTATION = 'qaztech.kz/platform-status-sources';
