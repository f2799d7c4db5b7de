import { Entity, parseEntityRef } from '@backstage/catalog-model';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { explainBin } from './bin';
import { isCalendarDate } from './calendarDate';
import { explainUnsafeText } from './searchText';
import registryRecordSchema from './schema/registryRecord.schema.json';
import {
  LIFECYCLE_STAGES,
  RegistryRecord,
  STATE_INFORMATION_SYSTEM_TYPE,
} from './types';

/**
 * One thing wrong with a registry system: the field, e.g.
 * `spec.registry.parties.owner.bin`, and the rule it breaks in plain English.
 *
 * @public
 */
export interface RegistryProblem {
  path: string;
  message: string;
}

/**
 * The outcome of {@link validateRegistrySystem}: the record when the entity is
 * valid, otherwise every problem found.
 *
 * @public
 */
export type RegistryValidationResult =
  | { valid: true; record: RegistryRecord }
  | { valid: false; problems: RegistryProblem[] };

const REGISTRY_PATH = 'spec.registry';
/** The longest title a register record may have, in characters. */
const MAX_TITLE_LENGTH = 500;
const PARTY_ROLES = ['owner', 'operator', 'developer'] as const;

let schemaValidator: ValidateFunction<RegistryRecord> | undefined;

function validateSchema(registry: unknown): ErrorObject[] {
  if (!schemaValidator) {
    const ajv = new Ajv({ allErrors: true, verbose: true });
    ajv.addFormat('date', isCalendarDate);
    schemaValidator = ajv.compile<RegistryRecord>(registryRecordSchema);
  }
  return schemaValidator(registry) ? [] : schemaValidator.errors ?? [];
}

/** `/history/0/date` → `spec.registry.history[0].date` */
function toPath(instancePath: string, child?: string): string {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) {
    segments.push(child);
  }
  return segments.reduce(
    (path, s) => (/^[0-9]+$/.test(s) ? `${path}[${s}]` : `${path}.${s}`),
    REGISTRY_PATH,
  );
}

function describeType(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function fromSchemaError(error: ErrorObject): RegistryProblem {
  const path = toPath(error.instancePath);
  const got = JSON.stringify(error.data);
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required':
      return {
        path: toPath(error.instancePath, params.missingProperty),
        message: `${params.missingProperty} is required`,
      };
    case 'additionalProperties':
      return {
        path: toPath(error.instancePath, params.additionalProperty),
        message: `${params.additionalProperty} is not a field of the registry record (check the spelling)`,
      };
    case 'enum':
      return {
        path,
        message: `must be one of ${params.allowedValues.join(
          ', ',
        )}, got ${got}`,
      };
    case 'type':
      return { path, message: `must be ${describeType(params.type)}` };
    case 'format':
      return {
        path,
        message: `${got} is not a calendar date in the form YYYY-MM-DD`,
      };
    case 'pattern':
      if (path.endsWith('.bin')) {
        return { path, message: explainBin(error.data)! };
      }
      if (path.endsWith('.country')) {
        return {
          path,
          message: `must be a two-letter ISO country code such as KZ, got ${got}`,
        };
      }
      return { path, message: `${got} does not match ${params.pattern}` };
    case 'minLength':
    case 'minProperties':
      return { path, message: 'must not be empty' };
    case 'minItems':
      return { path, message: 'must have at least one entry' };
    case 'uniqueItems':
      return {
        path,
        message: `lists ${JSON.stringify(
          (error.data as unknown[])[params.j],
        )} more than once`,
      };
    default:
      return { path, message: error.message ?? 'is invalid' };
  }
}

function field(value: unknown, ...keys: Array<string | number>): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Whether a string is an entity ref of the given kind (default namespace). */
function isRefOfKind(ref: unknown, kind: 'group' | 'user'): boolean {
  if (typeof ref !== 'string') {
    return false;
  }
  try {
    return (
      parseEntityRef(ref, { defaultKind: kind }).kind.toLocaleLowerCase(
        'en-US',
      ) === kind
    );
  } catch {
    return false;
  }
}

function entityProblems(entity: Entity): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  if (entity.kind !== 'System') {
    problems.push({
      path: 'kind',
      message: `must be System, got ${JSON.stringify(entity.kind)}`,
    });
  }
  if (entity.spec?.type !== STATE_INFORMATION_SYSTEM_TYPE) {
    problems.push({
      path: 'spec.type',
      message: `must be ${STATE_INFORMATION_SYSTEM_TYPE}, got ${JSON.stringify(
        entity.spec?.type,
      )}`,
    });
  }
  if (!isRefOfKind(entity.spec?.owner, 'group')) {
    problems.push({
      path: 'spec.owner',
      message: `must be a reference to the Group of the state body, such as group:default/mcriap, got ${JSON.stringify(
        entity.spec?.owner,
      )}`,
    });
  }
  return problems;
}

/** The rules a JSON schema cannot express; each skips fields the schema rejects. */
function recordProblems(registry: unknown): RegistryProblem[] {
  const problems: RegistryProblem[] = [];

  // Titles and party names identify a system to people: they must not hide
  // characters or mix alphabets into a look-alike of another record.
  const names: Array<[string, unknown]> = [
    ...(['ru', 'kk', 'en'] as const).map(
      lang =>
        [`title.${lang}`, field(registry, 'title', lang)] as [string, unknown],
    ),
    ...PARTY_ROLES.map(
      role =>
        [`parties.${role}.name`, field(registry, 'parties', role, 'name')] as [
          string,
          unknown,
        ],
    ),
  ];
  for (const [path, value] of names) {
    if (typeof value !== 'string') {
      continue;
    }
    const problem =
      path.startsWith('title.') && value.length > MAX_TITLE_LENGTH
        ? `is ${value.length} characters long; a title has at most ${MAX_TITLE_LENGTH}`
        : explainUnsafeText(value, { isName: true });
    if (problem) {
      problems.push({ path: `${REGISTRY_PATH}.${path}`, message: problem });
    }
  }

  for (const role of PARTY_ROLES) {
    const bin = field(registry, 'parties', role, 'bin');
    if (typeof bin === 'string' && /^[0-9]{12}$/.test(bin)) {
      const problem = explainBin(bin);
      if (problem) {
        problems.push({
          path: `${REGISTRY_PATH}.parties.${role}.bin`,
          message: problem,
        });
      }
    }
  }

  const officer = field(registry, 'securityOfficer');
  if (typeof officer === 'string' && officer && !isRefOfKind(officer, 'user')) {
    problems.push({
      path: `${REGISTRY_PATH}.securityOfficer`,
      message: `must be a reference to a User, such as user:default/yerzhan.baizhanov, got ${JSON.stringify(
        officer,
      )}`,
    });
  }

  const stage = field(registry, 'lifecycle', 'stage');
  const history = field(registry, 'lifecycle', 'history');
  if (Array.isArray(history) && history.length > 0) {
    history.forEach((entry, i) => {
      const previous = field(history[i - 1], 'date');
      const date = field(entry, 'date');
      if (isCalendarDate(previous) && isCalendarDate(date) && date < previous) {
        problems.push({
          path: `${REGISTRY_PATH}.lifecycle.history[${i}].date`,
          message: `${date} is earlier than the entry before it (${previous}); the history must be in date order`,
        });
      }
    });
    const last = field(history[history.length - 1], 'stage');
    const isStage = (value: unknown) =>
      (LIFECYCLE_STAGES as readonly unknown[]).includes(value);
    if (isStage(stage) && isStage(last) && stage !== last) {
      problems.push({
        path: `${REGISTRY_PATH}.lifecycle.stage`,
        message: `is ${stage}, but the history ends with ${last}; the last history entry must be the current stage`,
      });
    }
  }

  const platform = field(registry, 'platform');
  const decisionDate = field(platform, 'exemption', 'decisionDate');
  const expiresAt = field(platform, 'exemption', 'expiresAt');
  if (
    isCalendarDate(decisionDate) &&
    isCalendarDate(expiresAt) &&
    expiresAt <= decisionDate
  ) {
    problems.push({
      path: `${REGISTRY_PATH}.platform.exemption.expiresAt`,
      message: `${expiresAt} must be after the decision date ${decisionDate}`,
    });
  }
  if (field(platform, 'onPlatform') === true) {
    if (field(platform, 'migration') !== undefined) {
      problems.push({
        path: `${REGISTRY_PATH}.platform.migration`,
        message:
          'must be absent when onPlatform is true: a system on the platform has nothing to migrate',
      });
    }
    if (field(platform, 'exemption') !== undefined) {
      problems.push({
        path: `${REGISTRY_PATH}.platform.exemption`,
        message:
          'must be absent when onPlatform is true: a system on the platform needs no exemption',
      });
    }
  }
  return problems;
}

/**
 * Checks a state information system entity: that it is a System of type
 * `state-information-system` owned by a Group, that `spec.registry` matches
 * the registry record schema, and the rules a schema cannot express — every
 * БИН's check digit, real calendar dates, a lifecycle history in date order
 * that ends with the current stage, an exemption that expires after it was
 * decided, and no migration plan or exemption for a system on the platform.
 *
 * @public
 */
export function validateRegistrySystem(
  entity: Entity,
): RegistryValidationResult {
  const registry = entity.spec?.registry;
  const problems = entityProblems(entity);
  if (registry === undefined) {
    problems.push({
      path: REGISTRY_PATH,
      message: 'is required for a state information system',
    });
  } else {
    problems.push(...validateSchema(registry).map(fromSchemaError));
    problems.push(...recordProblems(registry));
  }
  return problems.length === 0
    ? { valid: true, record: registry as RegistryRecord }
    : { valid: false, problems };
}
