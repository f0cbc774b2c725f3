/** Writes outcomes into the output files: the rows of the report layer, the files of the io layer. */
import { basename, extname } from 'node:path';
import type { Lang } from '../i18n/messages.js';
import type { OutputFiles } from '../io/output-files.js';
import { XlsxSheetWriter } from '../io/xlsx-writer.js';
import {
  AUDIT_HEADER,
  type ColumnUnion,
  REJECTED_META,
  REVIEW_META,
  auditRow,
  rejectedRow,
  reviewRow,
  submissionRow,
  type TemplateColumn,
} from '../report/csv-rows.js';
import { neutralizeCell } from '../report/neutralize.js';
import type { RowOutcome } from '../report/outcome.js';
import type { OutcomeSink } from './run-batch.js';

/** rejected-<file>.xlsx: the kecamatan's own rows to fix, named after the file it sent. */
export function workbookName(sourceFile: string, taken: ReadonlySet<string>): string {
  const base = basename(sourceFile, extname(sourceFile)).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'berkas';
  let name = `rejected-${base}.xlsx`;
  for (let i = 2; taken.has(name); i++) name = `rejected-${base}-${i}.xlsx`;
  return name;
}

export function createFileSink(
  files: OutputFiles,
  template: readonly TemplateColumn[],
  lang: Lang,
  xlsx: boolean,
): OutcomeSink {
  let union: ColumnUnion = { headers: [], positions: [] };
  let rejectedHeader: string[] = [];
  const sheets = new Map<string, XlsxSheetWriter>();
  const perSource = new Map<string, XlsxSheetWriter>();
  const sheet = async (name: string, title: string, header: readonly string[]) => {
    const w = await XlsxSheetWriter.create(files.reserve(name), title, header);
    sheets.set(name, w);
    return w;
  };
  const addXlsx = (w: XlsxSheetWriter | undefined, row: readonly string[]) => w?.addRow(row.map(neutralizeCell));
  return {
    async begin(u) {
      union = u;
      rejectedHeader = [...REJECTED_META, ...union.headers];
      const submissionHeader = template.map((t) => t.column);
      const reviewHeader = [...REVIEW_META, ...union.headers];
      await files.writeRow('submission.csv', submissionHeader);
      await files.writeRow('rejected.csv', rejectedHeader);
      await files.writeRow('review.csv', reviewHeader);
      await files.writeRow('audit.csv', AUDIT_HEADER);
      if (xlsx) {
        await sheet('submission.xlsx', 'submission', submissionHeader);
        await sheet('rejected.xlsx', lang === 'id' ? 'ditolak' : 'rejected', rejectedHeader);
        await sheet('review.xlsx', lang === 'id' ? 'periksa' : 'review', reviewHeader);
      }
    },
    async write(o: RowOutcome) {
      await files.writeRow('audit.csv', auditRow(o));
      if (o.disposition === 'accepted') {
        const row = submissionRow(o, template);
        await files.writeRow('submission.csv', row);
        await addXlsx(sheets.get('submission.xlsx'), row);
      } else if (o.disposition === 'rejected') {
        const row = rejectedRow(o, union, lang);
        await files.writeRow('rejected.csv', row);
        if (xlsx) {
          await addXlsx(sheets.get('rejected.xlsx'), row);
          let own = perSource.get(o.sourceFile);
          if (!own) {
            own = await sheet(workbookName(o.sourceFile, new Set(sheets.keys())), lang === 'id' ? 'ditolak' : 'rejected', rejectedHeader);
            perSource.set(o.sourceFile, own);
          }
          await addXlsx(own, row);
        }
      } else {
        const row = reviewRow(o, union, lang);
        await files.writeRow('review.csv', row);
        await addXlsx(sheets.get('review.xlsx'), row);
      }
    },
    async finish() {
      for (const w of sheets.values()) await w.close();
    },
  };
}
