import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

function sameEntity(a: Entity, b: Entity): boolean {
  return (
    a.kind?.toLocaleLowerCase('en-US') === b.kind.toLocaleLowerCase('en-US') &&
    a.metadata?.name === b.metadata.name &&
    (a.metadata?.namespace ?? 'default') === (b.metadata.namespace ?? 'default')
  );
}

/**
 * Writes `entity` into the YAML file at `path` inside the workspace. A file
 * that is already there (e.g. the Component a skeleton brought) keeps its
 * other documents; the entity comes first and replaces an earlier version of
 * itself. Returns the text written.
 */
export async function writeCatalogInfo(
  workspacePath: string,
  path: string,
  entity: Entity,
): Promise<string> {
  const file = resolveSafeChildPath(workspacePath, path);
  let others: Entity[] = [];
  const existing = await readFile(file, 'utf8').catch(error => {
    if (error.code === 'ENOENT') {
      return undefined;
    }
    throw error;
  });
  if (existing !== undefined) {
    const documents = parseAllDocuments(existing);
    const broken = documents.find(d => d.errors.length > 0);
    if (broken) {
      throw new InputError(
        `${path} in the workspace is not valid YAML: ${broken.errors[0].message}`,
      );
    }
    others = documents
      .map(d => d.toJS() as Entity | null)
      .filter((e): e is Entity => Boolean(e) && !sameEntity(e!, entity));
  }
  const text = [entity, ...others]
    .map(e => `---\n${stringify(e, { lineWidth: 0 })}`)
    .join('');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text, 'utf8');
  return text;
}
