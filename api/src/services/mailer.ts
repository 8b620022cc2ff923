// Email over SMTP (any provider) when SMTP_URL is set; without it there is no mailer and mail
// lands in the built-in outbox. One transport per SMTP_URL and process.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The message's id: a receiver that sees one twice knows it is the same message. */
  messageId: string;
  /** The organization's sender (settings.messageSender). */
  sender: { name: string | null; replyTo: string | null };
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

const transports = new Map<string, Transporter>();

export function mailerFor(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>): Mailer | null {
  const url = config.smtpUrl;
  if (!url) return null;
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  const domain = new URL(config.publicUrl).hostname;
  // "Name <address>" or a bare address.
  const serverAddress = /<([^>]+)>\s*$/.exec(config.mailFrom)?.[1] ?? config.mailFrom.trim();
  return {
    async send(mail) {
      await transport.sendMail({
        // The organization names itself; the address stays the one the provider lets us send from.
        from: mail.sender.name ? { name: mail.sender.name, address: serverAddress } : config.mailFrom,
        replyTo: mail.sender.replyTo ?? undefined,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.messageId}@${domain}>`,
      });
    },
  };
}
