import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lumbung/platform';
import { RecipientDirectory } from '@lumbung/identity';
import { EmailsRepository } from './emails.repository';
import { renderDigest, renderInstant } from './mail-templates';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';

/**
 * Sends one queued email (run by the worker from the notifications.email job).
 *
 * Never twice: the email is claimed (`sending`) before it goes to SMTP and marked `sent` right
 * after the server accepts it; a job that runs again finds `sent` and stops. If the worker dies
 * between the two, the next attempt finds `sending`: the server may or may not have accepted it,
 * so it is not sent again but recorded `unconfirmed` (the notification stays in the portal). An
 * error the SMTP client reports (refused, unreachable) means nothing was accepted: the email goes
 * back to `pending` and the job retries with backoff. Every attempt carries the same Message-ID.
 */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly emails: EmailsRepository,
    private readonly recipients: RecipientDirectory,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(emailId: string): Promise<void> {
    if (!this.transport) throw new Error('mail is off (SMTP_URL is not set)');
    const claim = await this.emails.claim(emailId);
    if (!claim || claim.previous !== 'pending') {
      if (claim?.previous === 'sending') {
        this.logger.warn({ emailId }, 'email outcome unknown after a worker stopped; not resent');
      }
      return;
    }
    const [mailbox, items] = await Promise.all([
      this.recipients.mailboxes([claim.recipientId]).then((m) => m.get(claim.recipientId)),
      this.emails.items(emailId),
    ]);
    if (!mailbox || items.length === 0) {
      await this.emails.markCancelled(emailId, mailbox ? 'nothing to send' : 'recipient inactive');
      return;
    }
    const portal = this.config.mail.portalUrl;
    const content =
      claim.kind === 'digest'
        ? renderDigest(items, mailbox.name, portal, claim.digestDay!)
        : renderInstant(items[0], mailbox.name, portal);
    try {
      await this.transport.send({
        from: this.config.mail.from,
        to: mailbox.email,
        messageId: claim.messageId,
        ...content,
      });
    } catch (error) {
      await this.emails.markFailed(emailId, error instanceof Error ? error.message : String(error));
      throw error;
    }
    await this.emails.markSent(emailId);
  }
}
