/** Where each record sits: ordinal -> file and physical line, in shared memory (a worker reads it). */
import { GrowableU32 } from './growable.js';
import type { RowRef } from '../match/row-ref.js';

export interface RowIndexArrays {
  readonly lines: Uint32Array;
  readonly fileStarts: readonly number[];
}

export class RowIndex {
  private lines: GrowableU32;
  private fileStarts: number[] = [];

  constructor(capacity: number) {
    this.lines = new GrowableU32(Math.max(1024, Math.ceil(capacity)));
  }

  add(file: number, line: number): void {
    while (this.fileStarts.length <= file) this.fileStarts.push(this.lines.length);
    this.lines.push(line);
  }

  ref(ord: number): RowRef {
    let file = this.fileStarts.length - 1;
    while (file > 0 && (this.fileStarts[file] as number) > ord) file--;
    return { file, line: this.lines.get(ord) };
  }

  arrays(): RowIndexArrays {
    return { lines: this.lines.view(), fileStarts: [...this.fileStarts] };
  }

  /** A read-only index over arrays another thread filled. */
  static fromArrays(a: RowIndexArrays): RowIndex {
    const index = new RowIndex(1);
    index.lines = GrowableU32.over(a.lines);
    index.fileStarts = [...a.fileStarts];
    return index;
  }
}
