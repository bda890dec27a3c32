import { connect, createServer, type Socket } from 'node:net';

/** A loopback TCP proxy in front of several nodes. */
export interface FailoverProxy {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The smallest load balancer that behaves like a real one for WebSocket-only Socket.IO: each
 * new TCP connection goes to the first backend (in `preference` order) that accepts it. A client
 * is thereby pinned to its node while that node lives, and lands on a surviving node when it
 * reconnects after the node died. A backend connection that closes closes the client's too.
 */
export async function startFailoverProxy(preference: () => number[]): Promise<FailoverProxy> {
  const open = new Set<Socket>();
  const track = (socket: Socket): void => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server = createServer((client) => {
    track(client);
    client.on('error', () => client.destroy());
    const ports = preference();
    const tryBackend = (index: number): void => {
      if (index >= ports.length || client.destroyed) {
        client.destroy();
        return;
      }
      const backend = connect({ port: ports[index]!, host: '127.0.0.1' });
      track(backend);
      let connected = false;
      backend.on('error', () => {
        backend.destroy();
        if (connected) client.destroy();
        else tryBackend(index + 1); // refused: that node is down, try the next one
      });
      backend.once('connect', () => {
        connected = true;
        client.pipe(backend);
        backend.pipe(client);
        backend.once('close', () => client.destroy());
        client.once('close', () => backend.destroy());
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
