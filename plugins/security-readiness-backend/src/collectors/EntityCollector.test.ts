import { EntityCollector } from './EntityCollector';
import { NOW, makeSystem } from './__fixtures__/systems';

describe('EntityCollector', () => {
  it('records the register record, owner and qaztech annotations as an entity fact', async () => {
    const system = makeSystem('egov', {
      annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
    });
    const [fact] = await new EntityCollector().collect({
      systems: [system],
      now: NOW,
    });
    expect(fact).toEqual({
      systemRef: 'system:default/egov',
      type: 'entity',
      source: 'entity',
      observedAt: NOW.toISOString(),
      value: {
        owner: 'group:default/mcriap',
        registry: JSON.parse(JSON.stringify(system.spec.registry)),
        annotations: { 'qaztech.kz/release-version': '3.2.0' },
      },
    });
  });
});
