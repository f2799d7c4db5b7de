import type { ExemptionRequest } from '@qaztech/plugin-moratorium-common';

/** The scaffolder template that creates a service with its new system. */
const NEW_SERVICE_TEMPLATE = '/create/templates/default/qaztech-new-service';

/** `2026-12-08` as a person reads it: `08.12.2026`. */
function readableDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * The link that opens the new-service template with an approved planned
 * system's answers and the decision filled in (the template form's
 * `formData` query parameter), or `undefined` when the request is not an
 * approved request for a planned system.
 */
export function createSystemLink(
  request: ExemptionRequest,
): string | undefined {
  const decision = request.decision;
  const system = request.content.system;
  if (
    !decision ||
    (decision.outcome !== 'approved' &&
      decision.outcome !== 'approved-with-conditions') ||
    system?.kind !== 'planned'
  ) {
    return undefined;
  }
  const name = system.entityRef.replace(/^system:(default\/)?/, '');
  const basis = `Исключение из моратория по заявке ${
    request.number
  }, протокол № ${decision.protocolNumber} от ${readableDate(
    decision.sittingDate,
  )}${
    decision.expiresAt
      ? `, действует до ${readableDate(decision.expiresAt)}`
      : ''
  }`;
  const formData = {
    ...(request.content.stateBodyRef
      ? { stateBody: request.content.stateBodyRef }
      : {}),
    systemMode: 'new',
    systemName: name,
    titleRu: system.title.ru,
    titleKk: system.title.kk,
    ...(system.title.en ? { titleEn: system.title.en } : {}),
    ...(request.content.purpose ? { purpose: request.content.purpose } : {}),
    ...(request.content.dataCategories?.length
      ? { dataCategories: request.content.dataCategories }
      : {}),
    serviceDescription: basis,
  };
  return `${NEW_SERVICE_TEMPLATE}?${new URLSearchParams({
    formData: JSON.stringify(formData),
  })
    .toString()
    .replace(/\+/g, '%20')}`;
}
