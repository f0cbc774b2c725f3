/** Counts that summary.json and the terminal table show; pure accumulation over outcomes. */
import type { ReasonCode } from '../schema/codes.js';
import { foldKecamatan } from '../schema/region-table.js';
import type { Disposition, RowOutcome } from '../outcome/row-outcome.js';
import type { Lang } from '../i18n/messages.js';
import { reasonText } from '../i18n/reasons.js';
import { auditNik } from './csv-rows.js';

export interface DispositionCounts {
  rows: number;
  accepted: number;
  rejected: number;
  review: number;
}

export interface SkippedLine {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** A row that shows a reason, for the report's examples. */
export interface Example {
  readonly file: string;
  readonly line: number;
  readonly nik: string;
  readonly text: string;
}

const EXAMPLES_PER_CODE = 3;

export function emptyCounts(): DispositionCounts {
  return { rows: 0, accepted: 0, rejected: 0, review: 0 };
}

function bump(c: DispositionCounts, d: Disposition): void {
  c.rows++;
  c[d]++;
}

export class SummaryCounter {
  readonly totals = emptyCounts();
  readonly reasons: Partial<Record<ReasonCode, number>> = {};
  readonly warnings: Partial<Record<ReasonCode, number>> = {};
  readonly byFile = new Map<number, DispositionCounts>();
  readonly byKecamatan = new Map<string, DispositionCounts & { name: string }>();
  readonly skipped: SkippedLine[] = [];
  readonly examples = new Map<ReasonCode, Example[]>();

  constructor(private readonly lang: Lang = 'id') {}

  add(o: RowOutcome): void {
    bump(this.totals, o.disposition);
    let f = this.byFile.get(o.fileIndex);
    if (!f) this.byFile.set(o.fileIndex, (f = emptyCounts()));
    bump(f, o.disposition);
    // Kecamatan as people write it varies (Pondok Gede, PONDOKGEDE): count under the folded name,
    // shown by the name the submission writes when --region knows it, else as first typed.
    const name = o.row.values.kecamatan;
    const key = name === '' ? '' : foldKecamatan(name);
    let k = this.byKecamatan.get(key);
    if (!k) this.byKecamatan.set(key, (k = { name: name === '' ? '(kosong)' : (o.place?.kecamatan ?? name.toUpperCase()), ...emptyCounts() }));
    bump(k, o.disposition);
    if (o.findings.length === 0) return;
    const seen = new Set<ReasonCode>();
    for (const finding of o.findings) {
      if (seen.has(finding.code)) continue;
      seen.add(finding.code);
      const bucket = finding.severity === 'warn' ? this.warnings : this.reasons;
      bucket[finding.code] = (bucket[finding.code] ?? 0) + 1;
      let ex = this.examples.get(finding.code);
      if (!ex) this.examples.set(finding.code, (ex = []));
      if (ex.length < EXAMPLES_PER_CODE) {
        ex.push({ file: o.sourceFile, line: o.sourceLine, nik: auditNik(o), text: reasonText(this.lang, finding.code, finding.params) });
      }
    }
  }

  skip(line: SkippedLine): void {
    this.skipped.push(line);
  }

  /** accepted + rejected + review = rows, the promise every run keeps. */
  get balanced(): boolean {
    const t = this.totals;
    return t.accepted + t.rejected + t.review === t.rows;
  }
}
