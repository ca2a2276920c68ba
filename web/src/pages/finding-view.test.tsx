import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSignedIn } from '../ui/render-signed-in';
import { FindingPage } from './finding';
import { AdvisoryDetails } from './finding-advisory';
import { eventSummary } from './finding-history';
import { sastDetail, scaDetail, summaryOf } from './finding-samples';
import { DataflowTrace } from './finding-trace';
import type { FindingDetail } from './finding-types';
import { FindingView } from './finding-view';
import { FindingsTable } from './findings-table';

afterEach(cleanup);

const XSS = '<img src=x onerror=alert(1)>';

function renderView(detail: FindingDetail) {
  return render(
    <MemoryRouter>
      <FindingView detail={detail} canTriage={false} canRequestException={false} back="/findings" />
    </MemoryRouter>,
  );
}

describe('the dataflow trace', () => {
  it('lists a SAST finding’s steps in order, from the source to the sink, with their places', () => {
    render(<DataflowTrace steps={sastDetail.finding.trace!} />);
    const steps = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual([
      'Sourcesource: req.bodysrc/server.js:14:11',
      'Step 1passed to archive()src/server.js:14:3',
      'Step 2parameter namesrc/server.js:8:18',
      'Step 3assigned to cmdsrc/server.js:9:9',
      'Sinkreaches the sink: cmdsrc/server.js:10:8',
    ]);
  });

  it('names a single step both source and sink, and leaves out a missing column', () => {
    render(<DataflowTrace steps={[{ path: 'a.py', line: 3, message: 'os.system(cmd)' }]} />);
    expect(screen.getByRole('listitem').textContent).toBe('Source and sinkos.system(cmd)a.py:3');
  });
});

describe('the advisory of a dependency finding', () => {
  const v = scaDetail.finding.vulnerability!;

  it('shows the advisory and its aliases (linked to OSV), the package, installed and fixed versions, CVSS', () => {
    render(<AdvisoryDetails vulnerability={v} references={['https://github.com/lodash/lodash/pull/1']} />);
    const terms = screen.getAllByRole('term').map((t) => t.textContent);
    const values = screen.getAllByRole('definition').map((d) => d.textContent);
    expect(Object.fromEntries(terms.map((t, i) => [t, values[i]]))).toEqual({
      Advisory: 'GHSA-p6mc-m468-83gw',
      'Also known as': 'CVE-2020-8203',
      Package: 'lodash (npm)pkg:npm/lodash@4.17.15',
      'Installed version': '4.17.15',
      'Fixed in': '4.17.20',
      CVSS: '7.4 (v3.1) CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H',
    });
    expect(screen.getByRole('link', { name: 'CVE-2020-8203' }).getAttribute('href')).toBe(
      'https://osv.dev/vulnerability/CVE-2020-8203',
    );
    expect(screen.getByRole('link', { name: 'https://github.com/lodash/lodash/pull/1' })).toBeTruthy();
  });

  it('says when no fixed version is published', () => {
    render(<AdvisoryDetails vulnerability={{ ...v, fixedVersions: [], aliases: [] }} references={[]} />);
    expect(screen.getByText('no fixed version published')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'References' })).toBeNull();
  });
});

describe('the finding page', () => {
  it('shows the SAST trace and no advisory for a SAST finding, and the reverse for SCA', () => {
    renderView(sastDetail);
    expect(screen.getByRole('heading', { name: 'Dataflow: source to sink' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Advisory' })).toBeNull();
    expect(screen.getByText('OWASP Top 10').nextElementSibling?.textContent).toBe('A03:2021');
    expect(screen.getByRole('link', { name: 'CWE-78' }).getAttribute('href')).toBe(
      'https://cwe.mitre.org/data/definitions/78.html',
    );
    cleanup();
    renderView(scaDetail);
    expect(screen.getByRole('heading', { name: 'Advisory' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Dataflow: source to sink' })).toBeNull();
    expect(screen.getByText('Reachable from the cart merge; upgrade planned.')).toBeTruthy();
    expect(screen.getByText('Status open → confirmed')).toBeTruthy();
  });

  it('renders markup in finding data as text, and links only to web addresses', () => {
    const f = sastDetail.finding;
    const hostile: FindingDetail = {
      ...sastDetail,
      finding: {
        ...f,
        title: XSS,
        message: `<script>alert(2)</script>`,
        remediation: '<b>bold</b>',
        location: { ...f.location, snippet: `const x = "${XSS}";` },
        references: ['javascript:alert(3)', 'https://example.com/ok'],
        trace: [{ path: 'a.js', line: 1, message: XSS }],
      },
      history: [{ ...sastDetail.history[0]!, kind: 'comment', comment: XSS, from: null, to: null }],
    };
    const { container } = renderView(hostile);
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(XSS);
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
    expect(screen.getByText(`const x = "${XSS}";`)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'javascript:alert(3)' })).toBeNull();
    expect(screen.getByText('javascript:alert(3)').tagName).toBe('SPAN');
    expect(screen.getByRole('link', { name: 'https://example.com/ok' }).getAttribute('rel')).toBe(
      'noopener noreferrer',
    );
  });

  it('shows the triage and exception forms to a developer, and neither to an auditor', async () => {
    const page = (
      <Routes>
        <Route path="/findings/:id" element={<FindingPage />} />
      </Routes>
    );
    const data: [readonly unknown[], unknown][] = [[['findings', 'detail', 42], scaDetail]];
    renderSignedIn(page, { role: 'developer', path: '/findings/42', data });
    await screen.findByRole('heading', { level: 1, name: 'Dependency with a known vulnerability' });
    expect(screen.getByRole('heading', { name: 'Triage' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Request an exception' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Advisory GHSA-p6mc-m468-83gw' })).toBeTruthy();
    cleanup();
    renderSignedIn(page, { role: 'auditor', path: '/findings/42', data });
    await screen.findByRole('heading', { level: 1, name: 'Dependency with a known vulnerability' });
    expect(screen.queryByRole('heading', { name: 'Triage' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Request an exception' })).toBeNull();
  });

  it('names history events in the words of the table', () => {
    const e = sastDetail.history[0]!;
    expect(eventSummary({ ...e, kind: 'status', from: 'open', to: 'false_positive' })).toBe(
      'Status open → false positive',
    );
    expect(eventSummary({ ...e, kind: 'severity', from: 'high', to: 'medium' })).toBe(
      'Severity high → medium',
    );
    expect(eventSummary({ ...e, kind: 'exception', from: 'open', to: 'risk_accepted' })).toBe(
      'Exception: open → risk accepted',
    );
  });
});

describe('the findings table', () => {
  const rows = [{ ...summaryOf(sastDetail.finding), title: XSS }, summaryOf(scaDetail.finding)];
  const table = (selectable: boolean) =>
    render(
      <MemoryRouter>
        <FindingsTable
          rows={rows}
          sort="first_seen"
          order="desc"
          onSort={() => {}}
          selectable={selectable}
          selected={new Set([42])}
          onSelect={() => {}}
          from="/findings?severity=high"
          busy={false}
        />
      </MemoryRouter>,
    );

  it('shows a title with markup as text, and every column of a row', () => {
    const { container } = table(true);
    expect(container.querySelector('img')).toBeNull();
    const link = screen.getByRole('link', { name: XSS });
    expect(link.getAttribute('href')).toBe('/findings/41');
    const cells = within(link.closest('tr')!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(1, 8)).toEqual([
      'critical',
      XSS,
      'shop-api',
      'src/server.js:10',
      'sast',
      'sast/js-child-process-injection',
      'open',
    ]);
    expect(cells[10]).toMatch(/^overdue /);
    const sca = within(
      screen.getByRole('link', { name: 'Dependency with a known vulnerability' }).closest('tr')!,
    );
    expect(sca.getByText('GHSA-p6mc-m468-83gw · pkg:npm/lodash@4.17.15')).toBeTruthy();
    expect((sca.getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
  });

  it('marks the sorted column with aria-sort, on buttons', () => {
    table(false);
    const sorted = screen.getByRole('columnheader', { name: /First seen/ });
    expect(sorted.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: /Severity/ }).getAttribute('aria-sort')).toBe('none');
    expect(within(sorted).getByRole('button')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Project' }).hasAttribute('aria-sort')).toBe(false);
  });

  it('has no checkboxes for a role that may not triage', () => {
    table(false);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
  });
});
