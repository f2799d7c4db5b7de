import { ConfigReader } from '@backstage/config';
import { readMembershipTtlMs } from './membership';

describe('readMembershipTtlMs', () => {
  it('defaults to 5 minutes', () => {
    expect(readMembershipTtlMs(new ConfigReader({}))).toBe(300_000);
  });

  it.each([
    [{ minutes: 2 }, 120_000],
    ['PT30S', 30_000],
    [{ seconds: 2 }, 2_000],
  ])('reads %j', (cacheTtl, ms) => {
    expect(
      readMembershipTtlMs(
        new ConfigReader({ qaztech: { roleMembership: { cacheTtl } } }),
      ),
    ).toBe(ms);
  });

  it.each([{ minutes: 6 }, { hours: 1 }, { seconds: 0 }])(
    'refuses %j, naming the setting and the rule',
    cacheTtl => {
      expect(() =>
        readMembershipTtlMs(
          new ConfigReader({ qaztech: { roleMembership: { cacheTtl } } }),
        ),
      ).toThrow(
        /qaztech\.roleMembership\.cacheTtl must be more than 0 and at most 5 minutes/,
      );
    },
  );
});
