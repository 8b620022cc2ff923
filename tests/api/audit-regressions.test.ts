// What else the security audit found, each closed: introspection only for signed-in callers, an
// oversized body that ends its connection, and createUser that tells nothing of other organizations.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { connect } from 'node:net';
import { MAX_BODY_BYTES } from '../../api/src/yoga.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, type TestOrganization } from '../support/fixtures.ts';
import { partnerKey } from '../support/partner.ts';

let app: TestApp;
let org: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  app = await startTestApp();
  org = await createTestOrganization(app, 'Revision');
  other = await createTestOrganization(app, 'Anden');
});
afterAll(() => app.stop());

const INTROSPECTION = '{ __schema { queryType { name } } }';

test('an anonymous caller is refused introspection, with a 401', async () => {
  const result = await app.graphql(INTROSPECTION);
  expect(result.status).toBe(401);
  expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  expect(result.data).toBeUndefined();
  expect((await app.graphql('{ __type(name: "Customer") { name } }')).status).toBe(401);
});

test('staff and partner keys introspect the schema, so their tools still work', async () => {
  const staff = await app.graphql(INTROSPECTION, {}, org.tokens.VIEWER);
  const key = await app.graphql(INTROSPECTION, {}, await partnerKey(org, ['EVENTS_WRITE']));
  for (const result of [staff, key]) expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
});

test('an anonymous sign-in may still ask for __typename', async () => {
  const result = await app.graphql('mutation { login(input: { email: "x@y.example", password: "z" }) { __typename } }');
  expect(result.data).toEqual({ login: { __typename: 'ValidationError' } });
});

/** Sends a chunked POST over `MAX_BODY_BYTES`, and what the server does with the socket afterwards. */
function oversizedChunkedPost(port: number): Promise<{ head: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('error', reject);
    // 'end': the server closed its side; the next request on this socket cannot hang unanswered.
    socket.on('end', () => {
      resolve({ head: received.split('\r\n\r\n')[0], closedByServer: true });
      socket.destroy();
    });
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    const chunk = 'x'.repeat(64 * 1024);
    const chunks = Math.ceil((MAX_BODY_BYTES + 1) / chunk.length) + 1;
    const send = (left: number) => {
      if (left === 0 || socket.destroyed) return;
      const ok = socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      if (ok) setImmediate(() => send(left - 1));
      else socket.once('drain', () => send(left - 1));
    };
    send(chunks);
  });
}

test('a 413 for an oversized chunked body says Connection: close and ends the connection', async () => {
  const { head, closedByServer } = await oversizedChunkedPost(app.port);
  expect(head.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
  expect(head.toLowerCase()).toContain('connection: close');
  expect(closedByServer).toBe(true);
  // The server still answers a new connection at once.
  expect((await fetch(`${app.url}/health`)).status).toBe(200);
});

const CREATE_USER = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) { __typename ... on Error { message } ... on MutationCreateUserSuccess { data { user { email } } } }
}`;

test('createUser with another organization’s staff email answers as for a new email: nothing tells it exists', async () => {
  const result = await app.graphql(
    CREATE_USER,
    { input: { email: other.emails.AGENT, name: 'Same Email', role: 'VIEWER', password: 'a long password 1' } },
    org.tokens.ADMIN,
  );
  expect(result.data!.createUser).toEqual({
    __typename: 'MutationCreateUserSuccess',
    data: { user: { email: other.emails.AGENT } },
  });
  // Each signs in to their own organization with their own password.
  const mine = await login(app, other.emails.AGENT, 'a long password 1');
  const me = await app.graphql('{ me { name } organization { name } }', {}, mine);
  expect(me.data).toEqual({ me: { name: 'Same Email' }, organization: { name: 'Revision' } });
  const theirs = await app.graphql('{ organization { name } }', {}, await login(app, other.emails.AGENT));
  expect(theirs.data).toEqual({ organization: { name: 'Anden' } });
});

test('createUser with an email already on the own staff says so', async () => {
  const result = await app.graphql(
    CREATE_USER,
    { input: { email: org.emails.VIEWER, name: 'Twice', role: 'VIEWER' } },
    org.tokens.ADMIN,
  );
  expect(result.data!.createUser).toEqual({
    __typename: 'ValidationError',
    message: 'A staff member of your organization already has this email.',
  });
});
