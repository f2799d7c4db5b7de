import type { RequestContent, SimilarSystem } from './types';

/**
 * How many of the most similar systems the applicant must explain, each with
 * why it cannot be reused, before a request can be submitted.
 *
 * @public
 */
export const REUSE_ANSWERS_REQUIRED = 3;

/**
 * The text a request is compared with the register by: the planned system's
 * titles and the purpose. The wizard searches with it as the applicant types
 * and the backend again at submission, so both find the same systems.
 *
 * @public
 */
export function similarityText(content: RequestContent): string {
  const system = content.system;
  const title =
    system?.kind === 'planned'
      ? [system.title?.ru, system.title?.kk, system.title?.en]
      : [];
  return [...title, content.purpose]
    .map(s => s?.trim())
    .filter(Boolean)
    .join(' ');
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The top similar systems (the first {@link REUSE_ANSWERS_REQUIRED}) that
 * the content gives no reason for (a blank reason counts as none).
 *
 * @public
 */
export function unansweredReuse(
  content: RequestContent,
  similar: SimilarSystem[],
): SimilarSystem[] {
  const answered = new Set(
    (content.reuseAnswers ?? [])
      .filter(a => a.reason.trim().length > 0)
      .map(a => lower(a.entityRef)),
  );
  return similar
    .slice(0, REUSE_ANSWERS_REQUIRED)
    .filter(s => !answered.has(lower(s.entityRef)));
}
