import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import { RegistryCard } from './RegistryCard';

function portal(): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'portal-elektronnogo-pravitelstva',
      title: 'Веб-портал «электронного правительства»',
      labels: { 'qaztech.kz/platform-status': 'on-platform' },
      annotations: {
        'qaztech.kz/platform-status-reason': 'the system runs on the platform',
      },
    },
    spec: {
      type: 'state-information-system',
      owner: 'group:default/mcriap',
      registry: {
        registryNumber: 'ИС-83319',
        title: {
          ru: 'Веб-портал «электронного правительства»',
          kk: '«Электрондық үкімет» веб-порталы',
          en: 'E-Government Web Portal',
        },
        purpose:
          'Единая точка доступа граждан и бизнеса к государственным услугам.',
        legalBasis: {
          actType: 'resolution',
          number: '1076',
          date: '2006-02-25',
        },
        ownerKind: 'state-body',
        parties: {
          owner: {
            name: 'Министерство цифрового развития',
            bin: '190740682689',
          },
          operator: {
            name: 'АО «Национальные информационные технологии»',
            bin: '000340112436',
          },
        },
        securityOfficer: 'user:default/yerzhan.baizhanov',
        createdAt: '2006-04-12',
        lifecycle: {
          stage: 'industrial-operation',
          history: [
            { stage: 'planned', date: '2006-04-12' },
            { stage: 'industrial-operation', date: '2008-03-24' },
          ],
        },
        platform: { onPlatform: true },
        hosting: { kind: 'platform', country: 'KZ' },
        classification: {
          critical: true,
          confidentiality: 'high',
          integrity: 'high',
          availability: 'medium',
        },
        dataCategories: ['personal', 'financial'],
        securityTestAct: {
          number: 'ГТС-АИ-2025/1535',
          date: '2025-01-17',
          version: '3.12.5',
        },
        socProvider: 'ОЦИБ АО «НИТ»',
      },
    },
  };
}

function renderCard(entity: Entity, catalogEntities: Entity[] = []) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <RegistryCard />
    </EntityProvider>,
    {
      apis: [[catalogApiRef, catalogApiMock({ entities: catalogEntities })]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** A System as the catalog serves it, with the relations it was given. */
function system(name: string, dependsOn: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default' },
    spec: { type: 'state-information-system', owner: 'group:default/mcriap' },
    relations: dependsOn.map(targetRef => ({ type: 'dependsOn', targetRef })),
  };
}

describe('RegistryCard', () => {
  it('shows the record of a state information system', async () => {
    await renderCard(portal());

    expect(await screen.findByText('Register record')).toBeInTheDocument();
    expect(
      screen.getByText('Веб-портал «электронного правительства»'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('«Электрондық үкімет» веб-порталы'),
    ).toBeInTheDocument();
    expect(screen.getByText('E-Government Web Portal')).toBeInTheDocument();
    expect(screen.getByText('ИС-83319')).toBeInTheDocument();
    expect(
      screen.getByText('Resolution No. 1076 of 2006-02-25'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Министерство цифрового развития, BIN 190740682689'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'АО «Национальные информационные технологии», BIN 000340112436',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Planned since 2006-04-12')).toBeInTheDocument();
    expect(
      screen.getByText('Industrial operation since 2008-03-24'),
    ).toBeInTheDocument();
    expect(screen.getByText('National platform, KZ')).toBeInTheDocument();
    expect(screen.getByText('Personal, Financial')).toBeInTheDocument();
    expect(
      screen.getByText('No. ГТС-АИ-2025/1535 of 2025-01-17, version 3.12.5'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'mcriap' })).toHaveAttribute(
      'href',
      '/catalog/default/group/mcriap',
    );
    expect(
      screen.getByRole('link', { name: 'Open the scorecard' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/system/portal-elektronnogo-pravitelstva/security-readiness',
    );
    expect(
      screen.getByRole('link', { name: 'Exemption requests and decisions' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/system/portal-elektronnogo-pravitelstva/exemption',
    );
  });

  it('lists the integrations of the record and the systems that name this one in theirs', async () => {
    const entity = portal();
    (entity.spec!.registry as any).integrations = [
      { system: 'gbd-fl', via: 'shep' },
      { system: 'system:default/nuts', via: 'direct' },
    ];
    await renderCard(entity, [
      system('e-license', [
        'system:default/portal-elektronnogo-pravitelstva',
        'system:default/gbd-fl',
      ]),
      system('e-notariat', ['system:default/portal-elektronnogo-pravitelstva']),
      system('e-kyzmet', ['system:default/gbd-fl']),
    ]);

    expect(
      await screen.findByRole('link', { name: 'e-license' }),
    ).toHaveAttribute('href', '/catalog/default/system/e-license');
    expect(
      screen.getByRole('link', { name: 'e-notariat' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'e-kyzmet' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'gbd-fl' })).toHaveAttribute(
      'href',
      '/catalog/default/system/gbd-fl',
    );
    expect(
      screen.getByText('(through the government service bus)'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'nuts' })).toBeInTheDocument();
    expect(screen.getByText('(direct connection)')).toBeInTheDocument();
  });

  it('says None when no system uses this one', async () => {
    await renderCard(portal(), [system('e-kyzmet', ['system:default/gbd-fl'])]);

    expect(await screen.findByText('Used by')).toBeInTheDocument();
    // Integrations and users both empty, and the other empty rows.
    await waitFor(() =>
      expect(screen.getAllByText('None').length).toBeGreaterThanOrEqual(2),
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows the moratorium status and its reason', async () => {
    await renderCard(portal());

    expect(await screen.findByText('On the platform')).toBeInTheDocument();
    expect(
      screen.getByText('the system runs on the platform'),
    ).toBeInTheDocument();
  });

  it('shows the claims of the record the evidence does not bear out', async () => {
    const entity = portal();
    entity.metadata.labels!['qaztech.kz/platform-status'] = 'violation';
    entity.metadata.annotations!['qaztech.kz/unverified-claims'] =
      JSON.stringify([
        {
          field: 'createdAt',
          claimed: '2025-12-01',
          evidence: '2026-12-07',
          source: 'first-seen',
        },
      ]);
    await renderCard(entity);

    expect(await screen.findByTestId('unverified-claims')).toHaveTextContent(
      'Unverified: claims creation on 2025-12-01; the register first saw it on 2026-12-07',
    );
  });

  it('shows the commission decision of an exempted system', async () => {
    const entity = portal();
    entity.metadata.labels!['qaztech.kz/platform-status'] = 'exempted';
    entity.metadata.annotations!['qaztech.kz/platform-status-reason'] =
      'exemption КЦ-2026/14 holds until 2027-12-31';
    (entity.spec!.registry as any).platform = {
      onPlatform: false,
      exemption: {
        decisionNumber: 'КЦ-2026/14',
        decisionDate: '2026-02-10',
        expiresAt: '2027-12-31',
      },
    };
    await renderCard(entity);

    expect(await screen.findByText('Exempted')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Commission decision No. КЦ-2026/14 of 2026-02-10, valid until 2027-12-31',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('exemption КЦ-2026/14 holds until 2027-12-31'),
    ).toBeInTheDocument();
  });

  it('shows only the exemption in force, with the earlier decisions under their own heading, agreeing with the reason', async () => {
    const entity = portal();
    entity.metadata.labels!['qaztech.kz/platform-status'] = 'exempted';
    entity.metadata.annotations!['qaztech.kz/platform-status-detail'] =
      JSON.stringify({
        code: 'exempted',
        createdAt: '2026-02-02',
        moratoriumStart: '2026-01-01',
        decisionNumber: 'EX-2026-0007',
        decisionDate: '2026-12-08',
        expiresAt: '2027-12-31',
      });
    // The record still carries an older decision that has expired.
    (entity.spec!.registry as any).platform = {
      onPlatform: false,
      exemption: {
        decisionNumber: 'КЦ-2026/14',
        decisionDate: '2026-02-10',
        expiresAt: '2026-10-31',
      },
    };
    entity.metadata.annotations!['qaztech.kz/exemptions'] = JSON.stringify({
      inForce: {
        decisionNumber: 'EX-2026-0007',
        decisionDate: '2026-12-08',
        expiresAt: '2027-12-31',
        status: 'approved',
        source: 'moratorium',
      },
      earlier: [
        {
          decisionNumber: 'КЦ-2026/14',
          decisionDate: '2026-02-10',
          expiresAt: '2026-10-31',
          status: 'approved',
          source: 'register',
          state: 'expired',
        },
      ],
    });
    await renderCard(entity);

    expect(
      await screen.findByText(
        'Commission decision No. EX-2026-0007 of 2026-12-08, valid until 2027-12-31',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Created outside the platform on 2026-02-02, under the moratorium; exempted by decision EX-2026-0007 of 2026-12-08 until 2027-12-31.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Earlier decisions')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Commission decision No. КЦ-2026/14 of 2026-02-10, valid until 2026-10-31 — expired',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(
        'Commission decision No. КЦ-2026/14 of 2026-02-10, valid until 2026-10-31',
      ),
    ).not.toBeInTheDocument();
  });

  it('shows no exemption once the one in force is revoked, and the revoked one among the earlier decisions', async () => {
    const entity = portal();
    entity.metadata.labels!['qaztech.kz/platform-status'] = 'violation';
    entity.metadata.annotations!['qaztech.kz/exemptions'] = JSON.stringify({
      earlier: [
        {
          decisionNumber: 'EX-2026-0007',
          decisionDate: '2026-12-08',
          status: 'revoked',
          source: 'moratorium',
          state: 'revoked',
        },
      ],
    });
    await renderCard(entity);

    expect(
      await screen.findByText(
        'Commission decision No. EX-2026-0007 of 2026-12-08 — revoked',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/valid until|open-ended/),
    ).not.toBeInTheDocument();
  });

  it('says the reason from its detail in the reader’s language, not the logged sentence', async () => {
    const entity = portal();
    entity.metadata.labels!['qaztech.kz/platform-status'] = 'violation';
    entity.metadata.annotations!['qaztech.kz/platform-status-reason'] =
      'an English sentence for logs';
    entity.metadata.annotations!['qaztech.kz/platform-status-detail'] =
      JSON.stringify({
        code: 'exemption-expired',
        createdAt: '2026-02-02',
        moratoriumStart: '2026-01-01',
        decisionNumber: 'КЦ-2026/14',
        decisionDate: '2026-02-10',
        expiresAt: '2026-10-31',
      });
    await renderCard(entity);

    expect(
      await screen.findByText(
        'Created outside the platform on 2026-02-02, under the moratorium; exemption КЦ-2026/14 expired on 2026-10-31.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('an English sentence for logs'),
    ).not.toBeInTheDocument();
  });

  it('shows nothing for a system that is not a state information system', async () => {
    const entity = portal();
    entity.spec!.type = 'service';
    await renderCard(entity);

    expect(screen.queryByText('Register record')).not.toBeInTheDocument();
  });
});
