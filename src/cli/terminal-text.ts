/**
 * Text that came from input (file names, cells, header names, messages that quote them) made safe
 * to print on a terminal: a file named with ESC [ 2 J, a carriage return or a right-to-left
 * override must show as those characters, not clear the screen, overwrite the line before or
 * reorder what follows. Every C0 and C1 control character, DEL, the line and paragraph separators
 * and the bidirectional embedding, override, isolate and mark characters are written as escapes
 * (\t \n \r, \xHH, \u{HHHH}); everything else, Indonesian and any other script included, as is.
 */
import { maskIds } from '../report/mask.js';

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u{${code.toString(16).toUpperCase()}}`;
}

/** Control characters and escape sequences as visible escapes. Idempotent. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Input as a person may see it on a terminal: NIK-like values masked, controls escaped. */
export function shown(text: string): string {
  return terminalSafe(maskIds(text));
}

/** A message of ours that may span lines: each line shown, our own line breaks kept. */
export function shownLines(text: string): string {
  return text.split('\n').map(shown).join('\n');
}

/**
 * A message of ours whose quoted values were already shown (shownParams): only controls escaped,
 * line by line, so our own figures ("lebih dari 134.217.728 karakter") are not masked as NIKs.
 */
export function safeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

/**
 * JSON for stdout: JSON.stringify escapes C0 but writes C1 controls (U+009B is a CSI on many
 * terminals), DEL and the bidi controls raw. As \uXXXX they are the same JSON value.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
