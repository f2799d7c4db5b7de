import { createHash } from 'node:crypto';
import { canonicalJson } from '../database/canonicalJson';

/** The `prevHash` of the first audit entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers. */
export type HashedEntry = {
  seq: number;
  requestId?: string | null;
  actor: string;
  action: string;
  payload: unknown;
  at: string;
  /** Absent on the entries recorded before signing. */
  keyId?: string | null;
};

/**
 * The hash of an audit entry, in lower-case hex:
 * sha256(prevHash + canonical JSON (RFC 8785) of
 * {seq, requestId, actor, action, payload, at, keyId}),
 * where `requestId` is null when absent and `keyId` is left out of entries
 * recorded before signing. Binding the key id into the hash means an entry
 * cannot be passed off as signed by another key.
 */
export function auditHash(prevHash: string, entry: HashedEntry): string {
  const content = canonicalJson({
    seq: entry.seq,
    requestId: entry.requestId ?? null,
    actor: entry.actor,
    action: entry.action,
    payload: entry.payload,
    at: entry.at,
    ...(entry.keyId ? { keyId: entry.keyId } : {}),
  });
  return createHash('sha256')
    .update(prevHash + content)
    .digest('hex');
}

/** The message an entry's signature signs: its hash, as 64 hex characters. */
export function entrySignedMessage(hash: string): string {
  return hash;
}

/**
 * The message a checkpoint's signature signs: the canonical JSON of
 * `{count, headHash, keyId, publishedAt}` (keys sorted, no spaces).
 */
export function checkpointSignedMessage(checkpoint: {
  count: number;
  headHash: string;
  publishedAt: string;
  keyId: string;
}): string {
  return canonicalJson({
    count: checkpoint.count,
    headHash: checkpoint.headHash,
    keyId: checkpoint.keyId,
    publishedAt: checkpoint.publishedAt,
  });
}
