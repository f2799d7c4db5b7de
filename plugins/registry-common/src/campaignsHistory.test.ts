import { rebuildCampaignHistory } from './campaignsHistory';
import { demoSystem } from './__testUtils__/demoData';
import { RegistryRecord } from './types';

function record(
  name: string,
  change: (r: RegistryRecord) => void = () => {},
): RegistryRecord {
  const r = structuredClone(demoSystem(name).spec!.registry) as RegistryRecord;
  change(r);
  return r;
}

describe('rebuildCampaignHistory', () => {
  const campaign = {
    goal: {
      kind: 'platform-status' as const,
      statuses: ['on-platform' as const, 'exempted' as const],
    },
    scope: {},
    startDate: '2026-03-01',
  };

  it('counts each past day the systems that existed and those that met the goal then', () => {
    // Created off the platform on 2 March, exempted by a decision of
    // 10 March, so it is done from 10 March on.
    const exempted = record('olimpiady-shkolnikov', r => {
      r.createdAt = '2026-03-02';
      r.lifecycle.history = [{ stage: 'planned', date: '2026-03-02' }];
      r.lifecycle.stage = 'planned';
      r.platform = {
        onPlatform: false,
        exemption: { decisionNumber: 'КЦ-1', decisionDate: '2026-03-10' },
      };
    });
    const points = rebuildCampaignHistory({
      campaign,
      systems: [{ stateBodyRef: 'group:default/minprosv', record: exempted }],
      until: '2026-03-11',
    });
    const overall = (date: string) =>
      points.find(p => p.date === date && p.stateBodyRef === '');
    expect(overall('2026-03-01')).toEqual({
      date: '2026-03-01',
      stateBodyRef: '',
      total: 0,
      done: 0,
    });
    expect(overall('2026-03-02')).toMatchObject({ total: 1, done: 0 });
    expect(overall('2026-03-09')).toMatchObject({ total: 1, done: 0 });
    expect(overall('2026-03-10')).toMatchObject({ total: 1, done: 1 });
    expect(
      points.find(
        p =>
          p.date === '2026-03-11' &&
          p.stateBodyRef === 'group:default/minprosv',
      ),
    ).toMatchObject({ total: 1, done: 1 });
    expect(points.filter(p => p.stateBodyRef === '')).toHaveLength(11);
  });

  it('counts a system only from the day it entered the scope', () => {
    const points = rebuildCampaignHistory({
      campaign,
      systems: [
        {
          stateBodyRef: 'group:default/mcriap',
          record: record('shep'),
          enteredOn: '2026-03-05',
        },
      ],
      until: '2026-03-06',
    });
    const totals = points.filter(p => p.stateBodyRef === '').map(p => p.total);
    expect(totals).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('rebuilds nothing for goals the register has no past of', () => {
    expect(
      rebuildCampaignHistory({
        campaign: {
          ...campaign,
          goal: { kind: 'readiness-level', level: 'ready' },
        },
        systems: [
          { stateBodyRef: 'group:default/mcriap', record: record('shep') },
        ],
        until: '2026-03-06',
      }),
    ).toEqual([]);
  });
});
