import { CalendarDate, RegistryRecord } from './types';

/**
 * A commission decision that lets a system be created or run outside the
 * platform, as the moratorium rule sees it.
 *
 * @public
 */
export interface Exemption {
  decisionNumber: string;
  decisionDate: CalendarDate;
  /** The last day the exemption holds (inclusive, Asia/Almaty); open-ended when absent. */
  expiresAt?: CalendarDate;
  status: 'approved' | 'revoked' | 'expired';
  /** Where the exemption comes from, e.g. `register` or the moratorium plugin. */
  source: string;
}

/**
 * Anything that knows the exemptions of a system: the register itself, the
 * moratorium plugin's decisions, an import.
 *
 * @public
 */
export interface ExemptionSource {
  /** The exemptions of one system, by its entity ref. */
  getExemptions(systemRef: string): Promise<Exemption[]>;
  /**
   * Forgets what the source remembers of one system, so the next
   * `getExemptions` reads afresh (called when the system's exemptions
   * changed). Optional: a source without a cache leaves it out.
   */
  forget?(systemRef: string): void;
}

/**
 * The exemption a record states in `platform.exemption`, taken as approved
 * (the register only carries decisions that were made), with source
 * `register`.
 *
 * @public
 */
export function exemptionsFromRecord(record: RegistryRecord): Exemption[] {
  const exemption = record.platform.exemption;
  if (!exemption) {
    return [];
  }
  return [
    {
      decisionNumber: exemption.decisionNumber,
      decisionDate: exemption.decisionDate,
      ...(exemption.expiresAt ? { expiresAt: exemption.expiresAt } : {}),
      status: 'approved',
      source: 'register',
    },
  ];
}

/**
 * An exemption source that reads the exemption written in each system's own
 * register record.
 *
 * @param loadRecord - finds the record of a system by its entity ref
 * @public
 */
export function recordExemptionSource(
  loadRecord: (systemRef: string) => Promise<RegistryRecord | undefined>,
): ExemptionSource {
  return {
    async getExemptions(systemRef) {
      const record = await loadRecord(systemRef);
      return record ? exemptionsFromRecord(record) : [];
    },
  };
}
