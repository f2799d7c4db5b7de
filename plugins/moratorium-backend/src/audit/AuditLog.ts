import {
  AuditCheckpoint,
  AuditVerification,
  Page,
} from '@qaztech/plugin-moratorium-common';
import {
  AuditEntry,
  AuditInput,
  PageRequest,
  StoreTx,
} from '../database/MoratoriumStore';
import { AuditPublicKey } from './AuditSigner';

/**
 * The moratorium's audit record: a hash chain of signed entries appended in
 * the transaction of each change, and signed checkpoints of it published to
 * the public record and to a sink outside the database.
 */
export interface AuditLog {
  /**
   * Appends a signed entry inside the change's transaction. Appends are
   * serialized: the chain never forks.
   */
  append(tx: StoreTx, entry: AuditInput): Promise<AuditEntry>;

  /**
   * Recomputes the chain, checks every signature and the published
   * checkpoints, and cross-checks decisions, conditions and votes.
   */
  verify(): Promise<AuditVerification>;

  /** One keyset page of the chain, newest first. */
  list(
    filter: { requestId?: string },
    page: PageRequest,
  ): Promise<Page<AuditEntry>>;

  /**
   * Signs a checkpoint of the chain as it is now, after checking the entries
   * since the last checkpoint, and records it. Refuses (throws) when the
   * chain does not extend the last checkpoint.
   */
  createCheckpoint(): Promise<AuditCheckpoint>;

  /** One page of the published checkpoints, newest first. */
  listCheckpoints(page: PageRequest): Promise<Page<AuditCheckpoint>>;

  /** The public keys that verify entries and checkpoints. */
  publicKeys(): AuditPublicKey[];
}
