// The demo year's CoP meetings: each Triwulan's meetings, their attendees and outputs.
import type { EntityManager } from 'typeorm';
import { demoInEmailOrder, demoOpdsOf, pick } from '@lumbung/identity';
import {
  addDemoAttendees,
  addDemoMeeting,
  addDemoMeetingOutput,
  demoMembersOf,
} from '@lumbung/community';
import { THEMES, type Topic, lower, minutesFor } from './demo-text';
import { DEMO_YEAR, PROFILE_SHAPE, type Opd, type Asset } from './demo-year-model';

/** A working day at or after `d` (Saturday and Sunday move to Monday). */
function workingDay(d: Date): Date {
  const shift = [1, 0, 0, 0, 0, 0, 2][d.getUTCDay()];
  return new Date(d.getTime() + shift * 86_400_000);
}

/** Meeting start times, WIB: mornings and early afternoons of a working day. */
const MEETING_HOURS_UTC = [2, 3, 6, 7];

/** The `k`-th meeting of the OPD's CoP in Triwulan `q`, as the demo writer takes it. */
function meetingOf(
  rand: () => number,
  text: () => number,
  opd: Opd,
  copId: string,
  q: number,
  k: number,
): { heldAt: Date; meeting: Parameters<typeof addDemoMeeting>[1] } {
  const theme = THEMES[opd.code];
  const day = 8 + Math.floor(rand() * 15);
  const heldAt = workingDay(
    new Date(Date.UTC(DEMO_YEAR, (q - 1) * 3 + k, day, MEETING_HOURS_UTC[(day + q + k) % 4])),
  );
  const documented = rand() < (opd.profile === 'unggul' ? 0.95 : 0.6);
  const subject = theme.meetings[(q + k) % theme.meetings.length];
  const topic = `${subject} (TW ${['I', 'II', 'III', 'IV'][q - 1]})`;
  const topicOf: Topic = { theme, subject, opdName: opd.name };
  // The arguments in the order the draws were always made (the demo's numbers stay).
  const meeting = {
    copId,
    heldAt: heldAt.toISOString(),
    year: DEMO_YEAR,
    quarter: q,
    mode: pick(rand, ['luring', 'daring', 'hibrida']),
    topic,
    agenda: `Pembukaan; paparan ${lower(subject)}; berbagi pengalaman antarunit; rencana tindak lanjut.`,
    minutes: documented ? minutesFor(text, subject, topicOf) : '',
    durationMinutes: 60 + 30 * Math.floor(rand() * 4),
    minutesVisibility: rand() < 0.5 ? 'internal' : 'cop',
    createdBy: opd.leadId as string,
    minutesAt: documented
      ? new Date(heldAt.getTime() + (1 + Math.floor(rand() * 10)) * 86_400_000).toISOString()
      : null,
  };
  return { heldAt, meeting };
}

export async function addMeetings(
  m: EntityManager,
  rand: () => number,
  text: () => number,
  opds: Opd[],
  assets: Asset[],
): Promise<void> {
  for (const opd of opds) {
    if (!opd.copId) continue;
    const [lo, hi] = PROFILE_SHAPE[opd.profile].meetings;
    const members = await demoInEmailOrder(m, await demoMembersOf(m, opd.copId));
    for (let q = 1; q <= 4; q++) {
      const n = lo + Math.floor(rand() * (hi - lo + 1));
      for (let k = 0; k < n; k++) {
        const { heldAt, meeting } = meetingOf(rand, text, opd, opd.copId, q, k);
        const meetingId = await addDemoMeeting(m, meeting);
        if (!meetingId) continue;
        const attendees = members.filter(() => rand() < 0.7);
        if (rand() < 0.35) attendees.push(pick(rand, pick(rand, opds).staff));
        const present = [...new Set([opd.leadId as string, ...attendees])];
        const opdOf = await demoOpdsOf(m, present);
        await addDemoAttendees(
          m,
          meetingId,
          present.flatMap((userId) => {
            const opdId = opdOf.get(userId);
            return opdId ? [{ userId, opdId }] : [];
          }),
        );
        const output = assets.find(
          (a) =>
            a.opd === opd && Math.abs(a.publishedAt.getTime() - heldAt.getTime()) < 12 * 86_400_000,
        );
        if (output) await addDemoMeetingOutput(m, meetingId, output.id);
      }
    }
  }
}
