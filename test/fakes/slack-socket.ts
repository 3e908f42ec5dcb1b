import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeSlackApi } from './slack-api';

/**
 * A local stand-in for Slack's Socket Mode endpoint: greets each connection with `hello`,
 * as Slack does, pushes envelopes to the newest one and records what the app sends back.
 */
export class FakeSocketMode {
  readonly #server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  readonly #sockets: WebSocket[] = [];
  /** Every message the app sent (acks), parsed. */
  readonly received: Record<string, unknown>[] = [];

  /** Listens, and makes `api`'s apps.connections.open hand out this server's address. */
  async start(api: FakeSlackApi): Promise<this> {
    await new Promise((resolve) => this.#server.once('listening', resolve));
    api.socketUrl = `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}/`;
    this.#server.on('connection', (socket) => {
      this.#sockets.push(socket);
      socket.on('message', (data) => {
        this.received.push(JSON.parse(String(data)) as Record<string, unknown>);
      });
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' } }),
      );
    });
    return this;
  }

  /** How many connections the app has opened so far. */
  get connections(): number {
    return this.#sockets.length;
  }

  /** Sends a message on the newest connection. */
  send(message: unknown): void {
    this.#sockets.at(-1)?.send(JSON.stringify(message));
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}
