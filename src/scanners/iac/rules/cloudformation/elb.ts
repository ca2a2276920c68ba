import { blocks, get, type IacObject, type IacResource, isUnknown } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { cfnDoc, cfnRule, text } from './define.js';

const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';

/** An HTTP listener that only redirects to HTTPS or answers with a fixed response serves no traffic in clear. */
function servesNothing(action: IacObject): boolean {
  const type = text(action.Type);
  if (type === 'fixed-response') return true;
  return type === 'redirect' && text(get(action, ['RedirectConfig', 'Protocol'])) === 'https';
}

function* listener(r: IacResource): Iterable<Violation> {
  if (text(get(r.value, ['Protocol'])) !== 'http') return;
  const raw = get(r.value, ['DefaultActions']);
  if (raw === undefined || isUnknown(raw)) return;
  const actions = blocks(r.value, 'DefaultActions');
  if (actions.length > 0 && actions.every(servesNothing)) return;
  yield {
    message:
      'listener uses HTTP without redirecting to HTTPS: traffic and credentials cross the network in clear',
    at: ['Protocol'],
  };
}

function* classic(r: IacResource): Iterable<Violation> {
  const raw = get(r.value, ['Listeners']);
  const list = Array.isArray(raw) ? raw : [];
  for (let i = 0; i < list.length; i++) {
    const protocol = text(get(list[i], ['Protocol']));
    if (protocol === 'http')
      yield {
        message: 'uses HTTP: traffic crosses the network in clear; use HTTPS',
        at: ['Listeners', i, 'Protocol'],
        subject: `listener ${i}`,
      };
  }
}

export const elbListenerHttp = cfnRule({
  id: 'iac/aws-elb-listener-http-cfn',
  title: 'Load balancer listener accepts unencrypted HTTP',
  description:
    'A listener on HTTP forwards requests, session cookies and credentials in clear between clients and AWS. An HTTP listener whose only action is a redirect to HTTPS, or a fixed response, is fine and not reported.',
  severity: 'medium',
  resourceTypes: [LISTENER, CLASSIC],
  cis: [],
  nist: ['SC-8', 'SC-8(1)'],
  cwe: ['CWE-319'],
  remediation:
    'Redirect HTTP to an HTTPS listener:\n\n```yaml\nProperties:\n  Protocol: HTTP\n  Port: 80\n  DefaultActions:\n    - Type: redirect\n      RedirectConfig:\n        Protocol: HTTPS\n        Port: "443"\n        StatusCode: HTTP_301\n```',
  references: [
    cfnDoc(LISTENER),
    cfnDoc(CLASSIC),
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html',
  ],
  check: (r) => (r.type === LISTENER ? listener(r) : classic(r)),
});

export const ELB_RULES: readonly IacRule[] = [elbListenerHttp];
