// A real SMTP server for tests: every mail it receives, parsed by mailparser as a mail client would.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface TestSmtp {
  url: string;
  received: ParsedMail[];
  /** Answer the next `count` mails with this SMTP error instead of accepting them. */
  refuseNext(count: number, answer: string): void;
  stop(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  let refusals: { left: number; answer: string } = { left: 0, answer: '' };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      if (refusals.left > 0) {
        refusals.left--;
        stream.resume();
        stream.on('end', () => done(Object.assign(new Error(refusals.answer), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then((mail) => {
        received.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (count, answer) => (refusals = { left: count, answer }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
