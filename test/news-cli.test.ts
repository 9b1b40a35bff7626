// `truceline extract` and `truceline articles` end to end: a real process, a real SQLite file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.ts';
import { OWN_ARTICLE } from './news-fixtures.ts';

let dir: string;
let cleanup: () => void;
let db: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'news.db');
});
afterAll(() => cleanup());

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('extract: reading the file', () => {
  it('every news command answers --help', () => {
    for (const args of [
      ['extract'],
      ['articles', 'list'],
      ['articles', 'show'],
      ['articles', 'accept'],
      ['articles', 'reject'],
    ]) {
      // prettier-ignore
      const r = runCli([...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: truceline');
    }
  });

  it('refuses a binary file, a non-UTF-8 file and a missing one', () => {
    const binary = runCli(['extract', file('scan.pdf', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]))]); // prettier-ignore
    expect(binary.code).toBe(1);
    expect(binary.stderr).toMatch(/binary file/);
    const latin1 = runCli(['extract', file('latin1.txt', Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f]))]); // prettier-ignore
    expect(latin1.code).toBe(1);
    expect(latin1.stderr).toMatch(/not UTF-8/);
    const missing = runCli(['extract', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });

  it('refuses a file over 5 MB, and names a bad flag', () => {
    const big = runCli(['extract', file('big.txt', 'a'.repeat(5 * 1024 * 1024 + 1))]);
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/at most 5 MB/);
    const story = file('story.txt', OWN_ARTICLE);
    expect(runCli(['extract', story, '--format', 'xml']).stderr).toContain('--format');
    expect(runCli(['extract', story, '--published', '4/3/2018']).stderr).toContain('--published');
    expect(runCli(['extract', story, '--publisher', 'PA']).stderr).toContain('only with --draft');
  });
});

describe('extract and the review queue (needs the extractor)', () => {
  it('prints the extraction as JSON', () => {
    const r = runCli(['extract', file('story.txt', OWN_ARTICLE), '--format', 'json', '--published', '2018-03-04']); // prettier-ignore
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.published).toBe('2018-03-04');
    expect(Array.isArray(a.claims)).toBe(true);
    expect(typeof a.text).toBe('string');
  });

  it('prints it for a person by default', () => {
    const r = runCli(['extract', file('story.txt', OWN_ARTICLE)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Title: /);
    expect(r.stdout).toMatch(/\nClaims/);
  });

  it('stores a draft, then lists and shows it with its claims pending', () => {
    const story = file('story.txt', OWN_ARTICLE);
    const r = runCli(['extract', story, '--draft', '--publisher', 'Press Association', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const m = /article (\S+): (\d+) claim\(s\) await review/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    const list = runCli(['articles', 'list', '--json', '--db', db]);
    expect(list.code, list.stderr).toBe(0);
    const { items, total } = JSON.parse(list.stdout);
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ id: m![1], publisher: 'Press Association' });
    expect(items[0].claims.pending).toBe(Number(m![2]));
    const show = runCli(['articles', 'show', m![1]!, '--db', db]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('Publisher: Press Association');
    if (Number(m![2]) > 0) {
      expect(show.stdout).toContain('[pending]');
      const rej = runCli(['articles', 'reject', m![1]!, '0', '--note', 'not ours', '--db', db]);
      expect(rej.code, rej.stderr).toBe(0);
      expect(rej.stdout).toContain('rejected: not ours');
      const again = runCli(['articles', 'reject', m![1]!, '0', '--note', 'x', '--db', db]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already rejected');
      const nowhere = runCli(['articles', 'accept', m![1]!, '0', '--as', 'agreement_note', '--db', db]); // prettier-ignore
      expect(nowhere.stderr).toContain('--agreement: is needed with --as agreement_note');
    }
  });
});
