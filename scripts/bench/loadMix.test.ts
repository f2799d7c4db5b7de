import { LoadData, drawRequest, searchWords, seededRandom } from './loadMix';

const data: LoadData = {
  bodies: ['mcriap', 'minfin', 'minzdrav', 'akimat-almaty'],
  platformStatuses: ['on-platform', 'legacy-migrating', 'violating'],
  lifecycleStages: ['creation', 'industrial-operation', 'development'],
  dataCategories: ['personal', 'health'],
  hostingKinds: ['platform', 'own'],
  words: searchWords([
    'Веб-портал «электронного правительства» №1',
    'Информационная система здравоохранения',
  ]),
  registerDeepPages: ['/api/registry/systems?limit=50&cursor=abc'],
  catalogDeepPages: ['/api/catalog/entities/by-query?cursor=xyz'],
  users: ['madina.kassymova', 'asel.bekmukhambetova', 'dinara.seitkazieva'],
};

function draws(mix: Parameters<typeof drawRequest>[0], n = 2000) {
  const random = seededRandom(42);
  return Array.from({ length: n }, () => drawRequest(mix, data, random));
}

describe('the load mixes', () => {
  it('searches with words of the titles, without numbers', () => {
    expect(data.words).toEqual(
      expect.arrayContaining(['портал', 'электронного', 'здравоохранения']),
    );
    expect(data.words.some(w => /\d/.test(w))).toBe(false);
  });

  it('draws different register requests, covering every filter, searches, sorts, deep pages and users', () => {
    const drawn = draws('register-list');
    const paths = new Set(drawn.map(d => d.path));
    expect(paths.size).toBeGreaterThan(drawn.length * 0.5);
    const all = drawn.map(d => decodeURIComponent(d.path)).join('\n');
    for (const param of [
      'owner=group:default/minzdrav',
      'platformStatus=violating',
      'lifecycleStage=development',
      'dataCategory=health',
      'hostingKind=own',
      'critical=true',
      'q=здравоохранения',
      'sort=registryNumber',
      'order=desc',
      'cursor=abc',
    ]) {
      expect(all).toContain(param);
    }
    // Combinations: some requests carry three or more filters at once.
    const combined = drawn.filter(
      d =>
        ['owner=', 'platformStatus=', 'lifecycleStage=', 'q='].filter(p =>
          d.path.includes(p),
        ).length >= 3,
    );
    expect(combined.length).toBeGreaterThan(20);
    expect(new Set(drawn.map(d => d.user))).toEqual(new Set(data.users));
  });

  it('asks the catalog the same kinds of questions', () => {
    const all = draws('catalog-by-query')
      .map(d => decodeURIComponent(d.path))
      .join('\n');
    for (const part of [
      'spec.owner=group:default/mcriap',
      'metadata.labels.qaztech.kz/platform-status=legacy-migrating',
      'spec.registry.lifecycle.stage=creation',
      'fullTextFilterTerm=портал',
      'cursor=xyz',
    ]) {
      expect(all).toContain(part);
    }
    const facets = draws('catalog-facets').map(d => d.path);
    expect(new Set(facets).size).toBeGreaterThan(50);
  });

  it('exports one body at a time and keeps the cached scenarios on one URL', () => {
    const exports = draws('register-export');
    expect(exports.every(d => d.path.includes('owner='))).toBe(true);
    expect(new Set(exports.map(d => d.path)).size).toBeGreaterThan(50);
    expect(new Set(draws('cached-register-list').map(d => d.path)).size).toBe(
      1,
    );
    expect(new Set(draws('cached-register-stats').map(d => d.user)).size).toBe(
      1,
    );
  });

  it('draws the moratorium and readiness lists with their filters', () => {
    const moratorium = draws('moratorium-requests').map(d =>
      decodeURIComponent(d.path),
    );
    expect(moratorium.some(p => p.includes('state=on-agenda'))).toBe(true);
    expect(moratorium.some(p => p.includes('mine=true'))).toBe(true);
    const readiness = draws('readiness-summary').map(d => d.path);
    expect(readiness.some(p => p.includes('/summary?days=90'))).toBe(true);
    expect(readiness.some(p => p.includes('level=not-ready'))).toBe(true);
  });
});
