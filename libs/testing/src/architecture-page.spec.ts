import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

// ARCHITECTURE.md is the page a new maintainer reads first: every file it links must exist, and every
// test it names after a rule must still be in the file it links beside the name. A rename or a moved
// file fails here, so the page is corrected with the change that made it stale.

const ROOT = resolve(__dirname, '../../..');
const PAGE = 'ARCHITECTURE.md';
const RULES_HEADING = '## Where each rule lives';

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** The page without fenced code (the diagram), whose brackets are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** Targets of `[text](target)` links inside the repository: no URLs, no in-page anchors, no fragments. */
function localLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => decodeURIComponent(target.split('#')[0]));
}

type RuleRow = { line: number; rule: string; where: string; tests: string };

/** The rows of the rule tables: every table row after the rules heading but the header and separator. */
function ruleRows(markdown: string): RuleRow[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === RULES_HEADING);
  if (start < 0) return [];
  const rows: RuleRow[] = [];
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index].trim();
    if (line.startsWith('## ')) break;
    if (!line.startsWith('|') || /^\|\s*-/.test(line) || /^\|\s*rule\s*\|/.test(line)) continue;
    const cells = line.slice(1, line.endsWith('|') ? -1 : undefined).split('|');
    const [rule = '', where = '', tests = ''] = cells.map((cell) => cell.trim());
    rows.push({ line: index + 1, rule, where, tests });
  }
  return rows;
}

describe('ARCHITECTURE.md stays current', () => {
  const page = read(PAGE);
  const rows = ruleRows(page);

  it('every file or folder the page links exists in the repository', () => {
    const links = localLinks(prose(page));
    expect(links.length).toBeGreaterThan(100);
    const outside = links.filter((target) => isAbsolute(target) || relative(ROOT, resolve(ROOT, target)).startsWith('..'));
    const missing = links.filter((target) => !existsSync(resolve(ROOT, target)));
    expect({ outside, missing }).toEqual({ outside: [], missing: [] });
  });

  it('every rule row links the files that implement it, or says it is not implemented', () => {
    expect(rows.length).toBeGreaterThan(40);
    const unplaced = rows
      .filter((row) => localLinks(row.where).length === 0 && !/not implemented/i.test(row.where))
      .map((row) => `line ${row.line}: ${row.rule}`);
    expect(unplaced).toEqual([]);
  });

  it('every test the page names after a rule is in the spec file linked beside it', () => {
    const problems: string[] = [];
    for (const row of rows) {
      const titles = [...row.tests.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
      const specs = localLinks(row.tests).filter((target) => /\.(spec|integration-spec|e2e-spec)\.tsx?$/.test(target));
      const saysNoTest = row.tests === '—' || /no test/i.test(row.tests);
      if (titles.length === 0 && !saysNoTest) problems.push(`line ${row.line}: names no test and does not say so`);
      if (titles.length > 0 && specs.length === 0) problems.push(`line ${row.line}: names tests but links no spec file`);
      const sources = specs.filter((spec) => existsSync(resolve(ROOT, spec))).map(read);
      for (const title of titles) {
        if (sources.some((source) => source.includes(title))) continue;
        problems.push(`line ${row.line}: "${title}" is in none of ${specs.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the README sends a new reader to the page', () => {
    expect(localLinks(prose(read('README.md')))).toContain(PAGE);
  });
});
