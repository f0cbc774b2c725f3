/** The commented config `umkm-clean init` writes: every key with the defaults, explained. */
import { DEFAULT_ALIASES, DEFAULT_REQUIRED, KNOWN_FIELDS } from '../schema/fields.js';
import { DEFAULT_TEMPLATE } from '../schema/template.js';
import { DEFAULT_SEVERITY, REASON_CODES, BATCH_CODES } from '../schema/codes.js';

export function configTemplate(): string {
  const aliasLines = KNOWN_FIELDS.map((f) => `  # ${f}: [${DEFAULT_ALIASES[f].map((a) => JSON.stringify(a)).join(', ')}]`);
  const severityLines = REASON_CODES.filter((c) => !BATCH_CODES.has(c)).map(
    (c) => `  # ${c}: ${DEFAULT_SEVERITY[c] === 'warn' ? 'warn' : 'reject'}`,
  );
  return `# umkm-clean configuration (YAML; JSON works too). Use it with: umkm-clean clean ... --config umkm-clean.yaml
# Every key is optional: delete what you do not change. Lines starting with # are comments.

# More header names per field. Headers match ignoring case, spaces and punctuation, so "No. KTP",
# "NO KTP" and "no_ktp" are one name. The names umkm-clean already knows:
aliases:
${aliasLines.join('\n')}
  # Example: a kecamatan that calls the phone column "WA PEMILIK":
  # no_hp: ["WA PEMILIK"]

# Fields a row must have; an empty one rejects the row with MISSING_<FIELD>.
# Known fields: ${KNOWN_FIELDS.join(', ')}. nik must stay in the list.
required: [${DEFAULT_REQUIRED.join(', ')}]

# What each rule does: reject, warn (accepted with a warning) or off. The defaults:
severities:
${severityLines.join('\n')}

# The columns of submission.csv, in order: a field, or {column: NAME, field: field}.
template:
${DEFAULT_TEMPLATE.map((t) => `  - { column: ${t.column}, field: ${t.field} }`).join('\n')}
`;
}
