import type { ColumnKind, ExportColumn, ExportSheet } from '@lumbung/platform';
import { ASPECTS, type AspectKey, type InputScore } from './scoring';

export const col = (header: string, kind: ColumnKind, explain: string): ExportColumn => ({
  header,
  kind,
  explain,
});

const UNIT_LABEL: Record<InputScore['unit'], string> = {
  per100Asn: 'per 100 ASN',
  percent: 'persen',
  quarters: 'triwulan (dari 4)',
  number: 'angka',
};

/** Every input of every aspect: raw, normalised, weight and formula (with the OPD when several). */
export function inputsSheet(
  opds: { opdCode?: string; aspects: Record<AspectKey, { inputs: InputScore[] }> }[],
): ExportSheet {
  const withOpd = opds.some((o) => o.opdCode);
  return {
    name: 'Masukan',
    columns: [
      ...(withOpd ? [col('Kode OPD', 'text', 'Kode singkat OPD.')] : []),
      col('Aspek', 'text', 'Aspek yang memakai masukan ini.'),
      col('Masukan', 'text', 'Nama masukan data.'),
      col(
        'Nilai',
        'decimal',
        'Angka yang disebut nama masukan, dalam satuannya (kolom Satuan), sebelum dinormalisasi.',
      ),
      col('Satuan', 'text', 'Per 100 ASN, persen, triwulan (dari 4), atau angka apa adanya.'),
      col(
        'Jumlah',
        'integer',
        'Hitungan di balik laju per 100 ASN (mis. jumlah klik); kosong untuk satuan lain.',
      ),
      col(
        'Nilai normalisasi (0-100)',
        'decimal',
        'Nilai mentah dibandingkan semua OPD, diubah ke 0–100.',
      ),
      col('Bobot', 'percent', 'Bobot masukan dalam aspeknya.'),
      col('Rumus', 'longText', 'Cara menghitung nilai mentah dan normalisasinya.'),
    ],
    rows: opds.flatMap((o) =>
      ASPECTS.flatMap((a) =>
        o.aspects[a.key].inputs.map((i) => [
          ...(withOpd ? [o.opdCode ?? null] : []),
          a.label,
          i.label,
          i.value,
          UNIT_LABEL[i.unit],
          i.count,
          i.normalised,
          i.weight,
          i.formula,
        ]),
      ),
    ),
  };
}
