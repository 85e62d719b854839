import type { Request } from 'express';

/** Where a request came from, for rate limits and the audit log. */
export interface ClientInfo {
  ip: string;
  userAgent?: string;
  requestId?: string;
}

export function clientOf(req: Request): ClientInfo {
  return {
    ip: req.ip ?? 'unknown',
    userAgent: req.headers['user-agent'],
    requestId: typeof req.id === 'string' ? req.id : undefined,
  };
}
