/** A file-level remark (ragged rows, a column named twice), rendered in the run's language. */
import type { MessageKey, MessageParams } from './messages.js';

export interface Notice {
  readonly key: MessageKey;
  readonly params: MessageParams;
  /** Said on stderr even with --quiet or --json: the analyst must hear it. */
  readonly loud?: boolean;
}
