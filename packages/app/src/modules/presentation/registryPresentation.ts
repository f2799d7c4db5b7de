import type { Entity } from '@backstage/catalog-model';
import {
  defaultEntityPresentation,
  EntityRefPresentationSnapshot,
} from '@backstage/plugin-catalog-react';
import { titleInLanguage } from '@qaztech/plugin-registry-common';

/**
 * The catalog fields a presentation needs beyond Backstage's defaults: the
 * register title of a system in every language.
 */
export const REGISTRY_PRESENTATION_FIELDS = ['spec.registry.title'];

/**
 * How an entity is named on screen for a reader of `language`.
 *
 * - a system with a register record (`spec.registry.title`) by its title in
 *   that language, then Russian;
 * - a Group or User by `spec.profile.displayName`, then `metadata.title`;
 * - anything else as Backstage names it.
 *
 * The entity ref stays as the secondary text (shown on hover and in lists),
 * so the name people recognise is first and the catalog's id is still there.
 */
export function presentEntity(
  entityOrRef: Entity | string,
  language: string,
  context?: { defaultKind?: string; defaultNamespace?: string },
): Omit<EntityRefPresentationSnapshot, 'entityRef'> & { entityRef: string } {
  const base = defaultEntityPresentation(entityOrRef, context);
  if (typeof entityOrRef === 'string') {
    return base;
  }
  const spec = entityOrRef.spec as
    | { registry?: { title?: unknown }; profile?: { displayName?: unknown } }
    | undefined;
  const registryTitle = titleInLanguage(
    spec?.registry?.title as Record<string, string> | undefined,
    language,
  );
  const displayName =
    typeof spec?.profile?.displayName === 'string' &&
    spec.profile.displayName.trim() !== ''
      ? spec.profile.displayName
      : undefined;
  const primaryTitle =
    registryTitle ?? displayName ?? entityOrRef.metadata.title ?? undefined;
  if (!primaryTitle) {
    return base;
  }
  return {
    ...base,
    primaryTitle,
    secondaryTitle: [base.entityRef, spec && (entityOrRef.spec as any).type]
      .filter((part): part is string => typeof part === 'string' && !!part)
      .join(' | '),
  };
}
