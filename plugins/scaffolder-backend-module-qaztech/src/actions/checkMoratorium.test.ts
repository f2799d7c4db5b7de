import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { Exemption } from '@qaztech/plugin-registry-common';
import { newSystemRegistry, recordingAuditor } from '../__testUtils__/fakes';
import { createCheckMoratoriumAction } from './checkMoratorium';

const APPROVED: Exemption = {
  decisionNumber: 'КВЦ-2026/03-1',
  decisionDate: '2026-02-20',
  expiresAt: '2027-02-20',
  status: 'approved',
  source: 'moratorium',
};

describe('qaztech:moratorium:check', () => {
  const auditor = recordingAuditor();
  const exemptions = new Map<string, Exemption[]>();
  const asked: string[] = [];
  const action = createCheckMoratoriumAction({
    moratorium: {
      async listExemptions(systemRef) {
        asked.push(systemRef);
        return exemptions.get(systemRef) ?? [];
      },
    },
    auditor,
    appBaseUrl: 'https://backstage.example.gov.kz',
    moratoriumStart: '2026-01-01',
    now: () => new Date('2026-03-02T04:00:00Z'),
  });

  beforeEach(() => {
    auditor.events.length = 0;
    asked.length = 0;
    exemptions.clear();
  });

  const check = (input: Record<string, unknown>, isDryRun = false) => {
    const ctx = {
      ...createMockActionContext({ input: input as any }),
      isDryRun,
    };
    return { ctx, done: action.handler(ctx) };
  };

  const offPlatform = (extra: Record<string, unknown> = {}) => ({
    ...newSystemRegistry(),
    platform: { onPlatform: false },
    hosting: { kind: 'own', country: 'KZ' },
    ...extra,
  });

  it('passes a system on the platform without asking for exemptions', async () => {
    const { ctx, done } = check({
      system: 'e-permits',
      registry: newSystemRegistry(),
    });
    await done;
    expect(ctx.output).toHaveBeenCalledWith('status', 'on-platform');
    expect(asked).toEqual([]);
    expect(auditor.events[0]).toMatchObject({
      eventId: 'qaztech-moratorium-check',
      outcome: 'success',
      after: { status: 'on-platform' },
    });
  });

  it('refuses a new system off the platform without an exemption, naming what to file and where', async () => {
    const { ctx, done } = check({ system: 'kadastr-plus', onPlatform: false });
    await expect(done).rejects.toThrow(
      expect.objectContaining({
        name: 'NotAllowedError',
        message: expect.stringContaining(
          'The moratorium forbids creating system:default/kadastr-plus outside the QazTech platform: The system was created outside the platform on 2026-03-02, under the moratorium in force since 2026-01-01, and has no exemption.',
        ),
      }),
    );
    await expect(
      check({ system: 'kadastr-plus', onPlatform: false }).done,
    ).rejects.toThrow(
      /file an exemption request with the Commission on digitalization \(the template "Request an exemption from the moratorium", or the request wizard: https:\/\/backstage\.example\.gov\.kz\/moratorium\/new\?system=system%3Adefault%2Fkadastr-plus\)/,
    );
    expect(asked).toContain('system:default/kadastr-plus');
    expect(ctx.output).not.toHaveBeenCalled();
    expect(auditor.events[0].outcome).toBe('fail');
  });

  it('passes with an approved, unexpired exemption of the commission', async () => {
    exemptions.set('system:default/kadastr-plus', [APPROVED]);
    const { ctx, done } = check({
      system: 'system:default/kadastr-plus',
      registry: offPlatform(),
    });
    await done;
    expect(ctx.output).toHaveBeenCalledWith('status', 'exempted');
    expect(ctx.output).toHaveBeenCalledWith('decisionNumber', 'КВЦ-2026/03-1');
  });

  it('refuses with an expired or revoked exemption, saying why', async () => {
    exemptions.set('system:default/kadastr-plus', [
      { ...APPROVED, expiresAt: '2026-02-28' },
    ]);
    await expect(
      check({ system: 'kadastr-plus', registry: offPlatform() }).done,
    ).rejects.toThrow(/exemption КВЦ-2026\/03-1 expired on 2026-02-28/);
    exemptions.set('system:default/kadastr-plus', [
      { ...APPROVED, status: 'revoked' },
    ]);
    await expect(
      check({ system: 'kadastr-plus', registry: offPlatform() }).done,
    ).rejects.toThrow(/exemption КВЦ-2026\/03-1 was revoked/);
  });

  it('does not take an exemption the record merely claims', async () => {
    const claimed = offPlatform({
      platform: {
        onPlatform: false,
        exemption: { decisionNumber: 'КВЦ-FAKE', decisionDate: '2026-02-01' },
      },
    });
    await expect(
      check({ system: 'kadastr-plus', registry: claimed }).done,
    ).rejects.toThrow(
      /The record names decision КВЦ-FAKE, which is not among the commission's decisions for system:default\/kadastr-plus/,
    );
  });

  it('passes a legacy system created before the moratorium', async () => {
    const { ctx, done } = check({
      system: 'old-system',
      registry: offPlatform({
        createdAt: '2015-06-01',
        lifecycle: {
          stage: 'industrial-operation',
          history: [{ stage: 'industrial-operation', date: '2015-06-01' }],
        },
      }),
    });
    await done;
    expect(ctx.output).toHaveBeenCalledWith('status', 'legacy-migrating');
  });

  it('gives the same answer in a dry run', async () => {
    await expect(
      check({ system: 'kadastr-plus', onPlatform: false }, true).done,
    ).rejects.toThrow(/forbids creating/);
    expect(auditor.events[0]).toMatchObject({
      severityLevel: 'low',
      outcome: 'fail',
    });
  });

  it('fails closed when the moratorium backend cannot answer', async () => {
    const failing = createCheckMoratoriumAction({
      moratorium: {
        async listExemptions() {
          throw new Error('connect ECONNREFUSED');
        },
      },
      auditor,
      appBaseUrl: 'http://localhost:3000',
      moratoriumStart: '2026-01-01',
    });
    await expect(
      failing.handler(
        createMockActionContext({
          input: { system: 'kadastr-plus', onPlatform: false } as any,
        }),
      ),
    ).rejects.toThrow('connect ECONNREFUSED');
  });
});
