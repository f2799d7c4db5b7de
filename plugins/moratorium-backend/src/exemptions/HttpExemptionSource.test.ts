import { mockServices } from '@backstage/backend-test-utils';
import { HttpExemptionSource } from './HttpExemptionSource';

const EXEMPTION = {
  decisionNumber: 'П-7',
  decisionDate: '2026-03-02',
  expiresAt: '2027-03-01',
  status: 'approved',
  source: 'moratorium',
};

function setup(responses: Array<() => Response>) {
  let clock = 1_000_000;
  const calls: string[] = [];
  const fetchStub = jest.fn(async (url: string | URL | Request) => {
    calls.push(String(url));
    const next = responses.shift();
    if (!next) {
      throw new Error('unexpected call');
    }
    return next();
  });
  const source = new HttpExemptionSource({
    discovery: mockServices.discovery(),
    auth: mockServices.auth(),
    cacheSeconds: 30,
    now: () => clock,
    fetch: fetchStub as unknown as typeof fetch,
  });
  return {
    source,
    calls,
    advance(ms: number) {
      clock += ms;
    },
  };
}

const ok = () =>
  new Response(JSON.stringify({ items: [EXEMPTION] }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });

describe('HttpExemptionSource', () => {
  it('asks the moratorium backend once per system within the cache time', async () => {
    const { source, calls, advance } = setup([ok, ok]);
    const ref = 'system:default/e-licensing';

    const [a, b] = await Promise.all([
      source.getExemptions(ref),
      source.getExemptions(ref),
    ]);
    expect(a).toEqual([EXEMPTION]);
    expect(b).toEqual([EXEMPTION]);
    advance(29_000);
    await source.getExemptions(ref);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toBe(
      'http://localhost:0/api/moratorium/exemptions?system=system%3Adefault%2Fe-licensing',
    );

    advance(2_000);
    await source.getExemptions(ref);
    expect(calls).toHaveLength(2);
  });

  it('throws on failure and does not keep the failure', async () => {
    const { source, calls } = setup([
      () =>
        new Response(
          JSON.stringify({ error: { name: 'Error', message: 'down' } }),
          { status: 503, headers: { 'Content-Type': 'application/json' } },
        ),
      ok,
    ]);
    const ref = 'system:default/x';
    await expect(source.getExemptions(ref)).rejects.toThrow(/503/);
    await expect(source.getExemptions(ref)).resolves.toEqual([EXEMPTION]);
    expect(calls).toHaveLength(2);
  });
});
