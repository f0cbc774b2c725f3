/** Loads one regency, its districts and their villages from idn-area-data (the package ships the Kemendagri CSVs). */
import { getDistricts, getRegencies, getVillages } from 'idn-area-data';
import { UsageError } from '../errors.js';
import { buildRegionTable, parseRegionCode, type RegionTable } from '../schema/region-table.js';

export async function loadRegion(value: string): Promise<RegionTable> {
  const code = parseRegionCode(value);
  if (!code) throw new UsageError('usage.region', { value });
  const regencies = await getRegencies();
  const regency = regencies.find((r) => r.code === code);
  if (!regency) throw new UsageError('usage.region', { value });
  const districts = (await getDistricts()).filter((d) => d.regency_code === code);
  // Village codes start with their district's: 32.75.08.1001.
  const prefix = `${code}.`;
  const villages = (await getVillages())
    .filter((v) => v.district_code.startsWith(prefix))
    .map((v) => ({ districtCode: v.district_code, name: v.name }));
  return buildRegionTable(code, regency.name, districts, villages);
}
