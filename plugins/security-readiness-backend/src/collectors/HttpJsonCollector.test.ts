import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import type { HttpCollectorConfig } from '../service/readSecurityReadinessConfig';
import {
  HttpJsonCollector,
  repositoryOf,
  unsafeUrlReason,
} from './HttpJsonCollector';
import { NOW, makeSystem } from './__fixtures__/systems';
import { recordingLogger } from './__fixtures__/logger';

const SCANNER = 'http://scanner.test';

/** A fake vulnerability scanner: one answer per system name. */
const answers: Record<string, () => Response | Promise<Response>> = {};
let inFlight = 0;
let maxInFlight = 0;
const seenHeaders: Record<string, string | null> = {};

const server = setupServer(
  http.get(`${SCANNER}/api/:namespace/:name`, async ({ params, request }) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    seenHeaders[String(params.name)] = request.headers.get('authorization');
    try {
      await delay(20);
      const answer = answers[String(params.name)];
      return answer ? await answer() : new HttpResponse(null, { status: 404 });
    } finally {
      inFlight--;
    }
  }),
  http.get(`${SCANNER}/projects/*`, ({ request }) =>
    HttpResponse.json({ score: 7, url: new URL(request.url).pathname }),
  ),
);
registerMswTestHooks(server);

function collector(overrides: Partial<HttpCollectorConfig> = {}) {
  const logger = recordingLogger();
  const instance = new HttpJsonCollector({
    config: {
      id: 'trivy',
      factType: 'vulnerabilities',
      url: `${SCANNER}/api/{namespace}/{name}`,
      headers: { authorization: 'Bearer scanner-token' },
      valuePath: 'summary',
      timeoutMs: 2000,
      concurrency: 3,
      allowedHosts: [new URL(SCANNER).host],
      ...overrides,
    },
    logger,
  });
  return { instance, logger };
}

beforeEach(() => {
  for (const key of Object.keys(answers)) {
    delete answers[key];
  }
  inFlight = 0;
  maxInFlight = 0;
});

describe('HttpJsonCollector', () => {
  it('turns the scanner’s answer into a fact per system; 404 means no fact', async () => {
    answers.egov = () =>
      HttpResponse.json({ summary: { critical: 0, high: 2 }, other: 1 });
    const { instance, logger } = collector();
    const facts = await instance.collect({
      systems: [makeSystem('egov'), makeSystem('unknown')],
      now: NOW,
    });
    expect(instance.id).toBe('http:trivy');
    expect(facts).toEqual([
      {
        systemRef: 'system:default/egov',
        type: 'vulnerabilities',
        source: 'http:trivy',
        observedAt: NOW.toISOString(),
        value: { critical: 0, high: 2 },
      },
    ]);
    expect(seenHeaders.egov).toBe('Bearer scanner-token');
    expect(instance.failures).toBe(0);
    expect(logger.messages.filter(m => m.level === 'warn')).toEqual([]);
  });

  it('counts and logs failures and goes on with the other systems', async () => {
    answers.good = () => HttpResponse.json({ summary: { critical: 1 } });
    answers.broken = () => new HttpResponse('oops', { status: 500 });
    answers.html = () =>
      new HttpResponse('<html/>', {
        headers: { 'content-type': 'text/html' },
      });
    answers.shapeless = () => HttpResponse.json({ nothing: true });
    const { instance, logger } = collector();
    const facts = await instance.collect({
      systems: ['good', 'broken', 'html', 'shapeless'].map(n => makeSystem(n)),
      now: NOW,
    });
    expect(facts.map(f => f.systemRef)).toEqual(['system:default/good']);
    expect(instance.failures).toBe(3);
    const warnings = logger.messages
      .filter(m => m.level === 'warn')
      .map(m => m.message);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/system:default\/broken: GET .* answered 500/),
        expect.stringMatching(/system:default\/html: .*did not answer JSON/),
        expect.stringMatching(
          /system:default\/shapeless: .*nothing at summary/,
        ),
        '3 of 4 requests failed',
      ]),
    );
  });

  it('gives up on a slow scanner after the timeout', async () => {
    answers.slow = async () => {
      await delay(1000);
      return HttpResponse.json({ summary: {} });
    };
    answers.fast = () => HttpResponse.json({ summary: { high: 0 } });
    const { instance, logger } = collector({ timeoutMs: 200 });
    const started = Date.now();
    const facts = await instance.collect({
      systems: [makeSystem('slow'), makeSystem('fast')],
      now: NOW,
    });
    expect(Date.now() - started).toBeLessThan(900);
    expect(facts.map(f => f.systemRef)).toEqual(['system:default/fast']);
    expect(instance.failures).toBe(1);
    expect(logger.messages.map(m => m.message)).toContainEqual(
      expect.stringMatching(/slow: no answer within 200 ms/),
    );
  });

  it('asks at most `concurrency` systems at once', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `s${i}`);
    for (const name of names) {
      answers[name] = () => HttpResponse.json({ summary: { n: name } });
    }
    const { instance } = collector({ concurrency: 3 });
    const facts = await instance.collect({
      systems: names.map(n => makeSystem(n)),
      now: NOW,
    });
    expect(facts).toHaveLength(12);
    expect(maxInFlight).toBe(3);
  });

  it('fills the repository from the source location and skips systems without one', async () => {
    const { instance } = collector({
      id: 'openssf',
      factType: 'openssf-scorecard',
      url: `${SCANNER}/projects/{repository}`,
      valuePath: undefined,
    });
    const withRepo = makeSystem('shep', {
      annotations: {
        'qaztech.kz/source-location':
          'https://git.qaztech.gov.kz/mcriap/shep.git',
      },
    });
    expect(repositoryOf(withRepo)).toBe('git.qaztech.gov.kz/mcriap/shep');
    expect(
      repositoryOf(
        makeSystem('x', {
          annotations: { 'github.com/project-slug': 'org/repo' },
        }),
      ),
    ).toBe('github.com/org/repo');
    const facts = await instance.collect({
      systems: [withRepo, makeSystem('no-repo')],
      now: NOW,
    });
    expect(facts).toEqual([
      expect.objectContaining({
        systemRef: 'system:default/shep',
        source: 'http:openssf',
        value: {
          score: 7,
          url: '/projects/git.qaztech.gov.kz/mcriap/shep',
        },
      }),
    ]);
  });

  it('refuses ./.. path segments, also percent-encoded, and hosts off the allow-list', async () => {
    const hosts = ['scanner.test'];
    expect(unsafeUrlReason('http://scanner.test/projects/a/b', hosts)).toBe(
      undefined,
    );
    for (const path of [
      '/projects/../admin',
      '/projects/./x',
      '/projects/%2e%2e/admin',
      '/projects/%2E%2e/admin',
      '/projects/%252e%252e/admin',
      '/projects/.%2e/admin',
      '/projects/a%2f..%2fadmin',
      '/projects/..%5cadmin',
    ]) {
      expect(unsafeUrlReason(`http://scanner.test${path}`, hosts)).toMatch(
        /the path has a ".*" segment/,
      );
    }
    expect(unsafeUrlReason('http://other.test/projects/a', hosts)).toBe(
      'other.test is not an allowed host',
    );
    // Dots inside a name are not segments of their own.
    expect(unsafeUrlReason('http://scanner.test/p/a..b/.x', hosts)).toBe(
      undefined,
    );

    // A repository annotation that climbs out of the configured path is
    // never called; the other systems are.
    answers.fine = () => HttpResponse.json({ summary: { critical: 0 } });
    const { instance, logger } = collector({
      url: `${SCANNER}/projects/{repository}`,
    });
    const climbing = makeSystem('climbing', {
      annotations: { 'github.com/project-slug': '../../admin/secrets' },
    });
    const encoded = makeSystem('encoded', {
      annotations: {
        'qaztech.kz/source-location':
          'https://git.qaztech.gov.kz/mcriap/%252e%252e/%252e%252e/admin',
      },
    });
    const seen: string[] = [];
    server.use(
      http.get(`${SCANNER}/*`, ({ request }) => {
        seen.push(new URL(request.url).pathname);
        return HttpResponse.json({ summary: {} });
      }),
    );
    const facts = await instance.collect({
      systems: [
        climbing,
        encoded,
        makeSystem('fine', {
          annotations: { 'github.com/project-slug': 'org/fine' },
        }),
      ],
      now: NOW,
    });
    expect(facts.map(f => f.systemRef)).toEqual(['system:default/fine']);
    expect(seen).toEqual(['/projects/github.com/org/fine']);
    expect(instance.failures).toBe(2);
    expect(
      logger.messages.filter(m => /refused to call/.test(m.message)),
    ).toHaveLength(2);
  });
});
