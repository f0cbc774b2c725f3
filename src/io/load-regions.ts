/** Loads one regency and its districts from idn-area-data (the package ships the Kemendagri CSVs). */
import { getDistricts, getRegencies } from 'idn-area-data';
import { UsageError } from '../errors.js';
import { buildRegionTable, parseRegionCode, type RegionTable } from '../schema/region-table.js';

export async function loadRegion(value: string): Promise<RegionTable> {
  const code = parseRegionCode(value);
  if (!code) throw new UsageError('usage.region', { value });
  const regencies = await getRegencies();
  const regency = regencies.find((r) => r.code === code);
  if (!regency) throw new UsageError('usage.region', { value });
  const districts = (await getDistricts()).filter((d) => d.regency_code === code);
  return buildRegionTable(code, regency.name, districts);
}
