import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '../../api/src/schema/index.ts';
import { pendingSchemaChange } from '../../api/src/db/migrations.ts';
import { runtime } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization } from '../support/fixtures.ts';
import { onPostgres } from '../support/database.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function startApiProcess(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: root,
    env: { ...process.env, TROFAST_DEMO: '0', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('the contract files', () => {
  test('the committed api/schema.graphql is the schema the server serves (run `pnpm schema`)', () => {
    expect(readFileSync(`${root}api/schema.graphql`, 'utf8')).toBe(`${printSchema(schema)}\n`);
  });

  test('the migrations folder produces exactly the Prisma schema (run `pnpm db:migration <name>`)', async () => {
    expect(await pendingSchemaChange()).toBe('');
  });
});

describe('the API server', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  test('/health answers while the process is up', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('/ready answers once the database is reachable and migrated', async () => {
    const response = await fetch(`${app.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', database: onPostgres ? 'postgresql' : 'pglite' });
  });

  test('an anonymous GraphQL call gets an authentication error and no data', async () => {
    const result = await app.graphql('{ me { id email } }');
    expect(result.data?.me ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a malformed Authorization header is refused with an authentication error', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  test('a signed-in staff member is `me`, with global ids', async () => {
    const organization = await createTestOrganization(app);
    const result = await app.graphql('{ me { id email role } }', {}, organization.tokens.MANAGER);
    expect(result.data?.me).toMatchObject({ email: organization.emails.MANAGER, role: 'MANAGER' });
    expect(Buffer.from(result.data!.me.id, 'base64').toString()).toMatch(/^User:/);
    const node = await app.graphql(
      'query ($id: ID!) { node(id: $id) { __typename ... on User { email } } }',
      { id: result.data!.me.id },
      organization.tokens.MANAGER,
    );
    expect(node.data?.node).toEqual({ __typename: 'User', email: organization.emails.MANAGER });
  });

  test('an unexpected error is masked for the client and logged in full, with the request id', async () => {
    const organization = await createTestOrganization(app, 'Uheld');
    const database = runtime().db;
    const bound = database.forOrganization;
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    database.forOrganization = () => {
      throw new Error('the disk is on fire');
    };
    process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${organization.tokens.VIEWER}`,
          'x-request-id': 'req-42',
        },
        body: JSON.stringify({ query: '{ organization { name } }' }),
      });
      const body = await response.json();
      expect(body.errors[0].message).toBe('Unexpected error.');
      expect(JSON.stringify(body)).not.toContain('the disk is on fire');
      const logged = written.map((line) => JSON.parse(line)).find((entry) => entry.message === 'unexpected error');
      expect(logged).toMatchObject({
        level: 'error',
        requestId: 'req-42',
        errorId: body.errors[0].extensions.errorId,
        error: { message: 'the disk is on fire', stack: expect.stringContaining('Error: the disk is on fire') },
      });
    } finally {
      process.stdout.write = write;
      database.forOrganization = bound;
    }
  });
});

describe('bad configuration is one clear line and a non-zero exit', () => {
  test('an unreachable DATABASE_URL', () => {
    const run = startApiProcess({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nowhere' });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^trofast: Cannot reach PostgreSQL at 127\.0\.0\.1:1\/nowhere.*fix DATABASE_URL/);
  });

  test('a DATABASE_URL that is not a PostgreSQL URL', () => {
    const run = startApiProcess({ DATABASE_URL: 'mysql://localhost/x' });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toBe('trofast: DATABASE_URL must start with postgres: or postgresql:, not mysql:');
  });

  test('an invalid port', () => {
    const run = startApiProcess({ TROFAST_API_PORT: '99999' });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toBe(
      'trofast: TROFAST_API_PORT=99999 is not a port: use a whole number from 0 to 65535.',
    );
  });
});

describe.skipIf(onPostgres)('the embedded database', () => {
  test('a second process opening a data folder in use gets a clear error, and the data stays intact', async () => {
    const app = await startTestApp();
    try {
      const organization = await createTestOrganization(app, 'Først');
      const second = startApiProcess({ DATABASE_URL: '', TROFAST_DATA_DIR: app.config.dataDir, TROFAST_API_PORT: '0' });
      expect(second.status).not.toBe(0);
      expect(second.stderr.trim()).toMatch(
        /^trofast: The data folder .* is in use by process \d+\. Stop that Trofast first/,
      );
      const me = await app.graphql('{ me { email } }', {}, organization.tokens.ADMIN);
      expect(me.data?.me.email).toBe(organization.emails.ADMIN);
    } finally {
      await app.stop();
    }
  });
});

test('restarting keeps the data, and applies no migration twice', async () => {
  const app = await startTestApp();
  try {
    const organization = await createTestOrganization(app, 'Vedvarende');
    await app.restart();
    const me = await app.graphql('{ me { email } }', {}, organization.tokens.VIEWER);
    expect(me.data?.me.email).toBe(organization.emails.VIEWER);
  } finally {
    await app.stop();
  }
});

test.skipIf(!onPostgres)(
  'another instance can migrate while this one runs: no connection keeps the migration lock',
  async () => {
    const app = await startTestApp();
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/cli.ts', 'migrate'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: app.config.databaseUrl, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Migrations applied/);
    } finally {
      await app.stop();
    }
  },
);
