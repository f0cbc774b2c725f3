/**
 * The --config file's content, checked whole: every problem is returned at once so the analyst
 * fixes the file in one go (changesets' config parser does the same).
 */
import { BATCH_CODES, type ConfiguredSeverity, isReasonCode, REASON_CODES } from '../schema/codes.js';
import type { SeverityOverrides } from '../rules/index.js';
import { DEFAULT_REQUIRED, type Field, isField, KNOWN_FIELDS } from '../schema/fields.js';
import { DEFAULT_TEMPLATE, type TemplateColumn } from '../schema/template.js';
import type { MessageKey, MessageParams } from '../i18n/messages.js';
import { CSV_STYLES, type CsvStyle, isCsvStyle } from '../schema/csv-style.js';

/** One thing wrong in the file, as data: the CLI says it in the run's language. */
export interface ConfigProblem {
  readonly key: MessageKey;
  readonly params: MessageParams;
}

export interface ResolvedConfig {
  readonly aliases: Partial<Record<Field, string[]>>;
  readonly required: readonly Field[];
  readonly severities: SeverityOverrides;
  readonly template: readonly TemplateColumn[];
  /** The dialect of the CSVs meant for people; absent (plain) unless the file sets it. */
  readonly csv?: CsvStyle;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  aliases: {},
  required: DEFAULT_REQUIRED,
  severities: {},
  template: DEFAULT_TEMPLATE,
};

const TOP_KEYS = ['aliases', 'required', 'severities', 'template', 'csv'];
const SEVERITIES: readonly ConfiguredSeverity[] = ['reject', 'warn', 'off'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const fieldList = KNOWN_FIELDS.join(', ');

export function parseConfig(data: unknown): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (data === null || data === undefined) return { config: DEFAULT_CONFIG, problems };
  if (!isRecord(data)) return { config: DEFAULT_CONFIG, problems: [{ key: 'configProblem.notMapping', params: {} }] };

  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.includes(key)) problems.push({ key: 'configProblem.unknownKey', params: { key, known: TOP_KEYS.join(', ') } });
    // A key left with only comments under it (as `umkm-clean init` writes them) is not set.
    if (data[key] === null) delete data[key];
  }

  const aliases: Partial<Record<Field, string[]>> = {};
  if (data.aliases !== undefined) {
    if (!isRecord(data.aliases)) problems.push({ key: 'configProblem.aliasesShape', params: {} });
    else {
      for (const [field, names] of Object.entries(data.aliases)) {
        if (!isField(field)) problems.push({ key: 'configProblem.aliasUnknownField', params: { field, known: fieldList } });
        else if (!Array.isArray(names) || !names.every((n) => typeof n === 'string' && n.trim() !== '')) {
          problems.push({ key: 'configProblem.aliasNames', params: { field } });
        } else aliases[field] = names as string[];
      }
    }
  }

  let required: Field[] = [...DEFAULT_REQUIRED];
  if (data.required !== undefined) {
    if (!Array.isArray(data.required) || data.required.length === 0) {
      problems.push({ key: 'configProblem.requiredShape', params: {} });
    } else {
      required = [];
      for (const f of data.required) {
        if (typeof f === 'string' && isField(f)) required.push(f);
        else problems.push({ key: 'configProblem.requiredUnknown', params: { value: String(f), known: fieldList } });
      }
      if (!required.includes('nik')) problems.push({ key: 'configProblem.requiredNik', params: {} });
    }
  }

  const severities: SeverityOverrides = {};
  if (data.severities !== undefined) {
    if (!isRecord(data.severities)) problems.push({ key: 'configProblem.severitiesShape', params: {} });
    else {
      for (const [code, sev] of Object.entries(data.severities)) {
        if (!isReasonCode(code)) problems.push({ key: 'configProblem.severityUnknownCode', params: { code, known: REASON_CODES.join(', ') } });
        else if (BATCH_CODES.has(code)) problems.push({ key: 'configProblem.severityBatchCode', params: { code } });
        else if (typeof sev !== 'string' || !SEVERITIES.includes(sev as ConfiguredSeverity)) {
          problems.push({ key: 'configProblem.severityValue', params: { code, value: String(sev) } });
        } else severities[code] = sev as ConfiguredSeverity;
      }
    }
  }

  let template: TemplateColumn[] = [...DEFAULT_TEMPLATE];
  if (data.template !== undefined) {
    if (!Array.isArray(data.template) || data.template.length === 0) {
      problems.push({ key: 'configProblem.templateShape', params: {} });
    } else {
      template = [];
      data.template.forEach((item, i) => {
        if (typeof item === 'string' && isField(item)) template.push({ column: item.toUpperCase(), field: item });
        else if (isRecord(item) && typeof item.column === 'string' && typeof item.field === 'string' && isField(item.field)) {
          template.push({ column: item.column, field: item.field });
        } else problems.push({ key: 'configProblem.templateItem', params: { index: i, known: fieldList } });
      });
      if (!template.some((t) => t.field === 'nik')) problems.push({ key: 'configProblem.templateNik', params: {} });
    }
  }

  let csv: CsvStyle | undefined;
  if (data.csv !== undefined) {
    if (isCsvStyle(data.csv)) csv = data.csv;
    else problems.push({ key: 'configProblem.csvValue', params: { value: String(data.csv), known: CSV_STYLES.join(', ') } });
  }

  // Without a csv key the resolved config (and the manifest that records it) is as it always was.
  const config: ResolvedConfig = csv ? { aliases, required, severities, template, csv } : { aliases, required, severities, template };
  return { config, problems };
}
