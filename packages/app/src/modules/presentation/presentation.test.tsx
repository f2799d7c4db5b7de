import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityDisplayName,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { createQazTechEntityPresentationApi } from './QazTechEntityPresentationApi';
import { presentEntity } from './registryPresentation';

const portal: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'portal',
    title: 'Веб-портал «электронного правительства»',
  },
  spec: {
    type: 'state-information-system',
    owner: 'group:default/mcriap',
    registry: {
      title: {
        ru: 'Веб-портал «электронного правительства»',
        kk: '«Электрондық үкімет» веб-порталы',
        en: 'E-Government Web Portal',
      },
    },
  },
};
const mcriap: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'mcriap', title: 'МЦРИАП РК' },
  spec: {
    type: 'state-body',
    profile: { displayName: 'Министерство цифрового развития' },
    children: [],
  },
};
const aidos: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'aidos.seitkali' },
  spec: { profile: { displayName: 'Айдос Сейітқали' }, memberOf: [] },
};
const plainSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'internal-tools' },
  spec: { owner: 'group:default/mcriap' },
};

describe('presentEntity', () => {
  it('names a register system by its title in the reader’s language, the ref second', () => {
    expect(presentEntity(portal, 'kk')).toMatchObject({
      entityRef: 'system:default/portal',
      primaryTitle: '«Электрондық үкімет» веб-порталы',
      secondaryTitle: 'system:default/portal | state-information-system',
    });
    expect(presentEntity(portal, 'en').primaryTitle).toBe(
      'E-Government Web Portal',
    );
  });

  it('falls back to Russian when the language has no title', () => {
    const ruOnly = {
      ...portal,
      spec: { ...portal.spec, registry: { title: { ru: 'Реестр' } } },
    };
    expect(presentEntity(ruOnly, 'kk').primaryTitle).toBe('Реестр');
  });

  it('names groups and people by their display names', () => {
    expect(presentEntity(mcriap, 'ru').primaryTitle).toBe(
      'Министерство цифрового развития',
    );
    expect(presentEntity(aidos, 'kk').primaryTitle).toBe('Айдос Сейітқали');
  });

  it('falls back to the entity name for an entity without titles', () => {
    expect(presentEntity(plainSystem, 'ru').primaryTitle).toBe(
      'internal-tools',
    );
  });
});

describe('createQazTechEntityPresentationApi', () => {
  it('loads the register title by ref and shows it in the current language', async () => {
    let language = 'kk';
    const catalogApi = catalogApiMock({
      entities: [portal, mcriap, aidos, plainSystem],
    });
    const api = createQazTechEntityPresentationApi({
      catalogApi,
      getLanguage: () => language,
    });

    await expect(
      api.forEntity('system:default/portal').promise,
    ).resolves.toMatchObject({
      primaryTitle: '«Электрондық үкімет» веб-порталы',
    });
    language = 'ru';
    await expect(
      api.forEntity('system:default/portal').promise,
    ).resolves.toMatchObject({
      primaryTitle: 'Веб-портал «электронного правительства»',
    });
    await expect(
      api.forEntity('user:default/aidos.seitkali').promise,
    ).resolves.toMatchObject({ primaryTitle: 'Айдос Сейітқали' });
  });

  it('makes entity names read as people and systems, not refs', async () => {
    const catalogApi = catalogApiMock({
      entities: [portal, mcriap, aidos],
    });
    const api = createQazTechEntityPresentationApi({
      catalogApi,
      getLanguage: () => 'en',
    });
    await renderInTestApp(
      <>
        <EntityDisplayName entityRef="system:default/portal" />
        <EntityDisplayName entityRef="group:default/mcriap" />
        <EntityDisplayName entityRef="user:default/aidos.seitkali" />
      </>,
      {
        apis: [
          [catalogApiRef, catalogApi],
          [entityPresentationApiRef, api],
        ],
      },
    );
    expect(
      await screen.findByText('E-Government Web Portal'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Министерство цифрового развития'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Айдос Сейітқали')).toBeInTheDocument();
    expect(screen.queryByText(/user:default\//)).not.toBeInTheDocument();
  });
});
