/** A row's place as the analyst knows it: which input, which physical line. */
export interface RowRef {
  /** Index of the input in the order given. */
  readonly file: number;
  readonly line: number;
}

/** Input order: an earlier file first, then an earlier line. */
export function isBefore(a: RowRef, b: RowRef): boolean {
  return a.file < b.file || (a.file === b.file && a.line < b.line);
}

export function sameRef(a: RowRef, b: RowRef): boolean {
  return a.file === b.file && a.line === b.line;
}
