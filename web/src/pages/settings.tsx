import { useCan } from '../session/session';
import { useDocumentTitle } from '../ui/document-title';
import { NotAllowed } from '../ui/not-allowed';
import { PageTabs, usePageTab } from '../ui/page-tabs';
import { SlaSettings } from './settings-sla';
import { TeamSettings } from './settings-teams';
import { TokenSettings } from './settings-tokens';
import { UserSettings } from './settings-users';
import { WebhookSettings } from './settings-webhooks';

const SECTIONS = [
  { key: 'users', label: 'Users' },
  { key: 'tokens', label: 'API tokens' },
  { key: 'sla', label: 'SLA policy' },
  { key: 'teams', label: 'Teams' },
  { key: 'webhooks', label: 'Webhooks' },
] as const;

const BODY = {
  users: UserSettings,
  tokens: TokenSettings,
  sla: SlaSettings,
  teams: TeamSettings,
  webhooks: WebhookSettings,
};

/** Server settings, for admins only (others are told so; the server refuses them anyway). */
export function Settings() {
  useDocumentTitle('Settings');
  const admin = useCan('admin');
  const section = usePageTab('section', SECTIONS) as keyof typeof BODY;
  if (!admin) return <NotAllowed what="the settings" who="Only the admin role can" />;
  const Body = BODY[section];
  return (
    <div className="admin-page">
      <h1>Settings</h1>
      <PageTabs label="Settings sections" param="section" tabs={SECTIONS} />
      <Body />
    </div>
  );
}
