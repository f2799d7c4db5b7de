import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InventoryDeployment } from '../evidence/RegistryEvidenceStore';

/** An entry of an inventory that could not be used, and why. */
export type RejectedDeployment = { index: number; reason: string };

/** What an inventory file holds: usable deployments and rejected entries. */
export type ParsedInventory = {
  deployments: InventoryDeployment[];
  rejected: RejectedDeployment[];
  entries: number;
};

const TEXT = /^[\p{L}\p{N}._:/@-]{1,200}$/u;

/**
 * Parses a platform inventory: JSON `{ "deployments": [ { "system":
 * "system:default/egov-portal", "cluster": "ast-prod-1", "namespace":
 * "egov-portal" } ] }`. `system` is a System's entity ref or name (namespace
 * `default`). Entries without a system, cluster or namespace are rejected.
 *
 * @throws Error when the file is not such JSON
 */
export function parsePlatformInventory(data: Buffer): ParsedInventory {
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`the inventory is not JSON: ${(error as Error).message}`);
  }
  const list = (json as { deployments?: unknown })?.deployments;
  if (!Array.isArray(list)) {
    throw new Error('the inventory has no "deployments" array');
  }
  const deployments: InventoryDeployment[] = [];
  const rejected: RejectedDeployment[] = [];
  list.forEach((entry, index) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const problems: string[] = [];
    let entityRef = '';
    if (typeof e.system !== 'string' || !e.system.trim()) {
      problems.push('system is missing');
    } else {
      try {
        const ref = parseEntityRef(e.system.trim(), {
          defaultKind: 'system',
          defaultNamespace: 'default',
        });
        if (ref.kind.toLocaleLowerCase('en-US') !== 'system') {
          problems.push(`system ${e.system} is not a System`);
        }
        entityRef = stringifyEntityRef(ref);
      } catch (error) {
        problems.push(`system: ${(error as Error).message}`);
      }
    }
    for (const field of ['cluster', 'namespace'] as const) {
      const value = e[field];
      if (typeof value !== 'string' || !TEXT.test(value)) {
        problems.push(
          `${field} must be a name of 1 to 200 letters, digits or ._:/@-`,
        );
      }
    }
    if (problems.length) {
      rejected.push({ index, reason: problems.join('; ') });
    } else {
      deployments.push({
        entityRef,
        cluster: e.cluster as string,
        namespace: e.namespace as string,
      });
    }
  });
  return { deployments, rejected, entries: list.length };
}
