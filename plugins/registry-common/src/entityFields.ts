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
