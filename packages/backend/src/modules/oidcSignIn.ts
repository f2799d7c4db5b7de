import { createBackendModule } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthResolverCatalogUserQuery,
  OAuthAuthenticatorResult,
  authProvidersExtensionPoint,
  commonSignInResolvers,
  createOAuthProviderFactory,
  createSignInResolverFactory,
} from '@backstage/plugin-auth-node';
import {
  OidcAuthResult,
  oidcAuthenticator,
} from '@backstage/plugin-auth-backend-module-oidc-provider';

/** The claims of the identity provider's userinfo the resolver reads. */
export interface OidcClaims {
  email?: unknown;
  email_verified?: unknown;
  preferred_username?: unknown;
  sub?: unknown;
}

/**
 * How a person signed in by the identity provider is looked up in the
 * catalog, most specific first:
 *
 * 1. the `email` claim, unless the provider says `email_verified: false`,
 *    against `spec.profile.email` of a User;
 * 2. the `preferred_username` claim against the User's name
 *    (`metadata.name`; Keycloak's user name), or, when it is an e-mail
 *    address (Entra ID's UPN), against `spec.profile.email`.
 *
 * Returns the queries to try in order; none when the claims carry neither.
 */
export function catalogQueriesFromClaims(
  claims: OidcClaims,
): AuthResolverCatalogUserQuery[] {
  const queries: AuthResolverCatalogUserQuery[] = [];
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (email && claims.email_verified !== false) {
    queries.push({ filter: { 'spec.profile.email': email } });
  }
  const username =
    typeof claims.preferred_username === 'string'
      ? claims.preferred_username.trim()
      : '';
  if (username) {
    if (username.includes('@')) {
      if (username.toLocaleLowerCase() !== email.toLocaleLowerCase()) {
        queries.push({ filter: { 'spec.profile.email': username } });
      }
    } else {
      queries.push({
        filter: { kind: 'User', 'metadata.name': username.toLocaleLowerCase() },
      });
    }
  }
  return queries;
}

/** Who the refused person is, for the message. */
function describe(claims: OidcClaims): string {
  for (const value of [claims.email, claims.preferred_username, claims.sub]) {
    if (typeof value === 'string' && value) return value;
  }
  return 'без адреса и имени';
}

/**
 * The production sign-in resolver (`auth.providers.oidc.production.signIn`
 * in app-config.production.yaml): the person must be a User of the catalog,
 * found by e-mail or user name (see {@link catalogQueriesFromClaims}); their
 * roles come from the catalog Groups they are members of, never from the
 * provider's claims. Anyone else is refused, in Russian.
 */
export const qaztechCatalogUserResolver = createSignInResolverFactory({
  create() {
    return async (
      info: { result: OAuthAuthenticatorResult<OidcAuthResult> },
      ctx,
    ) => {
      const claims = (info.result.fullProfile?.userinfo ?? {}) as OidcClaims;
      for (const query of catalogQueriesFromClaims(claims)) {
        try {
          return await ctx.signInWithCatalogUser(query);
        } catch (error) {
          // Not in the catalog under this claim: try the next one.
          if ((error as Error)?.name !== 'NotFoundError') throw error;
        }
      }
      throw new NotAllowedError(
        `Вход запрещён: пользователь ${describe(
          claims,
        )} не найден в каталоге QazTech. Обратитесь к администратору платформы.`,
      );
    };
  },
});

/**
 * The `oidc` auth provider of production: Backstage's OIDC authenticator
 * with the suite's catalog resolver (`qaztechCatalogUser`) besides the
 * standard ones. Replaces `@backstage/plugin-auth-backend-module-oidc-provider`.
 */
export const authModuleQazTechOidcProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'qaztech-oidc-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({
            authenticator: oidcAuthenticator,
            signInResolverFactories: {
              qaztechCatalogUser: qaztechCatalogUserResolver,
              emailMatchingUserEntityProfileEmail:
                commonSignInResolvers.emailMatchingUserEntityProfileEmail,
              emailLocalPartMatchingUserEntityName:
                commonSignInResolvers.emailLocalPartMatchingUserEntityName,
            },
          }),
        });
      },
    });
  },
});
