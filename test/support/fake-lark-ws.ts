/**
 * The long-connection side of the fake Lark: the endpoint discovery route
 * and a WebSocket server speaking the SDK's protobuf frames (pbbp2.Frame).
 * It answers pings with pongs, pushes events as data frames, and resolves
 * each push with the client's acknowledgement (for card callbacks, the
 * toast or card it returns).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import protobuf from 'protobufjs';
import { WebSocketServer, type WebSocket } from 'ws';

const root = protobuf.Root.fromJSON({
  nested: {
    pbbp2: {
      nested: {
        Header: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
        Frame: {
          fields: {
            SeqID: { type: 'uint64', id: 1 },
            LogID: { type: 'uint64', id: 2 },
            service: { type: 'int32', id: 3 },
            method: { type: 'int32', id: 4 },
            headers: { rule: 'repeated', type: 'Header', id: 5 },
            payloadEncoding: { type: 'string', id: 6 },
            payloadType: { type: 'string', id: 7 },
            payload: { type: 'bytes', id: 8 },
            LogIDNew: { type: 'string', id: 9 },
          },
        },
      },
    },
  },
});
const Frame = root.lookupType('pbbp2.Frame');

interface FrameData {
  service: number;
  method: number;
  headers: { key: string; value: string }[];
  payload?: Uint8Array;
}

const header = (frame: FrameData, key: string) => frame.headers.find((entry) => entry.key === key)?.value;

/** Adds the long-connection endpoint to the fake's HTTP server. */
export function attachLongConnection(server: Server, baseUrl: () => string) {
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  const acks = new Map<string, (payload: Record<string, unknown>) => void>();
  let connections = 0;
  let pings = 0;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!request.url?.startsWith('/ws')) return socket.destroy();
    wss.handleUpgrade(request, socket, head, (ws) => {
      connections++;
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data: Buffer) => {
        const frame = Frame.toObject(Frame.decode(data), { longs: Number, defaults: true }) as FrameData;
        if (frame.method === 0 && header(frame, 'type') === 'ping') {
          pings++;
          const pong = { ...frame, headers: [{ key: 'type', value: 'pong' }], payload: Buffer.from(JSON.stringify({ PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 })) };
          ws.send(Frame.encode(Frame.create(pong)).finish());
          return;
        }
        const messageId = header(frame, 'message_id');
        if (frame.method === 1 && messageId && acks.has(messageId)) {
          const body = JSON.parse(Buffer.from(frame.payload ?? []).toString('utf8')) as { code: number; data?: string };
          const data = body.data ? (JSON.parse(Buffer.from(body.data, 'base64').toString('utf8')) as Record<string, unknown>) : {};
          acks.get(messageId)!({ code: body.code, ...data });
          acks.delete(messageId);
        }
      });
    });
  });

  return {
    /** The discovery answer for POST /callback/ws/endpoint. */
    endpoint(body: Record<string, unknown>, app: { appId: string; appSecret: string }) {
      if (body.AppID !== app.appId || body.AppSecret !== app.appSecret) return { code: 1000040351, msg: 'app not found or secret wrong' };
      const url = baseUrl().replace(/^http/, 'ws');
      return {
        code: 0,
        msg: 'ok',
        data: { URL: `${url}/ws?device_id=dev_1&service_id=7`, ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 } },
      };
    },
    /** Pushes a v2 envelope to the connected client; resolves with its acknowledgement ({code, …returned data}). */
    push(envelope: unknown): Promise<Record<string, unknown>> {
      const [socket] = sockets;
      if (!socket) return Promise.reject(new Error('no long connection is open'));
      const messageId = `msg_${randomBytes(6).toString('hex')}`;
      const frame = {
        SeqID: 1,
        LogID: 1,
        service: 7,
        method: 1,
        headers: [
          { key: 'type', value: 'event' },
          { key: 'message_id', value: messageId },
          { key: 'sum', value: '1' },
          { key: 'seq', value: '0' },
          { key: 'trace_id', value: randomBytes(4).toString('hex') },
        ],
        payload: Buffer.from(JSON.stringify(envelope)),
      };
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no acknowledgement in 5 s')), 5_000);
        acks.set(messageId, (payload) => {
          clearTimeout(timer);
          resolve(payload);
        });
        socket.send(Frame.encode(Frame.create(frame)).finish());
      });
    },
    /** Drops every connection, as a network failure would. */
    dropConnections() {
      for (const socket of sockets) socket.terminate();
    },
    stats: () => ({ connections, pings, open: sockets.size }),
    close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
    },
  };
}
