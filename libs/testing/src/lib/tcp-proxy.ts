import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A real TCP hop between the platform and a service, that a test can cut: how "Postgres went away"
 * and "Redis went away" are produced without stopping the shared servers.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  /** Accepting connections but passing nothing on: a host that stopped answering. */
  private stalled = false;
  /** Connections opened while stalled: how many times a client tried, whatever it took each time. */
  held = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetUrl: string, defaultPort: number): Promise<TcpProxy> {
    const target = new URL(targetUrl);
    const targetHost = target.hostname || '127.0.0.1';
    const targetPort = Number(target.port || defaultPort);
    const holder: { proxy?: TcpProxy } = {};
    const server = createServer((client) => {
      const proxy = holder.proxy;
      if (!proxy || proxy.cut) return client.destroy();
      if (proxy.stalled) {
        // Held open, never answered: the client waits until its own timeout gives up.
        proxy.held++;
        proxy.sockets.add(client);
        client.on('close', () => proxy.sockets.delete(client));
        client.on('error', () => undefined);
        return;
      }
      const upstream = createConnection({ host: targetHost, port: targetPort });
      for (const s of [client, upstream]) {
        proxy.sockets.add(s);
        s.on('close', () => proxy.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('proxy has no port');
    holder.proxy = new TcpProxy(server, address.port);
    return holder.proxy;
  }

  /** `targetUrl` with its host and port replaced by this proxy's. */
  urlFor(targetUrl: string): string {
    const u = new URL(targetUrl);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  /** Drops every open connection and stops listening, so new ones are refused as by a dead server. */
  async sever(): Promise<void> {
    if (this.cut) return;
    this.cut = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  /**
   * Drops every open connection and from then on accepts new ones without ever answering, as a
   * server whose host went silent (packets dropped, not refused): only the clients' timeouts end
   * their wait.
   */
  stall(): void {
    this.stalled = true;
    for (const s of this.sockets) s.destroy();
  }

  /** Listens again on the same port (or passes traffic on again): the service is back. */
  async restore(): Promise<void> {
    if (this.stalled) {
      this.stalled = false;
      // Held connections never reached the service: drop them, the pools open new ones.
      for (const s of this.sockets) s.destroy();
    }
    if (!this.cut) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.cut = false;
  }

  close(): Promise<void> {
    return this.sever();
  }
}
