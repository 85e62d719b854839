import { presentMeeting } from './meeting.presenter';

const at = new Date('2025-06-10T02:00:00.000Z');
const meeting = {
  id: 'm-1',
  copId: 'cop-1',
  heldAt: at,
  heldDateWib: '2025-06-10',
  year: 2025,
  quarter: 2,
  mode: 'luring',
  topic: 'Evaluasi lelang',
  agenda: 'Agenda',
  minutes: 'Notulen',
  durationMinutes: 90,
  guestCount: 2,
  seciMode: null,
  minutesVisibility: 'cop',
  createdAt: at,
  updatedAt: at,
};

describe('meeting presenter', () => {
  it('answers a meeting row with what the caller loaded, unreadable outputs as restricted', () => {
    const dto = presentMeeting(meeting, {
      attendees: [{ meetingId: 'm-1', userId: 'u-1', name: 'Sari', opdCode: 'BAPPEDA' }],
      outputAssetIds: ['a-1', 'a-2'],
      titles: new Map([['a-1', { title: 'Pelajaran lelang', type: 'pelajaran' }]]),
      attachments: [],
    });
    expect(dto).toEqual({
      id: 'm-1',
      copId: 'cop-1',
      heldAt: '2025-06-10T02:00:00.000Z',
      heldDate: '2025-06-10',
      year: 2025,
      quarter: 2,
      mode: 'luring',
      topic: 'Evaluasi lelang',
      agenda: 'Agenda',
      minutes: 'Notulen',
      durationMinutes: 90,
      guestCount: 2,
      seciMode: null,
      minutesVisibility: 'cop',
      attendees: [{ userId: 'u-1', name: 'Sari', opdCode: 'BAPPEDA' }],
      outputAssetIds: ['a-1', 'a-2'],
      outputs: [
        { id: 'a-1', title: 'Pelajaran lelang', type: 'pelajaran', restricted: false },
        { id: 'a-2', title: null, type: null, restricted: true },
      ],
      attachments: [],
      createdAt: '2025-06-10T02:00:00.000Z',
      updatedAt: '2025-06-10T02:00:00.000Z',
    });
  });
});
