// `list`: list the conformance cases (dry run) with the same filters as `run`.
import type { CliCommand } from '../command.js';
import { filterOptions } from './run.js';

/** The `list` command. */
export const listCommand: CliCommand = {
  command: 'list',
  describe: 'List the conformance cases (dry run): ID, level, title, section, tags',
  builder: y => filterOptions(y).option('json', { type: 'boolean', default: false, describe: 'one JSON array' }),
  async run(a, io) {
    const [{ loadCases }, { selectCases }] = await Promise.all([import('../../runner/registry.js'), import('../../runner/select.js')]);
    const cases = selectCases(await loadCases(), { only: a.only as string[] | undefined, skip: a.skip as string[] | undefined, level: a.level as 'must' | undefined });
    if (a.json) {
      io.out(JSON.stringify(cases.map(c => ({ id: c.id, level: c.level, title: c.title, ref: c.ref, area: c.area, tags: c.tags, requires: c.requires, requirement: c.requirement })), null, 2) + '\n');
    } else {
      const w = Math.max(2, ...cases.map(c => c.id.length));
      for (const c of cases) io.out(`${c.id.padEnd(w)}  ${c.level.padEnd(6)}  ${c.title}  [${c.ref}]${c.tags.length ? `  (${c.tags.join(', ')})` : ''}\n`);
      io.err(`${cases.length} case(s)\n`);
    }
    return cases.length ? 0 : 4;
  },
};
