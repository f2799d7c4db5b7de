import http from 'node:http';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createShutdownDeadlineModule } from './shutdownDeadline';

/** A plugin whose one route never answers, as a WebSocket or long poll. */
const hangingPlugin = createBackendPlugin({
  pluginId: 'app',
  register(env) {
    env.registerInit({
      deps: { router: coreServices.httpRouter },
      async init({ router }) {
        router.addAuthPolicy({ path: '/hang', allow: 'unauthenticated' });
        router.use((_req, res) => {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('\n'); // headers out, the response never ends
        });
      },
    });
  },
});

describe('the shutdown deadline', () => {
  it('ends the process when an open connection keeps the server from closing', async () => {
    const exit = jest.fn();
    const backend = await startTestBackend({
      features: [
        hangingPlugin,
        createShutdownDeadlineModule({ exit }),
        mockServices.rootConfig.factory({
          data: { qaztech: { lifecycle: { shutdownTimeout: '400ms' } } },
        }),
      ],
    });
    const { port } = backend.server.address() as { port: number };
    const held = http.get(`http://127.0.0.1:${port}/api/app/hang`);
    held.on('error', () => {});
    await new Promise(resolve => held.once('response', resolve));

    let stopped = false;
    const stopping = backend.stop().then(() => {
      stopped = true;
    });
    await new Promise(resolve => setTimeout(resolve, 1500));

    // Backstage's own stop is still waiting for the open response...
    expect(stopped).toBe(false);
    // ...and the deadline ended the process, once, with success.
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);

    held.destroy();
    await stopping;
  });

  it('reads a bad timeout as a start-up error naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          hangingPlugin,
          createShutdownDeadlineModule({ exit: jest.fn() }),
          mockServices.rootConfig.factory({
            data: { qaztech: { lifecycle: { shutdownTimeout: 'soon' } } },
          }),
        ],
      }),
    ).rejects.toThrow(/qaztech\.lifecycle\.shutdownTimeout/);
  });
});
