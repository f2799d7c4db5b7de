import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { MCRIAP, recordingAuditor } from '../__testUtils__/fakes';
import { createRequestExemptionAction } from './requestExemption';

const E_LICENSING: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'e-licensing', namespace: 'default' },
  spec: { type: 'state-information-system', owner: 'group:default/mcriap' },
};

describe('qaztech:moratorium:request', () => {
  const auditor = recordingAuditor();
  const createDraft = jest.fn(async () => ({
    id: 'req-1',
    number: 'ЗИ-2026-0001',
    state: 'draft',
  }));
  const action = createRequestExemptionAction({
    moratorium: { createDraft },
    catalog: catalogServiceMock({ entities: [MCRIAP, E_LICENSING] }),
    auditor,
    appBaseUrl: 'http://localhost:3000',
  });
  const credentials = mockCredentials.user('user:default/aidos.seitkali');

  beforeEach(() => {
    createDraft.mockClear();
    auditor.events.length = 0;
  });

  const run = (input: Record<string, unknown>, isDryRun = false) => {
    const ctx = {
      ...createMockActionContext({
        input: input as any,
        task: { id: 'task-7' },
      }),
      getInitiatorCredentials: async () => credentials,
      isDryRun,
    };
    return { ctx, done: action.handler(ctx) };
  };

  it('files a draft for a planned system on behalf of the person running the template', async () => {
    const { ctx, done } = run({
      system: 'kadastr-plus',
      title: { ru: 'Кадастр плюс', kk: 'Кадастр плюс', en: '' },
      stateBody: 'mcriap',
      purpose: 'Учёт объектов недвижимости.',
      capabilityGaps: [{ capability: 'ГИС', reason: 'Нет на платформе' }],
      dataCategories: ['personal'],
      hosting: { kind: 'state-operator-dc', country: 'KZ' },
      exitPlan: '',
    });
    await done;
    expect(createDraft).toHaveBeenCalledWith(
      credentials,
      {
        system: {
          kind: 'planned',
          entityRef: 'system:default/kadastr-plus',
          title: { ru: 'Кадастр плюс', kk: 'Кадастр плюс' },
        },
        stateBodyRef: 'group:default/mcriap',
        purpose: 'Учёт объектов недвижимости.',
        capabilityGaps: [{ capability: 'ГИС', reason: 'Нет на платформе' }],
        dataCategories: ['personal'],
        hosting: { kind: 'state-operator-dc', country: 'KZ' },
      },
      'scaffolder:task-7:mock-step-id',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'editUrl',
      'http://localhost:3000/moratorium/requests/req-1/edit',
    );
    expect(ctx.output).toHaveBeenCalledWith('number', 'ЗИ-2026-0001');
    expect(auditor.events[0]).toMatchObject({
      eventId: 'qaztech-moratorium-request',
      outcome: 'success',
      after: { requestId: 'req-1' },
    });
  });

  it('files a system the catalog knows as existing', async () => {
    await run({ system: 'system:default/e-licensing', purpose: 'Развитие' })
      .done;
    expect(createDraft).toHaveBeenCalledWith(
      credentials,
      expect.objectContaining({
        system: { kind: 'existing', entityRef: 'system:default/e-licensing' },
      }),
      expect.any(String),
    );
  });

  it('needs the Russian and Kazakh titles of a planned system', async () => {
    await expect(
      run({ system: 'kadastr-plus', title: { ru: 'Кадастр плюс' } }).done,
    ).rejects.toThrow(
      'title: system:default/kadastr-plus is not in the catalog, so it is filed as a planned system, which needs its title in Russian (title.ru) and Kazakh (title.kk)',
    );
    expect(createDraft).not.toHaveBeenCalled();
  });

  it('files nothing in a dry run and links to the wizard', async () => {
    const { ctx, done } = run(
      {
        system: 'kadastr-plus',
        title: { ru: 'Кадастр плюс', kk: 'Кадастр плюс' },
      },
      true,
    );
    await done;
    expect(createDraft).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith(
      'url',
      'http://localhost:3000/moratorium/new?system=system%3Adefault%2Fkadastr-plus',
    );
  });
});
