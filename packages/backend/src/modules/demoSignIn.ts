import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';
import { KubernetesValidatorFunctions } from '@backstage/catalog-model';

/** The header the app's demo sign-in page sends with the chosen user. */
export const DEMO_USER_HEADER = 'x-qaztech-demo-user';

interface DemoSignInResult {
  userName: string;
}

/**
 * Signs a person in as the catalog User they pick, with no password. This is
 * what lets a demo or a test act in every role; production uses OIDC.
 */
const demoAuthenticator = createProxyAuthenticator<
  unknown,
  DemoSignInResult,
  undefined
>({
  // The profile shown in the app comes from the catalog User.
  async defaultProfileTransform(result, ctx) {
    try {
      const { entity } = await ctx.findCatalogUser({
        entityRef: { kind: 'User', name: result.userName },
      });
      const profile = (entity.spec?.profile ?? {}) as {
        displayName?: string;
        email?: string;
        picture?: string;
      };
      return {
        profile: {
          displayName: profile.displayName ?? result.userName,
          email: profile.email,
          picture: profile.picture,
        },
      };
    } catch {
      // Sign-in itself fails for an unknown user; the profile stays plain.
      return { profile: { displayName: result.userName } };
    }
  },
  initialize() {
    return undefined;
  },
  async authenticate({ req }) {
    const userName = req.header(DEMO_USER_HEADER);
    if (!userName) {
      throw new InputError(
        `Demo sign-in needs the catalog user name in the ${DEMO_USER_HEADER} header`,
      );
    }
    if (!KubernetesValidatorFunctions.isValidObjectName(userName)) {
      throw new InputError(`"${userName}" is not a valid user name`);
    }
    return { result: { userName } };
  },
});

/**
 * The `demo` auth provider: sign in as any User of the catalog. It refuses to
 * start in production unless `auth.providers.demo` says
 * `dangerouslyAllowOutsideDevelopment: true`.
 */
export const authModuleDemoProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'qaztech-demo-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const demoConfig = config.getOptionalConfig('auth.providers.demo');
        if (!demoConfig) {
          return;
        }
        if (
          process.env.NODE_ENV === 'production' &&
          !demoConfig.getOptionalBoolean('dangerouslyAllowOutsideDevelopment')
        ) {
          throw new NotAllowedError(
            'auth.providers.demo lets anyone sign in as anyone and is refused in production; remove it and sign in with OIDC',
          );
        }
        providers.registerProvider({
          providerId: 'demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            async signInResolver({ result }, ctx) {
              // Only people who exist in the catalog can sign in; their
              // group memberships become the token's ownership claims.
              return ctx.signInWithCatalogUser({
                entityRef: { kind: 'User', name: result.userName },
              });
            },
          }),
        });
      },
    });
  },
});
