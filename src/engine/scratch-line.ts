/**
 * The scratch file's one line format, written in the scan (engine/match-scan.ts) and read in the
 * resolve step (pipeline/stages/resolve.ts, engine/pair-records.ts): what the resolve step needs
 * of a row without reading and parsing the inputs again.
 *
 *   ord TAB nik TAB valid(0|1) TAB filled TAB name tokens TAB address tokens TAB name as written
 *
 * Name and address tokens are joined by spaces. Fields never hold a tab or a line feed (cleanCell
 * folded them into spaces), and UTF-8 never puts byte 9 or 10 inside a character, so a reader can
 * find fields by bytes and copy them without decoding.
 */

export interface ScratchRow {
  readonly ord: number;
  readonly nik: string;
  readonly valid: boolean;
  /** Non-empty known fields. */
  readonly filled: number;
  /** Name tokens, joined by spaces. */
  readonly name: string;
  /** Address tokens, joined by spaces. */
  readonly address: string;
  /** NAMA as written. */
  readonly display: string;
}

const TAB = 9;
/** Tabs in a line: seven fields. */
const TABS = 6;

export function encodeScratchLine(r: ScratchRow): string {
  return `${r.ord}\t${r.nik}\t${r.valid ? 1 : 0}\t${r.filled}\t${r.name}\t${r.address}\t${r.display}`;
}

/** The ordinal of the line at bytes [start, end): its leading digits, read without decoding. */
export function scratchOrd(bytes: Uint8Array, start: number, end: number): number {
  let ord = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i] as number;
    if (c === TAB) break;
    ord = ord * 10 + (c - 48);
  }
  return ord;
}

/**
 * Where the line's fields are, as byte positions: `tabs` is filled with its six tabs' positions
 * (reused between calls). Field k runs from (k === 0 ? start : tabs[k-1] + 1) to (k < 6 ? tabs[k] : end).
 */
export function scratchTabs(bytes: Uint8Array, start: number, end: number, tabs: number[]): void {
  tabs.length = 0;
  for (let i = start; i < end && tabs.length < TABS; i++) if (bytes[i] === TAB) tabs.push(i);
  if (tabs.length < TABS) throw new Error('scratch line with fewer than seven fields');
}

/** The NIK's bytes [from, to) of a line whose tabs scratchTabs found. */
export function nikRange(tabs: readonly number[]): [number, number] {
  return [(tabs[0] as number) + 1, tabs[1] as number];
}

/** The bytes [from, to) of "name tokens TAB address tokens", side by side as the pair records keep them. */
export function nameAndAddressRange(tabs: readonly number[]): [number, number] {
  return [(tabs[3] as number) + 1, tabs[5] as number];
}

/** Name tokens and address tokens back from what nameAndAddressRange gave. */
export function splitNameAndAddress(text: string): [name: string, address: string] {
  const tab = text.indexOf('\t');
  return [text.slice(0, tab), text.slice(tab + 1)];
}

export function decodeScratchLine(text: string): ScratchRow {
  const [ord, nik, valid, filled, name, address, display] = text.split('\t') as [string, string, string, string, string, string, string];
  return { ord: Number(ord), nik, valid: valid === '1', filled: Number(filled), name, address, display };
}
