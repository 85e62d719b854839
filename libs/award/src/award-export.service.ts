import { Injectable } from '@nestjs/common';
import type { Principal } from '@lumbung/identity';
import type { ExportBook } from '@lumbung/platform';
import { evidenceSheets } from './award-export-evidence';
import { inputsSheet } from './award-export-inputs';
import { rankingColumns, rankingRows } from './award-export-ranking';
import { AwardScoreRunsService } from './award-score-runs.service';
import { AwardScoresService } from './award-scores.service';
import { AwardSnapshotsService } from './award-snapshots.service';

/** The ranking with the six aspects and their inputs, or one OPD's evidence pack. */
@Injectable()
export class AwardExportService {
  constructor(
    private readonly scores: AwardScoresService,
    private readonly runs: AwardScoreRunsService,
    private readonly snapshots: AwardSnapshotsService,
  ) {}

  async ranking(year: number): Promise<ExportBook> {
    const snapshot = await this.snapshots.snapshot(year);
    const run = snapshot ?? (await this.runs.compute(year, false));
    const columns = rankingColumns(run.rubric.winners);
    const rows = rankingRows(run);
    const inputs = inputsSheet(run.data.map((d) => ({ opdCode: d.opdCode, aspects: d.aspects })));
    return {
      intro: [
        `Penghargaan Knowledge Management (KMA) ${year}: peringkat OPD`,
        `Versi rubrik ${run.rubric.version}, aturan ${run.rubric.rulesVersion}; ${
          snapshot ? 'final' : 'sementara (belum difinalkan)'
        }`,
      ],
      sheets: [{ name: `Peringkat ${year}`, columns, rows }, inputs],
    };
  }

  async evidencePack(principal: Principal, year: number, code: string): Promise<ExportBook> {
    const d = await this.scores.drillDown(principal, year, code);
    return {
      intro: [
        `Penghargaan KMA ${year}: paket bukti ${d.opdName} (${d.opdCode})`,
        `Versi rubrik ${d.rubricVersion}; ${d.frozen ? 'final' : 'sementara (belum difinalkan)'}`,
      ],
      sheets: evidenceSheets(d),
    };
  }
}
