/**
 * The moratorium backend plugin: exemption requests, reviews, commission
 * votes and decisions, conditions, deadlines, notifications and a
 * hash-chained audit record; and the catalog module that plugs its
 * decisions into the register as an exemption source.
 *
 * @packageDocumentation
 */

export { moratoriumPlugin as default } from './plugin';
export { catalogModuleMoratoriumExemptions } from './exemptions/module';
export { HttpExemptionSource } from './exemptions/HttpExemptionSource';
