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
  STATUS_SOURCES_ANNOTATION,
  UNVERIFIED_CLAIMS_ANNOTATION,
  UnverifiedClaim,
  applyOwnerEvidence,
  evaluateMoratoriumOnEvidence,
  moratoriumDay,
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

const CLAIM_FIELDS = ['createdAt', 'onPlatform', 'exemption'];

/** The unverified claims the catalog module wrote, or none when unreadable. */
function claimsOf(entity: Entity): UnverifiedClaim[] {
  const text = entity.metadata.annotations?.[UNVERIFIED_CLAIMS_ANNOTATION];
  if (!text) {
    return [];
  }
  try {
    const parsed = JSON.parse(text);
    return Array.isArray(parsed)
      ? parsed
          .filter(
            c =>
              c &&
              CLAIM_FIELDS.includes(c.field) &&
              typeof c.claimed === 'string' &&
              typeof c.evidence === 'string',
          )
          .map(c => ({
            field: c.field,
            claimed: c.claimed,
            evidence: c.evidence,
            source: String(c.source ?? 'none') as UnverifiedClaim['source'],
          }))
      : [];
  } catch {
    return [];
  }
}

/**
 * Whether the catalog module found the record trusted (a register import or
 * a location of `registry.trustedRecordLocations`): it then took the
 * creation date from the record. False when it says nothing readable.
 */
function trustedByModule(entity: Entity): boolean {
  const text = entity.metadata.annotations?.[STATUS_SOURCES_ANNOTATION];
  if (!text) {
    return false;
  }
  try {
    return JSON.parse(text)?.createdAt === 'register';
  } catch {
    return false;
  }
}

/**
 * Maps a state information system entity to its row in the register. The
 * moratorium status and the unverified claims come from what the catalog
 * module wrote on the entity; without them (the module is not installed, or
 * has not processed the entity yet) the rule is evaluated here with no
 * evidence at all: the record is not believed, so it counts as first seen
 * today, off the platform and not exempted.
 *
 * With `stateBodies` (the refs, lower case, of the catalog's Groups with
 * `spec.type: state-body`), an untrusted record whose owner is not one of
 * them is in violation and shows the owner as an unverified claim.
 */
export function toRegistrySystem(
  entity: Entity,
  options: {
    at: Date;
    moratoriumStart?: string;
    stateBodies?: ReadonlySet<string>;
  },
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
  const fromModule = isStatus(label) && reason;
  const evaluated = fromModule
    ? { status: label, reason, unverified: claimsOf(entity) }
    : evaluateMoratoriumOnEvidence({
        record,
        evidence: {
          trustedRecord: false,
          firstSeen: moratoriumDay(options.at),
        },
        exemptions: [],
        at: options.at,
        moratoriumStart: options.moratoriumStart,
      });

  const owner = stringifyEntityRef(
    parseEntityRef(String(entity.spec?.owner), {
      defaultKind: 'group',
      defaultNamespace: namespace,
    }),
  );
  const status = options.stateBodies
    ? applyOwnerEvidence(evaluated, {
        ref: owner,
        isStateBody: options.stateBodies.has(owner.toLocaleLowerCase('en-US')),
        trustedRecord: fromModule ? trustedByModule(entity) : false,
      })
    : evaluated;

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
      ...(status.unverified.length
        ? { unverifiedClaims: status.unverified }
        : {}),
      record,
    },
  };
}
