/** Writes outcomes into the output files: the rows of the report layer, the files of the io layer. */
import { basename, extname } from 'node:path';
import { formatMessage, type Lang } from '../i18n/messages.js';
import type { OutputFiles } from '../io/output-files.js';
import { openSheet, type SheetSink } from '../io/xlsx-sheets.js';
import {
  auditHeader,
  type ColumnUnion,
  REJECTED_META,
  REVIEW_META,
  auditRow,
  rejectedRow,
  reviewRow,
  submissionRow,
} from '../report/csv-rows.js';
import type { TemplateColumn } from '../schema/template.js';
import type { ReviewPageModel } from '../report/review-page.js';
import { type ReviewPageMeta, ReviewPageCollector } from '../report/review-page-model.js';
import { neutralizeRow } from '../io/neutralize.js';
import type { RowOutcome } from '../outcome/row-outcome.js';
import type { OutcomeSink } from './batch-types.js';

/** rejected-<file>.xlsx: the kecamatan's own rows to fix, named after the file it sent. */
export function workbookName(sourceFile: string, taken: ReadonlySet<string>): string {
  const base = basename(sourceFile, extname(sourceFile)).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'berkas';
  let name = `rejected-${base}.xlsx`;
  for (let i = 2; taken.has(name); i++) name = `rejected-${base}-${i}.xlsx`;
  return name;
}

/** One promise for the writes that are pending, or none when both were taken at once (nearly always). */
function settle(a: Promise<void> | undefined, b: Promise<void> | undefined): Promise<void> | undefined {
  if (!a) return b;
  if (!b) return a;
  return Promise.all([a, b]).then(() => undefined);
}

export function createFileSink(
  files: OutputFiles,
  template: readonly TemplateColumn[],
  lang: Lang,
  xlsx: boolean,
  /** Inputs in the batch: with one, its rejection workbook is rejected.xlsx byte for byte. */
  inputs: number,
  /** With --region: audit.csv keeps the place names typed where the submission writes official ones. */
  officialNames: boolean,
): OutcomeSink & { reviewPage(meta: ReviewPageMeta): ReviewPageModel } {
  let union: ColumnUnion = { headers: [], positions: [] };
  let rejectedHeader: string[] = [];
  const sheets = new Map<string, SheetSink>();
  const perSource = new Map<string, SheetSink>();
  /** With one input, the file whose rejected rows rejected.xlsx holds: its workbook is a copy. */
  let onlySource: string | null = null;
  const sheet = async (name: string, title: string, header: readonly string[]) => {
    const w = await openSheet(files.reserve(name), title, header);
    sheets.set(name, w);
    return w;
  };
  let review = new ReviewPageCollector(new Map());
  return {
    async begin(u, decisions) {
      union = u;
      review = new ReviewPageCollector(decisions);
      rejectedHeader = [...REJECTED_META, ...union.headers];
      const submissionHeader = template.map((t) => t.column);
      const reviewHeader = [...REVIEW_META, ...union.headers];
      await files.writeRow('submission.csv', submissionHeader);
      await files.writeRow('rejected.csv', rejectedHeader);
      await files.writeRow('review.csv', reviewHeader);
      await files.writeRow('audit.csv', auditHeader(officialNames));
      if (xlsx) {
        await sheet('submission.xlsx', 'submission', submissionHeader);
        await sheet('rejected.xlsx', formatMessage(lang, 'sheet.rejected'), rejectedHeader);
        await sheet('review.xlsx', formatMessage(lang, 'sheet.review'), reviewHeader);
      }
    },
    // Each row is neutralised once, in place: its CSV line and its workbook row get the same cells.
    write(o: RowOutcome) {
      review.add(o);
      const audit = files.writeNeutralRow('audit.csv', neutralizeRow(auditRow(o, officialNames)));
      if (o.disposition === 'accepted') {
        const row = neutralizeRow(submissionRow(o, template));
        return settle(audit, settle(files.writeNeutralRow('submission.csv', row), sheets.get('submission.xlsx')?.addRow(row)));
      }
      if (o.disposition === 'review') {
        const row = neutralizeRow(reviewRow(o, union, lang));
        return settle(audit, settle(files.writeNeutralRow('review.csv', row), sheets.get('review.xlsx')?.addRow(row)));
      }
      const row = neutralizeRow(rejectedRow(o, union, lang));
      let wait = settle(audit, files.writeNeutralRow('rejected.csv', row));
      if (xlsx) {
        wait = settle(wait, sheets.get('rejected.xlsx')?.addRow(row));
        if (inputs === 1) {
          onlySource = o.sourceFile;
          return wait;
        }
        const own = perSource.get(o.sourceFile);
        if (own) wait = settle(wait, own.addRow(row));
        else {
          // The first rejected row of this file: its workbook is opened, then the row goes in.
          const title = formatMessage(lang, 'sheet.rejected');
          const opened = sheet(workbookName(o.sourceFile, new Set(sheets.keys())), title, rejectedHeader).then((w) => {
            perSource.set(o.sourceFile, w);
            return w.addRow(row);
          });
          wait = settle(wait, opened);
        }
      }
      return wait;
    },
    reviewPage(meta) {
      return review.model(meta);
    },
    async finish() {
      for (const w of sheets.values()) await w.close();
      // Same title, header and rows as rejected.xlsx: the same bytes, copied rather than built twice.
      if (onlySource !== null) await files.reserveCopy(workbookName(onlySource, new Set(sheets.keys())), 'rejected.xlsx');
    },
  };
}
