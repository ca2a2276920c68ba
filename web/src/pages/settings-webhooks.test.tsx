import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSignedIn } from '../ui/render-signed-in';
import { draftProblems, webhookBody } from './settings-webhook-draft';
import { WebhookSettings } from './settings-webhooks';

afterEach(cleanup);

const draft = {
  name: '',
  url: 'https://hooks.example.com/x',
  format: 'generic' as const,
  events: ['sla.breach' as const],
  project: '',
  secret: '',
  jiraKey: '',
  jiraIssueType: '',
  jiraAuth: 'basic' as const,
  jiraUser: '',
  jiraToken: '',
};

describe('webhook settings', () => {
  it('asks for a URL and at least one event, and a long enough secret', () => {
    renderSignedIn(<WebhookSettings />, {
      data: [
        [['projects', 'choices'], []],
        [['webhooks'], { webhooks: [] }],
      ],
    });
    const form = screen.getByRole('form', { name: 'New webhook' });
    fireEvent.change(within(form).getByLabelText(/Signing secret/), { target: { value: 'too short' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add webhook' }));
    const alerts = within(form)
      .getAllByRole('alert')
      .map((a) => a.textContent);
    expect(alerts).toEqual([
      'Enter the http(s) URL the events are posted to.',
      'Pick at least one event.',
      'A secret needs at least 16 characters (or leave it empty: Gatehouse generates one).',
    ]);
    expect(screen.getByRole('heading', { name: 'No webhook yet' })).toBeTruthy();
  });

  it('asks Jira webhooks for a project key and credentials', () => {
    expect(draftProblems({ ...draft, format: 'jira', jiraKey: 'sec' })).toEqual({
      jiraKey: 'A Jira project key: capital letters, digits and _ (ABC).',
      jiraUser: 'Enter the Jira user the token belongs to.',
      jiraToken: 'Enter the Jira API token.',
    });
    const ok = {
      ...draft,
      format: 'jira' as const,
      jiraKey: 'SEC',
      jiraAuth: 'bearer' as const,
      jiraToken: 't',
    };
    expect(draftProblems(ok)).toEqual({});
    expect(webhookBody(ok)).toEqual({
      url: draft.url,
      format: 'jira',
      events: ['sla.breach'],
      jira: { projectKey: 'SEC', issueType: 'Bug', auth: { type: 'bearer', token: 't' } },
    });
  });

  it('sends no secret when it is left empty (the server generates one)', () => {
    expect(webhookBody(draft)).toEqual({ url: draft.url, format: 'generic', events: ['sla.breach'] });
  });
});
