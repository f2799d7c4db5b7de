/**
 * The registry backend plugin: the register of state information systems as
 * a projection of the catalog, with filtered lists, statistics, CSV export
 * and the import log.
 *
 * @packageDocumentation
 */

export { registryPlugin as default } from './plugin';
