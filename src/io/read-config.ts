/** Reads --config (JSON or YAML) and hands its content to the pure parser. */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ConfigError, UsageError } from '../errors.js';
import { parseConfig, type ResolvedConfig } from '../config/parse-config.js';

export async function loadConfig(path: string): Promise<ResolvedConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError('config.notFound', { file: path }, { cause: err });
    if (code === 'EISDIR') throw new UsageError('config.isDirectory', { file: path }, { cause: err });
    throw new UsageError('config.unreadable', { file: path, detail: code ?? String(err) }, { cause: err });
  }
  let data: unknown;
  try {
    // YAML 1.2 is a superset of JSON, so one parser reads both.
    data = parseYaml(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError(path, [{ key: 'configProblem.syntax', params: { detail: (err as Error).message.split('\n')[0] ?? String(err) } }]);
  }
  const { config, problems } = parseConfig(data);
  if (problems.length > 0) throw new ConfigError(path, problems);
  return config;
}
