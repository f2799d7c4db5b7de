import { registryPermissions } from './permissions';

describe('registryPermissions', () => {
  it('names every permission registry.<resource>.<verb>, once', () => {
    expect(registryPermissions.map(p => [p.name, p.attributes.action])).toEqual(
      [
        ['registry.system.read', 'read'],
        ['registry.export.read', 'read'],
        ['registry.campaign.read', 'read'],
        ['registry.campaign.create', 'create'],
        ['registry.campaign.update', 'update'],
        ['registry.campaign.delete', 'delete'],
      ],
    );
  });
});
