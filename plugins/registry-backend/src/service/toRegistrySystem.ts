import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  MORATORIUM_STATUSES,
  MoratoriumStatusKind,
  PLATFORM_STATUS_LABEL,
  PLATFORM_STATUS_REASON_ANNOTATION,
  RegistryProblem,
  evaluateMoratorium,
  exemptionsFromRecord,
  validateRegistrySystem,
} from '@qaztech/plugin-registry-common';
import { RegistrySystemInput } from '../database/RegistryStore';

/** What the sync makes of one catalog entity. */
export type MappedSystem =
  | { ok: true; system: RegistrySystemInput }
  | { ok: false; entityRef: string; problems: RegistryProblem[] };

function isStatus(value: unknown): value is MoratoriumStatusKind {
  return MORATORIUM_STATUSES.includes(value as MoratoriumStatusKind);
}

/**
 * Maps a state information system entity to its row in the register. The
 * moratorium status comes from what the catalog module wrote on the entity;
 * without it (the module is not installed, or has not processed the entity
 * yet) the rule is evaluated here on the record's own exemption.
 */
export function toRegistrySystem(
  entity: Entity,
  options: { at: Date; moratoriumStart?: string },
): MappedSystem {
  const entityRef = stringifyEntityRef(entity);
  const validation = validateRegistrySystem(entity);
  if (!validation.valid) {
    return { ok: false, entityRef, problems: validation.problems };
  }
  const record = validation.record;
  const namespace = entity.metadata.namespace ?? 'default';

  const label = entity.metadata.labels?.[PLATFORM_STATUS_LABEL];
  const reason =
    entity.metadata.annotations?.[PLATFORM_STATUS_REASON_ANNOTATION];
  const status =
    isStatus(label) && reason
      ? { status: label, reason }
      : evaluateMoratorium({
          record,
          exemptions: exemptionsFromRecord(record),
          at: options.at,
          moratoriumStart: options.moratoriumStart,
        });

  const owner = stringifyEntityRef(
    parseEntityRef(String(entity.spec?.owner), {
      defaultKind: 'group',
      defaultNamespace: namespace,
    }),
  );

  return {
    ok: true,
    system: {
      entityRef,
      namespace,
      name: entity.metadata.name,
      title: {
        ru: record.title.ru,
        kk: record.title.kk,
        ...(record.title.en ? { en: record.title.en } : {}),
      },
      ...(record.registryNumber
        ? { registryNumber: record.registryNumber }
        : {}),
      owner: { ref: owner, bin: record.parties.owner.bin },
      ownerKind: record.ownerKind,
      lifecycleStage: record.lifecycle.stage,
      platformStatus: status.status,
      platformReason: status.reason,
      critical: record.classification.critical,
      hostingKind: record.hosting.kind,
      hostingCountry: record.hosting.country,
      dataCategories: [...record.dataCategories],
      record,
    },
  };
}
