import { createServer } from 'node:net';

/**
 * Fails with a message naming the port when something already listens on `host:port`, before a
 * server is started there: otherwise a client could reach the squatter and take it for our server.
 */
export async function assertPortFree(host: string, port: number, purpose: string): Promise<void> {
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen({ host, port, exclusive: true }, resolve);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `${purpose}: ${host}:${port} is already in use by another process; stop it or choose another port.`
        : `${purpose}: cannot listen on ${host}:${port} (${code ?? String(error)}).`,
      { cause: error },
    );
  } finally {
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  }
}
