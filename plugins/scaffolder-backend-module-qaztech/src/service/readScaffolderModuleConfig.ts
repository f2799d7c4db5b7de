import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_MORATORIUM_START,
  isCalendarDate,
} from '@qaztech/plugin-registry-common';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * What the QazTech scaffolder actions read from configuration.
 *
 * @public
 */
export interface ScaffolderModuleConfig {
  /** The frontend's base URL, for links to the request wizard and drafts. */
  appBaseUrl: string;
  /** The first day of the moratorium (`registry.moratoriumStart`). */
  moratoriumStart: string;
  /**
   * Whether `qaztech:publish:local` and `qaztech:catalog:register-local` are
   * offered, and the catalog takes `file` locations
   * (`qaztech.scaffolder.localPublish.enabled`, false by default).
   */
  localPublishEnabled: boolean;
  /**
   * The absolute directory `qaztech:publish:local` creates repositories in,
   * and the only place `qaztech:catalog:register-local` registers files from.
   */
  localPublishDirectory: string;
}

/**
 * Reads {@link ScaffolderModuleConfig}: `app.baseUrl`,
 * `registry.moratoriumStart`, `qaztech.scaffolder.localPublish.enabled` and
 * `qaztech.scaffolder.localPublish.directory`
 * (relative to the backend's working directory; a folder in the system's
 * temporary directory by default).
 *
 * @public
 */
export function readScaffolderModuleConfig(
  config: Config,
): ScaffolderModuleConfig {
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
  const directory = config.getOptionalString(
    'qaztech.scaffolder.localPublish.directory',
  );
  // Relative to the backend's working directory, like file locations.
  const localPublishDirectory = directory
    ? resolve(directory)
    : join(tmpdir(), 'qaztech-repositories');
  return {
    appBaseUrl: (
      config.getOptionalString('app.baseUrl') ?? 'http://localhost:3000'
    ).replace(/\/+$/, ''),
    moratoriumStart,
    localPublishEnabled:
      config.getOptionalBoolean('qaztech.scaffolder.localPublish.enabled') ??
      false,
    localPublishDirectory,
  };
}
