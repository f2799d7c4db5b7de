import type { ExemptionRequest } from '@qaztech/plugin-moratorium-common';
import { createSystemLink } from './createSystemLink';

const approved = {
  number: 'EX-2026-0007',
  content: {
    system: {
      kind: 'planned',
      entityRef: 'system:default/e-permits',
      title: { ru: 'Электронные разрешения', kk: 'Электрондық рұқсаттар' },
    },
    stateBodyRef: 'group:default/minfin',
    purpose: 'Учёт разрешений',
    dataCategories: ['personal'],
  },
  decision: {
    outcome: 'approved-with-conditions',
    protocolNumber: 'КВЦ-2026/11-7',
    sittingDate: '2026-12-08',
    expiresAt: '2027-12-08',
    conditions: [],
  },
} as unknown as ExemptionRequest;

describe('createSystemLink', () => {
  it('opens the new-service template with the answers and the decision filled in', () => {
    const link = createSystemLink(approved)!;
    expect(
      link.startsWith(
        '/create/templates/default/qaztech-new-service?formData=',
      ),
    ).toBe(true);
    const formData = JSON.parse(
      new URL(link, 'http://app').searchParams.get('formData')!,
    );
    expect(formData).toEqual({
      stateBody: 'group:default/minfin',
      systemMode: 'new',
      systemName: 'e-permits',
      titleRu: 'Электронные разрешения',
      titleKk: 'Электрондық рұқсаттар',
      purpose: 'Учёт разрешений',
      dataCategories: ['personal'],
      serviceDescription:
        'Исключение из моратория по заявке EX-2026-0007, протокол № КВЦ-2026/11-7 от 08.12.2026, действует до 08.12.2027',
    });
  });

  it('offers nothing before an approval or for an existing system', () => {
    expect(
      createSystemLink({
        ...approved,
        decision: undefined,
      } as ExemptionRequest),
    ).toBeUndefined();
    expect(
      createSystemLink({
        ...approved,
        decision: { ...approved.decision!, outcome: 'rejected' },
      } as ExemptionRequest),
    ).toBeUndefined();
    expect(
      createSystemLink({
        ...approved,
        content: {
          ...approved.content,
          system: { kind: 'existing', entityRef: 'system:default/tax' },
        },
      } as ExemptionRequest),
    ).toBeUndefined();
  });
});
