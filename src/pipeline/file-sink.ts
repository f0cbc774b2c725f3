/** Writes outcomes into the output files: the rows of the report layer, the files of the io layer. */
import type { Lang } from '../i18n/messages.js';
import type { OutputFiles } from '../io/output-files.js';
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
import type { RowOutcome } from '../report/outcome.js';
import type { OutcomeSink } from './run-batch.js';

export function createFileSink(files: OutputFiles, template: readonly TemplateColumn[], lang: Lang): OutcomeSink {
  let union: ColumnUnion = { headers: [], positions: [] };
  return {
    async begin(u) {
      union = u;
      await files.writeRow('submission.csv', template.map((t) => t.column));
      await files.writeRow('rejected.csv', [...REJECTED_META, ...union.headers]);
      await files.writeRow('review.csv', [...REVIEW_META, ...union.headers]);
      await files.writeRow('audit.csv', AUDIT_HEADER);
    },
    async write(o: RowOutcome) {
      await files.writeRow('audit.csv', auditRow(o));
      if (o.disposition === 'accepted') await files.writeRow('submission.csv', submissionRow(o, template));
      else if (o.disposition === 'rejected') await files.writeRow('rejected.csv', rejectedRow(o, union, lang));
      else await files.writeRow('review.csv', reviewRow(o, union, lang));
    },
  };
}
