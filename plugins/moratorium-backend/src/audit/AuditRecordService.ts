import { AuditCheckpoint, Page } from '@qaztech/plugin-moratorium-common';
import { AuditLog } from './AuditLog';
import { AuditPublicKey } from './AuditSigner';

/**
 * The published side of the audit record: its checkpoints and the public
 * keys that verify them. Both are public by nature (they exist so that
 * anyone can hold the operator to them); the router admits unauthenticated
 * callers only when `moratorium.publicRecord` is on.
 */
export class AuditRecordService {
  readonly #audit: AuditLog;

  constructor(options: { audit: AuditLog }) {
    this.#audit = options.audit;
  }

  /** A page of the published checkpoints, newest first. */
  async listCheckpoints(query: {
    limit?: number;
    cursor?: string;
  }): Promise<Page<AuditCheckpoint>> {
    return this.#audit.listCheckpoints({
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  /** The public keys, active one marked. */
  listKeys(): { items: AuditPublicKey[] } {
    return { items: this.#audit.publicKeys() };
  }
}
