import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import { JsonObject } from '@backstage/types';
import {
  authModuleDemoProvider,
  demoAuthenticator,
  demoSignInRefusal,
  isLoopbackHost,
} from './demoSignIn';

describe('authModuleDemoProvider', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  function start(config: JsonObject) {
    return startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            ...config,
            auth: {
              providers: { demo: {} },
              ...(config.auth as JsonObject | undefined),
            },
          },
        }),
        authPlugin,
        authModuleDemoProvider,
      ],
    });
  }

  async function refreshStatus(backend: { server: { port(): number } }) {
    const res = await fetch(
      `http://localhost:${backend.server.port()}/api/auth/demo/refresh`,
      { headers: { 'x-requested-with': 'XMLHttpRequest' } },
    );
    return res.status;
  }

  it.each([
    ['http://localhost:7007'],
    ['http://127.0.0.1:7007'],
    ['http://[::1]:7007'],
  ])(
    'starts with auth.environment: development and backend.baseUrl %s',
    async baseUrl => {
      const backend = await start({
        backend: { baseUrl },
        auth: { environment: 'development' },
      });
      try {
        // The provider answers (asking for a user) rather than being unknown.
        expect(await refreshStatus(backend)).toBe(400);
      } finally {
        await backend.stop();
      }
    },
  );

  it('refuses to start with auth.environment: production, naming the setting', async () => {
    await expect(
      start({
        backend: { baseUrl: 'http://localhost:7007' },
        auth: { environment: 'production' },
      }),
    ).rejects.toThrow(/auth\.environment is "production", not "development"/);
  });

  it('refuses to start when auth.environment is not set at all', async () => {
    await expect(
      start({ backend: { baseUrl: 'http://localhost:7007' } }),
    ).rejects.toThrow(/auth\.environment is not set/);
  });

  it.each([
    ['https://qaztech.gov.kz'],
    ['http://10.0.0.5:7007'],
    ['http://localhost.example.com:7007'],
    ['http://127.0.0.1.nip.io:7007'],
  ])(
    'refuses to start with a backend.baseUrl that is not loopback: %s',
    async baseUrl => {
      await expect(
        start({
          backend: { baseUrl },
          auth: { environment: 'development' },
        }),
      ).rejects.toThrow(
        new RegExp(
          `starts only with auth\\.environment: development and a loopback backend\\.baseUrl; backend\\.baseUrl "${baseUrl.replace(
            /[.[\]]/g,
            '\\$&',
          )}" is not a loopback address`,
        ),
      );
    },
  );

  it('refuses to start in production even where it would otherwise, and no setting overrides it', async () => {
    process.env.NODE_ENV = 'production';
    await expect(
      start({
        backend: { baseUrl: 'http://localhost:7007' },
        auth: {
          environment: 'development',
          providers: { demo: { dangerouslyAllowOutsideDevelopment: true } },
        },
      }),
    ).rejects.toThrow(/NODE_ENV is production/);
  });

  it('is not installed when auth.providers.demo is absent', async () => {
    const backend = await startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'https://qaztech.gov.kz' },
            auth: { environment: 'production' },
          },
        }),
        authPlugin,
        authModuleDemoProvider,
      ],
    });
    try {
      expect(await refreshStatus(backend)).toBe(404);
    } finally {
      await backend.stop();
    }
  });
});

describe('demoSignInRefusal', () => {
  it('names every setting that is wrong', () => {
    expect(
      demoSignInRefusal({
        authEnvironment: 'production',
        backendBaseUrl: 'https://qaztech.gov.kz',
        authBaseUrl: 'https://qaztech.gov.kz/api/auth',
      }),
    ).toMatch(
      /auth\.environment is "production".*backend\.baseUrl "https:\/\/qaztech\.gov\.kz" is not a loopback.*the auth plugin is reached at "https:\/\/qaztech\.gov\.kz\/api\/auth"/,
    );
  });

  it('allows development on the loopback', () => {
    expect(
      demoSignInRefusal({
        authEnvironment: 'development',
        backendBaseUrl: 'http://localhost:7007',
        authBaseUrl: 'http://localhost:7007/api/auth',
        nodeEnv: 'development',
      }),
    ).toBeUndefined();
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['0.0.0.0', false],
    ['::', false],
    ['', false],
    ['127.0.0.256', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('demo sign-in requests', () => {
  function reqFrom(remoteAddress: string | undefined) {
    return {
      socket: { remoteAddress },
      header: (name: string) =>
        name === 'x-qaztech-demo-user' ? 'aidos.seitkali' : undefined,
    } as any;
  }

  it('are refused from an address other than the loopback', async () => {
    await expect(
      demoAuthenticator.authenticate(
        { req: reqFrom('192.0.2.10') },
        undefined as never,
      ),
    ).rejects.toThrow(
      /only accepted from this machine \(loopback\), not from 192\.0\.2\.10/,
    );
  });

  it('are accepted from the loopback', async () => {
    await expect(
      demoAuthenticator.authenticate(
        { req: reqFrom('::ffff:127.0.0.1') },
        undefined as never,
      ),
    ).resolves.toEqual({ result: { userName: 'aidos.seitkali' } });
  });
});
