import { createTransport } from 'nodemailer';
import type { AppConfig } from '@lumbung/platform';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable across attempts, so a mailbox that got a copy already can tell it is the same one. */
  messageId: string;
}

/** Hands a message to the SMTP server; resolves when the server accepted it. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** nodemailer over SMTP_URL, or null when mail is off. */
export function smtpTransport(config: AppConfig): MailTransport | null {
  if (!config.mail.smtpUrl) return null;
  const transporter = createTransport(config.mail.smtpUrl);
  return {
    send: async (mail) => {
      await transporter.sendMail(mail);
    },
  };
}
