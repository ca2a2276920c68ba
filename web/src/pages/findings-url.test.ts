import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  clearFilters,
  isDefaultFilter,
  MAX_BACK,
  nextPage,
  previousPage,
  readView,
  withFilter,
  withPageSize,
  withSort,
  writeView,
} from './findings-url';

const view = (search: string) => readView(new URLSearchParams(search));
const url = (v: ReturnType<typeof view>) => decodeURIComponent(writeView(v).toString().replaceAll('+', ' '));

describe('the findings view in the URL', () => {
  it('is empty for the default view, and the default asks the server for its own defaults', () => {
    const v = view('');
    expect(url(v)).toBe('');
    expect(isDefaultFilter(v.filter)).toBe(true);
    expect(apiQuery(v)).toEqual({ sort: 'severity', order: 'desc', limit: 50 });
  });

  it('reads every filter the API takes and writes it back the same', () => {
    const search =
      'text=sql injection&project=alpha,beta&severity=critical,high&status=open,false_positive' +
      '&scanner=sast,sarif:semgrep&rule=sast/rule-1&sla=overdue&firstSeenFrom=2026-01-01&firstSeenTo=2026-01-31' +
      '&sort=path&order=desc&limit=100';
    const v = view(search);
    expect(v.filter).toEqual({
      text: 'sql injection',
      project: ['alpha', 'beta'],
      severity: ['critical', 'high'],
      status: ['open', 'false_positive'],
      scanner: ['sast', 'sarif:semgrep'],
      rule: ['sast/rule-1'],
      sla: 'overdue',
      firstSeenFrom: '2026-01-01',
      firstSeenTo: '2026-01-31',
    });
    expect(v).toMatchObject({ sort: 'path', order: 'desc', limit: 100, page: 1, back: [] });
    expect(url(v)).toBe(search);
    expect(apiQuery(v)).toEqual({
      text: 'sql injection',
      project: ['alpha', 'beta'],
      severity: ['critical', 'high'],
      status: ['open', 'false_positive'],
      scanner: ['sast', 'sarif:semgrep'],
      rule: ['sast/rule-1'],
      sla: 'overdue',
      firstSeenFrom: '2026-01-01',
      firstSeenTo: '2026-01-31',
      sort: 'path',
      order: 'desc',
      limit: 100,
    });
  });

  it('takes repeated parameters as the API does, in the canonical order of severities', () => {
    const v = view('severity=low&severity=critical&project=a&project=b&project=a');
    expect(v.filter.severity).toEqual(['critical', 'low']);
    expect(v.filter.project).toEqual(['a', 'b']);
    expect(url(v)).toBe('project=a,b&severity=critical,low');
  });

  it('drops what the API would refuse, so an edited link still shows a view', () => {
    const v = view(
      'severity=urgent,high&status=done&sla=late&sort=colour&order=up&limit=7&firstSeenFrom=yesterday&cursor=$$$',
    );
    expect(v.filter.severity).toEqual(['high']);
    expect(v.filter.status).toEqual([]);
    expect(v.filter.sla).toBe('');
    expect(v.filter.firstSeenFrom).toBe('');
    expect(v).toMatchObject({ sort: 'severity', order: 'desc', limit: 50, page: 1 });
    expect(v.cursor).toBeUndefined();
    expect(url(v)).toBe('severity=high');
  });

  it('says `all` for every status and nothing for the default statuses', () => {
    expect(view('status=all').filter.status).toHaveLength(7);
    expect(url(view('status=open,confirmed,in_progress,false_positive,risk_accepted,fixed,closed'))).toBe(
      'status=all',
    );
    expect(url(view('status=in_progress,open,confirmed'))).toBe('');
    expect(apiQuery(view('status=all')).status).toEqual(['all']);
  });

  it('keeps the text as typed in the URL (a trailing space is not eaten) and trims what it sends', () => {
    const v = view('text=sql%20');
    expect(v.filter.text).toBe('sql ');
    expect(apiQuery(v).text).toBe('sql');
    expect(apiQuery(view('text=%20%20')).text).toBeUndefined();
  });

  it('gives each sort its natural order first and flips it on the second click', () => {
    const bySla = withSort(view(''), 'sla_due');
    expect([bySla.sort, bySla.order]).toEqual(['sla_due', 'asc']);
    expect(url(bySla)).toBe('sort=sla_due');
    const flipped = withSort(bySla, 'sla_due');
    expect(url(flipped)).toBe('sort=sla_due&order=desc');
    expect(url(withSort(view(''), 'severity'))).toBe('order=asc');
  });
});

describe('pages of the findings view', () => {
  it('goes forward with the cursor of the answer and back through the cursors it remembers', () => {
    const p1 = view('severity=high');
    const p2 = nextPage(p1, 'c2');
    expect(url(p2)).toBe('severity=high&cursor=c2&page=2');
    const p3 = nextPage(readView(writeView(p2)), 'c3');
    expect(url(p3)).toBe('severity=high&cursor=c3&back=c2&page=3');
    const back2 = previousPage(readView(writeView(p3)));
    expect(url(back2)).toBe('severity=high&cursor=c2&page=2');
    expect(apiQuery(back2).cursor).toBe('c2');
    const back1 = previousPage(back2);
    expect(url(back1)).toBe('severity=high');
    expect(apiQuery(back1).cursor).toBeUndefined();
  });

  it('starts from the first page when a filter, the sort or the page size changes', () => {
    const p3 = view('cursor=c3&back=c2&page=3');
    expect(url(withFilter(p3, { severity: ['low'] }))).toBe('severity=low');
    expect(url(withSort(p3, 'rule'))).toBe('sort=rule');
    expect(url(withPageSize(p3, 200))).toBe('limit=200');
    expect(url(clearFilters(view('severity=low&sort=path&cursor=c2&page=2')))).toBe('sort=path');
  });

  it('falls back to the first page when the page before was never remembered (a shared link)', () => {
    const shared = view('cursor=c9&page=9');
    expect(shared.page).toBe(9);
    expect(url(previousPage(shared))).toBe('');
  });

  it('remembers a bounded number of pages back', () => {
    let v = view('');
    for (let i = 0; i < MAX_BACK + 10; i++) v = nextPage(v, `c${i}`);
    expect(v.back).toHaveLength(MAX_BACK);
    expect(v.page).toBe(MAX_BACK + 11);
    expect(readView(writeView(v)).page).toBe(MAX_BACK + 11);
  });
});
