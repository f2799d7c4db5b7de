import { SystemEntity } from '@backstage/catalog-model';

/**
 * The `spec.type` of a System entity that is a state information system.
 *
 * @public
 */
export const STATE_INFORMATION_SYSTEM_TYPE = 'state-information-system';

/**
 * The `spec.type` of a Group entity that is a state body owning systems.
 *
 * @public
 */
export const STATE_BODY_GROUP_TYPE = 'state-body';

/**
 * The annotation on a state body's Group that carries its БИН.
 *
 * @public
 */
export const BIN_ANNOTATION = 'qaztech.kz/bin';

/**
 * The lifecycle stages of an information system, in the order a system
 * usually passes through them.
 *
 * @public
 */
export const LIFECYCLE_STAGES = [
  'planned',
  'creation',
  'pilot-operation',
  'industrial-operation',
  'development',
  'decommissioned',
] as const;

/** A lifecycle stage of an information system. @public */
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * Who owns a system, as the register classifies owners.
 *
 * @public
 */
export const OWNER_KINDS = [
  'state-body',
  'local-executive-body',
  'state-legal-entity',
  'quasi-state-organisation',
  'non-state-integrated',
] as const;

/** The kind of body that owns a system. @public */
export type OwnerKind = (typeof OWNER_KINDS)[number];

/**
 * Where a system runs: the national platform, a state operator's data
 * centre, the owner's own premises, or a commercial provider.
 *
 * @public
 */
export const HOSTING_KINDS = [
  'platform',
  'state-operator-dc',
  'own',
  'commercial',
] as const;

/** Where a system runs. @public */
export type HostingKind = (typeof HOSTING_KINDS)[number];

/**
 * The categories of data a system holds.
 *
 * @public
 */
export const DATA_CATEGORIES = [
  'personal',
  'biometric',
  'restricted-official',
  'financial',
  'health',
  'open',
] as const;

/** A category of data a system holds. @public */
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/**
 * Confidentiality, integrity and availability levels.
 *
 * @public
 */
export const CIA_LEVELS = ['low', 'medium', 'high'] as const;

/** A confidentiality, integrity or availability level. @public */
export type CiaLevel = (typeof CIA_LEVELS)[number];

/**
 * The types of legal act that can found a system.
 *
 * @public
 */
export const LEGAL_ACT_TYPES = [
  'law',
  'decree',
  'resolution',
  'order',
  'decision',
] as const;

/** The type of a legal act. @public */
export type LegalActType = (typeof LEGAL_ACT_TYPES)[number];

/**
 * How an integration is made: through the government service bus (ШЭП) or
 * directly.
 *
 * @public
 */
export const INTEGRATION_CHANNELS = ['shep', 'direct'] as const;

/** How an integration is made. @public */
export type IntegrationChannel = (typeof INTEGRATION_CHANNELS)[number];

/**
 * A calendar date written `YYYY-MM-DD`, with no time or zone.
 *
 * @public
 */
export type CalendarDate = string;

/** A body or company taking part in a system: its name and БИН. @public */
export type RegistryParty = {
  name: string;
  /** The business identification number: 12 digits, the last a check digit. */
  bin: string;
};

/** The legal act a system is founded on. @public */
export type LegalBasis = {
  actType: LegalActType;
  number: string;
  date: CalendarDate;
};

/** One dated step of a system's lifecycle. @public */
export type LifecycleEvent = {
  stage: LifecycleStage;
  date: CalendarDate;
};

/** The current lifecycle stage and how the system got there. @public */
export type RegistryLifecycle = {
  stage: LifecycleStage;
  /** Every stage the system entered, oldest first; the last is `stage`. */
  history: LifecycleEvent[];
};

/** A legacy system's plan to move to the platform. @public */
export type MigrationPlan = {
  deadline?: CalendarDate;
  plan?: string;
};

/** The commission decision that lets a system stay off the platform. @public */
export type PlatformExemption = {
  decisionNumber: string;
  decisionDate: CalendarDate;
  /** The last day the exemption holds; open-ended when absent. */
  expiresAt?: CalendarDate;
};

/**
 * Whether a system runs on the national platform (QazTech), and if not, its
 * migration plan or the exemption that allows it.
 *
 * @public
 */
export type PlatformStatus = {
  onPlatform: boolean;
  migration?: MigrationPlan;
  exemption?: PlatformExemption;
};

/** Where a system is hosted. @public */
export type Hosting = {
  kind: HostingKind;
  /** ISO 3166-1 alpha-2 country code, e.g. `KZ`. */
  country: string;
};

/** Whether a system is critical, and its CIA levels. @public */
export type Classification = {
  critical: boolean;
  confidentiality: CiaLevel;
  integrity: CiaLevel;
  availability: CiaLevel;
};

/** Another system this one exchanges data with. @public */
export type Integration = {
  /** The entity name or ref of the other System. */
  system: string;
  via: IntegrationChannel;
};

/**
 * The act of test results of the State Technical Service (ГТС): the system
 * was tested for compliance with information-security requirements.
 *
 * @public
 */
export type SecurityTestAct = {
  number: string;
  date: CalendarDate;
  /** The version of the system that was tested. */
  version: string;
};

/** The official title of a system in Russian, Kazakh and English. @public */
export type RegistryTitle = {
  ru: string;
  kk: string;
  en?: string;
};

/** The parties of a system. @public */
export type RegistryParties = {
  owner: RegistryParty;
  operator?: RegistryParty;
  developer?: RegistryParty;
};

/**
 * The register's record of one state information system: the `spec.registry`
 * block of its System entity.
 *
 * @public
 */
export type RegistryRecord = {
  /** The number in the e-government architecture portal, e.g. `ИС-83319`. */
  registryNumber?: string;
  title: RegistryTitle;
  purpose: string;
  legalBasis?: LegalBasis;
  ownerKind: OwnerKind;
  parties: RegistryParties;
  /** The User entity ref of the responsible security officer. */
  securityOfficer?: string;
  createdAt: CalendarDate;
  lifecycle: RegistryLifecycle;
  platform: PlatformStatus;
  hosting: Hosting;
  classification: Classification;
  dataCategories: DataCategory[];
  integrations?: Integration[];
  securityTestAct?: SecurityTestAct;
  /** The security operations centre (ОЦИБ) the system is connected to. */
  socProvider?: string;
};

/**
 * A catalog System entity that is a state information system: owned by the
 * Group of its state body, with the register's record in `spec.registry`.
 *
 * @public
 */
export interface StateInformationSystemEntity extends SystemEntity {
  spec: SystemEntity['spec'] & {
    type: typeof STATE_INFORMATION_SYSTEM_TYPE;
    registry: RegistryRecord;
  };
}
