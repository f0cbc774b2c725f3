import { describe, expect, it } from 'vitest';
import { jaroWinkler } from '../../src/normalize/jaro-winkler.js';
import { nameTokens, namesCompatible } from '../../src/normalize/name.js';

const same = (a: string, b: string) => namesCompatible(nameTokens(a), nameTokens(b));

describe('nameTokens', () => {
  it('drops titles and degrees, folds case and punctuation', () => {
    expect(nameTokens('HJ. SITI AMINAH, S.PD')).toEqual(['SITI', 'AMINAH']);
    expect(nameTokens('Dr. Ir. Budi Santoso M.M.')).toEqual(['BUDI', 'SANTOSO']);
    expect(nameTokens('H. SUPRIYADI, S.SOS')).toEqual(['SUPRIYADI']);
  });

  it('treats the Muhammad variants alike', () => {
    for (const n of ['M. RIZKI', 'MUHAMMAD RIZKI', 'Muhamad Rizki', 'MOH. RIZKI', 'Mochammad Rizki']) {
      expect(nameTokens(n), n).toEqual(['MUHAMMAD', 'RIZKI']);
    }
  });

  it('folds old spellings so Soeharto/Suharto and Djoko/Joko meet', () => {
    expect(nameTokens('SOEHARTO')).toEqual(nameTokens('SUHARTO'));
    expect(nameTokens('DJOKO TJAHJONO')).toEqual(nameTokens('JOKO CAHYONO'));
  });

  it("reads MA'RUF and MA’RUF alike", () => {
    expect(nameTokens("MA'RUF")).toEqual(nameTokens('MA’RUF'));
  });
});

describe('namesCompatible', () => {
  it('says same person for titles, a shortened name, a misspelling, joined words', () => {
    expect(same('HJ. SITI AMINAH, S.PD', 'Siti Aminah')).toBe(true);
    expect(same('SITI AMINAH', 'AMINAH')).toBe(true);
    expect(same('SITI AMINAH', 'SITI AMINA')).toBe(true);
    expect(same('NUR HAYATI', 'NURHAYATI')).toBe(true);
    expect(same('M. RIZKI', 'MUHAMMAD RIZKI')).toBe(true);
  });

  it('says different people for another first name or another surname', () => {
    expect(same('BUDI SANTOSO', 'AGUS HARTONO')).toBe(false);
    expect(same('BUDI SANTOSO', 'BUDI HARTONO')).toBe(false);
    expect(same('BUDI SANTOSO', 'AGUS SANTOSO')).toBe(false);
    expect(same('HJ. SITI AMINAH, S.PD', 'BUDI SANTOSO')).toBe(false);
  });

  it('cannot tell from an empty name', () => {
    expect(namesCompatible([], ['BUDI'])).toBe(true);
  });
});

describe('jaroWinkler', () => {
  it('matches the textbook values', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('ABC', 'ABC')).toBe(1);
    expect(jaroWinkler('', 'ABC')).toBe(0);
  });
});
