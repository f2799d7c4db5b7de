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
 * Whether a host name (of a URL) is the loopback: `localhost`, an address of
 * 127.0.0.0/8, or `::1`. Names that merely start with those
 * (`localhost.example.com`, `127.0.0.1.nip.io`) are not.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLocaleLowerCase('en-US').replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') {
    return true;
  }
  const v4 = host.replace(/^::ffff:/, '');
  const octets = v4.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every(o => /^\d{1,3}$/.test(o) && Number(o) <= 255)
  );
}

/** Whether a URL points at the loopback (see {@link isLoopbackHost}). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Why the demo sign-in may not start with this configuration, or undefined
 * when it may: it needs `auth.environment: development` set explicitly, a
 * loopback `backend.baseUrl` (and a loopback URL for the auth plugin), and a
 * NODE_ENV other than production.
 */
export function demoSignInRefusal(options: {
  authEnvironment?: string;
  backendBaseUrl?: string;
  authBaseUrl: string;
  nodeEnv?: string;
}): string | undefined {
  const reasons: string[] = [];
  if (options.authEnvironment !== 'development') {
    reasons.push(
      `auth.environment is ${
        options.authEnvironment === undefined
          ? 'not set'
          : `"${options.authEnvironment}"`
      }, not "development"`,
    );
  }
  if (
    options.backendBaseUrl !== undefined &&
    !isLoopbackUrl(options.backendBaseUrl)
  ) {
    reasons.push(
      `backend.baseUrl "${options.backendBaseUrl}" is not a loopback address (localhost, 127.0.0.1, ::1)`,
    );
  }
  if (!isLoopbackUrl(options.authBaseUrl)) {
    reasons.push(
      `the auth plugin is reached at "${options.authBaseUrl}", not a loopback address`,
    );
  }
  if (options.nodeEnv === 'production') {
    reasons.push('NODE_ENV is production');
  }
  if (reasons.length === 0) {
    return undefined;
  }
  return `auth.providers.demo lets anyone sign in as anyone, so it starts only with auth.environment: development and a loopback backend.baseUrl; ${reasons.join(
    '; ',
  )}. Remove auth.providers.demo and sign in with OIDC`;
}

/**
 * Signs a person in as the catalog User they pick, with no password. This is
 * what lets a demo or a test act in every role; production uses OIDC.
 */
export const demoAuthenticator = createProxyAuthenticator<
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
    // Only from this machine: a loopback base URL does not stop a backend
    // that listens on every interface from being reached from outside.
    const remote = req.socket?.remoteAddress;
    if (!remote || !isLoopbackHost(remote)) {
      throw new NotAllowedError(
        `Demo sign-in is only accepted from this machine (loopback), not from ${
          remote ?? 'an unknown address'
        }`,
      );
    }
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
 * The `demo` auth provider: sign in as any User of the catalog. Installed
 * only when `auth.providers.demo` is configured, and then only with
 * `auth.environment: development` and a loopback `backend.baseUrl`;
 * otherwise start-up fails with a message naming the settings (see
 * docs/permissions.md). Sign-in requests from other than the loopback are
 * refused.
 */
export const authModuleDemoProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'qaztech-demo-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
      },
      async init({ providers, config, discovery, logger }) {
        const demoConfig = config.getOptionalConfig('auth.providers.demo');
        if (!demoConfig) {
          return;
        }
        const refusal = demoSignInRefusal({
          authEnvironment: config.getOptionalString('auth.environment'),
          backendBaseUrl: config.getOptionalString('backend.baseUrl'),
          authBaseUrl: await discovery.getExternalBaseUrl('auth'),
          nodeEnv: process.env.NODE_ENV,
        });
        if (refusal) {
          logger.error(refusal);
          throw new NotAllowedError(refusal);
        }
        logger.warn(
          'Demo sign-in is on: anyone on this machine can sign in as any catalog user',
        );
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
