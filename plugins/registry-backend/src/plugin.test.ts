import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  startRegistryBackend,
  systemEntity,
} from './__testUtils__/startRegistryBackend';

jest.setTimeout(90_000);

describe('registryPlugin sync', () => {
  it('projects the catalog and drops what the catalog no longer has', async () => {
    const labelled = systemEntity(
      'egov-portal',
      {
        title: {
          ru: 'Портал «электронного правительства»',
          kk: '«Электрондық үкімет» порталы',
        },
        platform: { onPlatform: false },
        createdAt: '2026-02-01',
      },
      {
        labels: { 'qaztech.kz/platform-status': 'exempted' },
        annotations: {
          'qaztech.kz/platform-status-reason': 'Exempted by decision 7.',
        },
      },
    );
    const unlabelled = systemEntity('new-off-platform', {
      platform: { onPlatform: false },
      createdAt: '2026-02-01',
      classification: {
        critical: true,
        confidentiality: 'high',
        integrity: 'high',
        availability: 'high',
      },
    });
    // A record that claims to be on the platform, with no module to weigh it.
    const claiming = systemEntity('claims-platform', {
      platform: { onPlatform: true },
      createdAt: '2019-01-01',
    });
    const backend = await startRegistryBackend(
      [labelled, unlabelled, claiming],
      { catalogModule: false },
    );
    try {
      await backend.waitForCatalog([
        'egov-portal',
        'new-off-platform',
        'claims-platform',
      ]);
      expect(await backend.registerNames()).toEqual([]);
      await backend.sync();
      expect(await backend.registerNames()).toEqual([
        'claims-platform',
        'egov-portal',
        'new-off-platform',
      ]);
      // Without the module there is no evidence: the record is not believed.
      const claimingRes = await request(backend.server)
        .get('/api/registry/systems/default/claims-platform')
        .set('Authorization', mockCredentials.user.header());
      expect(claimingRes.body).toMatchObject({
        platformStatus: 'violation',
        unverifiedClaims: [
          expect.objectContaining({
            field: 'createdAt',
            claimed: '2019-01-01',
          }),
          expect.objectContaining({ field: 'onPlatform', claimed: 'true' }),
        ],
      });

      const res = await request(backend.server)
        .get('/api/registry/systems/default/new-off-platform')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      // Without the catalog module's label the rule is evaluated here, on no
      // evidence.
      expect(res.body).toMatchObject({
        entityRef: 'system:default/new-off-platform',
        owner: { ref: 'group:default/mcriap', bin: '190740682689' },
        platformStatus: 'violation',
        platformReason: expect.stringContaining('has no exemption'),
        critical: true,
        record: { platform: { onPlatform: false } },
      });
      const labelledRes = await request(backend.server)
        .get('/api/registry/systems/default/egov-portal')
        .set('Authorization', mockCredentials.user.header());
      expect(labelledRes.body).toMatchObject({
        platformStatus: 'exempted',
        platformReason: 'Exempted by decision 7.',
        title: { ru: 'Портал «электронного правительства»' },
      });

      backend.setEntities([labelled]);
      await backend.waitForCatalog(['egov-portal']);
      await backend.sync();
      expect(await backend.registerNames()).toEqual(['egov-portal']);
    } finally {
      await backend.stop();
    }
  });

  it('does not believe an untrusted record whose owner is not a state body', async () => {
    const team = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'qaztech-developers' },
      spec: { type: 'team', children: [] },
    };
    const onPlatform = {
      labels: { 'qaztech.kz/platform-status': 'on-platform' },
      annotations: {
        'qaztech.kz/platform-status-reason': 'Runs on the platform.',
        'qaztech.kz/platform-status-sources': JSON.stringify({
          createdAt: 'first-seen',
          onPlatform: 'platform-inventory',
        }),
      },
    };
    const teamOwned = systemEntity(
      'team-owned',
      { platform: { onPlatform: true } },
      onPlatform,
    );
    teamOwned.spec!.owner = 'group:default/qaztech-developers';
    const bodyOwned = systemEntity(
      'body-owned',
      { platform: { onPlatform: true } },
      onPlatform,
    );
    // A trusted record (the module took its date from the register) is
    // believed whoever it names.
    const trustedTeamOwned = systemEntity(
      'trusted-team-owned',
      { platform: { onPlatform: true } },
      {
        ...onPlatform,
        annotations: {
          ...onPlatform.annotations,
          'qaztech.kz/platform-status-sources': JSON.stringify({
            createdAt: 'register',
            onPlatform: 'register',
          }),
        },
      },
    );
    trustedTeamOwned.spec!.owner = 'group:default/qaztech-developers';
    const backend = await startRegistryBackend(
      [team, teamOwned, bodyOwned, trustedTeamOwned],
      { catalogModule: false },
    );
    try {
      await backend.waitForCatalog([
        'team-owned',
        'body-owned',
        'trusted-team-owned',
      ]);
      await backend.sync();
      const get = async (name: string) =>
        (
          await request(backend.server)
            .get(`/api/registry/systems/default/${name}`)
            .set('Authorization', mockCredentials.user.header())
        ).body;
      expect(await get('team-owned')).toMatchObject({
        owner: { ref: 'group:default/qaztech-developers' },
        platformStatus: 'violation',
        platformReason: expect.stringContaining('is not a state body'),
        unverifiedClaims: [
          {
            field: 'owner',
            claimed: 'group:default/qaztech-developers',
            evidence: 'not-a-state-body',
            source: 'catalog',
          },
        ],
      });
      const bodyRes = await get('body-owned');
      expect(bodyRes.platformStatus).toBe('on-platform');
      expect(bodyRes.unverifiedClaims).toBeUndefined();
      expect((await get('trusted-team-owned')).platformStatus).toBe(
        'on-platform',
      );
      const unverified = await request(backend.server)
        .get('/api/registry/systems?unverified=true')
        .set('Authorization', mockCredentials.user.header());
      expect(
        unverified.body.items.map((i: { name: string }) => i.name),
      ).toEqual(['team-owned']);
    } finally {
      await backend.stop();
    }
  });
});
