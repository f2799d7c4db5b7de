import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportLocation, redactSource, redactText } from './readExport';

describe('exportLocation', () => {
  let server: Server;
  let base: string;
  let reader: ReturnType<typeof UrlReaders.default>;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/export.csv')) {
        res
          .writeHead(200, { 'Content-Type': 'text/csv' })
          .end('a,b\r\n1,2\r\n');
      } else if (req.url === '/big.csv') {
        res.writeHead(200).end('x'.repeat(4096));
      } else {
        res.writeHead(503).end();
      }
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    // The backend's reader with its allow-list: only this test server.
    reader = UrlReaders.default({
      config: mockServices.rootConfig({
        data: {
          backend: { reading: { allow: [{ host: `127.0.0.1:${port}` }] } },
        },
      }),
      logger: mockServices.logger.mock(),
    });
  });

  afterAll(async () => {
    await new Promise(r => server.close(r));
  });

  it('reads a URL source through the UrlReader', async () => {
    const location = exportLocation(`${base}/export.csv`, { reader });
    expect(location.locationRef).toBe(`url:${base}/export.csv`);
    expect((await location.read()).toString()).toBe('a,b\r\n1,2\r\n');
  });

  it('refuses a host outside backend.reading.allow', async () => {
    await expect(
      exportLocation('http://localhost:1/export.csv', { reader }).read(),
    ).rejects.toThrow(
      /reading from http:\/\/localhost:1\/export.csv|not allowed|no reader/i,
    );
  });

  it('fails on an error status', async () => {
    await expect(
      exportLocation(`${base}/gone.csv`, { reader }).read(),
    ).rejects.toThrow(/503/);
  });

  it('refuses a URL source over the size cap', async () => {
    await expect(
      exportLocation(`${base}/big.csv`, { reader, maxBytes: 1000 }).read(),
    ).rejects.toThrow('larger than the size cap of 1000 bytes');
  });

  it('refuses a file over the size cap', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'registry-export-'));
    const path = join(dir, 'export.json');
    await writeFile(path, 'x'.repeat(2000));
    await expect(
      exportLocation(path, { maxBytes: 1000 }).read(),
    ).rejects.toThrow('larger than the size cap of 1000 bytes');
    expect((await exportLocation(path, { maxBytes: 2000 }).read()).length).toBe(
      2000,
    );
  });

  it('names a source with its credentials redacted', async () => {
    const location = exportLocation(
      `http://reg:s3cret@127.0.0.1:1/export.csv?token=abc&page=2`,
      { reader },
    );
    expect(location.sourceUrl).toBe(
      'http://***@127.0.0.1:1/export.csv?token=***&page=2',
    );
    expect(location.locationRef).not.toContain('s3cret');
    const error = (await location.read().then(
      () => new Error('read'),
      e => e,
    )) as Error;
    expect(error.message).not.toContain('s3cret');
    expect(error.message).not.toContain('abc');
  });

  it('redacts credentials in any text', () => {
    expect(
      redactText(
        'GET https://u:p@x.kz/a?api_key=k1&x=1 failed',
        'https://other',
      ),
    ).toBe('GET https://***@x.kz/a?api_key=***&x=1 failed');
    expect(redactSource('https://x.kz/e.json?sig=zzz')).toBe(
      'https://x.kz/e.json?sig=***',
    );
  });

  it('resolves a file path against the working directory', () => {
    const location = exportLocation('examples/export.json');
    const path = resolve(process.cwd(), 'examples/export.json');
    expect(location.locationRef).toBe(`file:${path}`);
    expect(location.sourceUrl).toBe(`file://${path}`);
  });
});
