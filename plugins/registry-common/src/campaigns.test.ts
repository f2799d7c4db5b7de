import {
  CampaignInput,
  campaignIdFromTitle,
  canMoveCampaign,
  describeCampaignProblems,
  validateCampaign,
} from './campaigns';

const migration: CampaignInput = {
  id: 'platform-migration-2026',
  title: {
    ru: 'Переход ведомственных систем на платформу',
    kk: 'Ведомстволық жүйелерді платформаға көшіру',
    en: 'Departmental systems migrated to the platform',
  },
  owner: 'group:default/mcriap',
  scope: { lifecycleStages: ['industrial-operation'] },
  goal: { kind: 'platform-status', statuses: ['on-platform', 'exempted'] },
  startDate: '2026-01-01',
  milestones: [
    { date: '2026-03-31', share: 0.3 },
    { date: '2026-09-30', share: 1 },
  ],
};

describe('validateCampaign', () => {
  it('accepts the migration campaign', () => {
    expect(validateCampaign(migration)).toEqual([]);
  });

  it.each`
    change                                                                                      | field                         | message
    ${{ id: 'Migration 2026' }}                                                                 | ${'id'}                       | ${'lower-case latin letters'}
    ${{ title: { ru: 'Переход', kk: '', en: 'Migration' } }}                                    | ${'title.kk'}                 | ${'non-empty'}
    ${{ owner: 'mcriap' }}                                                                      | ${'owner'}                    | ${'User or Group entity ref'}
    ${{ scope: { lifecycleStages: ['production'] } }}                                           | ${'scope.lifecycleStages[0]'} | ${'one of planned'}
    ${{ scope: { owner: ['group:default/mcriap'] } }}                                           | ${'scope.owner'}              | ${'not a scope field'}
    ${{ scope: { critical: 'yes' } }}                                                           | ${'scope.critical'}           | ${'true or false'}
    ${{ goal: { kind: 'readiness-level', level: 'not-ready' } }}                                | ${'goal.level'}               | ${'ready, conditional'}
    ${{ goal: { kind: 'platform-status' } }}                                                    | ${'goal.statuses'}            | ${'non-empty list'}
    ${{ goal: { kind: 'checks-pass', checkIds: [] } }}                                          | ${'goal.checkIds'}            | ${'non-empty list'}
    ${{ goal: { kind: 'deadline' } }}                                                           | ${'goal.kind'}                | ${'readiness-level'}
    ${{ startDate: '2026-02-30' }}                                                              | ${'startDate'}                | ${'YYYY-MM-DD'}
    ${{ milestones: [] }}                                                                       | ${'milestones'}               | ${'at least one'}
    ${{ milestones: [{ date: '2025-12-31', share: 1 }] }}                                       | ${'milestones[0].date'}       | ${'before the start date 2026-01-01'}
    ${{ milestones: [{ date: '2026-09-30', share: 0.3 }, { date: '2026-03-31', share: 1 }] }}   | ${'milestones[1].date'}       | ${'after the previous'}
    ${{ milestones: [{ date: '2026-03-31', share: 0.5 }, { date: '2026-09-30', share: 0.3 }] }} | ${'milestones[1].share'}      | ${'not be below'}
    ${{ milestones: [{ date: '2026-03-31', share: 0.3 }] }}                                     | ${'milestones[0].share'}      | ${'last milestone must be 1'}
    ${{ milestones: [{ date: '2026-03-31', share: 30 }, { date: '2026-09-30', share: 1 }] }}    | ${'milestones[0].share'}      | ${'at most 1'}
  `('names $field', ({ change, field, message }) => {
    const problems = validateCampaign({ ...migration, ...change });
    expect(problems).toContainEqual({
      field,
      message: expect.stringContaining(message),
    });
    expect(describeCampaignProblems(problems)).toContain(field);
  });

  it('refuses what is not an object', () => {
    expect(validateCampaign('campaign')).toEqual([
      { field: '', message: 'a campaign must be an object' },
    ]);
  });
});

describe('campaign states', () => {
  it.each`
    from          | to            | allowed
    ${'draft'}    | ${'active'}   | ${true}
    ${'draft'}    | ${'archived'} | ${true}
    ${'draft'}    | ${'ended'}    | ${false}
    ${'active'}   | ${'ended'}    | ${true}
    ${'active'}   | ${'draft'}    | ${false}
    ${'ended'}    | ${'archived'} | ${true}
    ${'ended'}    | ${'active'}   | ${false}
    ${'archived'} | ${'active'}   | ${false}
  `('$from → $to: $allowed', ({ from, to, allowed }) => {
    expect(canMoveCampaign(from, to)).toBe(allowed);
  });
});

describe('campaignIdFromTitle', () => {
  it('makes a slug of an English title', () => {
    expect(campaignIdFromTitle('Every system secured by 2026-03-31!')).toBe(
      'every-system-secured-by-2026-03-31',
    );
    expect(campaignIdFromTitle('Переход')).toBe('campaign');
  });
});
