import { DEFAULT_PREFERENCES, NOTIFICATION_TYPES } from '../notification-types';
import { delivery, effectivePreferences } from './preferences';

describe('notification preferences', () => {
  it('gives every type its default when a person chose nothing', () => {
    const prefs = effectivePreferences([]);
    expect(prefs.map((p) => p.type)).toEqual([...NOTIFICATION_TYPES]);
    expect(prefs.find((p) => p.type === 'cop_meeting_logged')).toEqual({
      type: 'cop_meeting_logged',
      inApp: true,
      email: 'off',
    });
    expect(prefs.find((p) => p.type === 'review_decided')?.email).toBe('instant');
  });

  it('keeps email off by default for the noisy CoP meetings and batches verifier work', () => {
    expect(DEFAULT_PREFERENCES.cop_meeting_logged.email).toBe('off');
    expect(DEFAULT_PREFERENCES.review_waiting.email).toBe('digest');
    expect(DEFAULT_PREFERENCES.reverification_due.email).toBe('digest');
  });

  it("takes a person's stored choice over the default, type by type", () => {
    const prefs = effectivePreferences([
      { type: 'cop_meeting_logged', inApp: false, email: 'digest' },
    ]);
    expect(prefs.find((p) => p.type === 'cop_meeting_logged')).toMatchObject({
      inApp: false,
      email: 'digest',
    });
    expect(prefs.find((p) => p.type === 'review_waiting')).toMatchObject(
      DEFAULT_PREFERENCES.review_waiting,
    );
  });

  it('delivers nothing when both the bell and email are off', () => {
    expect(delivery({ inApp: false, email: 'off' }, true)).toBeNull();
  });

  it('marks nothing for email while mail is not configured', () => {
    expect(delivery({ inApp: true, email: 'instant' }, false)).toEqual({
      inApp: true,
      email: 'off',
    });
    expect(delivery({ inApp: false, email: 'digest' }, false)).toBeNull();
  });

  it('keeps an email-only choice (no bell) when mail is on', () => {
    expect(delivery({ inApp: false, email: 'instant' }, true)).toEqual({
      inApp: false,
      email: 'instant',
    });
  });
});
