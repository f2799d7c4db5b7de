import { DEFAULT_WORKING_CALENDAR, WorkingCalendar } from './calendar';
import { CampaignMilestone } from './campaigns';
import {
  CampaignScopeSubject,
  bodyProgress,
  compareProgressStatus,
  matchesScope,
  meetsGoal,
  systemProgressStatus,
  whatToDo,
} from './campaignsProgress';

// The migration wave: 30 % by the end of March, everything by the end of
// September 2026.
const wave: CampaignMilestone[] = [
  { date: '2026-03-31', share: 0.3 },
  { date: '2026-09-30', share: 1 },
];

describe('bodyProgress', () => {
  // Ten systems; "at risk" five working days before a milestone. Nauryz
  // (21–25 March 2026 with the transferred days off) falls in between, so
  // 19 March is five working days before 31 March and 18 March six.
  it.each`
    today           | done  | status        | requiredShare | next            | why
    ${'2026-01-15'} | ${0}  | ${'on-track'} | ${0}          | ${'2026-03-31'} | ${'months before the first milestone'}
    ${'2026-03-18'} | ${2}  | ${'on-track'} | ${0}          | ${'2026-03-31'} | ${'six working days before it, Nauryz in between'}
    ${'2026-03-19'} | ${2}  | ${'at-risk'}  | ${0}          | ${'2026-03-31'} | ${'five working days before it, 20 % of 30 %'}
    ${'2026-03-24'} | ${2}  | ${'at-risk'}  | ${0}          | ${'2026-03-31'} | ${'a holiday, still four working days'}
    ${'2026-03-19'} | ${3}  | ${'on-track'} | ${0}          | ${'2026-03-31'} | ${'30 % reached early'}
    ${'2026-03-31'} | ${2}  | ${'at-risk'}  | ${0}          | ${'2026-03-31'} | ${'the milestone day itself is not yet late'}
    ${'2026-04-01'} | ${2}  | ${'late'}     | ${0.3}        | ${'2026-09-30'} | ${'the day after, 20 % < 30 %'}
    ${'2026-04-01'} | ${3}  | ${'on-track'} | ${0.3}        | ${'2026-09-30'} | ${'the day after, 30 % met'}
    ${'2026-09-22'} | ${9}  | ${'on-track'} | ${0.3}        | ${'2026-09-30'} | ${'six working days before the last'}
    ${'2026-09-23'} | ${9}  | ${'at-risk'}  | ${0.3}        | ${'2026-09-30'} | ${'five working days before the last'}
    ${'2026-10-01'} | ${9}  | ${'late'}     | ${1}          | ${undefined}    | ${'after the last milestone, one left'}
    ${'2026-10-01'} | ${10} | ${'done'}     | ${1}          | ${undefined}    | ${'every system done'}
    ${'2026-02-01'} | ${10} | ${'done'}     | ${0}          | ${'2026-03-31'} | ${'done before the first milestone'}
  `(
    'on $today with $done of 10 done: $status ($why)',
    ({ today, done, status, requiredShare, next }) => {
      const progress = bodyProgress({
        milestones: wave,
        total: 10,
        done,
        today,
        atRiskWorkingDays: 5,
        calendar: DEFAULT_WORKING_CALENDAR,
      });
      expect(progress.status).toBe(status);
      expect(progress.share).toBeCloseTo(done / 10);
      expect(progress.requiredShare).toBe(requiredShare);
      expect(progress.nextMilestone?.date).toBe(next);
    },
  );

  it('counts calendar days as working days without holidays', () => {
    const noHolidays: WorkingCalendar = { holidays: [] };
    const at = (today: string) =>
      bodyProgress({
        milestones: wave,
        total: 10,
        done: 2,
        today,
        atRiskWorkingDays: 5,
        calendar: noHolidays,
      });
    expect(at('2026-03-23').status).toBe('on-track');
    expect(at('2026-03-23').workingDaysToNext).toBeUndefined();
    expect(at('2026-03-24')).toMatchObject({
      status: 'at-risk',
      workingDaysToNext: 5,
    });
  });

  it('judges a milestone centuries away without walking the calendar to it', () => {
    const started = Date.now();
    expect(
      bodyProgress({
        milestones: [{ date: '2999-12-31', share: 1 }],
        total: 10,
        done: 2,
        today: '2026-03-19',
        atRiskWorkingDays: 5,
        calendar: DEFAULT_WORKING_CALENDAR,
      }),
    ).toMatchObject({ status: 'on-track', requiredShare: 0 });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('rounds a milestone up to whole systems', () => {
    // 30 % of 7 systems is 2.1: three must be done.
    const progress = (done: number) =>
      bodyProgress({
        milestones: wave,
        total: 7,
        done,
        today: '2026-04-01',
        atRiskWorkingDays: 5,
        calendar: DEFAULT_WORKING_CALENDAR,
      }).status;
    expect(progress(2)).toBe('late');
    expect(progress(3)).toBe('on-track');
  });

  it('is late for any passed milestone, not only the last one passed', () => {
    const steps: CampaignMilestone[] = [
      { date: '2026-03-31', share: 0.5 },
      { date: '2026-06-30', share: 0.5 },
      { date: '2026-09-30', share: 1 },
    ];
    expect(
      bodyProgress({
        milestones: steps,
        total: 4,
        done: 1,
        today: '2026-07-01',
        atRiskWorkingDays: 5,
        calendar: DEFAULT_WORKING_CALENDAR,
      }),
    ).toMatchObject({ status: 'late', share: 0.25, requiredShare: 0.5 });
  });

  it('counts a body without systems as done', () => {
    expect(
      bodyProgress({
        milestones: wave,
        total: 0,
        done: 0,
        today: '2026-10-01',
        atRiskWorkingDays: 5,
        calendar: DEFAULT_WORKING_CALENDAR,
      }),
    ).toMatchObject({ status: 'done', share: 1 });
  });
});

describe('systemProgressStatus', () => {
  it.each`
    meets    | body          | status
    ${true}  | ${'late'}     | ${'done'}
    ${false} | ${'late'}     | ${'late'}
    ${false} | ${'at-risk'}  | ${'at-risk'}
    ${false} | ${'on-track'} | ${'on-track'}
  `(
    'a system that meets the goal: $meets, body $body → $status',
    ({ meets, body, status }) => {
      expect(systemProgressStatus(meets, body)).toBe(status);
    },
  );

  it('orders statuses by urgency', () => {
    expect(
      (['done', 'on-track', 'late', 'at-risk'] as const)
        .slice()
        .sort(compareProgressStatus),
    ).toEqual(['late', 'at-risk', 'on-track', 'done']);
  });
});

describe('matchesScope', () => {
  const system: CampaignScopeSubject = {
    stateBodyRef: 'group:default/mcriap',
    lifecycleStage: 'industrial-operation',
    platformStatus: 'legacy-migrating',
    critical: true,
    hostingKind: 'own',
  };

  it.each`
    scope                                                           | matches
    ${{}}                                                           | ${true}
    ${{ stateBodies: ['group:default/MCRIAP'] }}                    | ${true}
    ${{ stateBodies: ['mcriap'] }}                                  | ${true}
    ${{ stateBodies: ['group:default/minfin'] }}                    | ${false}
    ${{ lifecycleStages: ['industrial-operation', 'development'] }} | ${true}
    ${{ lifecycleStages: ['planned'] }}                             | ${false}
    ${{ platformStatuses: ['legacy-migrating'] }}                   | ${true}
    ${{ platformStatuses: ['on-platform'] }}                        | ${false}
    ${{ critical: true }}                                           | ${true}
    ${{ critical: false }}                                          | ${false}
    ${{ hostingKinds: ['own', 'commercial'] }}                      | ${true}
    ${{ onPlatform: true }}                                         | ${false}
    ${{ onPlatform: false, critical: true }}                        | ${true}
    ${{ onPlatform: false, critical: false }}                       | ${false}
  `('$scope → $matches', ({ scope, matches }) => {
    expect(matchesScope(scope, system)).toBe(matches);
  });

  it('prefers the record flag for onPlatform when given', () => {
    expect(
      matchesScope(
        { onPlatform: true },
        { ...system, platformStatus: 'violation', onPlatform: true },
      ),
    ).toBe(true);
  });
});

describe('meetsGoal and whatToDo', () => {
  it.each`
    goal                                                                  | facts                                                                         | meets    | action
    ${{ kind: 'readiness-level', level: 'ready' }}                        | ${{ platformStatus: 'on-platform', readinessLevel: 'ready' }}                 | ${true}  | ${{ code: 'done' }}
    ${{ kind: 'readiness-level', level: 'ready' }}                        | ${{ platformStatus: 'on-platform', readinessLevel: 'conditional' }}           | ${false} | ${{ code: 'reach-readiness', values: { level: 'ready', current: 'conditional' } }}
    ${{ kind: 'readiness-level', level: 'conditional' }}                  | ${{ platformStatus: 'on-platform', readinessLevel: 'ready' }}                 | ${true}  | ${{ code: 'done' }}
    ${{ kind: 'readiness-level', level: 'conditional' }}                  | ${{ platformStatus: 'on-platform' }}                                          | ${false} | ${{ code: 'reach-readiness', values: { level: 'conditional' } }}
    ${{ kind: 'platform-status', statuses: ['on-platform', 'exempted'] }} | ${{ platformStatus: 'exempted' }}                                             | ${true}  | ${{ code: 'done' }}
    ${{ kind: 'platform-status', statuses: ['on-platform', 'exempted'] }} | ${{ platformStatus: 'legacy-migrating' }}                                     | ${false} | ${{ code: 'move-to-platform', values: { statuses: ['on-platform', 'exempted'], current: 'legacy-migrating' } }}
    ${{ kind: 'checks-pass', checkIds: ['test-act', 'soc-monitoring'] }}  | ${{ platformStatus: 'on-platform', passedCheckIds: ['test-act'] }}            | ${false} | ${{ code: 'pass-checks', values: { checkIds: ['soc-monitoring'] } }}
    ${{ kind: 'checks-pass', checkIds: ['test-act'] }}                    | ${{ platformStatus: 'on-platform', passedCheckIds: ['test-act', 'backups'] }} | ${true}  | ${{ code: 'done' }}
    ${{ kind: 'checks-pass', checkIds: ['test-act'] }}                    | ${{ platformStatus: 'on-platform' }}                                          | ${false} | ${{ code: 'pass-checks', values: { checkIds: ['test-act'] } }}
  `('$goal.kind with $facts → $meets', ({ goal, facts, meets, action }) => {
    expect(meetsGoal(goal, facts)).toBe(meets);
    expect(whatToDo(goal, facts)).toEqual(action);
  });
});

describe('judging only against milestones after a system entered the scope', () => {
  const input = {
    milestones: wave,
    atRiskWorkingDays: 5,
    calendar: DEFAULT_WORKING_CALENDAR,
    today: '2026-04-01',
  };

  it('does not hold a body late for a milestone that passed before its systems arrived', () => {
    const newborns = [
      { enteredOn: '2026-04-01', done: false },
      { enteredOn: '2026-04-01', done: false },
    ];
    expect(
      bodyProgress({ ...input, total: 2, done: 0, systems: newborns }).status,
    ).toBe('on-track');
    // Without the days of entry the same body counts as late.
    expect(bodyProgress({ ...input, total: 2, done: 0 }).status).toBe('late');
  });

  it('judges the systems that were there at the milestone by that milestone', () => {
    const systems = [
      { enteredOn: '2026-01-01', done: false },
      { enteredOn: '2026-01-01', done: false },
      { enteredOn: '2026-04-01', done: false },
    ];
    expect(bodyProgress({ ...input, total: 3, done: 0, systems }).status).toBe(
      'late',
    );
  });

  it('shows a system created today in a late body as on track, not late', () => {
    expect(
      systemProgressStatus(false, 'late', {
        enteredOn: '2026-04-01',
        milestones: wave,
        today: '2026-04-01',
      }),
    ).toBe('on-track');
    expect(
      systemProgressStatus(false, 'late', {
        enteredOn: '2026-03-01',
        milestones: wave,
        today: '2026-04-01',
      }),
    ).toBe('late');
  });
});
