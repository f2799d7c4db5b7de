import { NotFoundError } from '@backstage/errors';
import {
  catalogQueriesFromClaims,
  qaztechCatalogUserResolver,
} from './oidcSignIn';

describe('catalogQueriesFromClaims', () => {
  it('tries the e-mail, then the user name', () => {
    expect(
      catalogQueriesFromClaims({
        email: 'aidos.seitkali@example.gov.kz',
        email_verified: true,
        preferred_username: 'Aidos.Seitkali',
      }),
    ).toEqual([
      { filter: { 'spec.profile.email': 'aidos.seitkali@example.gov.kz' } },
      { filter: { kind: 'User', 'metadata.name': 'aidos.seitkali' } },
    ]);
  });

  it('skips an e-mail the provider says is not verified', () => {
    expect(
      catalogQueriesFromClaims({
        email: 'someone@example.org',
        email_verified: false,
        preferred_username: 'timur.zhunusov',
      }),
    ).toEqual([
      { filter: { kind: 'User', 'metadata.name': 'timur.zhunusov' } },
    ]);
  });

  it("matches Entra ID's UPN in preferred_username against the catalog e-mail", () => {
    expect(
      catalogQueriesFromClaims({
        preferred_username: 'zhanar.omarova@edu.gov.kz',
      }),
    ).toEqual([
      { filter: { 'spec.profile.email': 'zhanar.omarova@edu.gov.kz' } },
    ]);
    // The same address in both claims is tried once.
    expect(
      catalogQueriesFromClaims({
        email: 'z@edu.gov.kz',
        preferred_username: 'Z@edu.gov.kz',
      }),
    ).toHaveLength(1);
  });

  it('has nothing to try without either claim', () => {
    expect(catalogQueriesFromClaims({ sub: '870101300123' })).toEqual([]);
    expect(
      catalogQueriesFromClaims({ email: 42, preferred_username: '' }),
    ).toEqual([]);
  });
});

describe('the qaztechCatalogUser resolver', () => {
  const users = [
    { name: 'timur.zhunusov', email: undefined },
    { name: 'aidos.seitkali', email: 'aidos.seitkali@example.gov.kz' },
  ];
  // The resolver context's catalog lookup over the users above.
  const ctx = {
    async signInWithCatalogUser(query: { filter: Record<string, string> }) {
      const f = query.filter;
      const user = users.find(u =>
        f['metadata.name']
          ? u.name === f['metadata.name']
          : u.email === f['spec.profile.email'],
      );
      if (!user) throw new NotFoundError('not found');
      return { token: `token-of-${user.name}` };
    },
  } as any;
  const resolve = (userinfo: object) =>
    qaztechCatalogUserResolver()(
      { result: { fullProfile: { userinfo } } } as any,
      ctx,
    );

  it('signs in the catalog User the claims name', async () => {
    await expect(
      resolve({
        email: 'aidos.seitkali@example.gov.kz',
        preferred_username: 'aidos',
      }),
    ).resolves.toEqual({ token: 'token-of-aidos.seitkali' });
    await expect(
      resolve({
        email: 'timur@other.kz',
        preferred_username: 'timur.zhunusov',
      }),
    ).resolves.toEqual({ token: 'token-of-timur.zhunusov' });
  });

  it('refuses a person the catalog does not know, in Russian', async () => {
    await expect(
      resolve({
        email: 'stranger@example.org',
        preferred_username: 'stranger',
      }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'Вход запрещён: пользователь stranger@example.org не найден в каталоге QazTech. Обратитесь к администратору платформы.',
    });
  });
});
