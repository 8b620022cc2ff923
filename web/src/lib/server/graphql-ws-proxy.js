// The browser's graphql-ws connection goes to the dashboard's own origin; this proxy reads the
// HTTP-only session cookie from the upgrade request, opens the same protocol to the API and puts
// `authorization: "Bearer <token>"` into connection_init, so page scripts never see the token.
// Plain JavaScript: web/server.js (no build step) and vite.config.ts (dev) share this one module.
import { WebSocket, WebSocketServer } from 'ws';

export const SESSION_COOKIE = 'trofast_session';
export const GRAPHQL_PATH = '/graphql';
const PROTOCOL = 'graphql-transport-ws';

/** Close codes a peer may not send itself (RFC 6455 §7.4.1); we translate them. */
const RESERVED = new Set([1004, 1005, 1006, 1015]);
/** graphql-ws retries these; 1012 "service restart" fits an API that went away. */
const SERVICE_RESTART = 1012;
const BAD_GATEWAY = 1014;

/** @param {NodeJS.ProcessEnv} env */
export function apiGraphqlWsUrl(env = process.env) {
  const base = env.TROFAST_API_URL ?? `http://127.0.0.1:${env.TROFAST_API_PORT ?? 4000}`;
  const url = new URL(GRAPHQL_PATH, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * The value of one cookie from a Cookie header.
 * @param {string | undefined} header
 * @param {string} name
 */
export function readCookie(header, name) {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/**
 * The client's connection_init with the session's credential in it, in place of anything the
 * page sent; every other message unchanged.
 * @param {string} text
 * @param {string | null} token
 */
export function withCredential(text, token) {
  let message;
  try {
    message = JSON.parse(text);
  } catch {
    return text;
  }
  if (!message || message.type !== 'connection_init') return text;
  const payload = { ...(typeof message.payload === 'object' && message.payload ? message.payload : {}) };
  delete payload.authorization;
  if (token) payload.authorization = `Bearer ${token}`;
  return JSON.stringify({ ...message, payload });
}

/**
 * A browser page on another site must not borrow the visitor's cookie for a socket
 * (cross-site WebSocket hijacking): the Origin, when sent, must be this host.
 * @param {import('node:http').IncomingMessage} request
 */
function sameOrigin(request) {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** @param {number} code */
const sendable = (code) => (RESERVED.has(code) || code < 1000 ? SERVICE_RESTART : code);

/**
 * Returns an upgrade listener for an HTTP server. It answers upgrades on /graphql and returns
 * false for others (Vite's own HMR socket shares the dev server).
 * @param {{ upstreamUrl?: string | (() => string), log?: (level: string, message: string, fields?: object) => void }} [options]
 */
export function createGraphqlWsProxy(options = {}) {
  const upstreamOf = () =>
    typeof options.upstreamUrl === 'function' ? options.upstreamUrl() : (options.upstreamUrl ?? apiGraphqlWsUrl());
  const log = options.log ?? (() => {});
  const server = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
  });

  /**
   * @param {import('ws').WebSocket} client
   * @param {import('node:http').IncomingMessage} request
   */
  function pipe(client, request) {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const upstream = new WebSocket(upstreamOf(), PROTOCOL);
    /** @type {string[]} */
    const pending = [];
    let closing = false;

    client.on('message', (data, isBinary) => {
      const text = isBinary ? null : data.toString();
      const out = text === null ? data : withCredential(text, token);
      if (upstream.readyState === WebSocket.OPEN) upstream.send(out, { binary: isBinary });
      else if (upstream.readyState === WebSocket.CONNECTING && typeof out === 'string') pending.push(out);
    });
    upstream.on('open', () => {
      for (const message of pending.splice(0)) upstream.send(message);
    });
    upstream.on('message', (data, isBinary) => {
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    });

    // Mirror closes both ways, codes included (4403 stays 4403), so graphql-ws in the page sees
    // what the API decided; an abnormal end becomes a code the page's client retries.
    upstream.on('close', (code, reason) => {
      if (closing) return;
      closing = true;
      if (client.readyState === WebSocket.OPEN) client.close(sendable(code), reason);
      else client.terminate();
    });
    upstream.on('error', (error) => {
      log('warn', 'graphql-ws upstream failed', { error: error.message });
      if (closing) return;
      closing = true;
      if (client.readyState === WebSocket.OPEN) client.close(BAD_GATEWAY, 'API unreachable');
      else client.terminate();
    });
    client.on('close', (code, reason) => {
      if (closing) return;
      closing = true;
      if (upstream.readyState === WebSocket.OPEN)
        upstream.close(RESERVED.has(code) || code < 1000 ? 1000 : code, reason);
      else upstream.terminate();
    });
    client.on('error', () => client.terminate());
  }

  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:stream').Duplex} socket
   * @param {Buffer} head
   * @returns {boolean} whether this proxy took the request
   */
  return function handleUpgrade(request, socket, head) {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== GRAPHQL_PATH) return false;
    if (!sameOrigin(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    server.handleUpgrade(request, socket, head, (client) => pipe(client, request));
    return true;
  };
}
