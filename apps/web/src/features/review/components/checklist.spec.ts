import { describe, expect, it } from '@jest/globals';
import { checklistOf } from './checklist';

const LABELS = { summary: 'Ringkasan', tags: 'Tag', seciMode: 'Mode SECI', attachment: 'Lampiran' };

const panduan = {
  requiresAttachment: false,
  sections: [
    {
      key: 'tujuan',
      label: { id: 'Tujuan', en: 'Purpose' },
      required: true,
      kind: 'text' as const,
    },
    {
      key: 'rujukan',
      label: { id: 'Rujukan', en: 'References' },
      required: false,
      kind: 'text' as const,
    },
  ],
};

/** A missing part as the API names it (labels do not matter to the checklist). */
const part = (key: string) => ({ key, label: key, labelEn: key });

describe('checklistOf', () => {
  it('names each template part by its label, filled or empty as the API says, optional ones by their text', () => {
    const items = checklistOf(
      { missing: [part('section:tujuan'), part('tags')], sections: { rujukan: 'Pergub 12/2024' } },
      panduan,
      'id',
      LABELS,
    );
    expect(items).toEqual([
      { key: 'section:tujuan', label: 'Tujuan', required: true, filled: false },
      { key: 'section:rujukan', label: 'Rujukan', required: false, filled: true },
      { key: 'summary', label: 'Ringkasan', required: true, filled: true },
      { key: 'tags', label: 'Tag', required: true, filled: false },
      { key: 'seciMode', label: 'Mode SECI', required: true, filled: true },
    ]);
  });

  it('asks for an attachment only where the type needs one, and labels in English on demand', () => {
    const dokumen = { requiresAttachment: true, sections: [] };
    const items = checklistOf(
      { missing: [part('attachment')], sections: {} },
      dokumen,
      'en',
      LABELS,
    );
    expect(items.at(-1)).toEqual({
      key: 'attachment',
      label: 'Lampiran',
      required: true,
      filled: false,
    });
    const blank = checklistOf({ missing: [], sections: { rujukan: '   ' } }, panduan, 'en', LABELS);
    expect(blank.slice(0, 2)).toEqual([
      { key: 'section:tujuan', label: 'Purpose', required: true, filled: true },
      { key: 'section:rujukan', label: 'References', required: false, filled: false },
    ]);
  });
});
