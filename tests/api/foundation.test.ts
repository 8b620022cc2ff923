import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../../api/src/schema/index.ts';
import { createMigration, pendingSchemaChange, PRISMA_DIR } from '../../api/src/db/migrations.ts';
import { openDatabase } from '../../api/src/db/client.ts';
import { listenProblem } from '../../api/src/app.ts';
import { createLogger } from '../../api/src/log.ts';
import { demoSignIn, DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_STAFF, seedDemoIfEmpty } from '../../api/src/seed/demo.ts';
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { hashPassword } from '../../api/src/auth/passwords.ts';
import { runtime } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login } from '../support/fixtures.ts';
import { databaseEnv, freshDatabase, onPostgres } from '../support/database.ts';
import { root, runScript } from '../support/process.ts';

const artifacts = path.join(root, 'tests', '.artifacts');

const startApiProcess = (env: NodeJS.ProcessEnv) => runScript('api/src/main.ts', [], env);
/** `pnpm trofast <args>`. */
const runCommand = (args: string[], env: NodeJS.ProcessEnv = {}) => runScript('api/src/cli.ts', args, env);

/** The JSON lines the process writes to stdout while `work` runs. */
async function loggedDuring(work: () => Promise<void>): Promise<Record<string, any>[]> {
  const written: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    await work();
  } finally {
    process.stdout.write = write;
  }
  return written.map((line) => JSON.parse(line));
}

/** A copy of prisma/ (schema and migrations) to change: tests never write into the real one. */
function copyOfPrisma(): string {
  mkdirSync(artifacts, { recursive: true });
  const dir = mkdtempSync(path.join(artifacts, 'prisma-'));
  cpSync(PRISMA_DIR, dir, { recursive: true });
  return dir;
}

describe('the contract files', { timeout: 120_000 }, () => {
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

  test('/ready answers 503 while a migration is not applied', async () => {
    const database = runtime().db.acrossOrganizations;
    const [latest] = await database.$queryRaw<{ id: string; finished_at: Date }[]>`
      SELECT id, finished_at FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await database.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE id = ${latest.id}`;
    try {
      const response = await fetch(`${app.url}/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not ready', database: onPostgres ? 'postgresql' : 'pglite' });
    } finally {
      await database.$executeRaw`UPDATE _prisma_migrations SET finished_at = ${latest.finished_at} WHERE id = ${latest.id}`;
    }
  });

  test('a browser opening the API address gets GraphiQL to explore it, with a place for the key', async () => {
    const response = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('<title>Trofast API</title>');
    expect(page).toContain('Bearer trf_');
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
    database.forOrganization = () => {
      throw new Error('the disk is on fire');
    };
    let body: any;
    try {
      const logged = await loggedDuring(async () => {
        const response = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${organization.tokens.VIEWER}`,
            'x-request-id': 'req-42',
          },
          body: JSON.stringify({ query: '{ organization { name } }' }),
        });
        body = await response.json();
      });
      expect(body.errors[0].message).toBe('Unexpected error.');
      expect(JSON.stringify(body)).not.toContain('the disk is on fire');
      expect(logged.find((entry) => entry.message === 'unexpected error')).toMatchObject({
        level: 'error',
        requestId: 'req-42',
        errorId: body.errors[0].extensions.errorId,
        error: { message: 'the disk is on fire', stack: expect.stringContaining('Error: the disk is on fire') },
      });
    } finally {
      database.forOrganization = bound;
    }
  });
});

describe('request logs at the default level', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { LOG_LEVEL: 'info' } });
  });
  afterAll(() => app.stop());

  const findCustomer = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({
        query: 'query FindCustomer($probe: String) { customers(first: 1, filter: { search: $probe }) { totalCount } }',
        variables: { probe: 'secret-42' },
      }),
    });

  test('a GraphQL request writes one info line: operation, caller kind, status, duration and request id', async () => {
    const organization = await createTestOrganization(app, 'Logbog');
    let requestId: string | null = null;
    const logged = await loggedDuring(async () => {
      requestId = (await findCustomer(organization.tokens.VIEWER)).headers.get('x-request-id');
    });
    const lines = logged.filter((entry) => entry.message === 'graphql request');
    expect(lines).toEqual([
      {
        time: expect.any(String),
        level: 'info',
        message: 'graphql request',
        requestId,
        operation: 'FindCustomer',
        caller: 'user',
        status: 200,
        durationMs: expect.any(Number),
      },
    ]);
  });

  test('the request line holds neither the variables nor the credential', async () => {
    const organization = await createTestOrganization(app, 'Diskret');
    const logged = await loggedDuring(async () => {
      await findCustomer(organization.tokens.VIEWER);
    });
    const line = JSON.stringify(logged.find((entry) => entry.message === 'graphql request'));
    expect(line).not.toContain('secret-42');
    expect(line).not.toContain(organization.tokens.VIEWER);
  });

  test('the response carries the caller’s x-request-id, or a new one when it sent none', async () => {
    const organization = await createTestOrganization(app, 'Sporbar');
    const quoted = await findCustomer(organization.tokens.VIEWER, { 'x-request-id': 'pos-7-retry-2' });
    expect(quoted.headers.get('x-request-id')).toBe('pos-7-retry-2');
    const fresh = await findCustomer(organization.tokens.VIEWER);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('bad configuration is one clear line and a non-zero exit', { timeout: 120_000 }, () => {
  test('an unreachable DATABASE_URL', async () => {
    const run = await startApiProcess({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nowhere' });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^trofast: Cannot reach PostgreSQL at 127\.0\.0\.1:1\/nowhere.*fix DATABASE_URL/);
  });

  test('a DATABASE_URL that is not a PostgreSQL URL', async () => {
    const run = await startApiProcess({ DATABASE_URL: 'mysql://localhost/x' });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toBe('trofast: DATABASE_URL must start with postgres: or postgresql:, not mysql:');
  });

  test('an invalid port', async () => {
    const run = await startApiProcess({ TROFAST_API_PORT: '99999' });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toBe(
      'trofast: TROFAST_API_PORT=99999 is not a port: use a whole number from 0 to 65535.',
    );
  });
});

describe('the API cannot listen', { timeout: 120_000 }, () => {
  test('on a port in use: one line naming TROFAST_API_PORT', async () => {
    const app = await startTestApp();
    const database = await freshDatabase();
    try {
      const run = await startApiProcess({ ...databaseEnv(database.config), TROFAST_API_PORT: String(app.port) });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        `trofast: Port ${app.port} is already in use. Stop the other server or set TROFAST_API_PORT to a free port.`,
      );
    } finally {
      await app.stop();
      await database.drop();
    }
  });

  test('on a port it may not use: one line saying why', () => {
    const denied = Object.assign(new Error('listen EACCES: permission denied 0.0.0.0:80'), { code: 'EACCES' });
    expect(listenProblem(denied, 80).message).toBe(
      'This process may not listen on port 80 (ports below 1024 need privileges). Set TROFAST_API_PORT to a port above 1023.',
    );
  });
});

describe.skipIf(onPostgres)('the embedded database', { timeout: 120_000 }, () => {
  test('a second process opening a data folder in use gets a clear error, and the data stays intact', async () => {
    const app = await startTestApp();
    try {
      const organization = await createTestOrganization(app, 'Først');
      const second = await startApiProcess({
        DATABASE_URL: '',
        TROFAST_DATA_DIR: app.config.dataDir,
        TROFAST_API_PORT: '0',
      });
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

  test('a TROFAST_DATA_DIR that cannot be a folder is one clear line', async () => {
    mkdirSync(artifacts, { recursive: true });
    const file = path.join(mkdtempSync(path.join(artifacts, 'not-a-folder-')), 'file');
    writeFileSync(file, '');
    try {
      const run = await startApiProcess({ DATABASE_URL: '', TROFAST_DATA_DIR: path.join(file, 'data') });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        `trofast: TROFAST_DATA_DIR=${path.join(file, 'data')} cannot hold the embedded database: a part of that path is a file, not a folder. Set TROFAST_DATA_DIR to a folder Trofast may create and write.`,
      );
    } finally {
      rmSync(path.dirname(file), { recursive: true, force: true });
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
}, 120_000);

test.skipIf(!onPostgres)(
  'another instance can migrate while this one runs: no connection keeps the migration lock',
  async () => {
    const app = await startTestApp();
    try {
      const run = await runCommand(['migrate'], { DATABASE_URL: app.config.databaseUrl });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Migrations applied/);
    } finally {
      await app.stop();
    }
  },
  120_000,
);

describe('migrations', { timeout: 120_000 }, () => {
  test('a new migration in the migrations folder applies on the next start', async () => {
    const database = await freshDatabase();
    const prismaDir = copyOfPrisma();
    try {
      await (await openDatabase(database.config, { migrate: true, prismaDir })).close();
      const added = path.join(prismaDir, 'migrations', '29991231000000_add_greeting');
      mkdirSync(added);
      writeFileSync(path.join(added, 'migration.sql'), 'CREATE TABLE "Greeting" ("id" INTEGER PRIMARY KEY);\n');
      const restarted = await openDatabase(database.config, { migrate: true, prismaDir });
      try {
        expect(await restarted.ready()).toBe(true);
        expect(
          await restarted.acrossOrganizations
            .$queryRaw`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`,
        ).toEqual([{ migration_name: '29991231000000_add_greeting' }]);
        expect(await restarted.acrossOrganizations.$queryRaw`SELECT count(*)::int AS rows FROM "Greeting"`).toEqual([
          { rows: 0 },
        ]);
      } finally {
        await restarted.close();
      }
    } finally {
      await database.drop();
      rmSync(prismaDir, { recursive: true, force: true });
    }
  });

  test('`pnpm db:migration <name>` writes the schema’s change into a new folder', async () => {
    const prismaDir = copyOfPrisma();
    try {
      appendFileSync(path.join(prismaDir, 'schema.prisma'), '\nmodel Greeting {\n  id Int @id\n}\n');
      const written = await createMigration('add_greeting', new Date('2030-01-02T03:04:05Z'), prismaDir);
      expect(written).toBe(path.join(prismaDir, 'migrations', '20300102030405_add_greeting'));
      expect(readFileSync(path.join(written!, 'migration.sql'), 'utf8')).toContain('CREATE TABLE "Greeting"');
    } finally {
      rmSync(prismaDir, { recursive: true, force: true });
    }
  });

  test('`pnpm db:migration` with a name it cannot use is one clear line', async () => {
    const run = await runCommand(['migration', 'Bad-Name']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'The migration name "Bad-Name" may hold only lower-case letters, digits and underscores.',
    );
  });
});

describe('`pnpm trofast create-org`, then a start with TROFAST_DEMO=1', () => {
  let app: TestApp;
  let printed: string;
  beforeAll(async () => {
    app = await startTestApp({
      env: { TROFAST_DEMO: '1' },
      prepare: async (config) => {
        const run = await runCommand(
          ['create-org', '--name', 'Fjord Sport', '--admin-email', 'ejer@fjordsport.example'],
          databaseEnv(config),
        );
        if (run.status !== 0) throw new Error(run.stderr);
        printed = run.stdout;
      },
    });
  }, 120_000);
  afterAll(() => app.stop());

  test('creates the organization and its admin, whose password is printed once and signs in', async () => {
    const password = /shown once\): (\S+)$/m.exec(printed)?.[1] ?? '';
    expect(printed.split(password)).toHaveLength(2);
    const token = await login(app, 'ejer@fjordsport.example', password);
    const me = await app.graphql('{ me { email role } organization { name } }', {}, token);
    expect(me.data).toEqual({
      me: { email: 'ejer@fjordsport.example', role: 'ADMIN' },
      organization: { name: 'Fjord Sport' },
    });
  });

  test('the demo is never seeded into a database that has data', async () => {
    const organizations = await runtime().db.acrossOrganizations.organization.findMany({ select: { name: true } });
    expect(organizations).toEqual([{ name: 'Fjord Sport' }]);
    expect(await seedDemoIfEmpty(createLogger('silent'))).toBe(false);
  });
});

describe('the demo’s sign-in line at start', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  test('there is none on a database without the demo staff', async () => {
    expect(await demoSignIn()).toBeUndefined();
  });

  test('it names the demo staff who still sign in with the demo password, and that password', async () => {
    await createOrganization(
      DEMO_ORGANIZATION,
      DEMO_STAFF.map((person) => ({ ...person, password: DEMO_PASSWORD })),
    );
    await runtime().db.acrossOrganizations.user.updateMany({
      where: { email: 'agent@nordlys.example' },
      data: { passwordHash: await hashPassword('changed by the agent') },
    });
    expect(await demoSignIn()).toBe(
      'Demo: sign in as admin@nordlys.example, manager@nordlys.example, viewer@nordlys.example with password trofast-demo',
    );
  });
});
