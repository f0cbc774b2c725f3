/** Why two rows look like one person, in a few words per piece of evidence. */
import type { Evidence } from '../match/compare.js';
import type { Lang } from './messages.js';

const id: Record<Evidence['kind'], (e: never) => string> = {
  idOneDigit: (e: { position: number }) => `NIK beda 1 digit (posisi ${e.position})`,
  idTwoDigits: (e: { positions: [number, number] }) => `NIK beda 2 digit (posisi ${e.positions.join(', ')})`,
  idSwap: (e: { position: number }) => `dua digit NIK tertukar (posisi ${e.position}-${e.position + 1})`,
  idIsKk: () => 'NIK berisi No. KK',
  idTwoErrors: (e: { positions: [number, number] }) => `NIK dengan dua salah ketik (dua digit tertukar di posisi ${e.positions[0]}-${e.positions[0] + 1}, posisi ${e.positions[1]})`,
  idKkLike: () => 'salah satu NIK tampak seperti No. KK (tanggalnya bukan tanggal lahir orang itu)',
  idFar: () => 'NIK tidak berkaitan',
  nameSame: () => 'nama sama setelah gelar dibuang',
  nameSimilar: (e: { similarity: number }) => `nama mirip (${String(e.similarity).replace('.', ',')})`,
  nameDifferent: () => 'nama berbeda',
  birthSame: () => 'tanggal lahir sama',
  birthDefault: () => 'tanggal lahir sama tetapi tanggal bawaan Dukcapil',
  birthClose: () => 'tanggal lahir hampir sama',
  birthDifferent: () => 'tanggal lahir berbeda',
  phoneSame: () => 'no HP sama',
  phoneDifferent: () => 'no HP berbeda',
  addressSame: () => 'alamat sama',
  addressSimilar: () => 'alamat mirip',
  addressDifferent: () => 'alamat berbeda',
  areaSame: () => 'kelurahan sama',
  areaDifferent: () => 'kelurahan berbeda',
};

const en: Record<Evidence['kind'], (e: never) => string> = {
  idOneDigit: (e: { position: number }) => `NIK differs in 1 digit (position ${e.position})`,
  idTwoDigits: (e: { positions: [number, number] }) => `NIK differs in 2 digits (positions ${e.positions.join(', ')})`,
  idSwap: (e: { position: number }) => `two NIK digits swapped (positions ${e.position}-${e.position + 1})`,
  idIsKk: () => 'the NIK is a No. KK',
  idTwoErrors: (e: { positions: [number, number] }) => `NIK with two typing errors (digits swapped at positions ${e.positions[0]}-${e.positions[0] + 1}, position ${e.positions[1]})`,
  idKkLike: () => "one NIK looks like a No. KK (its date is not the person's birth date)",
  idFar: () => 'unrelated NIKs',
  nameSame: () => 'same name once titles are dropped',
  nameSimilar: (e: { similarity: number }) => `similar name (${e.similarity})`,
  nameDifferent: () => 'different name',
  birthSame: () => 'same birth date',
  birthDefault: () => "same birth date, but Dukcapil's default date",
  birthClose: () => 'nearly the same birth date',
  birthDifferent: () => 'different birth date',
  phoneSame: () => 'same phone',
  phoneDifferent: () => 'different phone',
  addressSame: () => 'same address',
  addressSimilar: () => 'similar address',
  addressDifferent: () => 'different address',
  areaSame: () => 'same kelurahan',
  areaDifferent: () => 'different kelurahan',
};

const catalogs = { id, en };

/**
 * The evidence for one person, strongest first; evidence against is left out of the sentence,
 * except unrelated NIKs, which the analyst must know the pair was proposed despite.
 */
export function explainMatch(lang: Lang, evidence: readonly Evidence[]): string {
  const against = new Set<Evidence['kind']>(['nameDifferent', 'birthDifferent', 'phoneDifferent', 'addressDifferent', 'areaDifferent']);
  return evidence
    .filter((e) => !against.has(e.kind))
    .map((e) => (catalogs[lang][e.kind] as (x: Evidence) => string)(e))
    .join('; ');
}
