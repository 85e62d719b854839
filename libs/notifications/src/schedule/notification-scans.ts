import { Injectable } from '@nestjs/common';

/**
 * A daily look for things that have fallen due (re-verifications, retention interviews), owned
 * by the context whose tables it reads. It announces through the Notifier with event keys that
 * name the due date, so running it again the same day tells nobody twice.
 */
export interface DueScan {
  readonly name: string;
  run(): Promise<void>;
}

/** Where contexts register their daily scans (the worker runs them before the digests). */
@Injectable()
export class NotificationScans {
  private readonly scans: DueScan[] = [];

  register(scan: DueScan): void {
    if (this.scans.some((s) => s.name === scan.name)) {
      throw new Error(`Scan ${scan.name} is registered twice`);
    }
    this.scans.push(scan);
  }

  all(): readonly DueScan[] {
    return this.scans;
  }
}
