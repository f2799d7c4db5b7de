import { parsePlatformInventory } from './parsePlatformInventory';

const parse = (value: unknown) =>
  parsePlatformInventory(Buffer.from(JSON.stringify(value)));

describe('parsePlatformInventory', () => {
  it('reads deployments by entity ref or name, in any letter case', () => {
    expect(
      parse({
        deployments: [
          {
            system: 'system:default/egov',
            cluster: 'ast-1',
            namespace: 'egov',
          },
          { system: 'Shep', cluster: 'ala-2', namespace: 'shep-prod' },
        ],
      }),
    ).toEqual({
      deployments: [
        {
          entityRef: 'system:default/egov',
          cluster: 'ast-1',
          namespace: 'egov',
        },
        {
          entityRef: 'system:default/shep',
          cluster: 'ala-2',
          namespace: 'shep-prod',
        },
      ],
      rejected: [],
      entries: 2,
    });
  });

  it('rejects entries without a System, cluster or namespace, naming the problem', () => {
    const { deployments, rejected } = parse({
      deployments: [
        { system: 'component:default/api', cluster: 'c', namespace: 'n' },
        { system: 'egov', namespace: 'n' },
        { cluster: 'c', namespace: 'n' },
        { system: 'egov', cluster: 'c', namespace: 'bad name; drop' },
      ],
    });
    expect(deployments).toEqual([]);
    expect(rejected).toEqual([
      { index: 0, reason: 'system component:default/api is not a System' },
      {
        index: 1,
        reason: 'cluster must be a name of 1 to 200 letters, digits or ._:/@-',
      },
      { index: 2, reason: 'system is missing' },
      {
        index: 3,
        reason:
          'namespace must be a name of 1 to 200 letters, digits or ._:/@-',
      },
    ]);
  });

  it('refuses a file that is not an inventory', () => {
    expect(() => parsePlatformInventory(Buffer.from('nope'))).toThrow(
      'the inventory is not JSON',
    );
    expect(() => parse({ systems: [] })).toThrow(
      'the inventory has no "deployments" array',
    );
  });
});
