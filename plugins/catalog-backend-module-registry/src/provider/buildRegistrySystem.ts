import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  makeValidator,
} from '@backstage/catalog-model';
import {
  RegistryRecord,
  STATE_INFORMATION_SYSTEM_TYPE,
  StateInformationSystemEntity,
  toEntityName,
} from '@qaztech/plugin-registry-common';

const validator = makeValidator();

/** An export value as text; absent when missing, null or blank. */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

/**
 * `true`/`false` (any case) in a CSV export, a boolean in a JSON one.
 * Anything else is kept as it is so validation names the field.
 */
function bool(value: unknown): unknown {
  if (typeof value === 'boolean') {
    return value;
  }
  const s = text(value);
  if (s === undefined) {
    return undefined;
  }
  const lower = s.toLocaleLowerCase('en-US');
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return s;
}

/** An array in JSON; `a;b` in CSV. */
function list(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value;
  }
  const s = text(value);
  return s === undefined
    ? []
    : s
        .split(';')
        .map(v => v.trim())
        .filter(Boolean);
}

/** Drops keys whose value is undefined, so absent export fields stay absent. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** A block that is present when any of its fields is. */
function optionalBlock<T extends object>(value: T): T | undefined {
  const block = compact(value);
  return Object.keys(block).length > 0 ? block : undefined;
}

/**
 * The register record of one export row. The export carries only the current
 * lifecycle stage, so the history is that stage dated at `createdAt`.
 */
export function recordFromRow(fields: Record<string, unknown>): RegistryRecord {
  const f = (name: string) => text(fields[name]);
  const party = (prefix: string) =>
    optionalBlock({ name: f(`${prefix}Name`), bin: f(`${prefix}Bin`) });
  const stage = f('lifecycleStage');
  const createdAt = f('createdAt');
  return compact({
    registryNumber: f('registryNumber'),
    title: compact({ ru: f('titleRu'), kk: f('titleKk'), en: f('titleEn') }),
    purpose: f('purpose'),
    legalBasis: optionalBlock({
      actType: f('legalActType'),
      number: f('legalActNumber'),
      date: f('legalActDate'),
    }),
    ownerKind: f('ownerKind'),
    parties: compact({
      owner: party('owner') ?? {},
      operator: party('operator'),
      developer: party('developer'),
    }),
    createdAt,
    lifecycle: compact({
      stage,
      history: [compact({ stage, date: createdAt })],
    }),
    platform: compact({
      onPlatform: bool(fields.onPlatform),
      migration: optionalBlock({ deadline: f('migrationDeadline') }),
      exemption: optionalBlock({
        decisionNumber: f('exemptionDecisionNumber'),
        decisionDate: f('exemptionDecisionDate'),
        expiresAt: f('exemptionExpiresAt'),
      }),
    }),
    hosting: compact({ kind: f('hostingKind'), country: f('hostingCountry') }),
    classification: compact({
      critical: bool(fields.critical),
      confidentiality: f('confidentiality'),
      integrity: f('integrity'),
      availability: f('availability'),
    }),
    dataCategories: list(fields.dataCategories),
    securityTestAct: optionalBlock({
      number: f('securityTestActNumber'),
      date: f('securityTestActDate'),
      version: f('securityTestActVersion'),
    }),
  }) as unknown as RegistryRecord;
}

/**
 * The entity name of a row: its `name` when that is a valid entity name,
 * otherwise its Russian title transliterated.
 *
 * @throws InputError when neither gives a name
 */
export function entityNameOf(fields: Record<string, unknown>): string {
  const name = text(fields.name);
  if (name && validator.isValidEntityName(name)) {
    return name;
  }
  return toEntityName(text(fields.titleRu) ?? '');
}

/** Options of {@link buildRegistrySystem}. */
export interface BuildRegistrySystemOptions {
  /** The ref of the state body Group that owns the system. */
  owner: string;
  /** The location ref of the export, `url:…` or `file:…`. */
  locationRef: string;
}

/**
 * The System entity of one export row, not yet validated.
 */
export function buildRegistrySystem(
  fields: Record<string, unknown>,
  options: BuildRegistrySystemOptions,
): StateInformationSystemEntity {
  const record = recordFromRow(fields);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: compact({
      name: entityNameOf(fields),
      title: text(fields.titleRu),
      description: text(fields.purpose),
      annotations: {
        [ANNOTATION_LOCATION]: options.locationRef,
        [ANNOTATION_ORIGIN_LOCATION]: options.locationRef,
      },
    }),
    spec: {
      type: STATE_INFORMATION_SYSTEM_TYPE,
      owner: options.owner,
      registry: record,
    },
  };
}

/**
 * The export field behind a path of the registry record, so a rejected row's
 * reason names the column a person has to fix.
 */
const EXPORT_FIELD_OF_PATH: Readonly<Record<string, string>> = {
  'spec.registry.registryNumber': 'registryNumber',
  'spec.registry.title.ru': 'titleRu',
  'spec.registry.title.kk': 'titleKk',
  'spec.registry.title.en': 'titleEn',
  'spec.registry.purpose': 'purpose',
  'spec.registry.legalBasis.actType': 'legalActType',
  'spec.registry.legalBasis.number': 'legalActNumber',
  'spec.registry.legalBasis.date': 'legalActDate',
  'spec.registry.ownerKind': 'ownerKind',
  'spec.registry.parties.owner': 'ownerName/ownerBin',
  'spec.registry.parties.owner.name': 'ownerName',
  'spec.registry.parties.owner.bin': 'ownerBin',
  'spec.registry.parties.operator.name': 'operatorName',
  'spec.registry.parties.operator.bin': 'operatorBin',
  'spec.registry.parties.developer.name': 'developerName',
  'spec.registry.parties.developer.bin': 'developerBin',
  'spec.registry.createdAt': 'createdAt',
  'spec.registry.lifecycle.stage': 'lifecycleStage',
  'spec.registry.lifecycle.history[0].stage': 'lifecycleStage',
  'spec.registry.lifecycle.history[0].date': 'createdAt',
  'spec.registry.platform.onPlatform': 'onPlatform',
  'spec.registry.platform.migration': 'migrationDeadline',
  'spec.registry.platform.migration.deadline': 'migrationDeadline',
  'spec.registry.platform.exemption': 'exemptionDecisionNumber',
  'spec.registry.platform.exemption.decisionNumber': 'exemptionDecisionNumber',
  'spec.registry.platform.exemption.decisionDate': 'exemptionDecisionDate',
  'spec.registry.platform.exemption.expiresAt': 'exemptionExpiresAt',
  'spec.registry.hosting.kind': 'hostingKind',
  'spec.registry.hosting.country': 'hostingCountry',
  'spec.registry.classification.critical': 'critical',
  'spec.registry.classification.confidentiality': 'confidentiality',
  'spec.registry.classification.integrity': 'integrity',
  'spec.registry.classification.availability': 'availability',
  'spec.registry.dataCategories': 'dataCategories',
  'spec.registry.securityTestAct.number': 'securityTestActNumber',
  'spec.registry.securityTestAct.date': 'securityTestActDate',
  'spec.registry.securityTestAct.version': 'securityTestActVersion',
};

/**
 * The export field for a record path (`spec.registry.parties.owner.bin` →
 * `ownerBin`; `dataCategories[1]` → `dataCategories`), or the path itself.
 */
export function exportFieldOf(path: string): string {
  return (
    EXPORT_FIELD_OF_PATH[path] ??
    EXPORT_FIELD_OF_PATH[path.replace(/\[[0-9]+\]$/, '')] ??
    path
  );
}
