/** The commented config `umkm-clean init` writes: every key with the defaults, explained in the run's language. */
import { CONFIG_TEMPLATE_TEXTS } from '../i18n/config-template.js';
import type { Lang } from '../i18n/messages.js';
import { DEFAULT_ALIASES, DEFAULT_REQUIRED, KNOWN_FIELDS } from '../schema/fields.js';
import { DEFAULT_TEMPLATE } from '../schema/template.js';
import { DEFAULT_CSV_STYLE } from '../schema/csv-style.js';
import { DEFAULT_SEVERITY, REASON_CODES, BATCH_CODES } from '../schema/codes.js';

const comment = (lines: readonly string[], indent = '') => lines.map((l) => `${indent}# ${l}`).join('\n');

export function configTemplate(lang: Lang = 'id'): string {
  const t = CONFIG_TEMPLATE_TEXTS[lang];
  const aliasLines = KNOWN_FIELDS.map((f) => `  # ${f}: [${DEFAULT_ALIASES[f].map((a) => JSON.stringify(a)).join(', ')}]`);
  const severityLines = REASON_CODES.filter((c) => !BATCH_CODES.has(c)).map(
    (c) => `  # ${c}: ${DEFAULT_SEVERITY[c] === 'warn' ? 'warn' : 'reject'}`,
  );
  return `${comment(t.header)}

${comment(t.aliases)}
aliases:
${aliasLines.join('\n')}
${comment(t.aliasExample, '  ')}
  # no_hp: ["WA PEMILIK"]

${comment(t.required.map((l) => l.replace('{fields}', KNOWN_FIELDS.join(', '))))}
required: [${DEFAULT_REQUIRED.join(', ')}]

${comment(t.severities)}
severities:
${severityLines.join('\n')}

${comment(t.template)}
template:
${DEFAULT_TEMPLATE.map((c) => `  - { column: ${c.column}, field: ${c.field} }`).join('\n')}

${comment(t.csv)}
# csv: ${DEFAULT_CSV_STYLE}
`;
}
