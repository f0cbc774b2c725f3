/**
 * A row's disposition from all its findings, the row's own and the cross-row ones: a rejecting
 * finding decides first, then one that holds the row for review; else the row goes through, its
 * warnings riding along.
 */
import type { RatedFinding } from '../rules/types.js';
import type { Disposition } from './row-outcome.js';

export function decideDisposition(findings: readonly RatedFinding[]): Disposition {
  let review = false;
  for (const f of findings) {
    if (f.severity === 'reject') return 'rejected';
    if (f.severity === 'review') review = true;
  }
  return review ? 'review' : 'accepted';
}
