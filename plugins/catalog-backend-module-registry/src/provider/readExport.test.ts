import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { exportLocation } from './readExport';

describe('exportLocation', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/export.csv') {
        res
          .writeHead(200, { 'Content-Type': 'text/csv' })
          .end('a,b\r\n1,2\r\n');
      } else {
        res.writeHead(503).end();
      }
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise(r => server.close(r));
  });

  it('reads a URL source', async () => {
    const location = exportLocation(`${base}/export.csv`);
    expect(location.locationRef).toBe(`url:${base}/export.csv`);
    expect((await location.read()).toString()).toBe('a,b\r\n1,2\r\n');
  });

  it('fails on an error status', async () => {
    await expect(exportLocation(`${base}/gone.csv`).read()).rejects.toThrow(
      `GET ${base}/gone.csv answered 503`,
    );
  });

  it('fails on a closed port', async () => {
    const closed = createServer();
    await new Promise<void>(r => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(r => closed.close(r));
    await expect(
      exportLocation(`http://127.0.0.1:${port}/export.csv`).read(),
    ).rejects.toThrow('fetch failed');
  });

  it('resolves a file path against the working directory', () => {
    const location = exportLocation('examples/export.json');
    const path = resolve(process.cwd(), 'examples/export.json');
    expect(location.locationRef).toBe(`file:${path}`);
    expect(location.sourceUrl).toBe(`file://${path}`);
  });
});
