import { AddressInfo } from 'node:net';
import { Server, createServer } from 'node:http';

/** One scan the stub answered: which replica asked, about which system. */
export interface ScanRequest {
  replica: string;
  name: string;
  at: number;
}

/**
 * A vulnerability scanner for the readiness collector to read over HTTP
 * (`GET /scan/{namespace}/{name}`). It answers every system with the same
 * counts after `delayMs`, and remembers who asked: a slow scanner makes a
 * long evaluation run, and the `x-replica` header tells which replica runs
 * it.
 */
export class ScannerStub {
  readonly requests: ScanRequest[] = [];
  delayMs = 0;
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Starts the stub on a free port of 127.0.0.1. */
  static async start(): Promise<ScannerStub> {
    let stub: ScannerStub | undefined = undefined;
    const server = createServer((req, res) => {
      const match = /^\/scan\/([^/]+)\/([^/?]+)/.exec(req.url ?? '');
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      stub!.requests.push({
        replica: String(req.headers['x-replica'] ?? ''),
        name: decodeURIComponent(match[2]),
        at: Date.now(),
      });
      setTimeout(() => {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ critical: 0, high: 0, medium: 1, low: 2 }));
      }, stub!.delayMs);
    });
    stub = new ScannerStub(server);
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    return stub;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise(done => this.#server.close(done));
  }
}
