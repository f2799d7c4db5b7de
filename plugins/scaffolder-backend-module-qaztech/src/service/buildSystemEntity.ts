import {
  Entity,
  stringifyEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  BIN_ANNOTATION,
  STATE_BODY_GROUP_TYPE,
  STATE_INFORMATION_SYSTEM_TYPE,
  StateInformationSystemEntity,
  toEntityName,
  validateRegistrySystem,
} from '@qaztech/plugin-registry-common';

/** The label the demo data and register import put on a state body's Group. */
const OWNER_KIND_LABEL = 'qaztech.kz/owner-kind';

/** The annotation that links a system to its source repository. */
export const SOURCE_LOCATION_ANNOTATION = 'qaztech.kz/source-location';

/**
 * What a template gives to describe a system: the state body, the registry
 * block (possibly partial: see {@link buildSystemEntity}) and entity fields.
 */
export interface SystemInput {
  owner: string;
  registry: Record<string, unknown>;
  name?: string;
  description?: string;
  tags?: string[];
  sourceLocation?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops empty strings, `null`s and empty objects the form left behind. */
function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutBlanks).filter(v => v !== undefined);
  }
  if (isObject(value)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, withoutBlanks(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (value === '' || value === null) {
    return undefined;
  }
  return value;
}

/**
 * The state body's Group must exist and be a state body: its name and БИН
 * fill the owner party, its label the owner kind.
 */
export function checkStateBody(ownerRef: string, group?: Entity): Entity {
  if (!group) {
    throw new InputError(
      `owner: the catalog has no Group ${ownerRef}; pick the state body from the catalog`,
    );
  }
  if (group.kind !== 'Group' || group.spec?.type !== STATE_BODY_GROUP_TYPE) {
    throw new InputError(
      `owner: ${ownerRef} is not a state body (a Group with spec.type ${STATE_BODY_GROUP_TYPE})`,
    );
  }
  return group;
}

/**
 * Builds the System entity of a state information system and validates it
 * with registry-common. Fields a template need not ask for are filled in:
 * `parties.owner` and `ownerKind` from the state body's Group, `createdAt`
 * as `today`, and a lifecycle history of one entry when only the stage is
 * given. Throws an InputError that names every field and the rule it breaks.
 */
export function buildSystemEntity(
  input: SystemInput,
  group: Entity,
  today: string,
): StateInformationSystemEntity {
  const ownerRef = stringifyEntityRef(
    parseEntityRef(input.owner, { defaultKind: 'group' }),
  );
  // withoutBlanks copies, so the input is left as it was.
  const registry = (withoutBlanks(input.registry) ?? {}) as Record<string, any>;

  const bin = group.metadata.annotations?.[BIN_ANNOTATION];
  const displayName =
    (group.spec?.profile as { displayName?: string } | undefined)
      ?.displayName ??
    group.metadata.title ??
    group.metadata.name;
  registry.parties = isObject(registry.parties) ? registry.parties : {};
  if (!registry.parties.owner && bin) {
    registry.parties.owner = { name: displayName, bin };
  }
  const ownerKind = group.metadata.labels?.[OWNER_KIND_LABEL];
  if (!registry.ownerKind && ownerKind) {
    registry.ownerKind = ownerKind;
  }
  registry.createdAt ??= today;
  if (isObject(registry.lifecycle) && !registry.lifecycle.history) {
    registry.lifecycle.history = [
      { stage: registry.lifecycle.stage, date: registry.createdAt },
    ];
  }

  const title = isObject(registry.title) ? registry.title : {};
  let name = input.name;
  if (!name) {
    if (typeof title.ru !== 'string' || !title.ru) {
      throw new InputError(
        'name: give the entity name, or spec.registry.title.ru to derive it from',
      );
    }
    name = toEntityName(title.ru);
  }

  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      ...(typeof title.ru === 'string' ? { title: title.ru } : {}),
      ...(input.description || registry.purpose
        ? { description: input.description || registry.purpose }
        : {}),
      ...(input.sourceLocation
        ? {
            annotations: {
              [SOURCE_LOCATION_ANNOTATION]: input.sourceLocation,
            },
          }
        : {}),
      ...(input.tags?.length ? { tags: input.tags } : {}),
    },
    spec: {
      type: STATE_INFORMATION_SYSTEM_TYPE,
      owner: ownerRef,
      registry,
    },
  };

  const result = validateRegistrySystem(entity);
  if (!result.valid) {
    throw new InputError(
      `The registry record of ${name} is not valid:\n${result.problems
        .map(p => `- ${p.path}: ${p.message}`)
        .join('\n')}`,
    );
  }
  return entity as StateInformationSystemEntity;
}
