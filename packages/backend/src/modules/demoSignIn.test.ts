import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import { authModuleDemoProvider } from './demoSignIn';

describe('authModuleDemoProvider in production', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  function start(demo: Record<string, boolean>) {
    return startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            auth: { providers: { demo } },
          },
        }),
        authPlugin,
        authModuleDemoProvider,
      ],
    });
  }

  it('refuses to start, naming the setting to remove', async () => {
    process.env.NODE_ENV = 'production';
    await expect(start({})).rejects.toThrow(
      /auth\.providers\.demo lets anyone sign in as anyone and is refused in production/,
    );
  });

  it('starts when the operator explicitly allows it', async () => {
    process.env.NODE_ENV = 'production';
    const backend = await start({ dangerouslyAllowOutsideDevelopment: true });
    try {
      const res = await fetch(
        `http://localhost:${backend.server.port()}/api/auth/demo/refresh`,
        { headers: { 'x-requested-with': 'XMLHttpRequest' } },
      );
      // The provider answers (asking for a user) rather than being unknown.
      expect(res.status).toBe(400);
    } finally {
      await backend.stop();
    }
  });
});
