import { COMPOSE_REFERENCE, composeRule, ports } from './service.js';

/** Container ports of databases, caches, message brokers and admin interfaces, by service. */
const SENSITIVE: Record<number, string> = {
  22: 'SSH',
  23: 'Telnet',
  1433: 'SQL Server',
  1521: 'Oracle',
  2181: 'ZooKeeper',
  2375: 'Docker API',
  2376: 'Docker API',
  2379: 'etcd',
  3306: 'MySQL',
  3389: 'RDP',
  5432: 'PostgreSQL',
  5601: 'Kibana',
  5672: 'RabbitMQ',
  5900: 'VNC',
  5984: 'CouchDB',
  6379: 'Redis',
  7474: 'Neo4j',
  8086: 'InfluxDB',
  8500: 'Consul',
  9042: 'Cassandra',
  9092: 'Kafka',
  9200: 'Elasticsearch',
  9300: 'Elasticsearch',
  10250: 'kubelet',
  11211: 'Memcached',
  15672: 'RabbitMQ management',
  27017: 'MongoDB',
};

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]']);

/** The sensitive service a container port (or range) includes. */
function sensitive(target: string): [number, string] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(target);
  if (!m) return undefined;
  const [low, high] = [Number(m[1]), Number(m[2] ?? m[1])];
  const hit = Object.keys(SENSITIVE)
    .map(Number)
    .find((p) => low <= p && p <= high);
  return hit === undefined ? undefined : [hit, SENSITIVE[hit]!];
}

export const composeExposedAdminPort = composeRule({
  id: 'iac/compose-exposed-admin-port',
  title: 'Database or admin port published on all interfaces',
  description:
    'A port published without a host address (`"5432:5432"`) listens on every interface of the host, and ' +
    'Docker’s iptables rules bypass host firewalls such as ufw. Databases, caches, brokers and admin ' +
    'interfaces then become reachable from the network, often without authentication. Bind them to ' +
    '127.0.0.1, or do not publish them at all and let other services use the compose network.',
  severity: 'medium',
  cis: [],
  nist: ['SC-7', 'CM-7'],
  cwe: ['CWE-668'],
  remediation:
    'Publish on the loopback address only (or remove `ports:`):\n\n```yaml\nservices:\n  db:\n    ports:\n' +
    '      - "127.0.0.1:5432:5432"\n```',
  references: [
    `${COMPOSE_REFERENCE}#ports`,
    'https://docs.docker.com/engine/network/packet-filtering-firewalls/',
  ],
  *check(r) {
    for (const p of ports(r)) {
      const hit = sensitive(p.target);
      if (!hit || !ALL_INTERFACES.has(p.hostIp) || p.protocol.toLowerCase() === 'udp') continue;
      yield {
        message: `${hit[1]} port ${hit[0]} is published on all host interfaces`,
        at: p.at,
        subject: `port ${p.target}`,
      };
    }
  },
});
